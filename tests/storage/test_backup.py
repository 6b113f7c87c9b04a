"""Backups through SQLite's backup API are complete, checked, private copies that sort by time."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from planner.errors import DatabaseError, UnusableDatabaseError
from planner.services.records import PersonDraft
from planner.services.service_set import Services
from planner.storage.backup import (
    backup_name,
    backup_sqlite,
    list_backups,
    new_backup_path,
    parse_backup,
)

pytestmark = pytest.mark.sqlite_only  # about the SQLite file itself


def db_path(services: Services) -> Path:
    path = services.database.sqlite_path
    assert path is not None
    return path


def test_backup_copies_committed_data(services: Services, tmp_path: Path) -> None:
    services.people.create(PersonDraft("Kim"))
    copy = backup_sqlite(db_path(services), tmp_path / "copy.sqlite")
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT name FROM people").fetchall() == [("Kim",)]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()
    assert sorted(p.name for p in tmp_path.glob("copy*")) == ["copy.sqlite"]  # no side files
    assert copy.stat().st_mode & 0o777 == 0o600


def test_backup_leaves_the_source_untouched(services: Services, tmp_path: Path) -> None:
    services.people.create(PersonDraft("Kim"))
    source = db_path(services)
    services.close()
    before = (source.read_bytes(), source.stat().st_mtime_ns)
    backup_sqlite(source, tmp_path / "copy.sqlite")
    assert (source.read_bytes(), source.stat().st_mtime_ns) == before


def test_backup_of_a_missing_file_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="cannot back up"):
        backup_sqlite(tmp_path / "missing.sqlite", tmp_path / "copy.sqlite")
    assert list(tmp_path.iterdir()) == []


def test_a_damaged_source_gives_no_backup(services: Services, tmp_path: Path) -> None:
    person = services.people.create(PersonDraft("Kim"))
    for index in range(200):
        services.people.update(person.id, PersonDraft(f"Kim {index} " + "x" * 100))
    source = db_path(services)
    services.close()
    data = bytearray(source.read_bytes())
    for start in range(4096, len(data), 4096):
        data[start : start + 8] = b"\xa5" * 8
    source.write_bytes(bytes(data))

    with pytest.raises(UnusableDatabaseError, match="damaged") as error:
        backup_sqlite(source, tmp_path / "out" / "copy.sqlite")

    assert error.value.restorable
    assert list((tmp_path / "out").iterdir()) == []  # neither a copy nor a .partial
    assert source.read_bytes() == bytes(data)


def test_backup_names_sort_by_time() -> None:
    early = backup_name(Path("planner.sqlite"), "manual", datetime(2026, 1, 2, 3, 4, 5))
    late = backup_name(Path("planner.sqlite"), "manual", datetime(2026, 11, 2, 3, 4, 5))
    assert early == "planner-20260102-030405-manual.sqlite"
    assert early < late


def test_two_backups_in_one_second_get_their_own_names(tmp_path: Path) -> None:
    database = tmp_path / "planner.sqlite"
    sqlite3.connect(database).execute("CREATE TABLE t (x)").connection.close()
    moment = datetime(2026, 11, 21, 12, 0, 0)
    first = backup_sqlite(database, new_backup_path(database, "before-import", moment))
    second = backup_sqlite(database, new_backup_path(database, "before-import", moment))
    assert first.name == "planner-20261121-120000-before-import.sqlite"
    assert second.name == "planner-20261121-120000_2-before-import.sqlite"
    assert [b.path for b in list_backups(database)] == [second, first]


def test_backups_are_listed_newest_first_with_time_reason_and_size(tmp_path: Path) -> None:
    database = tmp_path / "planner.sqlite"
    folder = tmp_path / "backups"
    folder.mkdir()
    names = [
        "planner-20261001-080000-start.sqlite",
        "planner-20261120-093000-before-schema-0003.sqlite",
        "planner-20261121-101500-manual.sqlite",
        "planner-20261121-101500.sqlite",  # no reason: not ours
        "planner-work-20261121-101500-start.sqlite",  # a backup of planner-work.sqlite
        "planner-20261121-101500-start.sqlite.partial",
        "notes.txt",
    ]
    for name in names:
        (folder / name).write_bytes(b"x" * 1500)

    found = list_backups(database)

    assert [b.path.name for b in found] == [names[2], names[1], names[0]]
    assert found[0].taken_at == datetime(2026, 11, 21, 10, 15)
    assert [b.reason_label for b in found] == [
        "made by hand",
        "before upgrading to schema 0003",
        "automatic, on start",
    ]
    assert found[0].size == 1500 and found[0].size_text == "2 KB"
    assert parse_backup(Path("planner-work.sqlite"), folder / names[4]) is not None


def test_list_of_a_file_without_backups_is_empty(tmp_path: Path) -> None:
    assert list_backups(tmp_path / "planner.sqlite") == []


def test_side_files_left_by_a_crashed_copy_do_not_reach_a_new_one(
    services: Services, tmp_path: Path
) -> None:
    services.people.create(PersonDraft("Kim"))
    destination = tmp_path / "copy.sqlite"
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{destination}.partial{suffix}").write_bytes(b"\x37\x7f\x06\x82" + b"\0" * 60)
    backup_sqlite(db_path(services), destination)
    assert sorted(p.name for p in tmp_path.glob("copy*")) == ["copy.sqlite"]
    with sqlite3.connect(destination) as conn:
        assert conn.execute("SELECT name FROM people").fetchall() == [("Kim",)]
    conn.close()
