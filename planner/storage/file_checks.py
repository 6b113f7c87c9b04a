"""Look at a SQLite file before the program opens it for writing, without changing a byte.

Opening a file with a writing connection already changes it (SQLite switches it to
WAL mode, creates its side files, and the schema is then created in it), so every
reason to refuse a file is found first, read-only: a missing or read-only folder,
an empty file, a file that is not a database, a damaged one, one of another program.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from planner.errors import UnusableDatabaseError
from planner.storage.backup import read_only_uri

SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_HEADER_SIZE = 100
VERSION_TABLE = "alembic_version"


def check_database_file(path: Path, *, read_only: bool = False) -> bool:
    """Raise :class:`UnusableDatabaseError` if ``path`` cannot be used; return whether it exists.

    A missing file is fine (it will be created) when its folder exists and is writable.
    """
    if path.is_dir():
        raise UnusableDatabaseError(
            path, f"{path} is a folder; give the path of a database file", restorable=False
        )
    if not path.exists():
        _check_new_file_folder(path, read_only)
        return False
    _check_access(path, read_only)
    _check_header(path)
    _check_schema(path)
    return True


def _check_new_file_folder(path: Path, read_only: bool) -> None:
    folder = path.parent
    if not folder.is_dir():
        raise UnusableDatabaseError(
            path, f"cannot create {path}: the folder {folder} does not exist", restorable=False
        )
    if read_only:
        raise UnusableDatabaseError(
            path, f"{path} does not exist, so it cannot be opened read-only", restorable=False
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UnusableDatabaseError(
            path,
            f"cannot create {path}: the folder {folder} is read-only; choose a folder you can"
            " write to",
            restorable=False,
        )


def _check_access(path: Path, read_only: bool) -> None:
    if not os.access(path, os.R_OK):
        raise UnusableDatabaseError(
            path, f"{path} cannot be read: you have no permission to read it", restorable=False
        )
    if read_only:
        return
    # SQLite writes the file and, in WAL mode, creates two side files in its folder.
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
        raise UnusableDatabaseError(
            path,
            f"{path} is read-only (the file or its folder cannot be written to); open it"
            " read-only, or copy it to a folder you can write to",
            restorable=False,
        )


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as stream:
            header = stream.read(SQLITE_HEADER_SIZE)
    except OSError as exc:
        raise UnusableDatabaseError(
            path, f"{path} cannot be read ({exc.strerror})", restorable=False
        ) from None
    if not header:
        raise UnusableDatabaseError(
            path,
            f"{path} is empty (0 bytes): it holds no data. If it is your planner database,"
            " it was lost or cut short; restore a backup",
            restorable=True,
        )
    if not header.startswith(SQLITE_HEADER) or len(header) < SQLITE_HEADER_SIZE:
        raise UnusableDatabaseError(
            path,
            f"{path} is not a readable database file (it is of another kind, or its start"
            " is damaged); it was not changed",
            restorable=True,
        )


def _check_schema(path: Path) -> None:
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            tables = {
                name
                for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        raise UnusableDatabaseError(
            path, f"{path} cannot be opened ({exc}); it was not changed", restorable=False
        ) from None
    except sqlite3.DatabaseError as exc:
        raise UnusableDatabaseError(
            path,
            f"{path} is not a readable database file: it is damaged ({exc}); it was not changed",
            restorable=True,
        ) from None
    if tables and VERSION_TABLE not in tables:
        raise UnusableDatabaseError(
            path,
            f"{path} holds tables of another program (it is not a Learning Path Planner"
            " database); nothing was changed",
            restorable=True,
        )
