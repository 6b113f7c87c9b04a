"""SQLite engine pieces for safety: read-only engines, owner-only files, errors in words.

Used by :func:`planner.storage.database.make_engine`; kept apart so the engine set-up
stays short and each rule is stated once.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.pool import QueuePool

from planner.errors import DatabaseError, UnusableDatabaseError
from planner.storage.backup import make_private, read_only_uri

SIDE_FILES = ("-wal", "-shm")


def read_only_engine(path: Path, *, echo: bool = False) -> Engine:
    """An engine whose connections open ``path`` read-only (SQLite's ``mode=ro``)."""
    uri = read_only_uri(path)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    # A pool of real file connections, as SQLAlchemy gives a plain SQLite file URL.
    return create_engine("sqlite://", creator=connect, poolclass=QueuePool, echo=echo)


def make_files_private(path: Path) -> None:
    """The database and its WAL side files readable by the owner only (0600, POSIX).

    SQLite creates side files with the main file's permissions, so setting the main
    file's as soon as it exists covers those made later too.
    """
    make_private(path)
    for suffix in SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            make_private(side)


def error_translator(path: Path | None, read_only: bool) -> Any:
    """A ``handle_error`` listener that turns SQLite's terse errors into sentences."""
    name = str(path) if path is not None else "the database"

    def translate(context: ExceptionContext) -> BaseException | None:
        original = context.original_exception
        if not isinstance(original, sqlite3.Error):
            return None
        message = str(original)
        if "attempt to write a readonly database" in message:
            if read_only:
                return DatabaseError(
                    f"{name} is open read-only (another window has it open for writing);"
                    " the change was not saved"
                )
            return DatabaseError(f"{name} cannot be written (it is read-only); nothing was saved")
        if "database disk image is malformed" in message or "file is not a database" in message:
            return UnusableDatabaseError(
                path or Path(name),
                f"{name} is damaged ({message}); restore a backup (Help > Restore from backup)",
                restorable=True,
            )
        if "database is locked" in message:
            return DatabaseError(
                f"{name} is busy: another program is writing to it; try again in a moment."
                " Nothing was saved"
            )
        return None

    return translate
