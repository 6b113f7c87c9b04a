"""Open the database: choose the URL, set SQLite's safety pragmas, migrate, hand out sessions.

The session's scope is one user action: services open one with :meth:`Database.session`,
commit once, and return plain data (``expire_on_commit=False``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from planner.errors import DatabaseError

DATABASE_URL_ENV = "PLANNER_DATABASE_URL"
DEFAULT_DATABASE_NAME = "planner.sqlite"


def resolve_database_url(choice: str | None, default_folder: Path) -> str:
    """URL from ``--db`` (a path or URL), else ``PLANNER_DATABASE_URL``, else the default file."""
    value = choice or os.environ.get(DATABASE_URL_ENV) or ""
    if not value:
        return sqlite_url(default_folder / DEFAULT_DATABASE_NAME)
    if "://" in value:
        try:
            make_url(value)
        except ArgumentError:
            raise DatabaseError(f"'{value}' is not a database URL or path") from None
        return value
    return sqlite_url(Path(value).expanduser())


def sqlite_url(path: Path) -> str:
    """SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{path.resolve()}"


def _sqlite_connect_listener(foreign_keys: bool) -> Any:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin, so that
        # DDL in migrations is transactional too (SQLAlchemy's SQLite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA busy_timeout=5000")
        finally:
            cursor.close()

    return on_connect


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(url: str, *, foreign_keys: bool = True, echo: bool = False) -> Engine:
    """An engine; for SQLite with WAL, ``synchronous=FULL`` and real transactions.

    ``foreign_keys=False`` is only for migrations, which rebuild tables and must
    not fire ``ON DELETE CASCADE`` while doing so.
    """
    engine = create_engine(url, echo=echo)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect_listener(foreign_keys))
        event.listen(engine, "begin", _sqlite_begin)
    return engine


class Database:
    """An engine plus a session factory for one database."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.sqlite_path: Path | None = (
            Path(parsed.database)
            if self.is_sqlite and parsed.database not in (None, "", ":memory:")
            else None
        )
        self.engine: Engine = make_engine(url, echo=echo)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def display_name(self) -> str:
        """A short name for messages: the file path, or the URL without its password."""
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for one user action: committed on success, rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def table_names(self) -> set[str]:
        """Names of the tables present, for recognising an empty or foreign database."""
        try:
            return set(inspect(self.engine).get_table_names())
        except SQLAlchemyError as exc:
            raise DatabaseError(describe_engine_error(self.display_name, exc)) from None

    def dispose(self) -> None:
        """Close every pooled connection (before a restore, or at exit)."""
        self.engine.dispose()


def describe_engine_error(name: str, exc: BaseException) -> str:
    """Turn a driver error on opening into a sentence a person understands."""
    text = driver_message(exc)
    if "file is not a database" in text or "malformed" in text:
        return f"{name} is not a readable database file (it is damaged or of another kind)"
    if "unable to open database file" in text:
        return f"{name} cannot be opened: the folder is missing or not writable"
    if "readonly" in text or "read-only" in text:
        return f"{name} is read-only"
    return f"{name} cannot be opened: {text}"


def driver_message(exc: BaseException) -> str:
    """The database driver's own first line of an error, without SQLAlchemy's decoration."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
