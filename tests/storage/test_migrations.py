"""Migrations: an old database with data upgrades intact; odd databases are refused."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from planner.errors import DatabaseError
from planner.services.clock import FixedClock
from planner.services.service_set import Services
from planner.storage.database import Database
from planner.storage.migrate import current_revision, head_revision, upgrade_database
from planner.storage.models import Base


def make_revision_0001_database(path: Path) -> None:
    """A database as the first release wrote it, filled with one person's record."""
    database = Database(f"sqlite:///{path}")
    upgrade_database(database, target="0001")
    with database.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO people (id, name, current_role, framework_id, target_profile_id,"
                " target_date, created_at) VALUES (1, 'Sam', 'ML engineer',"
                " 'senior-ml-developer', 'senior-ml-developer', '2027-06-30',"
                " '2026-01-02 10:00:00.000000')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO learning_entries (id, person_id, title, kind, completed_on, hours,"
                " notes, link, created_at) VALUES (1, 1, 'Designing ML Systems', 'book',"
                " '2026-02-01', 12.5, 'ch. 1-4', '', '2026-02-01 09:00:00.000000')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO learning_competencies VALUES (1, 'system-architecture'),"
                " (1, 'model-deployment')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO assessments (id, person_id, assessed_on, rater_kind, rater_name,"
                " notes, created_at) VALUES (1, 1, '2026-03-01', 'self', NULL, 'first',"
                " '2026-03-01 09:00:00.000000')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO ratings (id, assessment_id, competency_id, level, evidence)"
                " VALUES (1, 1, 'python-programming', 3, 'shipped a package')"
            )
        )
        conn.execute(text("INSERT INTO rating_learning_links VALUES (1, 1)"))
        conn.execute(
            text(
                "INSERT INTO goals (id, person_id, title, description, due_date, priority,"
                " status, created_at, completed_at) VALUES (1, 1, 'Own a deployment', '',"
                " '2026-12-01', 'high', 'active', '2026-03-02 09:00:00.000000', NULL)"
            )
        )
        conn.execute(text("INSERT INTO goal_competencies VALUES (1, 'model-deployment', 4)"))
        conn.execute(
            text(
                "INSERT INTO milestones (id, goal_id, position, text, done, due_date)"
                " VALUES (1, 1, 0, 'Shadow a release', 1, NULL),"
                " (2, 1, 1, 'Run a release', 0, '2026-11-30')"
            )
        )
    database.dispose()


def test_first_schema_with_data_upgrades_to_head_intact(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "old.sqlite"
    make_revision_0001_database(path)

    services = Services.open(f"sqlite:///{path}", clock)
    try:
        assert services.migration is not None
        assert services.migration.from_revision == "0001"
        assert services.migration.to_revision == head_revision()
        person = services.people.find("Sam")
        assert person.target_date == date(2027, 6, 30)
        assert person.weekly_hours is None
        [entry] = services.learning.list_for(person.id)
        assert (entry.title, entry.hours, entry.notes) == ("Designing ML Systems", 12.5, "ch. 1-4")
        assert entry.competency_ids == ("model-deployment", "system-architecture")
        [assessment] = services.assessments.list_for(person.id)
        assert assessment.ratings[0].level == 3
        assert assessment.ratings[0].learning_entry_ids == (entry.id,)
        [goal] = services.goals.list_for(person.id)
        assert [m.text for m in goal.milestones] == ["Shadow a release", "Run a release"]
        assert [m.done for m in goal.milestones] == [True, False]
    finally:
        services.close()


def test_upgrade_takes_a_backup_first(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    make_revision_0001_database(path)
    database = Database(f"sqlite:///{path}")
    result = upgrade_database(database)
    database.dispose()

    assert result.backup is not None and result.backup.parent == tmp_path / "backups"
    with sqlite3.connect(result.backup) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert copy.execute("SELECT name FROM people").fetchall() == [("Sam",)]


def test_new_database_needs_no_backup_and_matches_the_models(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'new.sqlite'}")
    result = upgrade_database(database)
    assert result.from_revision is None and result.backup is None
    with database.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    assert not (tmp_path / "backups").exists()
    database.dispose()


def test_opening_at_head_changes_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    Services.open(url).close()
    services = Services.open(url)
    assert services.migration is not None and not services.migration.changed
    services.close()


def test_database_newer_than_the_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    database = Database(f"sqlite:///{path}")
    upgrade_database(database)
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    database.dispose()
    before = path.read_bytes()

    with pytest.raises(DatabaseError, match="newer version of Learning Path Planner"):
        Services.open(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_database_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    with pytest.raises(DatabaseError, match="another program"):
        Services.open(f"sqlite:///{path}")
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"notes"}


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("just some text, not SQLite\n" * 20)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="not a readable database"):
        Services.open(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_sqlite_runs_with_the_safety_pragmas(services: Services) -> None:
    with services.database.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    assert current_revision(services.database) == head_revision()
