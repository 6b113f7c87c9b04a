"""The support log never holds a database password, even inside a traceback."""

from __future__ import annotations

import logging
from pathlib import Path

from planner.app_log import configure_logging

SECRET = "hunter2-Sekret"


def test_passwords_in_urls_are_written_as_stars(tmp_path: Path) -> None:
    path = configure_logging(tmp_path / "logs")
    log = logging.getLogger("planner.test")
    url = f"postgresql+psycopg://ana:{SECRET}@127.0.0.1:5432/planner"
    log.warning("cannot open %s", url)
    try:
        raise RuntimeError(f"connection to {url} refused")
    except RuntimeError:
        log.exception("unexpected error")
    for handler in logging.getLogger("planner").handlers:
        handler.flush()

    text = path.read_text("utf-8")
    assert SECRET not in text
    assert text.count("postgresql+psycopg://ana:***@127.0.0.1:5432/planner") == 2
