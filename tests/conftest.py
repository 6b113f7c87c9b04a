"""Test setup shared by every test: offscreen Qt, private data folders, and the databases.

Tests in ``tests/storage`` and ``tests/services`` that use a database fixture
(``services``, ``database_url``, ``new_database_url``) run twice: on SQLite and on
PostgreSQL. The PostgreSQL runs need a throwaway server named by
``PLANNER_TEST_POSTGRES_URL`` (an admin URL that may create databases; ``.ci/run``
starts one); without it they are skipped, saying so. Each PostgreSQL test gets its
own new database, dropped afterwards. Mark a test ``sqlite_only`` when it is about
the SQLite file itself (backups, pragmas), ``postgresql_only`` when it is about a server.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Callable, Generator, Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the real user's data folder, settings and log out of reach of every test.
_HOME = tempfile.mkdtemp(prefix="planner-tests-home-")
for _variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_variable] = str(Path(_HOME) / _variable.lower())
os.environ.pop("PLANNER_DATABASE_URL", None)

from sqlalchemy import Engine, create_engine  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from planner.services.clock import FixedClock  # noqa: E402
from planner.services.service_set import Services  # noqa: E402
from planner.storage.database import Database  # noqa: E402
from planner.storage.migrate import upgrade_database  # noqa: E402

NOW = datetime(2026, 11, 21, 12, 0)
POSTGRES_URL_ENV = "PLANNER_TEST_POSTGRES_URL"
ENGINES = ("sqlite", "postgresql")
BOTH_ENGINE_FOLDERS = frozenset({"storage", "services"})
NO_SERVER = f"no PostgreSQL test server: set {POSTGRES_URL_ENV} (see .ci/run)"


def pytest_configure(config: pytest.Config) -> None:
    """Register the markers of the database fixtures."""
    config.addinivalue_line(
        "markers", "sqlite_only: about the SQLite file itself; not run on PostgreSQL"
    )
    config.addinivalue_line(
        "markers", "postgresql_only: about a database server; run on PostgreSQL only"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run the database tests of tests/storage and tests/services on both engines."""
    if "engine" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("postgresql_only") is not None:
        metafunc.parametrize("engine", ["postgresql"], indirect=True)
        return
    if metafunc.definition.path.parent.name not in BOTH_ENGINE_FOLDERS:
        return
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        return
    metafunc.parametrize("engine", ENGINES, indirect=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """List the PostgreSQL runs skipped for want of a server as one line of the summary."""
    report = yield
    longrepr = report.longrepr
    if report.skipped and isinstance(longrepr, tuple) and longrepr[2].endswith(NO_SERVER):
        report.longrepr = (os.path.relpath(__file__), 1, longrepr[2])
    return report


class PostgresServer:
    """A throwaway PostgreSQL server: hands out new databases and drops them again."""

    def __init__(self, admin_url: str) -> None:
        self._url = make_url(admin_url).set(drivername="postgresql+psycopg")
        self._admin: Engine = create_engine(self._url, isolation_level="AUTOCOMMIT")
        self._template: str | None = None

    def url_of(self, name: str) -> str:
        """URL of the database ``name`` on this server."""
        return self._url.set(database=name).render_as_string(hide_password=False)

    def create(self, *, migrated: bool = False) -> str:
        """A new database (a copy of a migrated template when ``migrated``); its name."""
        name = f"planner_test_{uuid.uuid4().hex[:16]}"
        template = f' TEMPLATE "{self._migrated_template()}"' if migrated else ""
        with self._admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"{template}')
        return name

    def drop(self, name: str) -> None:
        """Remove a database, closing whatever connections a test left open."""
        with self._admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _migrated_template(self) -> str:
        if self._template is None:
            name = self.create()
            database = Database(self.url_of(name))
            try:
                upgrade_database(database)
            finally:
                database.dispose()
            self._template = name
        return self._template

    def close(self) -> None:
        """Drop the template and let go of the server."""
        if self._template is not None:
            self.drop(self._template)
        self._admin.dispose()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer | None]:
    """The server named by PLANNER_TEST_POSTGRES_URL, or None when none is configured."""
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        yield None
        return
    server = PostgresServer(url)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """The database engine under test: both in tests/storage and tests/services, else SQLite."""
    return str(getattr(request, "param", "sqlite"))


NewDatabaseUrl = Callable[..., str]


@pytest.fixture
def new_database_url(
    engine: str, tmp_path: Path, postgres_server: PostgresServer | None
) -> Iterator[NewDatabaseUrl]:
    """Factory ``(name="planner", *, migrated=False) -> URL`` of a new database of the engine.

    SQLite gives ``tmp_path/<name>.sqlite`` (created when first opened); PostgreSQL a
    new database on the test server (already migrated when asked, which is quicker).
    """
    created: list[str] = []

    def make(name: str = "planner", *, migrated: bool = False) -> str:
        if engine == "sqlite":
            return f"sqlite:///{tmp_path / f'{name}.sqlite'}"
        if postgres_server is None:
            pytest.skip(NO_SERVER)
        created.append(postgres_server.create(migrated=migrated))
        return postgres_server.url_of(created[-1])

    yield make
    for name in created:
        assert postgres_server is not None
        postgres_server.drop(name)


@pytest.fixture
def database_url(new_database_url: NewDatabaseUrl) -> str:
    """URL of a new, empty database of the engine under test."""
    return new_database_url()


@pytest.fixture
def clock() -> FixedClock:
    """A clock fixed at 2026-11-21 12:00."""
    return FixedClock(NOW)


@pytest.fixture
def services(new_database_url: NewDatabaseUrl, clock: FixedClock) -> Iterator[Services]:
    """Services on a new, migrated database (``tmp_path/planner.sqlite`` on SQLite)."""
    opened = Services.open(new_database_url(migrated=True), clock)
    try:
        yield opened
    finally:
        opened.close()
