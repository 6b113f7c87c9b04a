"""One person's record as plain data: the engine's only input besides framework, catalogue, today.

Gathering it is the only step that touches the database, so the rules can be tested
with hand-made snapshots and give the same answer every time.

The learning log and the assessments are read lean: the rules need each entry's day,
hours, kind, title and competencies (never its notes or link), and each rating's level,
evidence and the ids of its linked entries (never the entries again), so a few
column reads replace building full records with their relationships (a career of
entries and assessments loads in milliseconds rather than seconds). Goals are read
only while open: no rule looks at finished ones.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from planner.services.records import (
    AssessmentRecord,
    DecisionRecord,
    GoalRecord,
    LearningRecord,
    PersonRecord,
    RatingRecord,
)
from planner.services.service_set import Services
from planner.storage.models import (
    Assessment,
    LearningCompetency,
    LearningEntry,
    Rating,
    rating_learning_links,
)
from planner.vocabulary import GoalStatus, LearningKind, RaterKind

_KINDS = {kind.value: kind for kind in LearningKind}  # a dict lookup beats Enum() per row


@dataclass(frozen=True)
class LoggedEntry:
    """What the rules read of a learning log entry."""

    id: int
    title: str
    kind: LearningKind
    completed_on: date
    hours: float
    competency_ids: tuple[str, ...] = ()

    @classmethod
    def of(cls, record: LearningRecord) -> LoggedEntry:
        """The parts of a full record the rules use."""
        return cls(
            record.id,
            record.title,
            record.kind,
            record.completed_on,
            record.hours,
            record.competency_ids,
        )


@dataclass(frozen=True)
class PersonSnapshot:
    """A person with their assessments and learning (any order), open goals and decisions."""

    person: PersonRecord
    assessments: tuple[AssessmentRecord, ...] = ()
    goals: tuple[GoalRecord, ...] = ()
    learning: tuple[LoggedEntry, ...] = ()
    decisions: tuple[DecisionRecord, ...] = ()


def snapshot_of(services: Services, person_id: int) -> PersonSnapshot:
    """Read everything the rules look at for one person."""
    return PersonSnapshot(
        person=services.people.get(person_id),
        assessments=assessments_of(services, person_id),
        goals=tuple(services.goals.list_for(person_id, {GoalStatus.PLANNED, GoalStatus.ACTIVE})),
        learning=logged_entries(services, person_id),
        decisions=tuple(services.decisions.list_for(person_id)),
    )


def logged_entries(services: Services, person_id: int) -> tuple[LoggedEntry, ...]:
    """A person's learning log, oldest first, as the few fields the rules read."""
    entries = (
        select(
            LearningEntry.id,
            LearningEntry.title,
            LearningEntry.kind,
            LearningEntry.completed_on,
            LearningEntry.hours,
        )
        .where(LearningEntry.person_id == person_id)
        .order_by(LearningEntry.completed_on, LearningEntry.id)
    )
    links = (
        select(LearningCompetency.learning_entry_id, LearningCompetency.competency_id)
        .join(LearningEntry, LearningEntry.id == LearningCompetency.learning_entry_id)
        .where(LearningEntry.person_id == person_id)
    )
    with services.database.session() as session:
        served: dict[int, list[str]] = defaultdict(list)
        for entry_id, competency_id in session.execute(links):
            served[entry_id].append(competency_id)
        return tuple(
            LoggedEntry(entry_id, title, _KINDS[kind], day, hours, tuple(sorted(served[entry_id])))
            for entry_id, title, kind, day, hours in session.execute(entries)
        )


def assessments_of(services: Services, person_id: int) -> tuple[AssessmentRecord, ...]:
    """A person's assessments, oldest first, with ratings and the ids of their linked entries."""
    heads = (
        select(
            Assessment.id,
            Assessment.assessed_on,
            Assessment.rater_kind,
            Assessment.rater_name,
            Assessment.notes,
            Assessment.created_at,
        )
        .where(Assessment.person_id == person_id)
        .order_by(Assessment.assessed_on, Assessment.id)
    )
    ratings = (
        select(Rating.id, Rating.assessment_id, Rating.competency_id, Rating.level, Rating.evidence)
        .join(Assessment, Assessment.id == Rating.assessment_id)
        .where(Assessment.person_id == person_id)
        .order_by(Rating.id)
    )
    links = (
        select(rating_learning_links.c.rating_id, rating_learning_links.c.learning_entry_id)
        .join(Rating, Rating.id == rating_learning_links.c.rating_id)
        .join(Assessment, Assessment.id == Rating.assessment_id)
        .where(Assessment.person_id == person_id)
    )
    with services.database.session() as session:
        linked: dict[int, list[int]] = defaultdict(list)
        for rating_id, entry_id in session.execute(links):
            linked[rating_id].append(entry_id)
        by_assessment: dict[int, list[RatingRecord]] = defaultdict(list)
        for rating_id, assessment_id, competency_id, level, evidence in session.execute(ratings):
            entry_ids = tuple(sorted(linked[rating_id]))
            by_assessment[assessment_id].append(
                RatingRecord(competency_id, level, evidence, entry_ids)
            )
        return tuple(
            AssessmentRecord(
                assessment_id,
                person_id,
                day,
                RaterKind(rater_kind),
                rater_name,
                notes,
                created_at,
                tuple(by_assessment[assessment_id]),
            )
            for assessment_id, day, rater_kind, rater_name, notes, created_at in session.execute(
                heads
            )
        )
