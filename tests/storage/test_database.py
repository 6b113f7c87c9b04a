"""Database URLs: PostgreSQL through psycopg 3, and a password that never shows."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from planner.errors import DatabaseError
from planner.services.service_set import Services
from planner.storage.database import (
    Database,
    redact,
    resolve_database_url,
    safe_url,
)

SECRET = "hunter2-Sekret"


def free_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    ("given", "resolved"),
    [
        ("postgres://ana@db/planner", "postgresql+psycopg://ana@db/planner"),
        ("postgresql://ana@db/planner", "postgresql+psycopg://ana@db/planner"),
        ("postgresql+psycopg2://ana@db/planner", "postgresql+psycopg://ana@db/planner"),
        ("postgresql+psycopg://ana@db:5433/planner", "postgresql+psycopg://ana@db:5433/planner"),
    ],
)
def test_postgresql_urls_go_through_psycopg_3(given: str, resolved: str, tmp_path: Path) -> None:
    assert resolve_database_url(given, tmp_path) == resolved


def test_the_password_is_hidden_wherever_a_url_is_shown() -> None:
    url = f"postgresql+psycopg://ana:{SECRET}@127.0.0.1:5432/planner"
    database = Database(url)
    try:
        assert database.display_name == "postgresql+psycopg://ana:***@127.0.0.1:5432/planner"
        assert SECRET not in database.url_without_password
        assert make_url(database.url_without_password).username == "ana"
        assert SECRET not in safe_url(url)
        assert redact(f"could not open {url}: refused") == (
            "could not open postgresql+psycopg://ana:***@127.0.0.1:5432/planner: refused"
        )
        assert redact(f"the secret is {SECRET}", SECRET) == "the secret is ***"
    finally:
        database.dispose()


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        (f"postgresql://ana:{SECRET}@db:port/planner", "is not a database URL or path"),
        (f"mysql://ana:{SECRET}@db/planner", "names a mysql database"),
    ],
)
def test_a_bad_url_is_refused_without_its_password(
    given: str, problem: str, tmp_path: Path
) -> None:
    with pytest.raises(DatabaseError, match=problem) as caught:
        resolve_database_url(given, tmp_path)
    assert SECRET not in str(caught.value) and "***" in str(caught.value)


def test_a_server_that_does_not_answer_is_explained_without_the_password() -> None:
    url = f"postgresql+psycopg://ana:{SECRET}@127.0.0.1:{free_port()}/planner"

    with pytest.raises(DatabaseError) as caught:
        Services.open(url)

    message = str(caught.value)
    assert "no database server answers there" in message
    assert message.startswith("postgresql+psycopg://ana:***@127.0.0.1:")
    assert SECRET not in message


@pytest.mark.postgresql_only
def test_a_missing_database_on_the_server_is_explained_without_the_password(
    database_url: str,
) -> None:
    missing = make_url(database_url).set(password=SECRET, database="no_such_planner_db")

    with pytest.raises(DatabaseError) as caught:
        Services.open(missing.render_as_string(hide_password=False))

    assert "the server has no such database or user" in str(caught.value)
    assert SECRET not in str(caught.value)


@pytest.mark.postgresql_only
def test_the_program_runs_on_postgresql_with_a_password_in_the_url(database_url: str) -> None:
    with_password = make_url(database_url).set(password=SECRET)
    services = Services.open(with_password.render_as_string(hide_password=False))
    try:
        assert services.database.is_postgresql
        assert SECRET not in services.database.display_name
        assert services.people.count() == 0
    finally:
        services.close()
