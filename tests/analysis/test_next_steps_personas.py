"""The next-step rules, pinned by small hand-made people and the advice each should get first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from planner.analysis.next_steps import SuggestionKind
from planner.vocabulary import LearningKind
from tests.analysis.conftest import (
    LEADERSHIP,
    STRATEGY,
    TECHNICAL,
    Persona,
    at_target,
    days_ago,
    levels,
)

K = SuggestionKind


def strong_technician_without_leadership() -> Persona:
    """Senior-level technical skills, leadership never exercised, a little of everything logged."""
    ada = Persona()
    ada.assess(
        days_ago(30), levels(3, **dict.fromkeys(TECHNICAL, 4), **dict.fromkeys(LEADERSHIP, 1))
    )
    for week in range(1, 12):
        ada.log(days_ago(week * 7), 1.5, "model-deployment", "system-architecture")
    ada.log(days_ago(20), 2, "mentoring", kind=LearningKind.MENTORING_RECEIVED)
    ada.log(days_ago(40), 4, "stakeholder-communication")
    ada.log(days_ago(50), 4, "project-strategy")
    ada.log(days_ago(60), 3, "technical-decisions")
    ada.log(days_ago(70), 3, "continuous-learning")
    return ada


def everything_in_one_area() -> Persona:
    """Forty hours in the last three months, all of them on technical foundations."""
    ben = Persona()
    ben.assess(days_ago(20), levels(2, **dict.fromkeys(TECHNICAL, 3)))
    for week in range(1, 11):
        ben.log(days_ago(week * 7), 4, "python-programming", "ml-algorithms")
    return ben


def quiet_for_two_months() -> Persona:
    """A steady learner who has logged nothing for 62 days."""
    cleo = Persona()
    cleo.assess(days_ago(80), levels(2, **dict.fromkeys(TECHNICAL, 3)))
    for week in range(9, 30, 2):
        cleo.log(days_ago(week * 7), 3, "model-training", "mentoring", "project-strategy")
    cleo.log(days_ago(62), 2, "model-training")
    return cleo


def at_the_target() -> Persona:
    """Every target met, learning lately toward management (mentoring, strategy)."""
    dev = Persona()
    dev.assess(days_ago(10), at_target())
    for week in range(1, 12):
        dev.log(days_ago(week * 7), 2, "mentoring", "project-strategy")
    dev.log(days_ago(25), 3, "model-deployment")
    return dev


def empty_profile() -> Persona:
    """Someone who has just started: no assessment, no log, no goals."""
    return Persona(started=days_ago(3))


def overdue_and_stalled_goals() -> Persona:
    """Learning goes on, but one goal is three weeks overdue and another has not moved in months."""
    eve = Persona()
    eve.assess(days_ago(30), levels(3))
    for week in range(1, 12):
        eve.log(days_ago(week * 7), 2, "model-deployment", "stakeholder-communication")
    eve.goal(
        "Finish the MLOps course",
        {"model-deployment": 4},
        created=days_ago(120),
        due=days_ago(21),
        milestones=(("Module 1", days_ago(90), True), ("Module 2", days_ago(40), False)),
    )
    eve.log(days_ago(150), 4, "business-alignment")
    eve.goal(
        "Relate my model's metric to revenue",
        {"business-alignment": 4},
        created=days_ago(160),
        due=days_ago(-90),
        milestones=(("Talk to finance", days_ago(-30), False),),
    )
    return eve


@dataclass(frozen=True)
class Case:
    build: Callable[[], Persona]
    top_kinds: tuple[SuggestionKind, ...]
    top_keys: tuple[str, ...]
    why_mentions: tuple[str, ...]


CASES = {
    "technically strong, no leadership": Case(
        strong_technician_without_leadership,
        (K.LEADERSHIP, K.LEADERSHIP, K.LEADERSHIP),
        ("grow:project-leadership", "grow:knowledge-sharing", "grow:mentoring"),
        (
            "level 1 (Junior) against a target of 4 (Senior)",
            "Your technical areas are at target, so leading",
        ),
    ),
    "all hours in one area": Case(
        everything_in_one_area,
        (K.DIVERSE_EXPERIENCE,),
        ("grow:mentoring",),
        ("100% of the 40 h you logged in the last 90 days went to Technical foundations",),
    ),
    "nothing logged for two months": Case(
        quiet_for_two_months,
        (K.CONTINUOUS_LEARNING,),
        ("restart-learning",),
        ("Nothing has been logged since 2026-09-20, 62 days ago.", "about 2 h a week"),
    ),
    "at target": Case(
        at_the_target,
        (K.PATHWAY, K.PATHWAY, K.PATHWAY),
        ("pathway:ml-engineering-manager",),
        ("You are at 100% of Senior ML developer", "ML engineering manager raises Mentoring"),
    ),
    "empty profile": Case(
        empty_profile,
        (K.FIRST_ASSESSMENT,),
        ("first-assessment",),
        ("There is no assessment yet",),
    ),
    "overdue and stalled goals": Case(
        overdue_and_stalled_goals,
        (K.OVERDUE_GOAL, K.STALLED_GOAL),
        ("goal:", "goal:"),
        ("It was due on 2026-10-31, 21 days ago; 1 of 2 milestones are done.",),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_each_persona_gets_the_expected_advice_first(name: str) -> None:
    case = CASES[name]
    result = case.build().next_steps()

    top = result.suggestions[: len(case.top_kinds)]
    assert [s.kind for s in top] == list(case.top_kinds), [s.title for s in top]
    for suggestion, key in zip(result.suggestions, case.top_keys, strict=False):
        assert suggestion.key.startswith(key)
    why = result.suggestions[0].rationale
    for words in case.why_mentions:
        assert words in why or any(words in s.rationale for s in top), why


def test_the_strong_technician_is_not_told_to_do_more_technical_work_first() -> None:
    result = strong_technician_without_leadership().next_steps()

    first_technical = (
        next(i for i, s in enumerate(result.suggestions) if s.kind is K.TECHNICAL)
        if any(s.kind is K.TECHNICAL for s in result.suggestions)
        else len(result.suggestions)
    )
    leadership = [i for i, s in enumerate(result.suggestions) if s.kind is K.LEADERSHIP]
    assert len(leadership) == 3 and max(leadership) < first_technical


def test_a_junior_builds_technical_skills_before_leading() -> None:
    junior = Persona()
    junior.assess(days_ago(10), levels(1, **dict.fromkeys(TECHNICAL, 2)))
    for week in range(1, 8):
        junior.log(days_ago(week * 7), 3, "python-programming", "mentoring", "project-strategy")

    result = junior.next_steps()

    first = result.suggestions[0]
    assert first.competency_id in TECHNICAL, first.title
    responsibility = [s for s in result.suggestions if s.kind is K.RESPONSIBILITY]
    assert responsibility == []  # held back until the technical areas are near target


def test_the_everything_in_one_area_persona_is_told_where_the_hours_went() -> None:
    result = everything_in_one_area().next_steps()

    diverse = [s for s in result.suggestions if s.kind is K.DIVERSE_EXPERIENCE]
    assert diverse[0] is result.suggestions[0]
    assert diverse[0].area_name == "Leadership and mentorship"  # the largest gap elsewhere
    assert "Leadership and mentorship got 0 h" in diverse[0].rationale
    # One concentration note and at most two quiet areas: the same advice is not repeated.
    assert 2 <= len(diverse) <= 3
    assert all(s.area_name != "Technical foundations" for s in diverse)
    assert sum("Nothing was logged in" in s.rationale for s in result.suggestions) <= 2


def test_at_target_the_pathway_leaned_toward_comes_first_and_names_its_first_step() -> None:
    result = at_the_target().next_steps()

    pathways = [s for s in result.suggestions if s.kind is K.PATHWAY]
    assert pathways[0].key == "pathway:ml-engineering-manager"
    assert {s.key for s in pathways[1:]} == {
        "pathway:lead-specialised-projects",
        "pathway:ai-ethics-specialist",
    }
    manager = pathways[0]
    assert manager.competency_id in {"mentoring", "project-strategy"}
    assert (manager.current_level, manager.target_level) == (4, 5)
    assert manager.title == "Next horizon: ML engineering manager"
    assert result.projection.reached_on == result.today and result.projection.weeks == 0


def test_the_empty_profile_gets_only_the_first_assessment_then_a_nudge_to_log() -> None:
    assert [s.key for s in empty_profile().next_steps().suggestions] == ["first-assessment"]

    older = Persona(started=days_ago(45))
    keys = [s.key for s in older.next_steps().suggestions]
    assert keys == ["first-assessment", "restart-learning"]
    restart = older.next_steps().suggestions[1]
    assert "since you started on 2026-10-07" in restart.rationale
    assert restart.follow_up.value == "log-learning"


def test_the_stalled_goal_names_its_quiet_competency_and_the_overdue_its_next_milestone() -> None:
    result = overdue_and_stalled_goals().next_steps()
    overdue, stalled = result.suggestions[:2]

    assert overdue.title == "Overdue goal: “Finish the MLOps course”"
    assert overdue.action.startswith("Finish “Module 2” or move the due date")
    assert stalled.title == "Stalled goal: “Relate my model's metric to revenue”"
    assert "Nothing has been logged for Business alignment since 2026-06-24, 5 months ago." in (
        stalled.rationale
    )
    assert "16 h of other learning in the last 60 days" in stalled.rationale
    assert overdue.follow_up.value == stalled.follow_up.value == "edit-goal"
    assert overdue.goal_id is not None and overdue.competency_id is None


def test_hygiene_never_crowds_out_every_step_forward() -> None:
    eve = overdue_and_stalled_goals()
    for number in range(3):
        eve.goal(f"Old plan {number}", {"mentoring": 4}, created=days_ago(200), due=days_ago(50))

    kinds = [s.kind for s in eve.next_steps().suggestions]

    assert not kinds[2].is_hygiene
    for start in range(len(kinds) - 2):
        run = kinds[start : start + 3]
        assert not all(k.is_hygiene for k in run) or all(k.is_hygiene for k in kinds[start:])


def test_strategy_weighs_more_once_technical_readiness_is_high() -> None:
    def strategy_score(technical: int) -> float:
        person = Persona()
        person.assess(days_ago(10), levels(3, **dict.fromkeys(TECHNICAL, technical)))
        person.log(days_ago(5), 2, *STRATEGY, "mentoring")
        found = person.next_steps().find("grow:project-strategy")
        assert found is not None and found.kind is K.STRATEGY
        return found.score

    assert strategy_score(4) > strategy_score(2) * 1.3
