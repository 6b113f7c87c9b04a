"""Backups through SQLite's backup API are complete, checked copies."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from planner.errors import DatabaseError
from planner.services.records import PersonDraft
from planner.services.service_set import Services
from planner.storage.backup import backup_name, backup_sqlite


def test_backup_copies_committed_data(services: Services, tmp_path: Path) -> None:
    services.people.create(PersonDraft("Kim"))
    assert services.database.sqlite_path is not None
    copy = backup_sqlite(services.database.sqlite_path, tmp_path / "copy.sqlite")
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT name FROM people").fetchall() == [("Kim",)]
    assert not list(tmp_path.glob("*.partial"))
    assert copy.stat().st_mode & 0o777 == 0o600


def test_backup_of_a_missing_file_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="cannot back up"):
        backup_sqlite(tmp_path / "missing.sqlite", tmp_path / "copy.sqlite")
    assert not (tmp_path / "copy.sqlite").exists()


def test_backup_names_sort_by_time() -> None:
    early = backup_name(Path("planner.sqlite"), "manual", datetime(2026, 1, 2, 3, 4, 5))
    late = backup_name(Path("planner.sqlite"), "manual", datetime(2026, 11, 2, 3, 4, 5))
    assert early == "planner-20260102-030405-manual.sqlite"
    assert early < late
