"""A seeded generator of large planner databases for the benchmarks, built once and cached.

The schema comes from the real migrations; the rows go in through SQLAlchemy Core bulk
inserts into the storage models' tables (no services, no validation, no ORM objects),
so 100,000 learning entries take seconds. The same parameters and seed give the same
file, which is cached under ``$XDG_CACHE_HOME/learning-path-planner-bench/`` (by default
``~/.cache/...``), keyed by the parameters and the schema revision.

Run ``python tests/benchmarks/large_dataset.py --help`` to build one by hand.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select

from planner.framework.loader import builtin_framework
from planner.storage import month_hours
from planner.storage.database import Database, sqlite_url
from planner.storage.migrate import head_revision, upgrade_database
from planner.storage.models import (
    Assessment,
    Goal,
    GoalCompetency,
    LearningCompetency,
    LearningEntry,
    Milestone,
    Person,
    Rating,
)
from planner.vocabulary import GoalPriority, GoalStatus, LearningKind, RaterKind

GENERATOR_VERSION = 4  # 3: writes the monthly hours summary; 4: 0004's title index
CHUNK = 20_000
HOURS = (0.5, 1.0, 1.0, 1.5, 2.0, 2.0, 3.0, 4.0, 6.0, 8.0)
MENTORS = ("Priya Shah", "Jonas Berg", "Amara Okafor")


@dataclass(frozen=True)
class DatasetSpec:
    """What to generate. Entries, goals and assessments are totals shared among the people."""

    people: int = 50
    entries: int = 100_000
    goals: int = 5_000
    assessments: int = 2_000
    years: int = 10
    seed: int = 1
    today: date = date(2026, 11, 21)

    @property
    def key(self) -> str:
        """A file name naming every parameter, the generator and the schema version."""
        return (
            f"planner-p{self.people}-e{self.entries}-g{self.goals}-a{self.assessments}"
            f"-y{self.years}-s{self.seed}-{self.today.isoformat()}"
            f"-v{GENERATOR_VERSION}-{head_revision()}.sqlite"
        )

    @property
    def start(self) -> date:
        """The first day of the history."""
        return self.today - timedelta(days=round(self.years * 365.25))


SINGLE_PERSON = DatasetSpec(people=1, entries=100_000, goals=5_000, assessments=2_000)


def cache_folder() -> Path:
    """Where built databases are kept (outside the repository)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "learning-path-planner-bench"


def large_database(spec: DatasetSpec = DatasetSpec(), *, rebuild: bool = False) -> Path:
    """The path of a database built to ``spec``, building it on first use."""
    path = cache_folder() / spec.key
    if path.exists() and not rebuild:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in (partial, *_sidecars(partial)):
        leftover.unlink(missing_ok=True)
    build_database(spec, partial)
    os.replace(partial, path)
    return path


def busiest_person(database: Database) -> int:
    """The id of the person with the most learning entries: the benchmarks time views for them."""
    most = (
        select(LearningEntry.person_id)
        .group_by(LearningEntry.person_id)
        .order_by(func.count().desc())
        .limit(1)
    )
    with database.session() as session:
        found = session.scalar(most)
        if found is None:
            found = session.scalar(select(Person.id).order_by(Person.id).limit(1))
    if found is None:
        raise ValueError("the database holds nobody")
    return int(found)


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def build_database(spec: DatasetSpec, path: Path) -> None:
    """Create ``path`` with the schema and the generated rows."""
    database = Database(sqlite_url(path))
    try:
        upgrade_database(database)
        with database.engine.begin() as connection:
            _Generator(spec, connection).run()
        with database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        database.dispose()


