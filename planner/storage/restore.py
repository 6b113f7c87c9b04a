"""Put a backup back in place of the database, keeping what was there before.

The backup is checked first (readable, healthy, a planner database). The current
file is then copied to the backups folder ("before-restore"); if it is too damaged
to copy, it is moved aside whole, with its side files, into a ``damaged-…`` folder.
A readable file is overwritten page by page through SQLite's backup API, inside
SQLite's own locking and journal, so a crash mid-restore leaves the old content.
The caller closes its own connections first and holds the program's file lock.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from planner.errors import DatabaseError, UnusableDatabaseError
from planner.storage.auto_backup import backup_before_change, has_data
from planner.storage.backup import (
    backup_sqlite,
    backups_folder,
    copy_pages,
    make_private,
    read_only_uri,
)
from planner.storage.file_checks import VERSION_TABLE, check_database_file

log = logging.getLogger("planner.storage.restore")
SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class RestoreResult:
    """Where the replaced content went: a checked copy, or (if damaged) the folder it moved to."""

    saved_copy: Path | None
    moved_aside: Path | None


def check_backup(backup: Path) -> str:
    """Raise :class:`DatabaseError` unless ``backup`` is a healthy planner database; its schema."""
    damaged = f"the backup {backup} is damaged itself; choose an older one"
    try:
        check_database_file(backup, read_only=True)
        conn = sqlite3.connect(read_only_uri(backup), uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            revision = (
                conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
                if VERSION_TABLE in tables
                else None
            )
        finally:
            conn.close()
    except UnusableDatabaseError as exc:
        raise DatabaseError(f"the backup cannot be used: {exc}") from None
    except sqlite3.Error as exc:
        if "malformed" in str(exc):
            raise DatabaseError(damaged) from None
        raise DatabaseError(f"the backup {backup} cannot be read: {exc}") from None
    if rows != [("ok",)]:
        raise DatabaseError(damaged)
    if revision is None:
        raise DatabaseError(f"{backup} is not a backup of a Learning Path Planner database")
    return str(revision[0])


def restore_backup(database_path: Path, backup: Path, now: datetime) -> RestoreResult:
    """Replace the database's content with ``backup``'s; the old content is kept (see module)."""
    if backup.resolve() == database_path.resolve():
        raise DatabaseError("a database cannot be restored from itself")
    check_backup(backup)
    saved: Path | None = None
    moved: Path | None = None
    if has_data(database_path):
        try:
            saved = backup_before_change(database_path, "before-restore", now)
        except DatabaseError as exc:
            log.warning("current file could not be copied before the restore: %s", exc)
            moved = _move_aside(database_path, now)
    if database_path.exists():
        _copy_into(backup, database_path)
    else:
        backup_sqlite(backup, database_path)
    make_private(database_path)
    log.info("restored %s from %s", database_path, backup.name)
    return RestoreResult(saved, moved)


def _copy_into(backup: Path, database_path: Path) -> None:
    """Overwrite a readable (or empty) database with the backup's pages, in one transaction."""
    try:
        source = sqlite3.connect(read_only_uri(backup), uri=True)
        try:
            target = sqlite3.connect(database_path, timeout=5)
            try:
                copy_pages(source, target)
                healthy = target.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                target.close()
        finally:
            source.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseError(
                f"{database_path} is in use by another program; close it and restore again."
                " Nothing was changed"
            ) from None
        raise DatabaseError(f"cannot restore into {database_path}: {exc}") from None
    except sqlite3.Error as exc:
        raise DatabaseError(f"cannot restore into {database_path}: {exc}") from None
    if not healthy:
        raise DatabaseError(f"{database_path} failed its check after the restore; try again")


def _move_aside(database_path: Path, now: datetime) -> Path:
    """Move a damaged file and its side files into ``backups/damaged-<time>/``, untouched."""
    folder = backups_folder(database_path) / f"damaged-{now:%Y%m%d-%H%M%S}"
    number = 1
    while folder.exists():
        number += 1
        folder = folder.with_name(f"damaged-{now:%Y%m%d-%H%M%S}_{number}")
    try:
        folder.mkdir(parents=True)
        # Side files first: a WAL left beside a replaced file would be replayed into it.
        for suffix in SIDE_FILE_SUFFIXES:
            side = Path(f"{database_path}{suffix}")
            if side.exists():
                side.replace(folder / side.name)
        database_path.replace(folder / database_path.name)
    except OSError as exc:
        raise DatabaseError(
            f"cannot move the damaged {database_path} aside ({exc.strerror}); nothing was restored"
        ) from None
    log.warning("moved damaged %s aside to %s", database_path, folder)
    return folder
