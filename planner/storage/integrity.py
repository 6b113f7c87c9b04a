"""Database health checks (SQLite's integrity_check and foreign_key_check), reported in words."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from planner.errors import DatabaseError, UnusableDatabaseError
from planner.storage.backup import read_only_uri
from planner.storage.database import Database, driver_message
from planner.storage.file_checks import check_database_file

MAX_LISTED_PROBLEMS = 20


@dataclass(frozen=True)
class IntegrityReport:
    """The outcome of a check: ``ok`` and, if not, what is wrong."""

    ok: bool
    problems: tuple[str, ...]

    def describe(self, name: str) -> str:
        """A sentence or two a person can read, then the problems found."""
        if self.ok:
            return f"{name} is healthy: the integrity and reference checks found no problem."
        listed = "\n".join(f"- {p}" for p in self.problems[:MAX_LISTED_PROBLEMS])
        more = len(self.problems) - MAX_LISTED_PROBLEMS
        tail = f"\n… and {more} more" if more > 0 else ""
        count = len(self.problems)
        return (
            f"{name} has {count} problem{'s' if count > 1 else ''}. Restore a backup"
            " (Help > Restore from backup, or the restore command), or export what you can."
            f"\n{listed}{tail}"
        )


def check_integrity(database: Database) -> IntegrityReport:
    """Run the engine's own consistency checks (SQLite); other engines check themselves."""
    if not database.is_sqlite:
        return IntegrityReport(True, ())
    try:
        with database.engine.connect() as conn:
            integrity = [row for (row,) in conn.execute(text("PRAGMA integrity_check"))]
            references = conn.execute(text("PRAGMA foreign_key_check")).all()
    except (SQLAlchemyError, DatabaseError) as exc:
        message = driver_message(exc) if isinstance(exc, SQLAlchemyError) else str(exc)
        return IntegrityReport(False, (f"the check could not run: {message}",))
    return _report(integrity, references)


def check_file_integrity(path: Path) -> IntegrityReport:
    """Check a SQLite file read-only, without migrating it; also works on damaged files."""
    try:
        check_database_file(path, read_only=True)
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            integrity = [row for (row,) in conn.execute("PRAGMA integrity_check")]
            references = conn.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            conn.close()
    except UnusableDatabaseError as exc:
        return IntegrityReport(False, (str(exc),))
    except sqlite3.Error as exc:
        return IntegrityReport(False, (f"the file is damaged: {exc}",))
    return _report(integrity, references)


def _report(integrity: Iterable[str], references: Iterable[Any]) -> IntegrityReport:
    problems = [f"damaged storage: {row}" for row in integrity if row != "ok"]
    problems += [
        f"row {rowid} of {table} refers to a missing row of {parent}"
        for table, rowid, parent, _fk in references
    ]
    return IntegrityReport(not problems, tuple(problems))
