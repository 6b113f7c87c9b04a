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
from planner.storage.backup import backup_name, backup_sqlite, backups_folder
from planner.storage.database import Database, describe_engine_error, driver_message, make_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"


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
        raise DatabaseError(describe_engine_error(database.display_name, exc)) from None


def upgrade_database(
    database: Database,
    *,
    target: str = "head",
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> MigrationResult:
    """Migrate ``database`` to ``target``; back up an existing SQLite file first."""
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
    backup = None
    if before is not None and database.sqlite_path is not None:
        path = database.sqlite_path
        backup = backup_sqlite(
            path, backups_folder(path) / backup_name(path, f"before-schema-{wanted}", now())
        )
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
            f" {driver_message(exc)}"
        ) from None
    finally:
        if engine is not database.engine:
            engine.dispose()
    database.dispose()
