"""Program start: the remembered database, a note when it is gone, the unexpected-error dialog."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from planner.app_log import configure_logging
from planner.cli.locations import data_folder
from planner.gui.app import choose_database_url, show_unexpected_error, start_gui
from planner.gui.dialogs.welcome_wizard import WelcomeWizard
from planner.gui.main_window import MainWindow
from planner.gui.settings import AppSettings
from planner.services.records import PersonDraft
from planner.services.service_set import Services
from planner.storage.database import sqlite_url
from tests.gui.conftest import when_modal


def with_person(path: Path, name: str = "Kim") -> Path:
    services = Services.open(sqlite_url(path))
    services.people.create(PersonDraft(name))
    services.close()
    return path


def test_the_last_database_is_chosen_when_none_is_given(
    tmp_path: Path, settings: AppSettings
) -> None:
    folder = tmp_path / "data"
    default = sqlite_url(folder / "planner.sqlite")
    assert choose_database_url(None, settings, folder) == (default, None)
    last = with_person(tmp_path / "work.sqlite")
    settings.last_database = sqlite_url(last)
    assert choose_database_url(None, settings, folder) == (sqlite_url(last), None)
    given = tmp_path / "given.sqlite"
    assert choose_database_url(str(given), settings, folder) == (sqlite_url(given), None)


def test_a_vanished_last_database_falls_back_to_the_default_with_a_sentence(
    tmp_path: Path, settings: AppSettings
) -> None:
    folder = tmp_path / "data"
    settings.last_database = sqlite_url(tmp_path / "usb" / "work.sqlite")
    url, note = choose_database_url(None, settings, folder)
    assert url == sqlite_url(folder / "planner.sqlite")
    assert note is not None and note.startswith(
        f"The database you used last, {tmp_path / 'usb' / 'work.sqlite'}, is no longer there"
    )
    assert f"so the default database {folder / 'planner.sqlite'} is open instead" in note


def test_the_environment_variable_wins_over_the_remembered_database(
    tmp_path: Path, settings: AppSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.last_database = sqlite_url(with_person(tmp_path / "work.sqlite"))
    monkeypatch.setenv("PLANNER_DATABASE_URL", str(tmp_path / "env.sqlite"))
    assert choose_database_url(None, settings, tmp_path)[0] == sqlite_url(tmp_path / "env.sqlite")


def run_program(choice: str | None, *, on_note: Callable[[QMessageBox], None] | None = None) -> str:
    """Start the program as ``learning-path-planner`` does; the title of the window it showed."""
    seen: list[str] = []

    def close_window() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        visible = [w for w in windows if w.isVisible() and w.is_open]
        if not visible or QApplication.activeModalWidget() is not None:
            QTimer.singleShot(20, close_window)
            return
        seen.append(visible[0].windowTitle())
        visible[0].close()

    if on_note is not None:
        when_modal(QMessageBox, lambda box: on_note(box) if isinstance(box, QMessageBox) else None)
    QTimer.singleShot(0, close_window)
    assert start_gui(choice) == 0
    return seen[0]


def test_the_program_reopens_the_database_used_last(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start_gui installs its own
    work = with_person(tmp_path / "work.sqlite")
    assert run_program(str(work)).endswith(str(work))
    assert run_program(None).endswith(str(work))  # no --db: the last one

    work.unlink()
    notes: list[str] = []

    def read_note(box: QMessageBox) -> None:
        notes.append(box.text())
        when_modal(WelcomeWizard, lambda wizard: wizard.close())  # the default is new
        box.accept()

    title = run_program(None, on_note=read_note)
    default = data_folder() / "planner.sqlite"
    assert title.endswith(str(default))
    assert notes and notes[0].startswith(f"The database you used last, {work}, is no longer there")
    assert AppSettings().last_database == sqlite_url(default)


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_shows_the_log_and_the_program_goes_on(
    qtbot: QtBot, tmp_path: Path, demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_file = configure_logging(tmp_path / "logs")
    monkeypatch.setattr(sys, "excepthook", show_unexpected_error)
    window = MainWindow(demo_services)
    qtbot.addWidget(window)
    window.show()
    shown: list[tuple[str, str]] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and box.objectName() == "unexpectedErrorBox"
        shown.append((box.text(), box.informativeText()))
        box.accept()

    def broken_slot() -> None:
        raise RuntimeError("the chart ran out of colours")

    when_modal(QMessageBox, read_and_close)
    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)

    text, informative = shown[0]
    assert text == "Something went wrong: RuntimeError: the chart ran out of colours"
    assert informative == (
        "Nothing you saved was lost, and the program keeps running. The details are in the"
        f" log: {log_file} (Help > Open log)."
    )
    for handler in logging.getLogger("planner").handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "unexpected error" in logged and "RuntimeError: the chart ran out of colours" in logged
    assert 'raise RuntimeError("the chart ran out of colours")' in logged  # the traceback
    # Still running: the window answers and an edit is saved.
    window.sidebar.setCurrentRow(3)
    assert window.stack.currentWidget().title == "Learning log"
    demo_services.people.create(PersonDraft("Still saving"))
    assert "Still saving" in [p.name for p in demo_services.people.list()]
