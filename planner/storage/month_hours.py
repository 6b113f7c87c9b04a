"""Keeps ``learning_month_hours`` equal to the log it summarises.

An entry's hours are shared evenly among the competencies it served (a 6 h course for
three competencies gives each 2 h; hours that served none are kept under ""). Summing
that share over ten years of a busy log joins 100,000 entries to 200,000 links — over
half a second on SQLite — so the sums per person, month and competency are stored and
rewritten for the months a change touches:

* every ORM flush that adds, changes or deletes a learning entry or one of its links
  rewrites that person's touched months (:func:`track_changes` installs the listener
  on the session factory of :class:`~planner.storage.database.Database`);
* bulk statements (imports, review packets, generated data) call :func:`refresh`
  themselves;
* deleting a person removes their rows through the foreign key.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date, timedelta
from itertools import chain
from typing import Any

from sqlalchemy import Connection, delete, event, extract, func, insert, select
from sqlalchemy.orm import Session, attributes, sessionmaker

from planner.storage.models import LearningCompetency, LearningEntry, LearningMonthHours

UNASSIGNED = ""  # the competency id under which hours that served none are kept


def month_of(day: date) -> date:
    """The first day of ``day``'s month."""
    return day.replace(day=1)


def month_end(month: date) -> date:
    """The last day of the month that starts on ``month``."""
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def shared_hours() -> Any:
    """The outer entry's hours divided among its competencies (all of it when none)."""
    links = LearningCompetency.__table__.alias("links")
    count = (
        select(func.count())
        .where(links.c.learning_entry_id == LearningEntry.id)
        .correlate(LearningEntry)
        .scalar_subquery()
    )
    return LearningEntry.hours * 1.0 / func.coalesce(func.nullif(count, 0), 1)


def summed_from_log(
    connection: Connection,
    person_id: int,
    first: date | None = None,
    last: date | None = None,
) -> list[tuple[date, str, float]]:
    """(month, competency id or "", hours) computed from the log itself, in no order.

    Only entries completed between ``first`` and ``last`` (inclusive) count; the
    stored summary is this over whole months.
    """
    entry = LearningEntry
    year = extract("year", entry.completed_on)
    month = extract("month", entry.completed_on)
    competency = func.coalesce(LearningCompetency.competency_id, UNASSIGNED)
    conditions = [entry.person_id == person_id]
    if first is not None:
        conditions.append(entry.completed_on >= first)
    if last is not None:
        conditions.append(entry.completed_on <= last)
    query = (
        select(year, month, competency, func.sum(shared_hours()))
        .outerjoin(LearningCompetency, LearningCompetency.learning_entry_id == entry.id)
        .where(*conditions)
        .group_by(year, month, competency)
    )
    return [
        (date(int(y), int(m), 1), str(competency_id), float(hours))
        for y, m, competency_id, hours in connection.execute(query)
    ]


def refresh(connection: Connection, person_id: int, months: Collection[date] | None = None) -> None:
    """Rewrite a person's stored sums for ``months`` (first days), or for all of them."""
    table = LearningMonthHours
    if months is None:
        connection.execute(delete(table).where(table.person_id == person_id))
        rows = summed_from_log(connection, person_id)
    else:
        wanted = {month_of(m) for m in months}
        if not wanted:
            return
        connection.execute(
            delete(table).where(table.person_id == person_id, table.month.in_(sorted(wanted)))
        )
        # A few months: read each on its own (an indexed range); many: read the span.
        if len(wanted) <= 12:
            rows = []
            for m in sorted(wanted):
                rows.extend(summed_from_log(connection, person_id, m, month_end(m)))
        else:
            span = summed_from_log(connection, person_id, min(wanted), month_end(max(wanted)))
            rows = [row for row in span if row[0] in wanted]
    if rows:
        connection.execute(
            insert(table),
            [
                {"person_id": person_id, "month": m, "competency_id": c, "hours": h}
                for m, c, h in rows
            ],
        )


def stored(
    connection: Connection, person_id: int, first: date | None, last: date | None
) -> list[tuple[date, str, float]]:
    """(month, competency id or "", hours) from the summary, months within the bounds."""
    table = LearningMonthHours.__table__
    conditions = [table.c.person_id == person_id]
    if first is not None:
        conditions.append(table.c.month >= first)
    if last is not None:
        conditions.append(table.c.month <= last)
    query = select(table.c.month, table.c.competency_id, table.c.hours).where(*conditions)
    return [(m, c, float(h)) for m, c, h in connection.execute(query)]


def _touched(session: Session) -> dict[int, set[date]]:
    """(person, months) the objects of this flush changed, old places included."""
    touched: dict[int, set[date]] = defaultdict(set)
    entry_ids: set[int] = set()
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, LearningEntry):
            people = _values(obj, "person_id")
            days = _values(obj, "completed_on")
            for person_id in people:
                touched[person_id].update(month_of(d) for d in days)
        elif isinstance(obj, LearningCompetency) and obj.learning_entry_id is not None:
            entry_ids.add(obj.learning_entry_id)
    if entry_ids:
        query = select(LearningEntry.person_id, LearningEntry.completed_on).where(
            LearningEntry.id.in_(sorted(entry_ids))
        )
        for person_id, day in session.connection().execute(query):
            touched[person_id].add(month_of(day))
    return touched


def _values(obj: Any, key: str) -> set[Any]:
    """The attribute's current value and the one it had before this flush."""
    history = attributes.get_history(obj, key)
    return {v for v in chain(history.added, history.unchanged, history.deleted) if v is not None}


def _after_flush(session: Session, _context: Any) -> None:
    for person_id, months in _touched(session).items():
        refresh(session.connection(), person_id, months)


def track_changes(factory: sessionmaker[Session]) -> None:
    """Rewrite the touched months after every flush of sessions from ``factory``."""
    event.listen(factory, "after_flush", _after_flush)
