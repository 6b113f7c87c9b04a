"""Consistent copies of a SQLite database through SQLite's online backup API, and their names.

A backup is written to a temporary name, closed, reopened and checked with
``PRAGMA integrity_check``, and only then renamed, so a half-written or damaged
copy never looks like a good one. Copies are readable by their owner only.
Names say when (UTC) and why a copy was made, so the folder lists itself in order.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from planner.errors import DatabaseError, UnusableDatabaseError

BACKUP_SUFFIX = ".sqlite"
PRIVATE_MODE = 0o600
BUSY_TIMEOUT_S = 5.0
SIDE_SUFFIXES = ("-journal", "-wal", "-shm")
_STAMP_FORMAT = "%Y%m%d-%H%M%S"
_NAME_TAIL = re.compile(r"(?P<stamp>\d{8}-\d{6})(?:_(?P<n>\d+))?-(?P<reason>[a-z0-9][a-z0-9-]*)")
REASON_LABELS = {
    "start": "automatic, on start",
    "manual": "made by hand",
    "before-import": "before an import",
    "before-restore": "before a restore",
}


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where it is, when (naive UTC) and why it was taken, and its size."""

    path: Path
    taken_at: datetime
    reason: str
    size: int
    written_ns: int = 0  # orders copies taken within one second

    @property
    def local_taken_at(self) -> datetime:
        """When it was taken, in the computer's time zone (for showing)."""
        return self.taken_at.replace(tzinfo=UTC).astimezone()

    @property
    def size_text(self) -> str:
        """The size as people read it: 812 KB, 3.4 MB."""
        if self.size < 1000 * 1000:
            return f"{max(1, round(self.size / 1000))} KB"
        return f"{self.size / 1000 / 1000:.1f} MB"

    @property
    def reason_label(self) -> str:
        """Why the copy exists, in words."""
        if self.reason.startswith("before-schema-"):
            return f"before upgrading to schema {self.reason.removeprefix('before-schema-')}"
        return REASON_LABELS.get(self.reason, self.reason.replace("-", " "))


def backups_folder(database_path: Path) -> Path:
    """The folder beside the data where backups of ``database_path`` are kept."""
    return database_path.parent / "backups"


def backup_name(database_path: Path, reason: str, now: datetime, number: int = 1) -> str:
    """A file name that sorts by time and says why the copy was made."""
    counter = "" if number == 1 else f"_{number}"
    return f"{database_path.stem}-{now.strftime(_STAMP_FORMAT)}{counter}-{reason}{BACKUP_SUFFIX}"


def new_backup_path(database_path: Path, reason: str, now: datetime) -> Path:
    """A free path in the backups folder: two copies in one second never overwrite each other."""
    folder = backups_folder(database_path)
    number = 1
    while (path := folder / backup_name(database_path, reason, now, number)).exists():
        number += 1
    return path


def parse_backup(database_path: Path, path: Path) -> BackupInfo | None:
    """Read a backup's time and reason from its name; ``None`` if it is no backup of this file."""
    prefix = f"{database_path.stem}-"
    if not (path.name.startswith(prefix) and path.name.endswith(BACKUP_SUFFIX)):
        return None
    match = _NAME_TAIL.fullmatch(path.name[len(prefix) : -len(BACKUP_SUFFIX)])
    if match is None:
        return None
    try:
        taken_at = datetime.strptime(match["stamp"], _STAMP_FORMAT)
        info = path.stat()
    except (ValueError, OSError):
        return None
    return BackupInfo(path, taken_at, match["reason"], info.st_size, info.st_mtime_ns)


def list_backups(database_path: Path) -> list[BackupInfo]:
    """Backups of ``database_path`` in its backups folder, newest first."""
    folder = backups_folder(database_path)
    try:
        candidates = list(folder.iterdir())
    except OSError:
        return []
    found = [info for path in candidates if (info := parse_backup(database_path, path))]
    return sorted(found, key=lambda info: (info.taken_at, info.written_ns), reverse=True)


def read_only_uri(path: Path) -> str:
    """A SQLite URI that opens ``path`` read-only (safe for names with spaces, ``#`` or ``?``).

    In a folder nobody here can write to (a read-only share or medium) SQLite cannot
    create the WAL index a reader needs, and no writer can be at work there either:
    such a file is opened as immutable.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    return uri if os.access(path.parent, os.W_OK) else uri + "&immutable=1"


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy ``source`` to ``destination`` safely; the copy is checked before it gets its name.

    The source is opened read-only, so a copy never changes the file it copies.
    """
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            f"cannot create the backups folder {destination.parent}: {exc.strerror}"
        ) from None
    temporary = destination.with_name(destination.name + ".partial")
    try:
        for leftover in (temporary, *(Path(f"{temporary}{s}") for s in SIDE_SUFFIXES)):
            leftover.unlink(missing_ok=True)  # a WAL left by a crash must not meet a new copy
        _create_private_file(temporary)
        src = sqlite3.connect(read_only_uri(source), uri=True)
        try:
            dst = sqlite3.connect(temporary)
            try:
                copy_pages(src, dst)
                # One self-contained file: no WAL side files beside a backup.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        if not copy_is_healthy(temporary):
            raise UnusableDatabaseError(
                source,
                f"{source} is damaged: a copy of it failed SQLite's integrity check",
                restorable=True,
            )
        _fsync(temporary)
        temporary.replace(destination)
        _fsync(destination.parent)
    except sqlite3.DatabaseError as exc:
        temporary.unlink(missing_ok=True)
        if "malformed" in str(exc) or "not a database" in str(exc):
            raise UnusableDatabaseError(
                source, f"{source} is damaged ({exc}); it cannot be copied", restorable=True
            ) from None
        raise DatabaseError(f"cannot back up {source}: {exc}") from None
    except sqlite3.Error as exc:
        temporary.unlink(missing_ok=True)
        raise DatabaseError(f"cannot back up {source}: {exc}") from None
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise DatabaseError(f"cannot write the backup {destination}: {exc.strerror}") from None
    except DatabaseError:
        temporary.unlink(missing_ok=True)
        raise
    return destination


def copy_pages(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    """SQLite's online backup from one connection to another, giving up when kept waiting.

    Python retries a busy step for ever; a progress callback that raises after
    ``BUSY_TIMEOUT_S`` turns "another program holds the lock" into an error.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S

    def progress(status: int, _remaining: int, _total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise sqlite3.OperationalError("database is locked")

    source.backup(target, progress=progress)


def copy_is_healthy(path: Path) -> bool:
    """Whether SQLite's ``integrity_check`` passes on ``path``, opened afresh and read-only."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return rows == [("ok",)]


def make_private(path: Path) -> None:
    """Owner-only permissions (0600) on POSIX; a file we do not own is left as it is."""
    if os.name != "posix":
        return
    try:
        info = path.stat()
        if info.st_uid == os.getuid() and info.st_mode & 0o777 != PRIVATE_MODE:
            path.chmod(PRIVATE_MODE)
    except OSError:
        pass


def _create_private_file(path: Path) -> None:
    # Created 0600 before SQLite writes anything into it: never readable by others.
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_MODE))


def _fsync(path: Path) -> None:
    """Flush a file (or, on POSIX, a folder's entries) to the disk."""
    if path.is_dir() and os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
