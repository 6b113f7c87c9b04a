"""Automatic backups: once a day on start and only after a change; always before a change."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from planner.services.clock import FixedClock
from planner.services.records import PersonDraft
from planner.services.service_set import Services
from planner.storage.auto_backup import (
    backup_before_change,
    backup_on_start,
    prune_backups,
    take_backup,
)
from planner.storage.backup import backups_folder, list_backups

pytestmark = pytest.mark.sqlite_only  # about the SQLite file itself

MORNING = datetime(2026, 11, 21, 8, 0)


def make_database(folder: Path, *names: str) -> Path:
    """A closed planner database holding the people named."""
    path = folder / "planner.sqlite"
    services = Services.open(f"sqlite:///{path}", FixedClock(MORNING))
    for name in names:
        services.people.create(PersonDraft(name))
    services.close()
    return path


def add_person(path: Path, name: str) -> None:
    services = Services.open(f"sqlite:///{path}", FixedClock(MORNING))
    services.people.create(PersonDraft(name))
    services.close()


def people_in(backup: Path) -> list[str]:
    with sqlite3.connect(backup) as conn:
        names = [row[0] for row in conn.execute("SELECT name FROM people ORDER BY name")]
    conn.close()
    return names


def test_the_start_backup_is_taken_once_a_day(tmp_path: Path) -> None:
    path = make_database(tmp_path, "Kim")
    first = backup_on_start(path, MORNING)
    assert first is not None and first.name == "planner-20261121-080000-start.sqlite"
    assert people_in(first) == ["Kim"]
    add_person(path, "Lee")
    assert backup_on_start(path, MORNING + timedelta(hours=6)) is None  # same day
    second = backup_on_start(path, MORNING + timedelta(days=1))
    assert second is not None and people_in(second) == ["Kim", "Lee"]


def test_no_start_backup_when_nothing_changed(tmp_path: Path) -> None:
    path = make_database(tmp_path, "Kim")
    assert backup_on_start(path, MORNING) is not None
    # Opening and reading, as every start does, is not a change.
    services = Services.open(f"sqlite:///{path}", FixedClock(MORNING))
    assert [p.name for p in services.people.list()] == ["Kim"]
    services.close()
    assert backup_on_start(path, MORNING + timedelta(days=1)) is None
    assert backup_on_start(path, MORNING + timedelta(days=30)) is None
    add_person(path, "Lee")
    assert backup_on_start(path, MORNING + timedelta(days=31)) is not None


def test_a_deleted_last_backup_is_replaced(tmp_path: Path) -> None:
    path = make_database(tmp_path, "Kim")
    first = backup_on_start(path, MORNING)
    assert first is not None
    first.unlink()
    assert backup_on_start(path, MORNING + timedelta(days=1)) is not None


def test_writes_left_in_the_wal_count_as_a_change(tmp_path: Path) -> None:
    path = make_database(tmp_path, "Kim")
    assert backup_on_start(path, MORNING) is not None
    services = Services.open(f"sqlite:///{path}", FixedClock(MORNING))
    services.people.create(PersonDraft("Lee"))  # still in the WAL: the engine is open
    assert Path(f"{path}-wal").stat().st_size > 0
    again = backup_on_start(path, MORNING + timedelta(days=1))
    services.close()
    assert again is not None and people_in(again) == ["Kim", "Lee"]


def test_nothing_to_copy_for_a_missing_or_empty_file(tmp_path: Path) -> None:
    missing = tmp_path / "planner.sqlite"
    assert backup_on_start(missing, MORNING) is None
    assert backup_before_change(missing, "before-import", MORNING) is None
    missing.write_bytes(b"")
    assert backup_before_change(missing, "before-import", MORNING) is None
    assert not backups_folder(missing).exists()


def test_before_a_change_a_copy_is_always_made(tmp_path: Path) -> None:
    path = make_database(tmp_path, "Kim")
    copies = [backup_before_change(path, "before-import", MORNING) for _ in range(3)]
    assert len({c for c in copies if c is not None}) == 3
    assert all(c is not None and c.stat().st_mode & 0o777 == 0o600 for c in copies)


def test_pruning_keeps_hand_made_copies_and_applies_retention(tmp_path: Path) -> None:
    path = make_database(tmp_path, "Kim")
    start = datetime(2025, 1, 1, 9, 0)
    for day in range(400):
        take_backup(path, "start", start + timedelta(days=day), prune=False)
    manual = take_backup(path, "manual", start, prune=False)
    now = start + timedelta(days=399)

    deleted = prune_backups(path, now)

    remaining = list_backups(path)
    assert manual in [b.path for b in remaining]
    automatic = [b for b in remaining if b.reason == "start"]
    assert len(automatic) == 7 + 4 + 12
    assert len(deleted) == 400 - len(automatic)
    assert not any(p.exists() for p in deleted)


def test_pruning_removes_old_partial_files_only(tmp_path: Path) -> None:
    path = make_database(tmp_path, "Kim")
    take_backup(path, "start", MORNING)
    folder = backups_folder(path)
    old = folder / "planner-20261120-080000-start.sqlite.partial"
    fresh = folder / "planner-20261121-080000_2-start.sqlite.partial"
    old_journal = folder / "planner-20261120-080000-start.sqlite.partial-journal"
    for leftover in (old, old_journal):
        leftover.write_bytes(b"half")
        two_hours_ago = time.time() - 7200
        os.utime(leftover, (two_hours_ago, two_hours_ago))
    fresh.write_bytes(b"being written")

    prune_backups(path, MORNING)

    assert not old.exists() and not old_journal.exists() and fresh.exists()
