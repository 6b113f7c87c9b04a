"""Single rules of the next-step engine: ratings, goals, gaps and the choice of activity."""

from __future__ import annotations

from planner.analysis.next_steps import FollowUp, SuggestionKind, compute_next_steps
from planner.analysis.next_steps.activity_choice import LoggedTitles, title_words
from planner.analysis.next_steps.engine import empty_catalogue
from planner.framework.activities import Activity
from planner.framework.loader import builtin_activities, builtin_framework
from planner.vocabulary import GoalStatus, LearningKind
from tests.analysis.conftest import TECHNICAL, TODAY, Persona, days_ago, levels

K = SuggestionKind


def steady(person: Persona, *competencies: str, weeks: int = 12, hours: float = 2) -> Persona:
    """Log ``hours`` a week for ``competencies`` over the last ``weeks`` weeks."""
    for week in range(1, weeks + 1):
        person.log(days_ago(week * 7 - 3), hours, *competencies)
    return person


# Ratings -------------------------------------------------------------------------------


def test_an_old_assessment_asks_for_a_new_one_naming_its_age() -> None:
    ada = Persona().assess(days_ago(120), levels(3))

    found = ada.next_steps().find("reassess")

    assert found is not None and found.kind is K.REASSESS
    assert "Your last assessment was on 2026-07-24, 4 months ago." in found.rationale
    assert found.follow_up is FollowUp.ASSESS and found.effort_hours == 0.5


def test_many_hours_since_the_assessment_name_where_they_went() -> None:
    ada = Persona().assess(days_ago(30), levels(3))
    ada.log(days_ago(20), 30, "model-deployment")
    ada.log(days_ago(10), 12, "mentoring", "knowledge-sharing")

    found = ada.next_steps().find("reassess")

    assert found is not None
    assert (
        "42 h of learning has been logged since the assessment of 2026-10-22, most of it for"
        " Model deployment (30 h), Knowledge sharing (6 h) and Mentoring (6 h)."
    ) in found.rationale
    assert (
        found.action
        == "Re-rate Model deployment, Knowledge sharing and Mentoring in a new assessment"
    )


def test_a_fresh_assessment_with_little_logged_asks_for_nothing() -> None:
    ada = Persona().assess(days_ago(30), levels(3))
    ada.log(days_ago(20), 39, "model-deployment")

    assert ada.next_steps().find("reassess") is None


def test_unrated_competencies_are_named() -> None:
    chosen = levels(3)
    for competency in ("ai-ethics", "research-leadership"):
        del chosen[competency]
    ada = Persona().assess(days_ago(5), chosen)

    found = ada.next_steps().find("rate-unrated")

    assert found is not None and found.title == "Rate the 2 competencies not rated yet"
    assert found.rationale.startswith(
        "Research initiatives and AI ethics and responsible ML have never been rated"
    )


def test_a_rating_that_rose_with_nothing_behind_it_is_questioned() -> None:
    ada = Persona()
    ada.assess(days_ago(100), levels(2))
    ada.log(days_ago(50), 5, "model-deployment")
    raised = levels(2, python_programming=4, model_deployment=3, mentoring=3, ml_algorithms=3)
    ada.assess(
        days_ago(5),
        raised,
        evidence={"python-programming": "", "model-deployment": "", "ml-algorithms": ""},
        linked={"ml-algorithms": (99,)},
    )

    found = ada.next_steps().find("evidence")

    # Deployment has learning behind it, mentoring has evidence text, algorithms a linked entry.
    assert found is not None and found.kind is K.UNSUPPORTED_RATING
    assert found.title == "Back up a rating that rose without evidence"
    assert "Python programming (2 → 4) rose with no evidence written" in found.rationale
    assert found.fingerprint == "python-programming:4"


def test_the_first_assessment_has_no_rating_to_question() -> None:
    ada = Persona().assess(days_ago(5), levels(4), evidence=dict.fromkeys(TECHNICAL, ""))

    assert ada.next_steps().find("evidence") is None


# Goals ---------------------------------------------------------------------------------


def test_an_active_goal_without_milestones_is_asked_to_break_down() -> None:
    ada = steady(Persona().assess(days_ago(10), levels(3)), "model-deployment")
    goal_id = ada.goal("Get better at deployment", {"model-deployment": 4}, created=days_ago(20))
    ada.goal(
        "Planned, not started",
        {"model-deployment": 4},
        created=days_ago(20),
        status=GoalStatus.PLANNED,
    )

    found = ada.next_steps().find(f"goal:{goal_id}")
    goal_keys = [s.key for s in ada.next_steps().suggestions if s.key.startswith("goal:")]

    assert found is not None and found.kind is K.GOAL_WITHOUT_MILESTONES
    assert found.title == "Add milestones to “Get better at deployment”"
    assert found.rationale == "It has been open since 2026-11-01 with no milestones."
    assert goal_keys == [f"goal:{goal_id}"]


