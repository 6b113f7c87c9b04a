"""Bring a database to the newest schema, refusing ones that are newer or not ours.

Before an existing SQLite file is upgraded, a copy is taken with SQLite's backup
API, so a failed or unwanted migration can always be undone by restoring it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from planner.errors import DatabaseError
from planner.redaction import redact
from planner.storage.auto_backup import backup_before_change
from planner.storage.database import Database, driver_message, make_engine
from planner.storage.file_checks import check_database_file

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"
MIGRATION_LOCK_KEY = 0x4C50505F4D494752  # "LPP_MIGR": one migrating program per server database


@dataclass(frozen=True)
class MigrationResult:
    """What opening the database did to its schema."""

    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        """Whether any migration ran."""
        return self.from_revision != self.to_revision


def alembic_config() -> Config:
    """Alembic configuration built in code: the scripts live inside the package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest schema revision this program knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every schema revision this program knows."""
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(database: Database) -> str | None:
    """The revision the database is at, or ``None`` when it has no schema yet."""
    try:
        with database.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    except SQLAlchemyError as exc:
        raise DatabaseError(database.describe_error(exc)) from None


def upgrade_database(
    database: Database,
    *,
    target: str = "head",
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> MigrationResult:
    """Migrate ``database`` to ``target``; back up an existing SQLite file first.

    A SQLite file is first looked at read-only (:func:`check_database_file`), so a
    file that must be refused is refused before anything could change it.
    """
    if database.sqlite_path is not None:
        check_database_file(database.sqlite_path, read_only=database.read_only)
    tables = database.table_names()
    if tables and VERSION_TABLE not in tables:
        raise DatabaseError(
            f"{database.display_name} holds tables of another program"
            " (it is not a Learning Path Planner database); nothing was changed"
        )
    before = current_revision(database)
    if before is not None and before not in known_revisions():
        raise DatabaseError(
            f"{database.display_name} was written by a newer version of Learning Path Planner"
            f" (schema {before}); update the program to open it. Nothing was changed."
        )
    wanted = head_revision() if target == "head" else target
    if before == wanted:
        return MigrationResult(before, wanted, None)
    if database.read_only:
        raise DatabaseError(
            f"{database.display_name} must be upgraded for this version of the program, which"
            " cannot happen while it is open read-only; close the other window and open it again"
        )
    backup = None
    if before is not None and database.sqlite_path is not None:
        moment = now()
        if moment.tzinfo is not None:  # backup names and retention use naive UTC
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        backup = backup_before_change(database.sqlite_path, f"before-schema-{wanted}", moment)
    _run_alembic(database, target)
    return MigrationResult(before, wanted, backup)


def _run_alembic(database: Database, target: str) -> None:
    # A dedicated engine: SQLite migrations rebuild tables and must do so with
    # foreign keys off, or dropping the old table would cascade to its children.
    engine = (
        make_engine(database.url, foreign_keys=False) if database.is_sqlite else database.engine
    )
    config = alembic_config()
    try:
        with engine.begin() as connection:
            if database.is_postgresql:
                # Two programs opening a shared database at once: the second waits here,
                # then finds the schema already upgraded and does nothing.
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
                )
            config.attributes["connection"] = connection
            command.upgrade(config, target)
            if database.is_sqlite:
                problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
                if problems:
                    raise DatabaseError(
                        f"migrating {database.display_name} would break {len(problems)}"
                        " references; nothing was changed"
                    )
    except SQLAlchemyError as exc:
        raise DatabaseError(
            f"{database.display_name} could not be upgraded, nothing was changed:"
            f" {redact(driver_message(exc), database.password)}"
        ) from None
    finally:
        if engine is not database.engine:
            engine.dispose()
    database.dispose()
