"""Open the database: choose the URL, set SQLite's safety pragmas, migrate, hand out sessions.

The session's scope is one user action: services open one with :meth:`Database.session`,
commit once, and return plain data (``expire_on_commit=False``).

SQLite is the default; PostgreSQL (``postgresql+psycopg://user:password@host/dbname``)
is the shared engine for a team. A URL is only ever shown or logged through
:func:`safe_url`, which hides the password, and error texts pass through :func:`redact`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from planner.errors import ConcurrentEditError, DatabaseError
from planner.redaction import redact
from planner.storage.month_hours import track_changes
from planner.storage.sqlite_safety import error_translator, make_files_private, read_only_engine

DATABASE_URL_ENV = "PLANNER_DATABASE_URL"
DEFAULT_DATABASE_NAME = "planner.sqlite"
POSTGRES_DRIVER = "postgresql+psycopg"
SUPPORTED_BACKENDS = ("sqlite", "postgresql")
POSTGRES_CONNECT_TIMEOUT_S = 10
APPLICATION_NAME = "learning-path-planner"
CHANGED_ELSEWHERE = (
    "This record was changed elsewhere (in another window or by someone else) since it was"
    " read; reload it and make your change again. Nothing was saved."
)


def resolve_database_url(choice: str | None, default_folder: Path) -> str:
    """URL from ``--db`` (a path or URL), else ``PLANNER_DATABASE_URL``, else the default file."""
    value = choice or os.environ.get(DATABASE_URL_ENV) or ""
    if not value:
        return sqlite_url(default_folder / DEFAULT_DATABASE_NAME)
    if "://" in value:
        try:
            url = normalise_url(value)
        except (ArgumentError, ValueError):
            raise DatabaseError(f"'{redact(value)}' is not a database URL or path") from None
        backend = make_url(url).get_backend_name()
        if backend not in SUPPORTED_BACKENDS:
            raise DatabaseError(
                f"'{safe_url(url)}' names a {backend} database; this program keeps its data in"
                " a SQLite file or on a PostgreSQL server (postgresql+psycopg://...)"
            )
        return url
    return sqlite_url(Path(value).expanduser())


def normalise_url(url: str) -> str:
    """Any PostgreSQL URL (``postgres://``, ``postgresql+psycopg2://``) goes through psycopg 3.

    psycopg 3 is the driver the program ships. Raises
    :class:`~sqlalchemy.exc.ArgumentError` (or ``ValueError``) for text that is not a URL.
    """
    parsed = make_url(url)
    backend = parsed.drivername.partition("+")[0]
    if backend in ("postgres", "postgresql") and parsed.drivername != POSTGRES_DRIVER:
        parsed = parsed.set(drivername=POSTGRES_DRIVER)
        return parsed.render_as_string(hide_password=False)
    return url


def safe_url(url: str) -> str:
    """The URL for messages and logs: the password, if any, replaced by ``***``."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return redact(url)


def sqlite_url(path: Path) -> str:
    """SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{path.resolve()}"


def _sqlite_connect_listener(
    foreign_keys: bool, read_only: bool = False, path: Path | None = None
) -> Any:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin, so that
        # DDL in migrations is transactional too (SQLAlchemy's SQLite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
            if read_only:
                cursor.execute("PRAGMA query_only=ON")
            else:
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA busy_timeout=5000")
        finally:
            cursor.close()
        if path is not None and not read_only:
            make_files_private(path)

    return on_connect


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(
    url: str, *, foreign_keys: bool = True, echo: bool = False, read_only: bool = False
) -> Engine:
    """An engine; for SQLite with WAL, ``synchronous=FULL`` and real transactions.

    ``foreign_keys=False`` is only for migrations, which rebuild tables and must
    not fire ``ON DELETE CASCADE`` while doing so. ``read_only`` (SQLite files) opens
    the file with ``mode=ro``: for a second window while another one writes.
    A SQLite file is made readable by its owner only.
    """
    url = normalise_url(url)
    if make_url(url).get_backend_name() == "postgresql":
        # A shared server may restart or drop idle connections: test each before use.
        return create_engine(
            url,
            echo=echo,
            pool_pre_ping=True,
            connect_args={
                "connect_timeout": POSTGRES_CONNECT_TIMEOUT_S,
                "application_name": APPLICATION_NAME,
            },
        )
    path = sqlite_file_path(url)
    if read_only and path is not None:
        engine = read_only_engine(path, echo=echo)
    else:
        engine = create_engine(url, echo=echo)
    if engine.dialect.name == "sqlite":
        read_only = read_only and path is not None
        event.listen(engine, "connect", _sqlite_connect_listener(foreign_keys, read_only, path))
        event.listen(engine, "begin", _sqlite_begin)
        event.listen(engine, "handle_error", error_translator(path, read_only))
    return engine


def sqlite_file_path(url: str) -> Path | None:
    """The file of a SQLite URL; ``None`` for other engines and in-memory databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


class Database:
    """An engine plus a session factory for one database."""

    def __init__(self, url: str, *, echo: bool = False, read_only: bool = False) -> None:
        self.url = url = normalise_url(url)
        self.read_only = read_only
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.is_postgresql = parsed.get_backend_name() == "postgresql"
        self.password: str | None = parsed.password if parsed.password else None
        self.sqlite_path = sqlite_file_path(url)
        self.engine: Engine = make_engine(url, echo=echo, read_only=read_only)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        track_changes(self._sessions)

    @property
    def display_name(self) -> str:
        """A short name for messages: the file path, or the URL without its password."""
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        return safe_url(self.url)

    @property
    def url_without_password(self) -> str:
        """The URL to remember between runs; the password belongs in ``~/.pgpass``."""
        parsed = make_url(self.url)
        bare = URL.create(
            parsed.drivername, parsed.username, None, parsed.host, parsed.port, parsed.database
        )
        return bare.update_query_dict(dict(parsed.query)).render_as_string(hide_password=False)

    def describe_error(self, exc: BaseException) -> str:
        """:func:`describe_engine_error` for this database, with its password hidden."""
        return redact(describe_engine_error(self.display_name, exc), self.password)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for one user action: committed on success, rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except StaleDataError:
            # Another session saved the row between our read and our write (version check).
            session.rollback()
            raise ConcurrentEditError(CHANGED_ELSEWHERE) from None
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
            raise DatabaseError(self.describe_error(exc)) from None

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
    for clue, meaning in _SERVER_PROBLEMS:
        if clue in text:
            return f"{name} cannot be opened: {meaning} ({redact(text)})"
    return f"{name} cannot be opened: {redact(text)}"


_SERVER_PROBLEMS = (
    ("Connection refused", "no database server answers there; is it running?"),
    ("password authentication failed", "the server refused the user name or password"),
    ("does not exist", "the server has no such database or user; ask its administrator"),
    ("failed to resolve host", "the server's host name is unknown"),
    ("timeout expired", "the server did not answer in time"),
)


def driver_message(exc: BaseException) -> str:
    """The database driver's own first line of an error, without SQLAlchemy's decoration."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
