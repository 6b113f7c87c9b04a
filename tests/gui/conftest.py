"""GUI test fixtures: a demo database, the view context and a main window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

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


def when_modal(expected: type[QWidget], steps: Callable[[QWidget], None]) -> None:
    """Run ``steps`` on the dialog of type ``expected`` as soon as it is showing."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, expected) and dialog.isVisible():
            steps(dialog)
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
