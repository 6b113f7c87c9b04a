"""The weekly plan and the projected date follow the weekly budget."""

from __future__ import annotations

from datetime import date

import pytest

from planner.analysis.next_steps import check_weekly_hours, goal_draft_for
from planner.analysis.next_steps.plan import PLANNED_SUGGESTIONS
from planner.framework.loader import builtin_activities, builtin_framework
from planner.vocabulary import GoalPriority, GoalStatus
from tests.analysis.conftest import TODAY, Persona, at_target, days_ago, levels


def two_gaps() -> Persona:
    """Everything at target except mentoring (3) and deployment (3), rated a week ago."""
    ada = Persona(weekly_hours=6.0)
    ada.assess(
        days_ago(7), levels(4, mentoring=3, model_deployment=3, research_leadership=3, ai_ethics=3)
    )
    for week in range(1, 10):
        ada.log(days_ago(week * 7 + 7), 2, "mentoring", "model-deployment")
    return ada


def test_each_week_holds_the_budget_and_the_top_suggestions_in_order() -> None:
    result = two_gaps().next_steps()

    assert result.hours_per_week == 6.0  # the person's own budget
    planned = [item.key for week in result.weeks for item in week.items]
    order = list(dict.fromkeys(planned))
    assert order == [s.key for s in result.suggestions[:PLANNED_SUGGESTIONS]]
    for week in result.weeks[:-1]:
        assert week.hours == pytest.approx(6.0)
    assert 0 < result.weeks[-1].hours <= 6.0
    assert [w.starts for w in result.weeks[:2]] == [TODAY, date(2026, 11, 28)]
    total = sum(s.effort_hours for s in result.suggestions[:PLANNED_SUGGESTIONS])
    assert sum(w.hours for w in result.weeks) == pytest.approx(total)
    finished = [item.key for week in result.weeks for item in week.items if item.finishes]
    assert finished == order


def test_the_projection_counts_every_missing_step_less_hours_already_logged() -> None:
    catalogue = builtin_activities()
    mentoring = sum(a.hours for a in catalogue.for_step("mentoring", 3))
    deployment = sum(a.hours for a in catalogue.for_step("model-deployment", 3))
    ada = two_gaps()
    ada.log(days_ago(2), 10, "mentoring")  # after the rating: counts toward the step

    projection = ada.next_steps().projection

    assert projection.remaining_hours == pytest.approx(mentoring + deployment - 10)
    assert projection.weeks == -(-(mentoring + deployment - 10) // 6)
    assert projection.reached_on == date.fromordinal(TODAY.toordinal() + 7 * projection.weeks)
    assert projection.profile_name == "Senior ML developer"
    assert projection.target_date == date(2027, 11, 21)
    assert projection.hours_per_week_for_target_date == pytest.approx(
        projection.remaining_hours / (365 / 7)
    )
    assert projection.on_track is True


def test_a_larger_budget_brings_the_date_forward_and_shortens_the_plan() -> None:
    ada = two_gaps()
    slow, fast = ada.next_steps(hours_per_week=1), ada.next_steps(hours_per_week=12)

    assert slow.projection.reached_on is not None and fast.projection.reached_on is not None
    assert fast.projection.reached_on < slow.projection.reached_on
    assert len(fast.weeks) < len(slow.weeks)
    assert slow.projection.on_track is False and fast.projection.on_track is True


def test_no_assessment_means_no_date_and_target_met_means_today() -> None:
    assert Persona().next_steps().projection.reached_on is None
    done = Persona().assess(days_ago(3), at_target())
    projection = done.next_steps().projection
    assert (projection.weeks, projection.reached_on, projection.remaining_hours) == (0, TODAY, 0)


def test_the_pace_of_the_last_90_days_is_reported_beside_the_budget() -> None:
    projection = two_gaps().next_steps().projection
    assert projection.logged_hours_per_week == pytest.approx(9 * 2 / (90 / 7))  # 9 entries of 2 h


def test_a_budget_outside_the_limits_is_refused() -> None:
    with pytest.raises(ValueError, match=r"hours per week must be from 0\.5 to 80, not 0"):
        check_weekly_hours(0)
    with pytest.raises(ValueError, match="not 81"):
        two_gaps().next_steps(hours_per_week=81)


def test_the_default_budget_is_five_hours() -> None:
    assert Persona(weekly_hours=None).next_steps().hours_per_week == 5.0


def test_an_accepted_suggestion_becomes_an_active_goal_with_the_activity_first() -> None:
    found = two_gaps().next_steps().find("grow:mentoring")
    assert found is not None and found.activity is not None

    draft = goal_draft_for(found, builtin_framework(), TODAY, hours_per_week=1)

    assert draft.title == "Reach Senior in Mentoring"
    assert [(c.competency_id, c.target_level) for c in draft.competencies] == [("mentoring", 4)]
    assert draft.status is GoalStatus.ACTIVE and draft.priority is GoalPriority.MEDIUM
    milestone = draft.milestones[0]
    assert milestone.text.startswith(found.activity.title) and not milestone.done
    weeks = -(-int(found.activity.hours) // 1)
    assert milestone.due_date == date.fromordinal(TODAY.toordinal() + 7 * weeks)
    assert found.rationale in draft.description
    assert found.source.quote in draft.description


def test_a_suggestion_about_the_plan_itself_cannot_become_a_goal() -> None:
    ada = two_gaps()
    ada.goal("Late", {"mentoring": 4}, created=days_ago(50), due=days_ago(3))
    found = next(s for s in ada.next_steps().suggestions if s.key.startswith("goal:"))

    assert not found.accepts_as_goal
    with pytest.raises(ValueError, match="does not name a competency"):
        goal_draft_for(found, builtin_framework(), TODAY, 5)
