"""One person's record as plain data: the engine's only input besides framework, catalogue, today.

Gathering it is the only step that touches the database, so the rules can be tested
with hand-made snapshots and give the same answer every time.

A hand-made snapshot lists the learning entries themselves; one read from the
database carries instead the :class:`LogSummary` the database summed for the day
(:mod:`planner.services.next_steps_inputs`), so a career of 100,000 entries is never
read row by row. Of the assessments it holds the newest one and those that hold the
two newest ratings of each competency (all the rules look at); of the goals only the
open ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.analysis.next_steps.log_summary import (
    LoggedEntry,
    LogQuestions,
    LogSummary,
    questions_for,
    target_profile,
)
from planner.services.next_steps_inputs import NextStepsInputs
from planner.services.records import (
    AssessmentRecord,
    DecisionRecord,
    GoalRecord,
    PersonRecord,
)
from planner.services.service_set import Services
from planner.vocabulary import GoalStatus

__all__ = ["LoggedEntry", "PersonSnapshot", "read_summary", "snapshot_of"]


@dataclass(frozen=True)
class PersonSnapshot:
    """A person with their assessments, open goals, decisions, and learning.

    The learning is either ``learning`` (entries, any order) or ``log`` (summed by
    the database for one day); with both, ``log`` is what the rules read.
    """

    person: PersonRecord
    assessments: tuple[AssessmentRecord, ...] = ()
    goals: tuple[GoalRecord, ...] = ()
    learning: tuple[LoggedEntry, ...] = ()
    decisions: tuple[DecisionRecord, ...] = ()
    log: LogSummary | None = None


def snapshot_of(services: Services, person_id: int, today: date | None = None) -> PersonSnapshot:
    """Read what the rules look at for one person on ``today`` (the services' clock by default)."""
    day = services.clock.today() if today is None else today
    person = services.people.get(person_id)
    framework = services.people.framework_of(person)
    with NextStepsInputs.reading(services.database) as inputs:
        competencies = [c.id for c in framework.competencies]
        assessments = inputs.newest_assessments(person_id, day, competencies)
        profile = target_profile(framework, person)
        log = read_summary(inputs, person_id, questions_for(framework, profile, assessments, day))
    return PersonSnapshot(
        person=person,
        assessments=tuple(assessments),
        goals=tuple(services.goals.list_for(person_id, {GoalStatus.PLANNED, GoalStatus.ACTIVE})),
        decisions=tuple(services.decisions.list_for(person_id)),
        log=log,
    )


def read_summary(inputs: NextStepsInputs, person_id: int, questions: LogQuestions) -> LogSummary:
    """The database's answers to ``questions`` about one person's log."""
    today, counted = questions.today, questions.counted
    last_day = inputs.last_day(person_id, today)
    cut_offs = [dict.fromkeys(counted, questions.recent_start), dict(questions.rated_on)]
    if questions.assessed_on is not None:
        cut_offs.append(dict.fromkeys(counted, questions.assessed_on))
    window = inputs.window_figures(person_id, counted, cut_offs, questions.variety_start, today)
    last_logged = {c: day for c, day in window.last_days.items() if c in counted}
    # Competencies not logged lately: their last day lies before the window.
    missing = counted.difference(last_logged)
    last_logged.update(inputs.last_days(person_id, missing, window.since))
    evidence: dict[str, date] = {}
    if questions.assessed_on is not None and questions.evidence:
        evidence = inputs.last_days(person_id, questions.evidence, questions.assessed_on)
    return LogSummary(
        questions=questions,
        last_day=last_day,
        hours_after=inputs.hours_after(person_id, questions.hour_cut_offs(last_day), today),
        last_logged=last_logged,
        recent_hours=window.hours[0],
        hours_since_rated=window.hours[1],
        hours_since_assessment=window.hours[2] if len(window.hours) > 2 else {},
        logged_before_assessment=evidence,
        recent_kinds=window.kinds,
        titles=inputs.titles(person_id, today),
    )
