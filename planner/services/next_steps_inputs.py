"""Figures about one person's log and assessments, summed by the database for the next steps.

The next-step rules read a handful of figures: hours after a few days, the share of
hours each competency got after a day (its own day, or one for all), the last day
each competency was logged, the kinds of learning done lately, the titles logged,
and the newest ratings of each competency. Each is one or a few grouped queries over
an indexed range of the person's rows (mostly the last months), so a career of
100,000 entries and 2,000 assessments is never read row by row. Only the titles are
read whole, once each: an index on (person, title) keeps that an index-only scan.

"After a day" means strictly after it; every figure counts entries completed on or
before ``until`` only. An entry's hours are shared evenly among the ``counted``
competencies it served (those of the target profile); its other competencies get
nothing. Sums are rounded to 1e-9 h, so the order in which the database adds them
never shows. The SQL is portable (SQLite and PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Executable, and_, case, false, func, null, or_, select
from sqlalchemy.orm import Session

from planner.services.assessments import read_assessments
from planner.services.records import AssessmentRecord
from planner.storage.database import Database
from planner.storage.models import (
    Assessment,
    LearningCompetency,
    LearningEntry,
    Rating,
)
from planner.vocabulary import LEARNING_KINDS, LearningKind

DIGITS = 9  # hours are rounded to this many decimals
# How far back :meth:`NextStepsInputs.last_days` looks, widening until every competency
# is found: most were logged lately, so the first (cheap) window usually settles it.
SEARCH_SPANS = (timedelta(days=90), timedelta(days=365), timedelta(days=4 * 365))


def rounded(hours: float) -> float:
    """``hours`` without the last bits of float noise (see the module docstring)."""
    return round(hours, DIGITS)


def _cut_off_condition(
    day: Any, competency: Any, cut_offs: Mapping[str, date]
) -> ColumnElement[bool]:
    """True for rows completed after their competency's cut-off day."""
    by_day: dict[date, list[str]] = {}
    for competency_id, cut_off in sorted(cut_offs.items()):
        by_day.setdefault(cut_off, []).append(competency_id)
    return or_(*(and_(competency.in_(ids), day > cut_off) for cut_off, ids in by_day.items()))


@dataclass(frozen=True)
class WindowFigures:
    """Per competency, what the entries completed after ``since`` say about it.

    ``last_days``: the latest day it was logged in the window (absent: not in it);
    ``kinds``: the kinds logged for it after the kinds' day; ``hours``: for each map
    of cut-off days, the hours shared to it after its day (absent: none, or no day).
    Kinds and last days count every competency an entry names; hours only the counted.
    """

    since: date
    last_days: dict[str, date]
    kinds: dict[str, frozenset[LearningKind]]
    hours: list[dict[str, float]]


