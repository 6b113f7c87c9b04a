"""Test setup shared by every test: offscreen Qt and private data folders."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the real user's data folder, settings and log out of reach of every test.
_HOME = tempfile.mkdtemp(prefix="planner-tests-home-")
for _variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_variable] = str(Path(_HOME) / _variable.lower())
os.environ.pop("PLANNER_DATABASE_URL", None)

from planner.services.clock import FixedClock  # noqa: E402
from planner.services.service_set import Services  # noqa: E402

NOW = datetime(2026, 11, 21, 12, 0)


@pytest.fixture
def clock() -> FixedClock:
    """A clock fixed at 2026-11-21 12:00."""
    return FixedClock(NOW)


@pytest.fixture
def services(tmp_path: Path, clock: FixedClock) -> Iterator[Services]:
    """Services on a new, migrated SQLite file."""
    opened = Services.open(f"sqlite:///{tmp_path / 'planner.sqlite'}", clock)
    try:
        yield opened
    finally:
        opened.close()
