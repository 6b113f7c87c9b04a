"""What a mentor needs to know about everyone in the database, gathered in a few queries.

One query over the people answers every fact with a correlated subquery per person
(an index lookup each: newest assessments, last entry, goal counts), then one read
fetches the assessments it named. Nothing passes over everyone's rows, so the overview
grows with the number of people, not with the size of their records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select

from planner.services.assessments import read_assessments
from planner.services.clock import Clock
from planner.services.people import PeopleService
from planner.services.records import AssessmentRecord, PersonRecord
from planner.storage.database import Database
from planner.storage.models import Assessment, Goal, LearningEntry, Person
from planner.vocabulary import GoalStatus, RaterKind

OPEN_STATUSES = [s.value for s in GoalStatus if s.is_open]


@dataclass(frozen=True)
class MenteeFacts:
    """One person's latest assessments, last activity and goal hygiene."""

    person: PersonRecord
    recent: tuple[AssessmentRecord, ...]
    """The latest two assessments (any rater), oldest first."""
    last_review: AssessmentRecord | None
    """The latest assessment by a mentor."""
    last_learning: date | None
    last_goal_activity: date | None
    open_goals: int
    overdue_goals: int

    @property
    def last_activity(self) -> date | None:
        """The latest day anything was logged, assessed, planned or completed."""
        days = [self.last_learning, self.last_goal_activity]
        days += [a.assessed_on for a in self.recent[-1:]]
        known = [day for day in days if day is not None]
        return max(known) if known else None


class MenteeService:
    """Facts about every person in the database, for the Mentees overview."""

    def __init__(self, database: Database, clock: Clock, people: PeopleService) -> None:
        self._db = database
        self._clock = clock
        self._people = people

    def facts(self) -> list[MenteeFacts]:
        """Everyone, by name, with what the overview shows about them."""
        people = self._people.list()
        today = self._clock.today()
        person = Person.__table__
        entry = LearningEntry.__table__
        goal = Goal.__table__
        open_goal = (goal.c.person_id == person.c.id) & goal.c.status.in_(OPEN_STATUSES)
        query = select(
            person.c.id,
            _newest(0),
            _newest(1),
            _newest(0, RaterKind.MENTOR),
            _per_person(func.max(entry.c.completed_on), entry.c.person_id == person.c.id),
            _per_person(func.max(goal.c.created_at), goal.c.person_id == person.c.id),
            _per_person(func.max(goal.c.completed_at), goal.c.person_id == person.c.id),
            _per_person(func.count(), open_goal),
            _per_person(func.count(), open_goal & (goal.c.due_date < today)),
        )
        with self._db.session() as session:
            connection = session.connection()
            rows = {row[0]: row[1:] for row in connection.execute(query)}
            wanted = {i for found in rows.values() for i in found[:3] if i is not None}
            records = {
                r.id: r for r in read_assessments(session, Assessment.id.in_(sorted(wanted)))
            }
        facts = []
        for record in people:
            latest, before, review, learned, created, completed, opened, overdue = rows.get(
                record.id, (None,) * 8
            )
            moments = [m for m in (created, completed) if isinstance(m, datetime)]
            facts.append(
                MenteeFacts(
                    person=record,
                    recent=tuple(records[i] for i in (before, latest) if i is not None),
                    last_review=records.get(review) if review is not None else None,
                    last_learning=learned,
                    last_goal_activity=max(moments).date() if moments else None,
                    open_goals=opened or 0,
                    overdue_goals=overdue or 0,
                )
            )
        return facts


def _per_person(aggregate: Any, condition: ColumnElement[bool]) -> Any:
    """``aggregate`` over one person's rows, as a column of a query over people.

    Correlated on the person's id, so each is an index lookup per person rather than
    a pass over everyone's rows: the overview grows with the number of people only.
    """
    return select(aggregate).where(condition).correlate(Person.__table__).scalar_subquery()


def _newest(skip: int, rater: RaterKind | None = None) -> Any:
    """Id of a person's newest assessment (of ``rater``, or any) after ``skip`` newer ones."""
    table = Assessment.__table__
    query = select(table.c.id).where(table.c.person_id == Person.__table__.c.id)
    if rater is not None:
        query = query.where(table.c.rater_kind == rater.value)
    return (
        query.order_by(table.c.assessed_on.desc(), table.c.id.desc())
        .limit(1)
        .offset(skip)
        .correlate(Person.__table__)
        .scalar_subquery()
    )
