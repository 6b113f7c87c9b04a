"""Consistent copies of a SQLite database through SQLite's online backup API."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from planner.errors import DatabaseError

BACKUP_SUFFIX = ".sqlite"


def backups_folder(database_path: Path) -> Path:
    """The folder beside the data where backups of ``database_path`` are kept."""
    return database_path.parent / "backups"


def backup_name(database_path: Path, reason: str, now: datetime) -> str:
    """A file name that sorts by time and says why the copy was made."""
    return f"{database_path.stem}-{now:%Y%m%d-%H%M%S}-{reason}{BACKUP_SUFFIX}"


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy ``source`` to ``destination`` safely; the copy is checked before it gets its name.

    The copy is written to a temporary name, checked with ``PRAGMA integrity_check``
    and only then renamed, so a half-written backup never looks like a good one.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = destination.with_name(destination.name + ".partial")
    temporary.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(temporary)
            try:
                src.backup(dst)
                result = dst.execute("PRAGMA integrity_check").fetchone()
            finally:
                dst.close()
        finally:
            src.close()
        if not result or result[0] != "ok":
            raise DatabaseError(f"the backup copy of {source} failed its integrity check")
        if os.name == "posix":
            temporary.chmod(0o600)
        temporary.replace(destination)
    except sqlite3.Error as exc:
        temporary.unlink(missing_ok=True)
        raise DatabaseError(f"cannot back up {source}: {exc}") from None
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise DatabaseError(f"cannot write the backup {destination}: {exc.strerror}") from None
    return destination
