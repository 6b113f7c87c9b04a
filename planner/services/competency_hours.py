"""Hours of learning per competency and per area, summed by the database for the Skills view.

An entry counts fully for each competency it served (unlike the charts, which share
its hours out), and once for each area it served however many of the area's
competencies it named. Both sums are one grouped query over the person's entries, so
a log of thousands of entries comes back as a few dozen rows. The SQL is portable
(SQLite and PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import case, func, literal, null, select, union_all

from planner.storage.database import Database
from planner.storage.models import LearningCompetency, LearningEntry

COMPETENCY, AREA = 0, 1  # which sum a row of the combined statement holds


@dataclass(frozen=True)
class CompetencyHours:
    """Hours logged per competency id and per area id (absent ids: nothing logged)."""

    by_competency: dict[str, float]
    by_area: dict[str, float]


def competency_hours(
    database: Database, person_id: int, area_of: Mapping[str, str]
) -> CompetencyHours:
    """A person's hours per competency, and per area through ``area_of`` (competency -> area).

    Competencies missing from ``area_of`` (not in the framework) count toward no area.
    One statement: the person's (entry, competency) pairs are read once into a common
    table expression, then summed per competency and, once per entry, per area.
    """
    entry = LearningEntry.__table__
    link = LearningCompetency.__table__
    area = case(
        *((link.c.competency_id == c, literal(a)) for c, a in sorted(area_of.items())),
        else_=None,
    )
    served = (
        select(
            entry.c.id.label("entry_id"),
            entry.c.hours.label("hours"),
            link.c.competency_id.label("competency_id"),
            (area if area_of else null()).label("area_id"),
        )
        .select_from(entry.join(link, link.c.learning_entry_id == entry.c.id))
        .where(entry.c.person_id == person_id)
        .cte("served")
    )
    per_area = select(served.c.entry_id, served.c.hours, served.c.area_id).distinct().subquery()
    query = union_all(
        select(literal(COMPETENCY), served.c.competency_id, func.sum(served.c.hours)).group_by(
            served.c.competency_id
        ),
        select(literal(AREA), per_area.c.area_id, func.sum(per_area.c.hours))
        .where(per_area.c.area_id.is_not(None))
        .group_by(per_area.c.area_id),
    )
    found: dict[int, dict[str, float]] = {COMPETENCY: {}, AREA: {}}
    with database.session() as session:
        for kind, key, hours in session.execute(query):
            found[kind][key] = float(hours)
    return CompetencyHours(found[COMPETENCY], found[AREA])
