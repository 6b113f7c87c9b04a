"""GUI test fixtures: a demo database, the view context and a main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from planner.gui.operations import Operations
from planner.gui.settings import AppSettings
from planner.gui.views.base import CurrentPerson, ViewContext
from planner.services.clock import FixedClock
from planner.services.demo_data import seed_demo
from planner.services.service_set import Services


@pytest.fixture
def demo_services(services: Services, clock: FixedClock) -> Services:
    """Services on a database holding the demo person (today = the fixed clock's date)."""
    seed_demo(services.database, clock.today())
    return services


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    """Settings in a private INI file."""
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def context(demo_services: Services, qapp: object) -> Iterator[ViewContext]:
    """A view context showing the demo person."""
    operations = Operations(demo_services)
    person = CurrentPerson()
    person.set(demo_services.people.list()[0].id)
    yield ViewContext(demo_services, operations, person)
