"""Sums and counts over a person's learning path, computed by the database for the charts.

Every query groups in SQL, so a career of 100,000 log entries or 2,000 assessments
comes back as a few hundred rows. The SQL is portable (SQLite and PostgreSQL): month
and day come from ``EXTRACT``, never from a dialect's date functions.

An entry's hours are shared evenly among the competencies it served, so the hours of
all competencies add up to the hours logged: a 6 h course for three competencies
gives each 2 h. Entries that served no competency are summed apart ("unassigned").
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Executable,
    Select,
    and_,
    case,
    exists,
    extract,
    func,
    select,
)

from planner.storage import month_hours
from planner.storage.database import Database
from planner.storage.models import (
    Assessment,
    Goal,
    GoalCompetency,
    LearningCompetency,
    LearningEntry,
    Rating,
)
from planner.storage.month_hours import month_end, month_of
from planner.vocabulary import GoalStatus, RaterKind


@dataclass(frozen=True)
class DayHours:
    """Hours logged on one day."""

    day: date
    hours: float


@dataclass(frozen=True)
class MonthHours:
    """Hours of one month given to one competency (None: to no competency)."""

    month: date  # the first day of the month
    competency_id: str | None
    hours: float


@dataclass(frozen=True)
class DayCount:
    """How many goals something happened to on one day."""

    day: date
    count: int


@dataclass(frozen=True)
class GoalCounts:
    """Goals created and done per day in a period, with the totals from before it."""

    created: tuple[DayCount, ...]
    done: tuple[DayCount, ...]
    created_before: int
    done_before: int
    dropped: int


@dataclass(frozen=True)
class AssessmentScore:
    """One assessment with the sum of its levels, each capped at its target."""

    assessment_id: int
    assessed_on: date
    rater_kind: RaterKind
    rater_name: str | None
    reached: int

    @property
    def rater_label(self) -> str:
        """Self, or the mentor's name."""
        if self.rater_kind is RaterKind.MENTOR:
            return self.rater_name or "Mentor"
        return "Self"


def _within(column: Any, since: date | None, until: date | None) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if since is not None:
        conditions.append(column >= since)
    if until is not None:
        conditions.append(column <= until)
    return conditions


def _moment_within(
    column: Any, since: date | None, until: date | None
) -> list[ColumnElement[bool]]:
    """Like :func:`_within` for a timestamp column, whole days included."""
    conditions: list[ColumnElement[bool]] = []
    if since is not None:
        conditions.append(column >= datetime.combine(since, time.min))
    if until is not None:
        conditions.append(column <= datetime.combine(until, time.max))
    return conditions


def _day_parts(column: Any) -> tuple[Any, Any, Any]:
    return extract("year", column), extract("month", column), extract("day", column)


