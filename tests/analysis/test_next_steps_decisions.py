"""Remembered decisions: what hides a suggestion, and what brings it back."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from planner.analysis.next_steps import snooze_until
from planner.vocabulary import DecisionKind
from tests.analysis.conftest import TODAY, Persona, days_ago, levels

KEY = "grow:mentoring"


def mentee_in_waiting() -> Persona:
    """Mentoring at 2 against 4, with steady learning elsewhere: the engine suggests it."""
    ada = Persona().assess(days_ago(10), levels(4, mentoring=2))
    for week in range(1, 10):
        ada.log(days_ago(week * 7), 2, "mentoring", "model-deployment")
    return ada


def keys(person: Persona, **kwargs: object) -> list[str]:
    return [s.key for s in person.next_steps(**kwargs).suggestions]  # type: ignore[arg-type]


def test_the_suggestion_and_its_fingerprint() -> None:
    found = mentee_in_waiting().next_steps().find(KEY)
    assert found is not None and found.fingerprint == "2/4"


def test_a_dismissal_hides_the_suggestion_while_its_figures_stay_the_same() -> None:
    ada = mentee_in_waiting().decide(KEY, DecisionKind.DISMISSED, "2/4")

    result = ada.next_steps()

    assert KEY not in [s.key for s in result.suggestions]
    assert [(h.suggestion.key, h.decision) for h in result.hidden] == [(KEY, "dismissed")]
    assert result.find(KEY) is not None


def test_a_dismissed_suggestion_comes_back_when_the_level_changes() -> None:
    ada = mentee_in_waiting().decide(KEY, DecisionKind.DISMISSED, "2/4")
    ada.assess(days_ago(1), levels(4, mentoring=3))

    result = ada.next_steps()
    back = result.find(KEY)

    assert back is not None and back in result.suggestions and back.fingerprint == "3/4"


def test_a_snooze_lasts_until_its_date() -> None:
    until = snooze_until(TODAY)
    ada = mentee_in_waiting().decide(KEY, DecisionKind.SNOOZED, "2/4", until)

    assert until == TODAY + timedelta(days=30)
    assert KEY not in keys(ada)
    assert KEY not in keys(ada, today=until - timedelta(days=1))
    assert KEY in keys(ada, today=until)


def test_a_snooze_ends_early_when_the_figures_change() -> None:
    ada = mentee_in_waiting().decide(KEY, DecisionKind.SNOOZED, "2/4", snooze_until(TODAY))
    ada.assess(days_ago(1), levels(4, mentoring=3))

    assert KEY in keys(ada)


def test_an_accepted_suggestion_stays_away_and_others_are_untouched() -> None:
    ada = mentee_in_waiting().decide(KEY, DecisionKind.ACCEPTED, "2/4")
    ada.decide("grow:no-such-competency", DecisionKind.DISMISSED, "1/4")

    result = ada.next_steps()

    assert KEY not in [s.key for s in result.suggestions]
    assert [h.decision for h in result.hidden] == ["accepted"]
    assert result.suggestions  # the rest of the advice is still there


def test_a_goal_suggestion_comes_back_when_the_goal_slips_again() -> None:
    ada = mentee_in_waiting()
    ada.goal("Course", {"mentoring": 3}, created=days_ago(100), due=days_ago(5))
    goal_key = next(s.key for s in ada.next_steps().suggestions if s.key.startswith("goal:"))
    found = ada.next_steps().find(goal_key)
    assert found is not None
    ada.decide(goal_key, DecisionKind.DISMISSED, found.fingerprint)
    assert goal_key not in keys(ada)

    ada.goals[-1] = replace(ada.goals[-1], due_date=days_ago(2))  # moved, and missed again

    assert goal_key in keys(ada)