def _chunks(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


class _Generator:
    """Writes people, then their log, assessments and goals, with explicit ids."""

    def __init__(self, spec: DatasetSpec, connection: Connection) -> None:
        self.spec = spec
        self.connection = connection
        self.rng = random.Random(spec.seed)
        self.framework = builtin_framework()
        self.competencies = [c.id for c in self.framework.competencies]
        self.targets = self.framework.profile(self.framework.default_profile).targets
        self.span = (spec.today - spec.start).days

    def run(self) -> None:
        self._insert(Person.__table__, self._people())
        self._insert_pairs(LearningEntry.__table__, LearningCompetency.__table__, self._entries())
        self._insert_pairs(Assessment.__table__, Rating.__table__, self._assessments())
        self._insert_goals()
        # Core inserts bypass the flush that keeps the monthly sums: write them once here.
        for person_id in range(1, self.spec.people + 1):
            month_hours.refresh(self.connection, person_id)

    def _insert(self, table: Any, rows: Iterable[dict[str, Any]]) -> None:
        assert isinstance(table, Table)
        for batch in _chunks(rows):
            if "uid" in table.c:  # seeded ids, so the same spec gives the same file
                for row in batch:
                    row.setdefault("uid", str(uuid.UUID(int=self.rng.getrandbits(128), version=4)))
            self.connection.execute(insert(table), batch)

    def _insert_pairs(
        self,
        parent: Any,
        child: Any,
        rows: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]],
    ) -> None:
        parents: list[dict[str, Any]] = []
        children: list[dict[str, Any]] = []
        for row, links in rows:
            parents.append(row)
            children.extend(links)
            if len(parents) >= CHUNK:
                self._insert(parent, parents)
                self._insert(child, children)
                parents, children = [], []
        self._insert(parent, parents)
        self._insert(child, children)

    def _person_of(self) -> int:
        """Person ids 1..people; the first person gets a double share (a busy mentee)."""
        pick = self.rng.randrange(self.spec.people + 1)
        return max(1, pick)

    def _day(self) -> date:
        return self.spec.start + timedelta(days=self.rng.randrange(self.span + 1))

    def _people(self) -> Iterator[dict[str, Any]]:
        created = datetime.combine(self.spec.start, time(9, 0))
        for number in range(1, self.spec.people + 1):
            yield {
                "id": number,
                "name": f"Bench person {number:03d}",
                "current_role": "ML Engineer",
                "framework_id": self.framework.id,
                "target_profile_id": self.framework.default_profile,
                "target_date": self.spec.today + timedelta(days=365),
                "weekly_hours": 5.0,
                "created_at": created,
            }

    def _entries(self) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
        kinds = list(LearningKind)
        for ident in range(1, self.spec.entries + 1):
            day = self._day()
            kind = self.rng.choice(kinds)
            served = self.rng.sample(self.competencies, self.rng.choice((0, 1, 1, 2, 2, 3)))
            row = {
                "id": ident,
                "person_id": self._person_of(),
                "title": f"{kind.label} #{ident}",
                "kind": kind.value,
                "completed_on": day,
                "hours": self.rng.choice(HOURS),
                "notes": "",
                "link": "",
                "created_at": datetime.combine(day, time(20, 0)),
            }
            links = [{"learning_entry_id": ident, "competency_id": c} for c in served]
            yield row, links

    def _assessments(self) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
        per_person: dict[int, list[date]] = {}
        for _ in range(self.spec.assessments):
            per_person.setdefault(self._person_of(), []).append(self._day())
        starts = {c: self.rng.choice((1, 1, 2)) for c in self.competencies}
        ident = rating_id = 0
        for person_id in sorted(per_person):
            for day in sorted(per_person[person_id]):
                ident += 1
                progress = (day - self.spec.start).days / max(1, self.span)
                mentor = self.rng.random() < 0.15
                row = {
                    "id": ident,
                    "person_id": person_id,
                    "assessed_on": day,
                    "rater_kind": (RaterKind.MENTOR if mentor else RaterKind.SELF).value,
                    "rater_name": self.rng.choice(MENTORS) if mentor else None,
                    "notes": "",
                    "created_at": datetime.combine(day, time(10, 0)),
                }
                ratings = []
                for competency in self.competencies:
                    rating_id += 1
                    start, target = starts[competency], self.targets[competency]
                    level = round(start + progress * (target + 0.5 - start))
                    level = min(5, max(1, level + self.rng.choice((-1, 0, 0, 0, 1))))
                    ratings.append(
                        {
                            "id": rating_id,
                            "assessment_id": ident,
                            "competency_id": competency,
                            "level": level,
                            "evidence": "",
                        }
                    )
                yield row, ratings

    def _insert_goals(self) -> None:
        goals: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        milestones: list[dict[str, Any]] = []
        for ident in range(1, self.spec.goals + 1):
            created = self._day()
            age = (self.spec.today - created).days
            status = self._goal_status(age)
            finished = None
            if status is GoalStatus.DONE:
                days = self.rng.randint(14, 240)
                finished = datetime.combine(
                    min(self.spec.today, created + timedelta(days=days)), time(17, 0)
                )
            goals.append(
                {
                    "id": ident,
                    "person_id": self._person_of(),
                    "title": f"Benchmark goal #{ident}",
                    "description": "",
                    "due_date": created + timedelta(days=self.rng.randint(30, 365)),
                    "priority": self.rng.choice(list(GoalPriority)).value,
                    "status": status.value,
                    "created_at": datetime.combine(created, time(9, 0)),
                    "completed_at": finished,
                }
            )
            for competency in self.rng.sample(self.competencies, self.rng.randint(1, 2)):
                level = self.rng.randint(3, 5)
                links.append({"goal_id": ident, "competency_id": competency, "target_level": level})
            for position in range(self.rng.randint(0, 3)):
                milestones.append(
                    {
                        "goal_id": ident,
                        "position": position,
                        "text": f"Step {position + 1}",
                        "done": status is GoalStatus.DONE,
                        "due_date": None,
                    }
                )
        self._insert(Goal.__table__, goals)
        self._insert(GoalCompetency.__table__, links)
        self._insert(Milestone.__table__, milestones)

    def _goal_status(self, age_days: int) -> GoalStatus:
        roll = self.rng.random()
        if age_days > 240:
            return GoalStatus.DONE if roll < 0.85 else GoalStatus.DROPPED
        if roll < 0.3:
            return GoalStatus.DONE
        return GoalStatus.ACTIVE if roll < 0.7 else GoalStatus.PLANNED


def main(argv: list[str] | None = None) -> int:
    """Build (or find in the cache) a database and print its path."""
    defaults = DatasetSpec()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    for name, value in asdict(defaults).items():
        if isinstance(value, int):
            parser.add_argument(f"--{name}", type=int, default=value)
    parser.add_argument("--rebuild", action="store_true", help="build again even if cached")
    args = parser.parse_args(argv)
    values = {k: getattr(args, k) for k in asdict(defaults) if k != "today"}
    spec = DatasetSpec(**values)
    started = datetime.now()
    path = large_database(spec, rebuild=args.rebuild)
    seconds = (datetime.now() - started).total_seconds()
    print(f"{path}  ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