class LearningAggregates:
    """Grouped figures about one person's log, goals and assessments."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def _rows(self, query: Executable) -> list[Any]:
        with self._db.session() as session:
            return list(session.execute(query))

    # Learning log -----------------------------------------------------------

    def hours_by_day(
        self,
        person_id: int,
        since: date | None = None,
        until: date | None = None,
        competency_ids: Collection[str] | None = None,
    ) -> list[DayHours]:
        """Hours per day with anything logged, oldest first.

        With ``competency_ids``, only the share of each entry that went to those
        competencies counts.
        """
        entry = LearningEntry
        if competency_ids is None:
            query = select(entry.completed_on, func.sum(entry.hours)).where(
                entry.person_id == person_id, *_within(entry.completed_on, since, until)
            )
        else:
            query = (
                select(entry.completed_on, func.sum(month_hours.shared_hours()))
                .join(LearningCompetency, LearningCompetency.learning_entry_id == entry.id)
                .where(
                    entry.person_id == person_id,
                    LearningCompetency.competency_id.in_(sorted(competency_ids)),
                    *_within(entry.completed_on, since, until),
                )
            )
        query = query.group_by(entry.completed_on).order_by(entry.completed_on)
        return [DayHours(day, float(hours)) for day, hours in self._rows(query)]

    def hours_by_month(
        self, person_id: int, since: date | None = None, until: date | None = None
    ) -> list[MonthHours]:
        """Hours per month and competency (shared as the module says), oldest month first.

        Rows with ``competency_id`` None hold the hours of entries that named no
        competency; months with nothing logged are absent. Whole months come from the
        stored monthly sums; a period that starts or ends inside a month reads those
        edge days from the log.
        """
        # Days of a month cut by the period come from the log; whole months are stored.
        cut: list[tuple[date, date]] = []
        first, last = since, until
        if since is not None and since.day != 1:
            head_end = month_end(since) if until is None else min(month_end(since), until)
            cut.append((since, head_end))
            first = head_end + timedelta(days=1)
        if until is not None and until != month_end(until) and (first is None or first <= until):
            tail_start = month_of(until) if first is None else max(month_of(until), first)
            cut.append((tail_start, until))
            last = tail_start - timedelta(days=1)
        with self._db.session() as session:
            connection = session.connection()
            parts = [month_hours.summed_from_log(connection, person_id, a, b) for a, b in cut]
            if first is None or last is None or first <= last:
                parts.append(month_hours.stored(connection, person_id, first, last))
        sums: dict[tuple[date, str], float] = {}
        for part in parts:
            for month, competency_id, hours in part:
                key = (month, competency_id)
                sums[key] = sums.get(key, 0.0) + hours
        rows = [
            MonthHours(month, competency_id or None, hours)
            for (month, competency_id), hours in sums.items()
        ]
        rows.sort(key=lambda r: (r.month, r.competency_id is None, r.competency_id or ""))
        return rows

    def first_activity(self, person_id: int) -> date | None:
        """The earliest date of any entry, assessment or goal (None for an empty record)."""
        queries: list[Select[Any]] = [
            select(func.min(LearningEntry.completed_on)).where(
                LearningEntry.person_id == person_id
            ),
            select(func.min(Assessment.assessed_on)).where(Assessment.person_id == person_id),
            select(func.min(Goal.created_at)).where(Goal.person_id == person_id),
        ]
        found: list[date] = []
        with self._db.session() as session:
            for query in queries:
                value = session.scalar(query)
                if isinstance(value, datetime):
                    value = value.date()
                if isinstance(value, date):
                    found.append(value)
        return min(found, default=None)

    # Goals ------------------------------------------------------------------

    def goal_counts(
        self,
        person_id: int,
        since: date | None = None,
        until: date | None = None,
        competency_ids: Collection[str] | None = None,
    ) -> GoalCounts:
        """Goals created and done per day for a burn-up chart; dropped goals apart.

        A dropped goal has no date it was dropped, so it is counted only in
        ``dropped``, not as created. With ``competency_ids``, only goals serving at
        least one of them count.
        """
        base: list[ColumnElement[bool]] = [Goal.person_id == person_id]
        if competency_ids is not None:
            base.append(
                exists().where(
                    GoalCompetency.goal_id == Goal.id,
                    GoalCompetency.competency_id.in_(sorted(competency_ids)),
                )
            )
        kept = and_(*base, Goal.status != GoalStatus.DROPPED.value)
        done = and_(*base, Goal.status == GoalStatus.DONE.value, Goal.completed_at.is_not(None))
        created = self._per_day(Goal.created_at, kept, since, until)
        finished = self._per_day(Goal.completed_at, done, since, until)
        created_before = done_before = 0
        if since is not None:
            start = datetime.combine(since, time.min)
            created_before = self._count(and_(kept, Goal.created_at < start))
            done_before = self._count(and_(done, Goal.completed_at < start))
        dropped = self._count(and_(*base, Goal.status == GoalStatus.DROPPED.value))
        return GoalCounts(created, finished, created_before, done_before, dropped)

    def _per_day(
        self, column: Any, condition: ColumnElement[bool], since: date | None, until: date | None
    ) -> tuple[DayCount, ...]:
        parts = _day_parts(column)
        query = (
            select(*parts, func.count())
            .where(condition, *_moment_within(column, since, until))
            .group_by(*parts)
            .order_by(*parts)
        )
        return tuple(DayCount(date(int(y), int(m), int(d)), n) for y, m, d, n in self._rows(query))

    def _count(self, condition: ColumnElement[bool]) -> int:
        with self._db.session() as session:
            return session.scalar(select(func.count(Goal.id)).where(condition)) or 0

    # Assessments ------------------------------------------------------------

    def assessment_scores(
        self, person_id: int, targets: Mapping[str, int]
    ) -> list[AssessmentScore]:
        """Every assessment, oldest first, with the sum of its levels capped at ``targets``.

        Divided by the sum of the targets this is the readiness of
        :func:`planner.analysis.readiness.compute_readiness` for the competencies in
        ``targets``; ratings of other competencies are ignored.
        """
        target = case(targets, value=Rating.competency_id) if targets else None
        if target is None:
            capped: Any = func.count() * 0
        else:
            capped = func.coalesce(
                func.sum(case((Rating.level < target, Rating.level), else_=target)), 0
            )
        query = (
            select(
                Assessment.id,
                Assessment.assessed_on,
                Assessment.rater_kind,
                Assessment.rater_name,
                capped,
            )
            .outerjoin(Rating, Rating.assessment_id == Assessment.id)
            .where(Assessment.person_id == person_id)
            .group_by(
                Assessment.id, Assessment.assessed_on, Assessment.rater_kind, Assessment.rater_name
            )
            .order_by(Assessment.assessed_on, Assessment.id)
        )
        return [
            AssessmentScore(ident, day, RaterKind(kind), name, int(reached or 0))
            for ident, day, kind, name, reached in self._rows(query)
        ]
