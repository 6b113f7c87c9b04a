"""Migrations: an old database with data upgrades intact; odd databases are refused."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect, text

from planner.errors import DatabaseError
from planner.services.clock import FixedClock
from planner.services.records import CommentDraft, GoalDraft
from planner.services.service_set import Services
from planner.storage.database import Database
from planner.storage.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    upgrade_database,
)
from planner.storage.models import Base
from planner.vocabulary import RaterKind

FILLED_TABLES = ("people", "learning_entries", "assessments", "ratings", "goals", "milestones")


def reset_sequences(conn: Connection) -> None:
    """After inserts with explicit ids, let PostgreSQL hand out the next free ones."""
    if conn.dialect.name != "postgresql":
        return
    for table in FILLED_TABLES:
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                f" (SELECT max(id) FROM {table}))"
            )
        )


def make_revision_0001_database(path_or_url: Path | str) -> None:
    """A database as the first release wrote it, filled with one person's record."""
    url = path_or_url if isinstance(path_or_url, str) else f"sqlite:///{path_or_url}"
    database = Database(url)
    upgrade_database(database, target="0001")
    with database.engine.begin() as conn:
        conn.execute(
            text(
                'INSERT INTO people (id, name, "current_role", framework_id, target_profile_id,'
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
                " VALUES (1, 1, 0, 'Shadow a release', TRUE, NULL),"
                " (2, 1, 1, 'Run a release', FALSE, '2026-11-30')"
            )
        )
        reset_sequences(conn)
    database.dispose()


def make_revision_0002_database(url: str) -> None:
    """A database as release 0002 wrote it: two people, one mentor-rated, a weekly budget."""
    make_revision_0001_database(url)
    database = Database(url)
    upgrade_database(database, target="0002")
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE people SET weekly_hours = 4.5 WHERE id = 1"))
        conn.execute(
            text(
                'INSERT INTO people (id, name, "current_role", framework_id, target_profile_id,'
                " target_date, weekly_hours, created_at) VALUES (2, 'Noor', '',"
                " 'senior-ml-developer', 'senior-ml-developer', NULL, NULL,"
                " '2026-04-01 08:00:00.000000')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO assessments (id, person_id, assessed_on, rater_kind, rater_name,"
                " notes, created_at) VALUES (2, 1, '2026-05-01', 'mentor', 'Dana Ortiz',"
                " 'review', '2026-05-01 09:00:00.000000')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO ratings (id, assessment_id, competency_id, level, evidence)"
                " VALUES (2, 2, 'python-programming', 4, '')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO goals (id, person_id, title, description, due_date, priority,"
                " status, created_at, completed_at) VALUES (2, 2, 'Read a paper a week', '',"
                " NULL, 'low', 'planned', '2026-04-02 09:00:00.000000', NULL)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO custom_frameworks (id, name, version, content, imported_at)"
                " VALUES ('acme-ladder', 'ACME ladder', '3', '{}', '2026-04-03 10:00:00')"
            )
        )
        reset_sequences(conn)
    database.dispose()


def test_first_schema_with_data_upgrades_to_head_intact(
    database_url: str, clock: FixedClock
) -> None:
    make_revision_0001_database(database_url)

    services = Services.open(database_url, clock)
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