class NextStepsInputs:
    """Grouped reads of one person's log and assessments (see the module docstring)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    @classmethod
    @contextmanager
    def reading(cls, database: Database) -> Iterator[NextStepsInputs]:
        """Reads in one session: one transaction, so the figures agree with each other."""
        with database.session() as session:
            yield cls(session)

    def _rows(self, query: Executable) -> list[Any]:
        return list(self._session.execute(query))

    # Hours ------------------------------------------------------------------

    def last_day(self, person_id: int, until: date) -> date | None:
        """The day of the latest entry completed on or before ``until``."""
        entry = LearningEntry
        query = select(func.max(entry.completed_on)).where(
            entry.person_id == person_id, entry.completed_on <= until
        )
        value = self._rows(query)[0][0]
        return value if isinstance(value, date) else None

    def hours_after(
        self, person_id: int, days: Collection[date | None], until: date
    ) -> dict[date | None, float]:
        """Hours logged after each of ``days`` (None: all of them), in one pass."""
        wanted = list(dict.fromkeys(days))
        if not wanted:
            return {}
        entry = LearningEntry
        sums = [
            func.coalesce(
                func.sum(
                    entry.hours if day is None else case((entry.completed_on > day, entry.hours))
                ),
                0.0,
            )
            for day in wanted
        ]
        conditions = [entry.person_id == person_id, entry.completed_on <= until]
        if None not in wanted:
            conditions.append(entry.completed_on > min(d for d in wanted if d is not None))
        row = self._rows(select(*sums).where(*conditions))[0]
        return {day: rounded(float(hours)) for day, hours in zip(wanted, row, strict=True)}

    def window_figures(
        self,
        person_id: int,
        counted: Collection[str],
        cut_offs: Sequence[Mapping[str, date]],
        kinds_after: date,
        until: date,
    ) -> WindowFigures:
        """Per competency: its last day, its kinds, and its shared hours after each cut-off.

        One pass over the entries after the earliest of ``kinds_after`` and the
        cut-off days (see :class:`WindowFigures`).
        """
        since = min([kinds_after, *(day for cut_off in cut_offs for day in cut_off.values())])
        entry, link = LearningEntry, LearningCompetency
        ids = sorted(counted)
        is_counted = link.competency_id.in_(ids) if ids else false()
        # Each (entry, competency) row once, with how many counted competencies its
        # entry served: a window sum, cheaper than a correlated count per row.
        rows = (
            select(
                link.competency_id,
                entry.completed_on,
                entry.hours,
                entry.kind,
                func.sum(case((is_counted, 1), else_=0))
                .over(partition_by=entry.id)
                .label("served"),
            )
            .select_from(entry)
            .join(link, link.learning_entry_id == entry.id)
            .where(
                entry.person_id == person_id,
                entry.completed_on > since,
                entry.completed_on <= until,
            )
            .subquery()
        )
        share = rows.c.hours * 1.0 / func.nullif(rows.c.served, 0)
        counted_row = rows.c.competency_id.in_(ids) if ids else false()
        sums = [
            func.sum(
                case(
                    (
                        and_(
                            counted_row,
                            _cut_off_condition(rows.c.completed_on, rows.c.competency_id, c),
                        ),
                        share,
                    )
                )
            )
            if c
            else null()
            for c in cut_offs
        ]
        query = select(
            rows.c.competency_id,
            rows.c.kind,
            func.max(rows.c.completed_on),
            func.max(case((rows.c.completed_on > kinds_after, 1))),
            *sums,
        ).group_by(rows.c.competency_id, rows.c.kind)
        last_days: dict[str, date] = {}
        kinds: dict[str, set[LearningKind]] = {}
        hours: list[dict[str, float]] = [{} for _ in cut_offs]
        for competency_id, kind, last, lately, *sums_of_kind in self._rows(query):
            last_days[competency_id] = max(last, last_days.get(competency_id, last))
            if lately:
                kinds.setdefault(competency_id, set()).add(LEARNING_KINDS[kind])
            for index, value in enumerate(sums_of_kind):
                if value is not None:
                    hours[index][competency_id] = hours[index].get(competency_id, 0.0) + value
        return WindowFigures(
            since=since,
            last_days=last_days,
            kinds={c: frozenset(k) for c, k in sorted(kinds.items())},
            hours=[{c: rounded(h) for c, h in sums.items()} for sums in hours],
        )

    # Days and titles --------------------------------------------------------

    def last_days(
        self, person_id: int, competency_ids: Iterable[str], until: date
    ) -> dict[str, date]:
        """The latest day on or before ``until`` each competency was logged (absent: never).

        Looks back through ever wider windows (:data:`SEARCH_SPANS`, then the rest),
        asking only for the competencies not found yet.
        """
        missing = sorted(set(competency_ids))
        found: dict[str, date] = {}
        upper: date = until
        for span in (*SEARCH_SPANS, None):
            if not missing:
                break
            lower = None if span is None else until - span
            found.update(self._last_days_between(person_id, missing, lower, upper))
            missing = [c for c in missing if c not in found]
            if lower is None:
                break
            upper = lower
        return found

    def _last_days_between(
        self, person_id: int, competency_ids: list[str], after: date | None, until: date
    ) -> dict[str, date]:
        entry, link = LearningEntry, LearningCompetency
        conditions = [
            entry.person_id == person_id,
            entry.completed_on <= until,
            link.competency_id.in_(competency_ids),
        ]
        if after is not None:
            conditions.append(entry.completed_on > after)
        query = (
            select(link.competency_id, func.max(entry.completed_on))
            .select_from(entry)
            .join(link, link.learning_entry_id == entry.id)
            .where(*conditions)
            .group_by(link.competency_id)
        )
        return {competency_id: day for competency_id, day in self._rows(query)}

    def titles(self, person_id: int, until: date) -> frozenset[str]:
        """Every distinct title logged."""
        entry = LearningEntry
        query = (
            select(entry.title)
            .where(entry.person_id == person_id, entry.completed_on <= until)
            .distinct()
        )
        return frozenset(title for (title,) in self._rows(query))

    # Assessments ------------------------------------------------------------

    def newest_assessments(
        self, person_id: int, until: date, competency_ids: Collection[str], depth: int = 2
    ) -> list[AssessmentRecord]:
        """The newest assessment and those holding the ``depth`` newest ratings of each competency.

        Oldest first, with all their ratings. Read newest first in growing batches,
        so a person who rates everything each time costs two assessments, however
        many they have; a competency never rated makes it read them all.
        """
        heads = self._rows(
            select(Assessment.id)
            .where(Assessment.person_id == person_id, Assessment.assessed_on <= until)
            .order_by(Assessment.assessed_on.desc(), Assessment.id.desc())
        )
        order = [assessment_id for (assessment_id,) in heads]
        seen: dict[str, int] = dict.fromkeys(competency_ids, 0)
        kept: set[int] = set(order[:1])
        start, batch = 0, depth
        while start < len(order) and any(count < depth for count in seen.values()):
            chosen = order[start : start + batch]
            rated = self._rows(
                select(Rating.assessment_id, Rating.competency_id).where(
                    Rating.assessment_id.in_(chosen)
                )
            )
            by_assessment: dict[int, list[str]] = {}
            for assessment_id, competency_id in rated:
                by_assessment.setdefault(assessment_id, []).append(competency_id)
            for assessment_id in chosen:  # newest first
                for competency_id in by_assessment.get(assessment_id, ()):
                    if seen.get(competency_id, depth) < depth:
                        seen[competency_id] += 1
                        kept.add(assessment_id)
            start += batch
            batch *= 4
        return self._assessments(sorted(kept))

    def _assessments(self, ids: list[int]) -> list[AssessmentRecord]:
        if not ids:
            return []
        return read_assessments(self._session, Assessment.id.in_(ids))
