"""Backups and restore as the program's front ends use them (GUI and command line).

A backup service belongs to an open database (``services.backups``); restoring and
finding a good backup work on a file path, because they are needed exactly when the
database cannot be opened. Only SQLite files are copied: a PostgreSQL server has its
own tools (``pg_dump``), and for it these calls do nothing or say so.
"""

from __future__ import annotations

import logging
from pathlib import Path

from planner.errors import DatabaseError, PlannerError
from planner.services.clock import Clock
from planner.storage.auto_backup import backup_before_change, backup_on_start
from planner.storage.backup import BackupInfo, backup_sqlite, list_backups, new_backup_path
from planner.storage.database import Database, sqlite_file_path
from planner.storage.restore import RestoreResult, check_backup, restore_backup

log = logging.getLogger("planner.services.backups")

__all__ = [
    "BackupInfo",
    "BackupService",
    "RestoreResult",
    "backups_of",
    "database_file",
    "newest_good_backup",
    "restore_file",
]


class BackupService:
    """Copies of one open database: listed, taken on start, before imports, or by hand."""

    def __init__(self, database: Database, clock: Clock, *, created: bool = False) -> None:
        self._db = database
        self._clock = clock
        self._created = created  # made just now: nothing worth a start-up copy yet

    @property
    def path(self) -> Path | None:
        """The SQLite file backed up, or ``None`` when the database is not a writable file."""
        if self._db.read_only:
            return None
        return self._db.sqlite_path

    def list(self) -> list[BackupInfo]:
        """Backups of the database, newest first (none for a server database)."""
        path = self._db.sqlite_path
        return list_backups(path) if path is not None else []

    def on_start(self) -> Path | None:
        """The start-up copy (at most daily, only after a change); the new file or ``None``."""
        path = self.path
        if path is None or self._created:
            return None
        return backup_on_start(path, self._clock.now())

    def before_change(self, reason: str) -> Path | None:
        """A copy before an import or other bulk change; ``None`` when there is nothing to copy."""
        path = self.path
        return backup_before_change(path, reason, self._clock.now()) if path else None

    def back_up_now(self) -> Path:
        """A copy made by hand into the backups folder (never pruned)."""
        path = self._db.sqlite_path
        if path is None:
            raise PlannerError(
                "backups copy SQLite files; back up a PostgreSQL database with pg_dump"
            )
        return backup_sqlite(path, new_backup_path(path, "manual", self._clock.now()))


def backup_before_import(database: Database, clock: Clock) -> Path | None:
    """The copy every import makes first (used by the import services)."""
    return BackupService(database, clock).before_change("before-import")


def database_file(url: str) -> Path | None:
    """The SQLite file a URL names, or ``None`` (a server, or an in-memory database)."""
    return sqlite_file_path(url)


def backups_of(path: Path) -> list[BackupInfo]:
    """The backups of a database file, newest first, whether or not it can be opened."""
    return list_backups(path)


def newest_good_backup(path: Path) -> BackupInfo | None:
    """The newest backup that passes its checks (readable, healthy, a planner database)."""
    for backup in list_backups(path):
        try:
            check_backup(backup.path)
        except DatabaseError as exc:
            log.warning("skipping backup %s: %s", backup.path.name, exc)
            continue
        return backup
    return None


def restore_file(path: Path, backup: Path, clock: Clock) -> RestoreResult:
    """Restore ``path`` from ``backup`` (the database must be closed by the caller)."""
    return restore_backup(path, backup, clock.now())
