"""Health checks report a healthy database as healthy and name broken references."""

from __future__ import annotations

import sqlite3

from planner.services.records import PersonDraft
from planner.services.service_set import Services
from planner.storage.integrity import check_integrity


def test_a_healthy_database_passes(services: Services) -> None:
    services.people.create(PersonDraft("Kim"))
    report = check_integrity(services.database)
    assert report.ok
    assert "healthy" in report.describe("planner.sqlite")


def test_a_broken_reference_is_named(services: Services) -> None:
    assert services.database.sqlite_path is not None
    services.database.dispose()
    with sqlite3.connect(services.database.sqlite_path) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute(
            "INSERT INTO goals (person_id, title, description, priority, status, created_at)"
            " VALUES (42, 'orphan', '', 'low', 'planned', '2026-01-01 00:00:00')"
        )
    report = check_integrity(services.database)
    assert not report.ok
    assert "row 1 of goals refers to a missing row of people" in report.describe("db")
