"""The story behind the demo person: what Alex Rivera learned, rated and aimed at.

Plain data read by :mod:`planner.services.demo_data`. Days are offsets from "today"
(negative is the past); windows are fractions of the 18-month history (0 = its first
day, 1 = the last logged entry). Competency ids are those of the built-in
``senior-ml-developer`` framework.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.vocabulary import GoalPriority, GoalStatus, LearningKind

PY = "python-programming"
ALG = "ml-algorithms"
DATA = "data-manipulation"
TRAIN = "model-training"
OPT = "model-optimisation"
DEPLOY = "model-deployment"
ARCH = "system-architecture"
DQ = "data-quality-diagnosis"
REVIEW = "model-design-review"
MENTOR = "mentoring"
LEAD = "project-leadership"
SHARE = "knowledge-sharing"
DECIDE = "technical-decisions"
OWN = "ownership-autonomy"
COMMS = "stakeholder-communication"
STRAT = "project-strategy"
BIZ = "business-alignment"
LEARN = "continuous-learning"
RESEARCH = "research-leadership"
ETHICS = "ai-ethics"

COURSE = LearningKind.COURSE
BOOK = LearningKind.BOOK
PAPER = LearningKind.PAPER
PROJECT = LearningKind.PROJECT
GIVEN = LearningKind.MENTORING_GIVEN
RECEIVED = LearningKind.MENTORING_RECEIVED
TALK = LearningKind.TALK
CERT = LearningKind.CERTIFICATION
JOB = LearningKind.ON_THE_JOB

Window = tuple[float, float]
EARLY: Window = (0.0, 0.5)
MID: Window = (0.25, 0.8)
LATE: Window = (0.5, 1.0)
ANY: Window = (0.0, 1.0)

MENTOR_NAME = "Priya Shah"

#: Plausible hours for one log entry of each kind.
KIND_HOURS: dict[LearningKind, tuple[float, float]] = {
    COURSE: (8, 40),
    BOOK: (6, 20),
    PAPER: (2, 4),
    PROJECT: (10, 60),
    GIVEN: (1, 2),
    RECEIVED: (1, 1.5),
    TALK: (1, 2),
    CERT: (15, 40),
    JOB: (3, 12),
}
PART_HOURS: dict[LearningKind, tuple[float, float]] = {COURSE: (8, 14), BOOK: (5, 9)}
GIVEN_TALK = (3.0, 8.0)


@dataclass(frozen=True)
class Idea:
    """Something Alex might log; with ``parts`` it is logged once per part, in order."""

    kind: LearningKind
    title: str
    competencies: tuple[str, ...]
    window: Window = ANY
    notes: str = ""
    link: str = ""
    parts: tuple[str, ...] = ()
    hours: tuple[float, float] | None = None


def _arxiv(number: str) -> str:
    return f"https://arxiv.org/abs/{number}"


# fmt: off
#: Entries pinned to a day because goals and assessments tell their story.
PINNED: tuple[tuple[int, Idea], ...] = (
    (-505, Idea(JOB, "Moved demand-forecast training from cron jobs to Airflow", (DEPLOY, ARCH))),
    (-500, Idea(COURSE, "MLOps specialisation, course 1: ML lifecycle and deployment", (DEPLOY,),
                link="https://www.coursera.org/specializations/machine-learning-engineering-for-production-mlops")),
    (-490, Idea(JOB, "Shadow deployment of demand-forecast v1", (DEPLOY, OWN),
                notes="Two weeks side by side with the spreadsheet forecast; no alerts fired.")),
    (-468, Idea(JOB, "Demand-forecast v1 live with daily retraining and alerting", (DEPLOY, OWN),
                notes="First model I shipped end to end. Runbook handed to on-call.")),
    (-460, Idea(COURSE, "MLOps specialisation, course 2: data in production", (DATA, DQ))),
    (-420, Idea(COURSE, "MLOps specialisation, course 3: modelling pipelines", (TRAIN, OPT))),
    (-385, Idea(JOB, "Post-mortem: ranking model v3 rollback", (DEPLOY, OWN),
                notes="No canary, no latency alert; the model sat at p95 400 ms for a day. "
                      "Wrote the post-mortem; I had been overconfident about deployment.")),
    (-392, Idea(COURSE, "MLOps specialisation, course 4: deploying models", (DEPLOY, ARCH))),
    (-378, Idea(JOB, "Facilitated the blameless review of the ranking v3 rollback", (OWN, COMMS))),
    (-360, Idea(JOB, "Canary releases and automatic rollback for model deploys", (DEPLOY, ARCH))),
    (-290, Idea(TALK, "Lunch-and-learn I gave: debugging training/serving skew", (SHARE, COMMS),
                hours=GIVEN_TALK)),
    (-302, Idea(JOB, "Design doc: real-time feature serving for ranking", (DECIDE, ARCH),
                notes="First design doc; three rounds of review comments.")),
    (-238, Idea(TALK, "Presented the feature-serving design at the architecture forum",
                (COMMS, DECIDE), hours=GIVEN_TALK)),
    (-140, Idea(JOB, "Kicked off the search-ranking re-platforming", (LEAD, STRAT),
                notes="Ran the kickoff with product and data engineering; wrote the one-pager.")),
    (-121, Idea(CERT, "Google Cloud Professional Machine Learning Engineer", (DEPLOY, ARCH),
                link="https://cloud.google.com/learn/certification/machine-learning-engineer")),
    (-95, Idea(TALK, "Quarterly model impact review with product leadership", (COMMS, BIZ),
               hours=GIVEN_TALK, notes="Translated NDCG gains into conversion; went well.")),
    (-60, Idea(GIVEN, "ML reading group, first session: Hidden Technical Debt in ML Systems",
               (SHARE, LEARN))),
)
# fmt: on

# fmt: off
#: Everything else Alex might log, picked at random within its window.
IDEAS: tuple[Idea, ...] = (
    # Technical courses and books
    Idea(COURSE, "Full Stack Deep Learning", (DEPLOY, TRAIN, ARCH), EARLY,
         link="https://fullstackdeeplearning.com/course/2022/",
         parts=("lectures 1-3: development infrastructure", "lectures 4-6: data and deployment",
                "lectures 7-9: monitoring and teams")),
    Idea(COURSE, "Practical Deep Learning for Coders (fast.ai)", (TRAIN, ALG), EARLY,
         link="https://course.fast.ai/", parts=("lessons 1-4", "lessons 5-8")),
    Idea(COURSE, "Hugging Face NLP course", (TRAIN, ALG), MID,
         link="https://huggingface.co/learn/nlp-course",
         parts=("chapters 1-4: transformers and fine-tuning", "chapters 5-9: datasets and tasks")),
    Idea(COURSE, "Made With ML: MLOps course", (DEPLOY, ARCH), MID, link="https://madewithml.com/"),
    Idea(COURSE, "Advanced SQL for analytics (data platform training)", (DATA,), EARLY,
         hours=(8, 12)),
    Idea(COURSE, "Kubernetes for ML engineers workshop", (DEPLOY, ARCH), MID, hours=(8, 14)),
    Idea(BOOK, "Designing Machine Learning Systems (Chip Huyen)", (ARCH, DEPLOY, DQ), EARLY,
         parts=("ch. 1-4: data and features", "ch. 5-7: model development and deployment",
                "ch. 8-11: monitoring, infrastructure and people"),
         notes="The chapter on distribution shift changed how I think about monitoring."),
    Idea(BOOK, "Machine Learning Design Patterns (Lakshmanan, Robinson, Munn)", (REVIEW, ARCH),
         EARLY, parts=("patterns 1-15", "patterns 16-30")),
    Idea(BOOK, "Fluent Python, 2nd edition (Ramalho)", (PY,), EARLY,
         parts=("parts I-II: data structures and functions", "parts III-V: classes and control")),
    Idea(BOOK, "Designing Data-Intensive Applications (Kleppmann)", (ARCH, DATA), MID,
         parts=("part I: foundations", "part II: distributed data", "part III: derived data")),
    Idea(BOOK, "Reliable Machine Learning (Chen, Murphy et al.)", (DEPLOY, OWN), MID,
         parts=("ch. 1-7", "ch. 8-15")),
    Idea(BOOK, "Trustworthy Online Controlled Experiments (Kohavi, Tang, Xu)", (REVIEW, BIZ), MID),
    Idea(BOOK, "Interpretable Machine Learning (Molnar)", (REVIEW, ETHICS), MID,
         link="https://christophm.github.io/interpretable-ml-book/"),
    Idea(BOOK, "Building Machine Learning Powered Applications (Ameisen)", (REVIEW, TRAIN), EARLY),
    Idea(BOOK, "Effective Pandas (Harrison)", (DATA, PY), EARLY),
    # Papers
    Idea(PAPER, "Hidden Technical Debt in Machine Learning Systems (Sculley et al.)",
         (ARCH, REVIEW), EARLY),
    Idea(PAPER, "Attention Is All You Need (Vaswani et al.)", (ALG,), EARLY,
         link=_arxiv("1706.03762")),
    Idea(PAPER, "BERT: Pre-training of Deep Bidirectional Transformers", (ALG, TRAIN), EARLY,
         link=_arxiv("1810.04805")),
    Idea(PAPER, "Sentence-BERT: Sentence Embeddings using Siamese Networks", (ALG,), MID,
         link=_arxiv("1908.10084"), notes="Candidate for the search re-ranker."),
    Idea(PAPER, "XGBoost: A Scalable Tree Boosting System", (ALG, OPT), EARLY,
         link=_arxiv("1603.02754")),
    Idea(PAPER, "Wide & Deep Learning for Recommender Systems", (ALG, ARCH), EARLY,
         link=_arxiv("1606.07792")),
    Idea(PAPER, "Deep Learning Recommendation Model (DLRM)", (ARCH, OPT), MID,
         link=_arxiv("1906.00091")),
    Idea(PAPER, "On Calibration of Modern Neural Networks", (ALG, REVIEW), MID,
         link=_arxiv("1706.04599")),
    Idea(PAPER, "Failing Loudly: Detecting Dataset Shift", (DQ,), MID, link=_arxiv("1810.11953")),
    Idea(PAPER, "Confident Learning: Estimating Uncertainty in Dataset Labels", (DQ, DATA), MID,
         link=_arxiv("1911.00068")),
    Idea(PAPER, "Underspecification Presents Challenges for Credibility in Modern ML", (REVIEW,),
         MID, link=_arxiv("2011.03395")),
    Idea(PAPER, "Shortcut Learning in Deep Neural Networks", (REVIEW, DQ), MID,
         link=_arxiv("2004.07780")),
    Idea(PAPER, "Challenges in Deploying Machine Learning: a Survey of Case Studies", (DEPLOY,),
         EARLY, link=_arxiv("2011.09926")),
    Idea(PAPER, "Operationalizing Machine Learning: An Interview Study", (DEPLOY, OWN), MID,
         link=_arxiv("2209.09125")),
    Idea(PAPER, "Quantization for Efficient Integer-Arithmetic-Only Inference", (OPT,), MID,
         link=_arxiv("1712.05877")),
    Idea(PAPER, "Mixed Precision Training (Micikevicius et al.)", (OPT, TRAIN), MID,
         link=_arxiv("1710.03740")),
    Idea(PAPER, "Distilling the Knowledge in a Neural Network", (OPT, ALG), MID,
         link=_arxiv("1503.02531")),
    Idea(PAPER, "LoRA: Low-Rank Adaptation of Large Language Models", (TRAIN, OPT), LATE,
         link=_arxiv("2106.09685")),
    Idea(PAPER, "FlashAttention: Fast and Memory-Efficient Exact Attention", (OPT,), LATE,
         link=_arxiv("2205.14135")),
    Idea(PAPER, "Scaling Laws for Neural Language Models", (ALG, RESEARCH), LATE,
         link=_arxiv("2001.08361")),
    Idea(PAPER, "Training Compute-Optimal Large Language Models", (ALG, RESEARCH), LATE,
         link=_arxiv("2203.15556")),
    Idea(PAPER, "Adam: A Method for Stochastic Optimization", (ALG, TRAIN), EARLY,
         link=_arxiv("1412.6980")),
    Idea(PAPER, "Batch Normalization (Ioffe, Szegedy)", (ALG, TRAIN), EARLY,
         link=_arxiv("1502.03167")),
    Idea(PAPER, "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models",
         (OPT, ARCH), LATE, link=_arxiv("1910.02054")),
    # Technical projects, talks and work
    Idea(PROJECT, "Side project: fine-tuned a sentence-transformer for internal doc search",
         (TRAIN, ALG), MID, hours=(15, 30), notes="Recall@10 from 0.52 to 0.71 on 200 queries."),
    Idea(PROJECT, "Drift-monitoring dashboard for the ranking model (Evidently + Grafana)",
         (DEPLOY, DQ), MID, hours=(12, 25)),
    Idea(PROJECT, "Kaggle tabular competition: gradient boosting baseline and ensembling",
         (ALG, OPT), EARLY, hours=(10, 20), link="https://www.kaggle.com/competitions"),
    Idea(PROJECT, "Rewrote the feature pipeline from pandas to Polars", (DATA, OPT, PY), MID,
         hours=(10, 20), notes="Nightly job from 48 to 8 minutes."),
    Idea(PROJECT, "Hackathon: LLM-based product description cleaner", (TRAIN, DATA), LATE,
         hours=(12, 16)),
    Idea(PROJECT, "Benchmarked ONNX Runtime against TorchScript for CPU inference", (OPT, DEPLOY),
         MID, hours=(10, 18)),
    Idea(JOB, "Added Great Expectations checks to the order-events ingestion", (DQ, DATA), EARLY),
    Idea(JOB, "Found training/serving skew in the ranking features", (DQ, REVIEW), EARLY,
         notes="A time-zone bug in the session features; fixed at the source."),
    Idea(JOB, "Hyperparameter sweep set-up with Optuna", (OPT, TRAIN), EARLY),
    Idea(JOB, "Cut ranking-model p95 latency from 120 ms to 45 ms", (OPT, DEPLOY), MID),
    Idea(JOB, "CI for the ML repository: tests, type checks, pinned environments", (PY, DEPLOY),
         EARLY),
    Idea(JOB, "Refactored feature code into a tested Python package", (PY, REVIEW), EARLY),
    Idea(JOB, "Leakage audit of the churn model features", (DQ, REVIEW), MID,
         notes="Two features were computed after the churn date; AUC dropped from 0.91 to 0.83."),
    Idea(JOB, "Label-noise clean-up of the product-category dataset", (DQ, DATA), MID),
    Idea(JOB, "Feature store pilot (Feast) for ranking features", (ARCH, DEPLOY), MID),
    Idea(JOB, "A/B test analysis of ranking v4", (REVIEW, BIZ), MID),
    Idea(JOB, "Quantised the re-ranker to int8 for CPU serving", (OPT,), LATE),
    Idea(JOB, "Moved session features from batch to streaming (Kafka)", (ARCH, DATA), LATE),
    Idea(JOB, "Reviewed the fraud team's model design before launch", (REVIEW, DECIDE), LATE),
    Idea(JOB, "Root-caused a silent recall drop: an upstream schema change", (DQ, OWN), MID),
    Idea(JOB, "Capacity planning for peak-season inference traffic", (ARCH, OPT), LATE),
    Idea(JOB, "GPU training cost review: spot instances and mixed precision", (OPT, BIZ), LATE),
    Idea(TALK, "PyData meetup: feature stores in practice", (ARCH,), EARLY),
    Idea(TALK, "MLOps Community talk: monitoring ML in production", (DEPLOY, DQ), EARLY),
    Idea(TALK, "Conference recording: scaling recommendation systems", (ARCH,), MID),
    Idea(TALK, "Tutorial recording: data-centric AI", (DQ, LEARN), MID),
    Idea(TALK, "Internal tech talk: vector search at scale", (ARCH,), LATE),
    Idea(TALK, "PyCon recording: typing large Python codebases", (PY,), EARLY),
    Idea(CERT, "Certified Kubernetes Application Developer (CKAD)", (DEPLOY,), MID),
    # Leadership, communication, strategy and learning
    Idea(BOOK, "The Staff Engineer's Path (Tanya Reilly)", (LEAD, DECIDE), LATE,
         parts=("part 1: the big picture", "parts 2-3: execution and levelling up")),
    Idea(BOOK, "Staff Engineer: Leadership Beyond the Management Track (Larson)", (OWN, LEAD),
         LATE),
    Idea(BOOK, "The Manager's Path (Fournier), chapters on mentoring and tech leads",
         (MENTOR, LEAD), MID),
    Idea(BOOK, "Radical Candor (Kim Scott)", (MENTOR, COMMS), MID),
    Idea(BOOK, "Storytelling with Data (Knaflic)", (COMMS,), MID,
         notes="Rebuilt the model review slides afterwards: one message per chart."),
    Idea(BOOK, "Good Strategy Bad Strategy (Rumelt)", (STRAT,), LATE),
    Idea(BOOK, "Crucial Conversations (Patterson et al.)", (COMMS,), LATE),
    Idea(BOOK, "Thinking in Systems (Meadows)", (STRAT, ARCH), LATE),
    Idea(BOOK, "Fairness and Machine Learning (Barocas, Hardt, Narayanan)", (ETHICS,), LATE,
         link="https://fairmlbook.org/"),
    Idea(BOOK, "An Elegant Puzzle (Larson)", (LEAD, STRAT), LATE),
    Idea(BOOK, "Accelerate (Forsgren, Humble, Kim)", (BIZ, OWN), MID),
    Idea(COURSE, "Leadership programme for first-time tech leads", (LEAD, MENTOR), LATE,
         parts=("module 1: delegation", "module 2: feedback", "module 3: running projects"),
         hours=(6, 10)),
    Idea(COURSE, "AI For Everyone (DeepLearning.AI)", (BIZ, COMMS), MID, hours=(8, 10),
         link="https://www.coursera.org/learn/ai-for-everyone"),
    Idea(COURSE, "Product management basics for engineers", (BIZ, STRAT), LATE, hours=(8, 12)),
    Idea(COURSE, "Writing effective design docs (workshop)", (COMMS, DECIDE), MID, hours=(8, 10)),
    Idea(COURSE, "Responsible AI practices", (ETHICS,), LATE, hours=(8, 12)),
    Idea(TALK, "Presented ranking v4 results at the product all-hands", (COMMS, BIZ), LATE,
         hours=GIVEN_TALK),
    Idea(TALK, "Meetup talk I gave: lessons from our first model rollback", (SHARE, COMMS), LATE,
         hours=GIVEN_TALK),
    Idea(TALK, "Internal workshop I ran: pandas to Polars", (SHARE, MENTOR), LATE,
         hours=GIVEN_TALK),
    Idea(TALK, "LeadDev talk: leading without authority", (LEAD,), LATE),
    Idea(TALK, "Panel: ML product strategy", (STRAT, BIZ), LATE),
    Idea(JOB, "Ran sprint planning for the ranking squad while the lead was away", (LEAD, OWN),
         MID),
    Idea(JOB, "Explained ranking trade-offs to the merchandising team", (COMMS, BIZ), MID),
    Idea(JOB, "Defined success metrics for search re-platforming with product", (BIZ, STRAT),
         LATE),
    Idea(JOB, "Interviewed three ML engineer candidates", (DECIDE, MENTOR), LATE),
    Idea(JOB, "Wrote the onboarding guide for new ML engineers", (SHARE, MENTOR), LATE),
    Idea(JOB, "Decision record: build or buy experiment tracking", (DECIDE, BIZ), LATE),
    Idea(JOB, "Model card and fairness review for the ranking model", (ETHICS, COMMS), LATE),
    Idea(JOB, "Month as on-call owner for the ML services", (OWN, DEPLOY), MID),
    Idea(JOB, "Estimated and negotiated scope for quarterly planning", (STRAT, OWN), LATE),
    Idea(JOB, "Agreed the events schema contract with data engineering", (COMMS, OWN), MID),
    Idea(JOB, "Input to the recommendations roadmap for next half-year", (STRAT,), LATE),
    Idea(JOB, "Rotating reviewer of the team's experiment designs", (DECIDE, REVIEW), LATE),
    Idea(JOB, "Stakeholder interviews on search relevance complaints", (COMMS, BIZ), LATE),
    Idea(JOB, "Risk review before the peak-season code freeze", (OWN, DECIDE), LATE),
    Idea(JOB, "Vector database evaluation and decision record", (DECIDE, ARCH), LATE),
    Idea(PROJECT, "Reproduced knowledge distillation for the re-ranker", (RESEARCH, OPT), LATE,
         hours=(12, 24)),
    Idea(PROJECT, "Research spike: LLM re-ranking prototype", (RESEARCH, TRAIN), LATE,
         hours=(10, 20), notes="Promising offline; too slow for production as is."),
    Idea(PAPER, "Everyone wants to do the model work, not the data work (Sambasivan et al.)",
         (DQ, ETHICS), MID),
    Idea(PAPER, "Model Cards for Model Reporting", (ETHICS, COMMS), LATE,
         link=_arxiv("1810.03993")),
    Idea(PAPER, "Datasheets for Datasets", (ETHICS, DATA), LATE, link=_arxiv("1803.09010")),
    Idea(PAPER, "On the Opportunities and Risks of Foundation Models", (RESEARCH, ETHICS), LATE,
         link=_arxiv("2108.07258")),
)
# fmt: on

#: Monthly sessions with the mentor, in order; each links these competencies.
MENTOR_TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("the senior profile and where I stand", (LEARN,)),
    ("choosing a first production project", (OWN, DEPLOY)),
    ("reading production ML code faster", (PY, REVIEW)),
    ("asking better questions in design reviews", (REVIEW, COMMS)),
    ("release safety: canaries, alerts and rollbacks", (DEPLOY, OWN)),
    ("writing a design doc people read", (COMMS, DECIDE)),
    ("saying no and negotiating scope", (OWN, COMMS)),
    ("mentoring an intern for the first time", (MENTOR,)),
    ("running a post-mortem without blame", (OWN, LEAD)),
    ("making work visible beyond the team", (SHARE, COMMS)),
    ("technical decisions with incomplete data", (DECIDE,)),
    ("taking the lead on re-platforming", (LEAD,)),
    ("connecting model metrics to revenue", (BIZ,)),
    ("from tasks to bets: thinking in strategy", (STRAT,)),
    ("feedback on the quarterly review deck", (COMMS, BIZ)),
    ("delegation and trusting others' work", (LEAD, MENTOR)),
    ("choosing what to explore in research time", (RESEARCH, LEARN)),
    ("preparing the promotion conversation", (LEARN, OWN)),
)

# fmt: off
#: Mentoring Alex gives: an intern, then a new graduate. (first day, last day, topics)
MENTEE_SERIES: tuple[tuple[int, int, tuple[str, ...]], ...] = (
    (-258, -170, (
        "Mentored intern Maya: scoping the project and its metric",
        "Mentored intern Maya: a tour of the feature pipeline",
        "Mentored intern Maya: writing the evaluation plan",
        "Mentored intern Maya: code review habits",
        "Mentored intern Maya: rehearsing the final presentation",
    )),
    (-150, -20, (
        "Onboarding buddy for Sam (new graduate): first-week set-up",
        "Paired with Sam on a data-validation bug",
        "Mentored Sam: how to write a design doc",
        "Mentored Sam: estimating work honestly",
        "Career chat with Sam: choosing a stretch project",
        "Code-review coaching for Sam",
        "Mentored Sam: preparing a first lunch-and-learn",
    )),
)
# fmt: on

#: Self-rated levels at each of the six quarterly self-assessments.
SELF_LEVELS: dict[str, tuple[int, int, int, int, int, int]] = {
    PY: (3, 3, 3, 4, 4, 4),
    ALG: (3, 3, 3, 3, 3, 3),
    DATA: (3, 3, 4, 4, 4, 4),
    TRAIN: (3, 3, 3, 3, 4, 4),
    OPT: (2, 2, 3, 3, 3, 3),
    DEPLOY: (2, 3, 2, 3, 3, 3),
    ARCH: (2, 2, 2, 3, 3, 3),
    DQ: (2, 2, 3, 3, 3, 3),
    REVIEW: (2, 2, 2, 3, 3, 3),
    MENTOR: (1, 1, 1, 2, 2, 3),
    LEAD: (1, 1, 1, 1, 2, 2),
    SHARE: (2, 2, 2, 2, 3, 3),
    DECIDE: (2, 2, 2, 2, 2, 3),
    OWN: (2, 2, 2, 3, 3, 3),
    COMMS: (2, 2, 2, 2, 2, 2),
    STRAT: (1, 1, 1, 1, 2, 2),
    BIZ: (1, 1, 2, 2, 2, 2),
    LEARN: (2, 3, 3, 3, 3, 3),
    RESEARCH: (1, 1, 1, 1, 1, 2),
    ETHICS: (1, 1, 1, 1, 2, 2),
}

# fmt: off
#: Days of the self-assessments, and notes written with each.
SELF_ASSESSMENTS: tuple[tuple[int, str], ...] = (
    (-543, "First self-assessment against the senior profile, done with Priya. The technical "
           "basics are there; leadership and strategy have barely started."),
    (-445, "Quarterly review. Demand forecast shipped; pleased with the deployment work."),
    (-350, "An honest correction after the ranking rollback: I had overrated my deployment "
           "skills. Good quarter for data-quality work."),
    (-255, "Quarterly review. First design doc, more work across teams."),
    (-150, "Starting to lead the re-platforming; first time owning scope and timelines."),
    (-45, "Technical areas are close to senior. The gap is now leadership, strategy and "
          "stakeholder work."),
)
# fmt: on

#: The mentor's assessment: its day, notes, and differences from the self-rating before it.
MENTOR_ASSESSMENT_DAY = -250
MENTOR_NOTES = (
    "Mentor review after nine months of working together. Alex underrates the mentoring and "
    "knowledge sharing already done; architecture judgement needs practice on larger systems."
)
MENTOR_CHANGES: dict[str, tuple[int, str]] = {
    MENTOR: (1, "Guided the intern well from week one; more than Alex gives credit for."),
    SHARE: (1, "The skew lunch-and-learn is still quoted by the data engineers."),
    ARCH: (-1, "The feature-serving design was sound but needed heavy steering on scaling."),
}

#: Evidence written by hand for particular ratings: (assessment index, competency) -> text.
EVIDENCE: dict[tuple[int, str], str] = {
    (0, PY): "Comfortable writing production Python; little experience packaging libraries.",
    (0, DQ): "I find data problems, but usually after they have hurt a model.",
    (0, MENTOR): "No mentoring yet beyond answering questions on chat.",
    (0, STRAT): "Work is handed to me already scoped.",
    (2, DEPLOY): "Rated down after the ranking v3 rollback: no canary, no alerting, "
    "no rollback plan. I had overrated myself last quarter.",
    (5, COMMS): "Quarterly reviews go well, but I still avoid difficult stakeholder calls.",
}


@dataclass(frozen=True)
class GoalIdea:
    """A goal and its life: when it was created, started, finished, and its milestones.

    Milestones are (text, due day or None, day ticked or None).
    """

    title: str
    description: str
    competencies: tuple[tuple[str, int], ...]
    priority: GoalPriority
    status: GoalStatus
    created: int
    due: int | None
    milestones: tuple[tuple[str, int | None, int | None], ...] = ()
    started: int | None = None
    finished: int | None = None


HIGH, MEDIUM, LOW = GoalPriority.HIGH, GoalPriority.MEDIUM, GoalPriority.LOW
PLANNED, ACTIVE = GoalStatus.PLANNED, GoalStatus.ACTIVE
DONE, DROPPED = GoalStatus.DONE, GoalStatus.DROPPED

# fmt: off
GOALS: tuple[GoalIdea, ...] = (
    GoalIdea("Ship the demand-forecast model to production with monitoring",
             "Own a model end to end, from training pipeline to on-call hand-over.",
             ((DEPLOY, 3), (OWN, 3)), HIGH, DONE, -538, -440,
             (("Baseline beats the spreadsheet forecast", -515, -518),
              ("Training pipeline scheduled on Airflow", -500, -505),
              ("Two weeks of shadow deployment without alerts", -475, -476),
              ("Dashboards and alerting handed to on-call", -466, -466)),
             finished=-466),
    GoalIdea("Finish the MLOps specialisation", "Four courses, one a month.",
             ((DEPLOY, 3), (ARCH, 3)), MEDIUM, DONE, -530, -380,
             (("Course 1", -500, -500), ("Course 2", -460, -460), ("Course 3", -420, -420),
              ("Course 4", -390, -392)), finished=-392),
    GoalIdea("Write and defend my first design doc",
             "Real-time feature serving for ranking, reviewed by two senior engineers.",
             ((DECIDE, 3), (ARCH, 3), (COMMS, 3)), HIGH, DONE, -330, -240,
             (("Draft the doc", -300, -302), ("Written reviews from two senior engineers", -270,
              -268), ("Present at the architecture forum", -240, -238)), finished=-238),
    GoalIdea("Mentor the intern through their project",
             "Maya's ten-week project on query categorisation.", ((MENTOR, 3),), MEDIUM, DONE,
             -262, -170,
             (("Agree scope and a success metric", -250, -252),
              ("Weekly check-ins for ten weeks", -180, -175),
              ("Final presentation to the team", -170, -168)), finished=-168),
    GoalIdea("Pass the Google Cloud Professional ML Engineer exam", "",
             ((DEPLOY, 4), (ARCH, 3)), HIGH, DONE, -230, -110,
             (("Finish the official learning path", -170, -160),
              ("Two practice exams above 80%", -130, -128), ("Sit the exam", -115, -121)),
             started=-180, finished=-121),
    GoalIdea("Contribute a feature to an open-source ML library",
             "Dropped after the team re-organisation left no time for it.",
             ((PY, 4), (SHARE, 3)), LOW, DROPPED, -480, -300,
             (("Pick a 'good first issue'", -460, -455), ("Open a pull request", -360, None)),
             finished=-330),
    GoalIdea("Reach the top 10% in a Kaggle competition",
             "Dropped: the re-platforming work is a better use of the hours.",
             ((ALG, 4), (OPT, 4)), MEDIUM, DROPPED, -420, -330,
             (("Strong baseline", -400, -398), ("Feature engineering round", -370, None),
              ("Final ensemble", -335, None)), finished=-350),
    GoalIdea("Lead the search-ranking re-platforming end to end",
             "First project I lead: scope, plan, people and the launch decision.",
             ((LEAD, 4), (DECIDE, 4), (STRAT, 3)), HIGH, ACTIVE, -150, 120,
             (("Kickoff with product and data engineering", -140, -140),
              ("Agree success metrics and a rollout plan", -110, -105),
              ("Move offline evaluation to the new stack", -30, None),
              ("Run the online A/B test", 60, None),
              ("Hand operations over to on-call", 110, None))),
    GoalIdea("Present model impact to product leadership every quarter",
             "Explain what the models changed in business terms, without jargon.",
             ((COMMS, 4), (BIZ, 3)), MEDIUM, ACTIVE, -120, 60,
             (("First quarterly review", -95, -95), ("Second quarterly review", 5, None),
              ("Feedback from the head of product", 60, None))),
    GoalIdea("Start a monthly ML reading group", "Open to the data engineers too.",
             ((SHARE, 4), (LEARN, 4)), MEDIUM, ACTIVE, -100, -20,
             (("Find four regular participants", -80, -78),
              ("First three sessions held", -40, -35),
              ("Reading list for next quarter", -20, None))),
    GoalIdea("Keep a steady six-hours-a-week learning habit",
             "Blocked Tuesday and Thursday evenings.", ((LEARN, 4),), LOW, ACTIVE, -200, 150),
    GoalIdea("Draft an ML strategy proposal for the recommendations team", "",
             ((STRAT, 3), (BIZ, 3)), MEDIUM, PLANNED, -35, 200,
             (("Interview three stakeholders about their priorities", 30, None),
              ("Write a two-page proposal", 120, None),
              ("Review with Priya and the head of product", 190, None))),
    GoalIdea("Fairness review and model card for the ranking model", "",
             ((ETHICS, 3), (COMMS, 3)), LOW, PLANNED, -50, 240,
             (("Pick fairness metrics with the policy team", 90, None),
              ("Publish the model card", 230, None))),
    GoalIdea("Design a multi-region serving architecture for ranking", "",
             ((ARCH, 4), (DEPLOY, 4)), HIGH, PLANNED, -12, 280,
             (("Write down load and latency requirements", 40, None),
              ("Compare two designs in a decision record", 100, None))),
)
# fmt: on
