"""The passages of the two source documents each rule is traced to, copied character for character.

Most rules come from the progression sections: "Career Growth and Transition" in file
000 and "Career Progression and Growth" in file 001. Suggestions about assessments and
goals cite the introduction of file 000 (understanding where you stand, setting
realistic goals); communication cites the conclusion of file 000, which ties it to
career advancement. Tests check that every quote appears in the section it names.
"""

from __future__ import annotations

from planner.analysis.next_steps.model import SourceQuote, SuggestionKind

SEED_000 = "000_7bb726e0f8e27ec2.txt"
SEED_000_TITLE = "Junior vs. Senior in Machine Learning Development: What's the Difference?"
SEED_001 = "001_c2ddbd1ba0effbd7.txt"
SEED_001_TITLE = "Navigating the Path: Differences Between Junior and Senior ML Developers"

CAREER_GROWTH = "Career Growth and Transition"
CAREER_PROGRESSION = "Career Progression and Growth"


def _from_000(section: str, quote: str) -> SourceQuote:
    return SourceQuote(SEED_000, SEED_000_TITLE, section, quote)


def _from_001(section: str, quote: str) -> SourceQuote:
    return SourceQuote(SEED_001, SEED_001_TITLE, section, quote)


UNDERSTAND_WHERE_YOU_ARE = _from_000(
    "Introduction", "Understanding this difference is crucial for your career development."
)
REALISTIC_GOALS = _from_000(
    "Introduction",
    "It helps you set realistic goals and chart a path in the machine learning field.",
)

SOURCES: dict[SuggestionKind, SourceQuote] = {
    SuggestionKind.FIRST_ASSESSMENT: UNDERSTAND_WHERE_YOU_ARE,
    SuggestionKind.REASSESS: UNDERSTAND_WHERE_YOU_ARE,
    SuggestionKind.UNSUPPORTED_RATING: UNDERSTAND_WHERE_YOU_ARE,
    SuggestionKind.OVERDUE_GOAL: REALISTIC_GOALS,
    SuggestionKind.STALLED_GOAL: REALISTIC_GOALS,
    SuggestionKind.GOAL_WITHOUT_MILESTONES: REALISTIC_GOALS,
    SuggestionKind.TECHNICAL: _from_000(
        CAREER_GROWTH,
        "Aspiring junior developers often wonder about transitioning to senior roles."
        " It's about building on your technical skills",
    ),
    SuggestionKind.DIVERSE_EXPERIENCE: _from_000(
        CAREER_GROWTH, "It's about building on your technical skills, gaining diverse experiences"
    ),
    SuggestionKind.LEADERSHIP: _from_000(
        CAREER_GROWTH,
        "It's about building on your technical skills, gaining diverse experiences,"
        " and embracing leadership opportunities.",
    ),
    SuggestionKind.STRATEGY: _from_001(
        CAREER_PROGRESSION,
        "Moving from junior to senior involves not just refining technical skills but also"
        " developing leadership and strategic thinking abilities. It’s a shift from task"
        " execution to strategic orchestration.",
    ),
    SuggestionKind.RESPONSIBILITY: _from_001(
        CAREER_PROGRESSION,
        "Engaging in leadership development and taking on more responsibility will prepare"
        " you for the senior landscape.",
    ),
    SuggestionKind.COMMUNICATION: _from_000(
        "Conclusion",
        "Effective communication and mentorship play crucial roles in career advancement.",
    ),
    SuggestionKind.CONTINUOUS_LEARNING: _from_001(
        CAREER_PROGRESSION,
        "Continuous learning and embracing new challenges are crucial for this transition.",
    ),
    SuggestionKind.PATHWAY: _from_000(
        CAREER_GROWTH,
        "Potential career pathways include leading specialized projects, moving into"
        " managerial roles, or even venturing into emerging fields like AI ethics.",
    ),
}


def source_for(kind: SuggestionKind) -> SourceQuote:
    """The passage a kind of suggestion is traced to."""
    return SOURCES[kind]
