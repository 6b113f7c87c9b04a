"""Gather one person's development plan from the services and the analysis, as plain data."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from planner.analysis.person_readiness import PersonReadiness, person_readiness
from planner.analysis.readiness import compute_readiness
from planner.framework.schema import Framework
from planner.report.plan_model import (
    AreaGaps,
    AreaHours,
    Changes,
    Chart,
    Cover,
    GapRow,
    HistoryPoint,
    LearningRow,
    LearningSummary,
    LevelChange,
    NextSteps,
    Plan,
    PlanGoal,
    PlanMilestone,
    PlanSections,
    Projection,
)
from planner.report.sources import PlanSources
from planner.services.records import AssessmentRecord, GoalRecord, LearningRecord
from planner.services.service_set import Services
from planner.vocabulary import GoalStatus

LEARNING_DAYS = 90
RECENT_ENTRIES = 10
TOP_STEPS = 5
UNLINKED = "Not linked to a competency"
IN_PRINT = "Drawn in the printed plan."


def build_plan(
    services: Services,
    person_id: int,
    sections: PlanSections | None = None,
    *,
    charts: bool = True,
) -> Plan:
    """Everything the plan of ``person_id`` shows, as of the services' clock.

    ``charts=False`` skips rendering the chart images (Markdown needs none).
    """
    sections = sections or PlanSections()
    today = services.clock.today()
    readiness = person_readiness(services, person_id)
    assessments = services.assessments.list_for(person_id)
    extra = PlanSources(services, readiness, today)
    steps = extra.next_steps(TOP_STEPS) if sections.next_steps else NextSteps((), "", False)
    return Plan(
        cover=_cover(readiness, today, extra.projection()),
        sections=sections,
        gaps=_gaps(readiness, assessments),
        changes=_changes(services, readiness, assessments),
        goals=_goals(services, person_id, readiness.framework, today),
        next_steps=steps,
        learning=_learning(services, person_id, readiness.framework, today),
        radar=extra.radar() if charts and sections.radar else Chart(None, IN_PRINT),
        progress=extra.progress() if charts and sections.progress else Chart(None, IN_PRINT),
        history=_history(readiness, assessments),
        level_names={lvl.level: lvl.name for lvl in readiness.framework.scale.levels},
    )


def _cover(readiness: PersonReadiness, today: date, projection: Projection) -> Cover:
    person, latest = readiness.person, readiness.latest
    figures = readiness.readiness
    return Cover(
        name=person.name,
        role=person.current_role,
        framework_name=readiness.framework.name,
        profile_name=readiness.profile.name,
        prepared_on=today,
        target_date=person.target_date,
        overall=figures.overall if figures else None,
        rated=figures.rated if figures else 0,
        total=len(readiness.framework.competencies),
        latest_assessment=latest.assessed_on if latest else None,
        latest_rater=latest.rater_label if latest else None,
        projection=projection,
        weekly_hours=person.weekly_hours,
    )


def _history(
    readiness: PersonReadiness, assessments: Sequence[AssessmentRecord]
) -> tuple[HistoryPoint, ...]:
    raters = {a.id: a.rater_label for a in assessments}
    return tuple(
        HistoryPoint(p.assessed_on, raters.get(p.assessment_id, ""), p.readiness.overall)
        for p in readiness.history
    )


def last_assessed(assessments: Iterable[AssessmentRecord]) -> dict[str, date]:
    """The latest date each competency was rated."""
    latest: dict[str, date] = {}
    for assessment in assessments:
        for rating in assessment.ratings:
            seen = latest.get(rating.competency_id)
            if seen is None or assessment.assessed_on > seen:
                latest[rating.competency_id] = assessment.assessed_on
    return latest


def _gaps(
    readiness: PersonReadiness, assessments: Sequence[AssessmentRecord]
) -> tuple[AreaGaps, ...]:
    framework = readiness.framework
    scale = framework.scale
    dates = last_assessed(assessments)
    levels = readiness.latest.levels if readiness.latest else {}
    figures = compute_readiness(framework, readiness.profile, levels)
    areas = []
    for area in figures.areas:
        rows = tuple(
            GapRow(
                competency=gap.name,
                level=gap.level,
                level_name=scale.name_of(gap.level) if gap.level is not None else "Not rated",
                target=gap.target,
                target_name=scale.name_of(gap.target),
                gap=gap.gap,
                last_assessed=dates.get(gap.competency_id),
            )
            for gap in area.competencies
        )
        share = area.readiness if readiness.latest else None
        areas.append(AreaGaps(area.name, share, rows))
    return tuple(areas)


def _changes(
    services: Services, readiness: PersonReadiness, assessments: Sequence[AssessmentRecord]
) -> Changes:
    framework, profile = readiness.framework, readiness.profile
    ordered = sorted(assessments, key=lambda a: (a.assessed_on, a.id))
    latest = ordered[-1] if ordered else None
    previous = ordered[-2] if len(ordered) > 1 else None
    moves: list[LevelChange] = []
    unchanged = 0
    if latest is not None and previous is not None:
        before, after = previous.levels, latest.levels
        for competency in framework.competencies:
            old, new = before.get(competency.id), after.get(competency.id)
            if old == new:
                unchanged += 1
            else:
                area = framework.area_of(competency.id).name
                moves.append(LevelChange(competency.name, area, old, new))
    moves.sort(key=lambda m: (-abs(m.delta), m.area, m.competency))
    since = previous.assessed_on if previous else None
    person_id = readiness.person.id
    completed = _completed_since(services.goals.list_for(person_id, {GoalStatus.DONE}), since)
    entries = services.learning.list_for(person_id, since=since) if since else []
    return Changes(
        previous_on=previous.assessed_on if previous else None,
        previous_rater=previous.rater_label if previous else None,
        latest_on=latest.assessed_on if latest else None,
        latest_rater=latest.rater_label if latest else None,
        readiness_before=compute_readiness(framework, profile, previous.levels).overall
        if previous
        else None,
        readiness_after=readiness.readiness.overall if readiness.readiness else None,
        level_changes=tuple(moves),
        unchanged=unchanged,
        goals_completed=completed,
        hours_logged=sum(e.hours for e in entries),
        entries_logged=len(entries),
    )


def _completed_since(goals: Iterable[GoalRecord], since: date | None) -> tuple[str, ...]:
    if since is None:
        return ()
    done = [
        (g.completed_at.date(), g.title)
        for g in goals
        if g.completed_at is not None and g.completed_at.date() >= since
    ]
    return tuple(title for _day, title in sorted(done))


def _goals(
    services: Services, person_id: int, framework: Framework, today: date
) -> tuple[PlanGoal, ...]:
    goals = services.goals.list_for(person_id, {GoalStatus.PLANNED, GoalStatus.ACTIVE})
    return tuple(
        PlanGoal(
            title=goal.title,
            description=goal.description,
            status=goal.status,
            priority=goal.priority,
            due=goal.due_date,
            overdue=goal.is_overdue(today),
            competencies=tuple(
                _competency_name(framework, c.competency_id) for c in goal.competencies
            ),
            milestones=tuple(PlanMilestone(m.text, m.done, m.due_date) for m in goal.milestones),
        )
        for goal in goals
    )


def _competency_name(framework: Framework, competency_id: str) -> str:
    try:
        return framework.competency(competency_id).name
    except KeyError:  # from a framework the person no longer uses
        return competency_id


def hours_by_area(entries: Iterable[LearningRecord], framework: Framework) -> tuple[AreaHours, ...]:
    """Hours per area, each entry's hours shared evenly among the competencies it served.

    Shares for competencies the framework does not know, and entries serving none,
    are summed under :data:`UNLINKED`; areas come in framework order, empty ones left out.
    """
    area_of = {c.id: area.name for area in framework.areas for c in area.competencies}
    totals: dict[str, float] = defaultdict(float)
    for entry in entries:
        if not entry.competency_ids:
            totals[UNLINKED] += entry.hours
            continue
        share = entry.hours / len(entry.competency_ids)
        for competency_id in entry.competency_ids:
            totals[area_of.get(competency_id, UNLINKED)] += share
    order = [area.name for area in framework.areas] + [UNLINKED]
    return tuple(AreaHours(name, totals[name]) for name in order if totals.get(name))


def _learning(
    services: Services, person_id: int, framework: Framework, today: date
) -> LearningSummary:
    since = today - timedelta(days=LEARNING_DAYS - 1)
    window = services.learning.list_for(person_id, since=since, until=today)
    recent = services.learning.list_for(person_id, limit=RECENT_ENTRIES)
    return LearningSummary(
        since=since,
        until=today,
        total_hours=sum(e.hours for e in window),
        entry_count=len(window),
        by_area=hours_by_area(window, framework),
        recent=tuple(
            LearningRow(
                e.completed_on,
                e.title,
                e.kind.label,
                e.hours,
                tuple(_competency_name(framework, c) for c in e.competency_ids),
            )
            for e in recent
        ),
    )