def test_release_0002_with_data_upgrades_to_head_intact(
    database_url: str, clock: FixedClock
) -> None:
    make_revision_0002_database(database_url)

    services = Services.open(database_url, clock)
    try:
        assert services.migration is not None
        assert services.migration.from_revision == "0002"
        sam, noor = services.people.find("Sam"), services.people.find("Noor")
        assert sam.weekly_hours == 4.5 and noor.weekly_hours is None
        assert (sam.version, noor.version) == (1, 1)
        assert sam.received_at is None  # people recorded here are at home, not copies
        self_rated, mentor_rated = services.assessments.list_for(sam.id)
        assert self_rated.rater_kind is RaterKind.SELF and self_rated.levels == {
            "python-programming": 3
        }
        assert (mentor_rated.rater_kind, mentor_rated.rater_name) == (
            RaterKind.MENTOR,
            "Dana Ortiz",
        )
        assert mentor_rated.levels == {"python-programming": 4}
        [goal] = services.goals.list_for(sam.id)
        [entry] = services.learning.list_for(sam.id)
        assert (goal.version, entry.version) == (1, 1)
        uids = [sam.uid, noor.uid, self_rated.uid, mentor_rated.uid, goal.uid]
        uids.append(services.goals.list_for(noor.id)[0].uid)
        assert all(len(uid) == 36 for uid in uids) and len(set(uids)) == len(uids)
        with services.database.engine.connect() as conn:
            kept = conn.execute(text("SELECT name FROM custom_frameworks")).scalars().all()
        assert kept == ["ACME ladder"]
        # Keeps working: new rows get fresh ids, edits count versions, goals take comments.
        edited = services.goals.update(goal.id, GoalDraft("Own two deployments"))
        assert edited.version == 2
        added = services.goals.create(noor.id, GoalDraft("Give a talk"))
        assert added.id not in (1, 2) and added.version == 1
        comment = services.comments.add(goal.id, CommentDraft("Dana Ortiz", "Good scope."))
        assert services.comments.list_for_goal(goal.id) == [comment]
    finally:
        services.close()


def test_release_0003_downgrades_to_0002_keeping_the_data(database_url: str) -> None:
    make_revision_0002_database(database_url)
    database = Database(database_url)
    upgrade_database(database)
    config = alembic_config()
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")
    assert current_revision(database) == "0002"
    with database.engine.connect() as conn:
        names = conn.execute(text("SELECT name FROM people ORDER BY id")).scalars().all()
        columns = {column["name"] for column in inspect(conn).get_columns("goals")}
    assert names == ["Sam", "Noor"]
    assert "version" not in columns and "uid" not in columns
    assert "goal_comments" not in database.table_names()
    database.dispose()


def test_release_0003_log_gets_its_monthly_sums(database_url: str) -> None:
    """0004 fills the stored monthly hours from the log as it stands."""
    make_revision_0002_database(database_url)
    database = Database(database_url)
    upgrade_database(database, target="0003")
    with database.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO learning_entries (id, person_id, title, kind, completed_on, hours,"
                " notes, link, created_at, version) VALUES (2, 1, 'Pairing', 'mentoring',"
                " '2026-02-20', 2.0, '', '', '2026-02-20 09:00:00', 1),"
                " (3, 2, 'Talk', 'talk', '2026-03-05', 1.5, '', '', '2026-03-05 09:00:00', 1)"
            )
        )
    upgrade_database(database)
    with database.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT person_id, month, competency_id, hours FROM learning_month_hours"
                " ORDER BY person_id, month, competency_id"
            )
        ).all()
    database.dispose()
    # Sam's book: 12.5 h shared by two competencies; the pairing and the talk named none.
    assert [(p, str(m), c, h) for p, m, c, h in rows] == [
        (1, "2026-02-01", "", 2.0),
        (1, "2026-02-01", "model-deployment", 6.25),
        (1, "2026-02-01", "system-architecture", 6.25),
        (2, "2026-03-01", "", 1.5),
    ]


@pytest.mark.postgresql_only
def test_two_programs_migrating_one_server_database_at_once(database_url: str) -> None:
    outcomes: list[object] = []

    def open_it() -> None:
        database = Database(database_url)
        try:
            outcomes.append(upgrade_database(database).to_revision)
        except Exception as exc:  # reported below, with the other thread's outcome
            outcomes.append(exc)
        finally:
            database.dispose()

    threads = [threading.Thread(target=open_it) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert outcomes == [head_revision(), head_revision()]


@pytest.mark.sqlite_only
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


def test_new_database_needs_no_backup_and_matches_the_models(
    database_url: str, tmp_path: Path
) -> None:
    database = Database(database_url)
    result = upgrade_database(database)
    assert result.from_revision is None and result.backup is None
    with database.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    assert not (tmp_path / "backups").exists()
    database.dispose()


def test_opening_at_head_changes_nothing(database_url: str) -> None:
    url = database_url
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


@pytest.mark.sqlite_only
def test_sqlite_runs_with_the_safety_pragmas(services: Services) -> None:
    with services.database.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    assert current_revision(services.database) == head_revision()
