"""Restoring a backup keeps what was there, also when that is damaged, and refuses bad backups."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from planner.errors import DatabaseError
from planner.services.records import PersonDraft
from planner.services.service_set import Services
from planner.storage.auto_backup import take_backup
from planner.storage.backup import list_backups
from planner.storage.restore import restore_backup

pytestmark = pytest.mark.sqlite_only  # about the SQLite file itself

NOW = datetime(2026, 11, 21, 12, 0)


def planner_database(path: Path, *names: str) -> Path:
    services = Services.open(f"sqlite:///{path}")
    for name in names:
        services.people.create(PersonDraft(name))
    services.close()
    return path


def people_in(path: Path) -> list[str]:
    services = Services.open(f"sqlite:///{path}")
    try:
        return [p.name for p in services.people.list()]
    finally:
        services.close()


def test_restore_brings_the_backup_back_and_keeps_the_current_data(tmp_path: Path) -> None:
    path = planner_database(tmp_path / "planner.sqlite", "Kim")
    backup = take_backup(path, "start", NOW)
    services = Services.open(f"sqlite:///{path}")
    services.people.create(PersonDraft("Lee"))
    services.close()

    result = restore_backup(path, backup, datetime(2026, 11, 21, 13, 0))

    assert people_in(path) == ["Kim"]
    assert result.saved_copy is not None and result.moved_aside is None
    assert result.saved_copy.name == "planner-20261121-130000-before-restore.sqlite"
    assert people_in(result.saved_copy) == ["Kim", "Lee"]
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_restore_can_be_undone_by_restoring_its_own_copy(tmp_path: Path) -> None:
    path = planner_database(tmp_path / "planner.sqlite", "Kim")
    backup = take_backup(path, "start", NOW)
    planner_database(path, "Lee")
    first = restore_backup(path, backup, NOW)
    assert first.saved_copy is not None
    restore_backup(path, first.saved_copy, NOW)  # same second: a new name, nothing overwritten
    assert people_in(path) == ["Kim", "Lee"]
    assert len([b for b in list_backups(path) if b.reason == "before-restore"]) == 2


def test_a_damaged_file_is_moved_aside_whole(tmp_path: Path) -> None:
    path = planner_database(tmp_path / "planner.sqlite", "Kim")
    backup = take_backup(path, "start", NOW)
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    Path(f"{path}-wal").write_bytes(b"old wal")
    damaged = path.read_bytes()

    result = restore_backup(path, backup, NOW)

    assert people_in(path) == ["Kim"]
    assert result.saved_copy is None and result.moved_aside is not None
    assert result.moved_aside.name == "damaged-20261121-120000"
    assert (result.moved_aside / "planner.sqlite").read_bytes() == damaged
    assert (result.moved_aside / "planner.sqlite-wal").read_bytes() == b"old wal"


def test_an_empty_file_is_simply_filled(tmp_path: Path) -> None:
    path = planner_database(tmp_path / "planner.sqlite", "Kim")
    backup = take_backup(path, "start", NOW)
    path.write_bytes(b"")
    result = restore_backup(path, backup, NOW)
    assert people_in(path) == ["Kim"]
    assert result.saved_copy is None and result.moved_aside is None


def test_a_missing_file_is_restored(tmp_path: Path) -> None:
    path = planner_database(tmp_path / "planner.sqlite", "Kim")
    backup = take_backup(path, "start", NOW)
    path.unlink()
    restore_backup(path, backup, NOW)
    assert people_in(path) == ["Kim"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", r"the backup cannot be used: .* is empty"),
        (b"not sqlite at all" * 20, r"the backup cannot be used: .* not a readable database"),
    ],
)
def test_a_bad_backup_is_refused_and_nothing_changes(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = planner_database(tmp_path / "planner.sqlite", "Kim")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match=message):
        restore_backup(path, bad, NOW)
    assert path.read_bytes() == before
    assert list_backups(path) == []


def test_a_backup_of_another_program_is_refused(tmp_path: Path) -> None:
    path = planner_database(tmp_path / "planner.sqlite", "Kim")
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match=r"the backup cannot be used: .* another program"):
        restore_backup(path, other, NOW)
    assert people_in(path) == ["Kim"]


def test_a_damaged_backup_is_refused(tmp_path: Path) -> None:
    path = planner_database(
        tmp_path / "planner.sqlite", *(f"P{n} " + "x" * 150 for n in range(300))
    )
    backup = take_backup(path, "start", NOW)
    conn = sqlite3.connect(backup)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='people'").fetchone()
    conn.close()
    data = bytearray(backup.read_bytes())
    data[(root - 1) * 4096 : (root - 1) * 4096 + 8] = b"\xa5" * 8
    backup.write_bytes(bytes(data))
    with pytest.raises(DatabaseError, match="is damaged itself; choose an older one"):
        restore_backup(path, backup, NOW)


def test_restoring_a_file_from_itself_is_refused(tmp_path: Path) -> None:
    path = planner_database(tmp_path / "planner.sqlite", "Kim")
    with pytest.raises(DatabaseError, match="cannot be restored from itself"):
        restore_backup(path, path, NOW)


def test_a_file_in_use_by_a_writer_is_not_restored(tmp_path: Path) -> None:
    path = planner_database(tmp_path / "planner.sqlite", "Kim")
    backup = take_backup(path, "start", NOW)
    planner_database(path, "Lee")
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
    try:
        with pytest.raises(DatabaseError, match="in use by another program"):
            restore_backup(path, backup, NOW)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert people_in(path) == ["Kim", "Lee"]
