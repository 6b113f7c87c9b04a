"""Gathering a plan: every figure from the services and analysis, for a full and an empty record."""

from __future__ import annotations

from datetime import date, datetime

from planner.analysis.person_readiness import person_readiness
from planner.framework.loader import builtin_framework
from planner.report.plan_data import LEARNING_DAYS, UNLINKED, build_plan, hours_by_area
from planner.report.plan_model import Plan, PlanSections
from planner.services.records import LearningRecord
from planner.services.service_set import Services
from planner.vocabulary import GoalStatus, LearningKind
from tests.report.conftest import add_tiny_person


def entry(hours: float, *competencies: str) -> LearningRecord:
    return LearningRecord(
        1, 1, "x", LearningKind.COURSE, date(2026, 11, 1), hours, "", "", datetime(2026, 11, 1),
        competencies,
    )  # fmt: skip


def test_cover_matches_readiness(demo_db: Services, demo_plan: Plan) -> None:
    person = demo_db.people.list()[0]
    readiness = person_readiness(demo_db, person.id)
    cover = demo_plan.cover
    assert (cover.name, cover.role) == ("Alex Rivera", "ML Engineer II")
    assert cover.profile_name == "Senior ML developer"
    assert cover.prepared_on == date(2026, 11, 21)
    assert readiness.readiness is not None and cover.overall == readiness.readiness.overall
    assert (cover.rated, cover.total) == (20, 20)
    assert cover.latest_assessment == date(2026, 10, 8) and cover.latest_rater == "Self"
    assert cover.target_date == person.target_date


def test_gap_rows_cover_every_competency_in_framework_order(demo_plan: Plan) -> None:
    framework = builtin_framework()
    assert [a.name for a in demo_plan.gaps] == [a.name for a in framework.areas]
    rows = [row for area in demo_plan.gaps for row in area.rows]
    assert [r.competency for r in rows] == [c.name for c in framework.competencies]
    mentoring = next(r for r in rows if r.competency == "Mentoring")
    assert (mentoring.level, mentoring.level_name, mentoring.target, mentoring.gap) == (
        3,
        "Mid-level",
        4,
        1,
    )
    assert all(r.last_assessed == date(2026, 10, 8) for r in rows)


def test_changes_compare_the_last_two_assessments(demo_plan: Plan) -> None:
    changes = demo_plan.changes
    assert (changes.previous_on, changes.latest_on) == (date(2026, 6, 24), date(2026, 10, 8))
    moved = {m.competency: (m.before, m.after) for m in changes.level_changes}
    assert moved == {
        "Mentoring": (2, 3),
        "Research initiatives": (1, 2),
        "Technical decision making": (2, 3),
    }
    assert changes.unchanged == 17
    assert changes.readiness_before is not None and changes.readiness_after is not None
    assert changes.readiness_after > changes.readiness_before
    assert changes.goals_completed == ("Pass the Google Cloud Professional ML Engineer exam",)
    assert changes.hours_logged > 0 and changes.entries_logged > 0


def test_goals_are_the_open_ones_by_due_date_with_milestones(
    demo_db: Services, demo_plan: Plan
) -> None:
    person_id = demo_db.people.list()[0].id
    open_goals = demo_db.goals.list_for(person_id, {GoalStatus.PLANNED, GoalStatus.ACTIVE})
    assert [g.title for g in demo_plan.goals] == [g.title for g in open_goals]
    dues = [g.due for g in demo_plan.goals if g.due]
    assert dues == sorted(dues)
    reading = demo_plan.goals[0]
    assert reading.title == "Start a monthly ML reading group" and reading.overdue
    assert [(m.text, m.done) for m in reading.milestones][-1] == (
        "Reading list for next quarter",
        False,
    )


def test_learning_summary_adds_up(demo_db: Services, demo_plan: Plan) -> None:
    summary = demo_plan.learning
    person_id = demo_db.people.list()[0].id
    window = demo_db.learning.list_for(person_id, since=summary.since, until=summary.until)
    assert (summary.until - summary.since).days == LEARNING_DAYS - 1
    assert summary.entry_count == len(window)
    assert abs(summary.total_hours - sum(e.hours for e in window)) < 1e-9
    assert abs(sum(a.hours for a in summary.by_area) - summary.total_hours) < 1e-9
    recent = demo_db.learning.list_for(person_id, limit=10)
    assert [r.title for r in summary.recent] == [e.title for e in recent]


def test_hours_are_shared_among_the_competencies_an_entry_served() -> None:
    framework = builtin_framework()
    shares = hours_by_area(
        [
            entry(6, "python-programming", "mentoring", "knowledge-sharing"),
            entry(2),
            entry(1, "retired-competency"),
        ],
        framework,
    )
    assert [(a.area, a.hours) for a in shares] == [
        ("Technical foundations", 2.0),
        ("Leadership and mentorship", 4.0),
        (UNLINKED, 3.0),
    ]


def test_next_steps_and_forecast_come_from_their_engines(demo_plan: Plan) -> None:
    steps = demo_plan.next_steps
    assert steps.available and 1 <= len(steps.steps) <= 5
    for step in steps.steps:
        assert step.title and step.action and step.rationale and step.source
    assert "weeks" in steps.note
    assert demo_plan.cover.projection.text
    assert demo_plan.radar.image is not None
    assert demo_plan.radar.image.png.startswith(b"\x89PNG")


def test_a_person_with_nothing_recorded_gets_empty_sections(services: Services) -> None:
    person_id = add_tiny_person(services)
    plan = build_plan(services, person_id)
    assert plan.cover.overall is None and plan.cover.latest_assessment is None
    assert plan.cover.projection.on is None
    assert all(row.level is None for area in plan.gaps for row in area.rows)
    assert plan.changes.latest_on is None and not plan.changes.level_changes
    assert plan.goals == () and plan.learning.entry_count == 0 and plan.learning.recent == ()
    assert plan.radar.image is None and "No assessment yet" in plan.radar.note


def test_sections_left_out_skip_their_charts(demo_db: Services) -> None:
    person_id = demo_db.people.list()[0].id
    plan = build_plan(demo_db, person_id, PlanSections(radar=False, progress=False))
    assert plan.radar.image is None and plan.progress.image is None
    assert build_plan(demo_db, person_id, charts=False).radar.image is None
