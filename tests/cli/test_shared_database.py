"""The command line on a PostgreSQL server: every command works, the password never shows."""

from __future__ import annotations

import json
import logging
import socket
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from planner.app_log import log_path
from planner.cli import main

SECRET = "hunter2-Sekret"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def logged() -> str:
    for handler in logging.getLogger("planner").handlers:
        handler.flush()
    path = log_path()
    return path.read_text("utf-8") if path is not None and path.exists() else ""


def test_an_unreachable_server_is_one_line_without_the_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql://ana:{SECRET}@127.0.0.1:{port}/planner"

    code, out, err = run(capsys, "--db", url, "readiness")

    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "no database server answers there" in err
    assert "ana:***@127.0.0.1" in err
    assert SECRET not in err and SECRET not in logged()


@pytest.mark.postgresql_only
def test_every_day_commands_on_a_server(
    database_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = make_url(database_url).set(password=SECRET).render_as_string(hide_password=False)

    assert run(capsys, "--db", url, "seed-demo")[0] == 0
    code, out, _ = run(capsys, "--db", url, "readiness", "--json")
    assert code == 0 and json.loads(out)["person"] == "Alex Rivera"
    assert run(capsys, "--db", url, "export", str(tmp_path / "all.json"))[0] == 0
    code, out, _ = run(capsys, "--db", url, "export-review", str(tmp_path / "alex.json"))
    assert code == 0 and "send it to your mentor" in out
    code, out, _ = run(capsys, "--db", url, "check")
    assert code == 0 and SECRET not in out and "***" in out
    assert SECRET not in logged()
