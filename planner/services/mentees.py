"""What a mentor needs to know about everyone in the database, gathered in a few queries.

One query per fact for all people together (never one per person and table), so the
overview stays quick with dozens of people and a career's worth of records each.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, selectinload

from planner.services.assessments import assessment_record
from planner.services.clock import Clock
from planner.services.people import PeopleService
from planner.services.records import AssessmentRecord, PersonRecord
from planner.storage.database import Database
from planner.storage.models import Assessment, Goal, LearningEntry, Rating
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
        with self._db.session() as session:
            recent = self._latest(session, None, 2)
            reviews = self._latest(session, RaterKind.MENTOR, 1)
            learning: dict[int, date] = {
                person_id: day
                for person_id, day in session.execute(
                    select(LearningEntry.person_id, func.max(LearningEntry.completed_on)).group_by(
                        LearningEntry.person_id
                    )
                )
            }
            goal_days: dict[int, date] = {}
            for person_id, created, completed in session.execute(
                select(
                    Goal.person_id, func.max(Goal.created_at), func.max(Goal.completed_at)
                ).group_by(Goal.person_id)
            ):
                moments = [m for m in (created, completed) if isinstance(m, datetime)]
                if moments:
                    goal_days[person_id] = max(moments).date()
            open_goals = self._goal_counts(session, Goal.status.in_(OPEN_STATUSES))
            overdue = self._goal_counts(
                session, Goal.status.in_(OPEN_STATUSES) & (Goal.due_date < today)
            )
        return [
            MenteeFacts(
                person=person,
                recent=tuple(recent.get(person.id, ())),
                last_review=next(iter(reviews.get(person.id, ())), None),
                last_learning=learning.get(person.id),
                last_goal_activity=goal_days.get(person.id),
                open_goals=open_goals.get(person.id, 0),
                overdue_goals=overdue.get(person.id, 0),
            )
            for person in people
        ]

    @staticmethod
    def _latest(
        session: Session, rater: RaterKind | None, count: int
    ) -> dict[int, list[AssessmentRecord]]:
        """Each person's latest ``count`` assessments (of ``rater``, or any), oldest first."""
        rank = (
            func.row_number()
            .over(
                partition_by=Assessment.person_id,
                order_by=(Assessment.assessed_on.desc(), Assessment.id.desc()),
            )
            .label("rank")
        )
        ranked = select(Assessment.id, rank)
        if rater is not None:
            ranked = ranked.where(Assessment.rater_kind == rater.value)
        chosen = ranked.subquery()
        rows = session.scalars(
            select(Assessment)
            .where(Assessment.id.in_(select(chosen.c.id).where(chosen.c.rank <= count)))
            .options(selectinload(Assessment.ratings).selectinload(Rating.learning_entries))
            .order_by(Assessment.person_id, Assessment.assessed_on, Assessment.id)
        )
        found: dict[int, list[AssessmentRecord]] = defaultdict(list)
        for row in rows:
            found[row.person_id].append(assessment_record(row))
        return found

    @staticmethod
    def _goal_counts(session: Session, condition: ColumnElement[bool]) -> dict[int, int]:
        query = (
            select(Goal.person_id, func.count(Goal.id)).where(condition).group_by(Goal.person_id)
        )
        return {person_id: count for person_id, count in session.execute(query)}