def test_done_and_dropped_goals_raise_nothing() -> None:
    ada = steady(Persona().assess(days_ago(10), levels(3)), "model-deployment")
    for status in (GoalStatus.DONE, GoalStatus.DROPPED):
        ada.goal("Old", {"mentoring": 4}, created=days_ago(300), due=days_ago(200), status=status)

    assert not [s for s in ada.next_steps().suggestions if s.key.startswith("goal:")]


def test_a_goal_on_a_gap_takes_that_gap_off_the_list() -> None:
    ada = steady(Persona().assess(days_ago(10), levels(3)), "mentoring", "model-deployment")
    assert ada.next_steps().find("grow:mentoring") is not None

    ada.goal(
        "Mentor Sam",
        {"mentoring": 4},
        created=days_ago(5),
        milestones=(("Agree a plan", days_ago(-20), False),),
    )

    assert ada.next_steps().find("grow:mentoring") is None


# Gaps ------------------------------------------------------------------------------------


def test_the_largest_technical_gap_comes_first_and_says_so() -> None:
    ada = Persona().assess(
        days_ago(10), levels(4, model_deployment=2, model_optimisation=3, mentoring=4)
    )
    steady(ada, *TECHNICAL)

    technical = [s for s in ada.next_steps().suggestions if s.kind is K.TECHNICAL]

    assert [s.competency_id for s in technical] == ["model-deployment", "model-optimisation"]
    assert "It is your largest technical gap." in technical[0].rationale
    assert technical[0].target_level == 3 and technical[0].current_level == 2


def test_a_competency_never_logged_says_so_and_one_quiet_for_months_says_since_when() -> None:
    ada = Persona().assess(days_ago(10), levels(4, model_deployment=3, mentoring=3))
    ada.log(days_ago(150), 3, "model-deployment")
    steady(ada, "python-programming", "project-strategy")

    result = ada.next_steps()
    deployment, mentoring = result.find("grow:model-deployment"), result.find("grow:mentoring")

    assert deployment is not None and mentoring is not None
    assert "No learning logged for it since 2026-06-24, 5 months ago." in deployment.rationale
    assert "Nothing has been logged for it yet." in mentoring.rationale


# Choosing the activity --------------------------------------------------------------------


def test_an_activity_already_logged_is_not_suggested_again() -> None:
    ada = Persona().assess(days_ago(10), levels(4, ai_ethics=2))
    steady(ada, "ai-ethics", "mentoring")
    ada.log(days_ago(30), 18, "ai-ethics", title="Fairness and Machine Learning (Barocas et al.)")
    ada.log(days_ago(20), 4, "ai-ethics", title="Wrote a model card for the ranker")

    found = ada.next_steps(hours_per_week=20).find("grow:ai-ethics")

    assert found is not None and found.activity is not None
    assert found.action == "Run a fairness assessment of a model with Fairlearn"


def test_the_activity_fits_the_weekly_budget_when_one_can() -> None:
    ada = Persona().assess(days_ago(10), levels(4, project_leadership=3))
    steady(ada, "project-leadership", "model-deployment")

    small = ada.next_steps(hours_per_week=2).find("grow:project-leadership")
    large = ada.next_steps(hours_per_week=40).find("grow:project-leadership")

    assert small is not None and large is not None
    assert small.action.startswith("Read 'Staff Engineer")  # 8 h: the nearest to 3 weeks at 2 h
    assert large.action == "Lead an ML project from inception to production"


def test_title_words_and_already_done_compare_significant_words() -> None:
    activity = Activity(
        title="Reproduce a published result", kind=LearningKind.PAPER, hours=20, description="x"
    )
    assert title_words("Reproduce a published result") == {"reprod", "publis", "result"}
    assert LoggedTitles(["Reproduced the published result of Smith"]).include(activity)
    assert not LoggedTitles(["Reproduced knowledge distillation", "Results"]).include(activity)


def test_indexing_only_the_catalogues_words_finds_the_same_activities() -> None:
    activities = [a for step in builtin_activities().steps for a in step.activities]
    titles = [
        *(a.title.upper() + "!" for a in activities[::17]),
        "Reproduced the published result of Smith",
        "Fairness and Machine\nLearning — Barocas et al.",
        "Ran a Fairlearn fairness assessment of a model",
        "Über café: model-card review",
        "",
        "Course #1",
    ]
    vocabulary = {word for a in activities for word in title_words(a.title)}

    every_word, catalogue_words = LoggedTitles(titles), LoggedTitles(titles, vocabulary)

    done = [every_word.include(a) for a in activities]
    assert done == [catalogue_words.include(a) for a in activities]
    assert 0 < sum(done) < len(activities)


def test_without_a_catalogue_the_action_is_the_next_level_descriptor() -> None:
    ada = Persona().assess(days_ago(10), levels(4, mentoring=2))
    steady(ada, "mentoring", "model-deployment")
    framework = builtin_framework()

    result = compute_next_steps(ada.snapshot(), framework, empty_catalogue(framework), TODAY)
    found = result.find("grow:mentoring")

    assert found is not None and found.activity is None
    assert found.action == "Work toward level 3 (Mid-level) in Mentoring"
    assert found.action_detail.startswith("What it looks like: “")
    assert framework.competency("mentoring").descriptors[3] in found.action_detail
    assert found.effort_hours == 20
