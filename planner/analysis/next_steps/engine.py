"""The next-step engine: a snapshot, a framework, a catalogue and a day in; ranked advice out.

:func:`compute_next_steps` is pure and deterministic (no clock, no database), so the
rules are pinned by tests on hand-made snapshots. :func:`next_steps_for` gathers the
inputs from the services for the window and the command line.
"""

from __future__ import annotations

from datetime import date

from planner.analysis.next_steps.activity_choice import ActivityChooser
from planner.analysis.next_steps.candidate import Candidate, RuleContext
from planner.analysis.next_steps.facts import Facts
from planner.analysis.next_steps.log_summary import target_profile
from planner.analysis.next_steps.model import NextSteps
from planner.analysis.next_steps.plan import lay_out_weeks, project
from planner.analysis.next_steps.ranking import merge, rank, split_by_decisions
from planner.analysis.next_steps.rules import RULES
from planner.analysis.next_steps.snapshot import PersonSnapshot, snapshot_of
from planner.framework.activities import ACTIVITIES_FORMAT, ActivityCatalogue
from planner.framework.loader import builtin_activities, builtin_framework
from planner.framework.schema import Framework
from planner.services.records import PersonRecord
from planner.services.service_set import Services

DEFAULT_WEEKLY_HOURS = 5.0
MIN_WEEKLY_HOURS = 0.5
MAX_WEEKLY_HOURS = 80.0


def weekly_hours_of(person: PersonRecord) -> float:
    """The person's stored weekly budget, or the default of 5 h."""
    return person.weekly_hours or DEFAULT_WEEKLY_HOURS


def check_weekly_hours(hours: float) -> float:
    """``hours`` if it is a usable budget; ``ValueError`` naming the limits otherwise."""
    if not MIN_WEEKLY_HOURS <= hours <= MAX_WEEKLY_HOURS:
        raise ValueError(
            f"hours per week must be from {MIN_WEEKLY_HOURS:g} to {MAX_WEEKLY_HOURS:g},"
            f" not {hours:g}"
        )
    return hours


def empty_catalogue(framework: Framework) -> ActivityCatalogue:
    """A catalogue with no activities: actions fall back to level descriptors."""
    return ActivityCatalogue(
        format=ACTIVITIES_FORMAT, format_version=1, framework=framework.id, steps=[]
    )


def catalogue_for(framework: Framework) -> ActivityCatalogue:
    """The built-in catalogue for the built-in framework; an empty one for imported ladders."""
    if framework.id == builtin_framework().id:
        return builtin_activities()
    return empty_catalogue(framework)


def compute_next_steps(
    snapshot: PersonSnapshot,
    framework: Framework,
    catalogue: ActivityCatalogue,
    today: date,
    hours_per_week: float | None = None,
) -> NextSteps:
    """Ranked suggestions, the weekly plan and the projected date for one person."""
    hours = check_weekly_hours(
        hours_per_week if hours_per_week is not None else weekly_hours_of(snapshot.person)
    )
    facts = Facts(snapshot, framework, target_profile(framework, snapshot.person), today)
    context = RuleContext(facts, catalogue, ActivityChooser(facts, catalogue, hours), hours)
    candidates: list[Candidate] = []
    for rule in RULES:
        candidates.extend(rule(context))
    suggestions = [c.suggestion() for c in merge(candidates)]
    visible, hidden = split_by_decisions(suggestions, snapshot.decisions, today)
    ranked = rank(visible, [c.id for c in framework.competencies])
    return NextSteps(
        person_id=snapshot.person.id,
        today=today,
        hours_per_week=hours,
        suggestions=tuple(ranked),
        hidden=tuple(sorted(hidden, key=lambda h: (-h.suggestion.score, h.suggestion.key))),
        weeks=lay_out_weeks(ranked, hours, today),
        projection=project(facts, catalogue, hours),
    )


def next_steps_for(
    services: Services, person_id: int, hours_per_week: float | None = None
) -> NextSteps:
    """The next steps of a stored person as of the services' clock."""
    today = services.clock.today()
    snapshot = snapshot_of(services, person_id, today)
    framework = services.people.framework_of(snapshot.person)
    return compute_next_steps(snapshot, framework, catalogue_for(framework), today, hours_per_week)
