"""Health checks report a healthy database as healthy, name broken references and damage."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from planner.services.records import GoalDraft, PersonDraft
from planner.services.service_set import Services
from planner.storage.integrity import check_file_integrity, check_integrity
from planner.vocabulary import GoalPriority

pytestmark = pytest.mark.sqlite_only  # about the SQLite file itself


def test_a_healthy_database_passes(services: Services) -> None:
    services.people.create(PersonDraft("Kim"))
    report = check_integrity(services.database)
    assert report.ok
    assert "healthy" in report.describe("planner.sqlite")
    assert services.database.sqlite_path is not None
    assert check_file_integrity(services.database.sqlite_path).ok


def orphan_a_goal(services: Services) -> Path:
    """A goal whose person row was deleted behind the program's back (foreign keys off)."""
    person = services.people.create(PersonDraft("Kim"))
    services.goals.create(person.id, GoalDraft("Lead a review", priority=GoalPriority.LOW))
    path = services.database.sqlite_path
    assert path is not None
    services.database.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("DELETE FROM people")
    conn.close()
    return path


def test_a_broken_reference_is_named(services: Services) -> None:
    path = orphan_a_goal(services)
    report = check_integrity(services.database)
    assert not report.ok
    text = report.describe("db")
    assert "row 1 of goals refers to a missing row of people" in text
    assert "Restore a backup" in text
    assert not check_file_integrity(path).ok


def damage_pages(path: Path) -> bytes:
    """Overwrite the headers of the pages after the first: every table's b-tree breaks."""
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page, len(data), page):
        data[start : start + 8] = b"\xa5" * 8
    path.write_bytes(bytes(data))
    return bytes(data)


def test_a_damaged_file_is_reported_in_words_and_left_alone(services: Services) -> None:
    person = services.people.create(PersonDraft("Kim"))
    for index in range(300):
        services.goals.create(person.id, GoalDraft(f"Goal {index} " + "x" * 150))
    path = services.database.sqlite_path
    assert path is not None
    services.close()
    data = damage_pages(path)

    report = check_file_integrity(path)

    assert not report.ok
    assert "problem" in report.describe(str(path))
    assert path.read_bytes() == bytes(data)


def test_a_file_that_is_not_a_database_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("shopping list\n")
    report = check_file_integrity(path)
    assert not report.ok
    assert report.problems == (
        f"{path} is not a readable database file (it is of another kind, or its start is"
        " damaged); it was not changed",
    )
