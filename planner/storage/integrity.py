"""Database health checks (SQLite's integrity_check and foreign_key_check), reported in words."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from planner.storage.database import Database, driver_message

MAX_LISTED_PROBLEMS = 20


@dataclass(frozen=True)
class IntegrityReport:
    """The outcome of a check: ``ok`` and, if not, what is wrong."""

    ok: bool
    problems: tuple[str, ...]

    def describe(self, name: str) -> str:
        """A sentence or two a person can read."""
        if self.ok:
            return f"{name} is healthy: the integrity and reference checks found no problem."
        listed = "\n".join(f"- {p}" for p in self.problems[:MAX_LISTED_PROBLEMS])
        more = len(self.problems) - MAX_LISTED_PROBLEMS
        tail = f"\n… and {more} more" if more > 0 else ""
        return (
            f"{name} has {len(self.problems)} problem(s); restore a backup or export what"
            f" you can:\n{listed}{tail}"
        )


def check_integrity(database: Database) -> IntegrityReport:
    """Run the engine's own consistency checks (SQLite); other engines check themselves."""
    if not database.is_sqlite:
        return IntegrityReport(True, ())
    problems: list[str] = []
    try:
        with database.engine.connect() as conn:
            for (row,) in conn.execute(text("PRAGMA integrity_check")):
                if row != "ok":
                    problems.append(str(row))
            for table, rowid, parent, _fk in conn.execute(text("PRAGMA foreign_key_check")):
                problems.append(f"row {rowid} of {table} refers to a missing row of {parent}")
    except SQLAlchemyError as exc:
        problems.append(f"the check could not run: {driver_message(exc)}")
    return IntegrityReport(not problems, tuple(problems))
