"""The window first: it paints with Qt alone, then opens its database and fills in."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from planner.cli import main
from planner.gui import startup
from planner.gui.background_imports import BackgroundImports
from planner.gui.dialogs.database_in_use_dialog import DatabaseInUseBox
from planner.gui.instance_lock import lock_path
from planner.gui.main_window import MainWindow
from planner.gui.settings import AppSettings
from planner.gui.startup import WindowFirstStart, modules_to_load, opening_name
from planner.gui.views.base import View
from planner.gui.views.catalogue import VIEW_CATALOGUE
from planner.services.records import PersonDraft
from planner.services.service_set import Services
from planner.storage.database import sqlite_url
from tests.gui.conftest import when_modal

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A database with one person (so no welcome wizard)."""
    path = tmp_path / "work.sqlite"
    services = Services.open(sqlite_url(path))
    services.people.create(PersonDraft("Kim"))
    services.close()
    return path


@pytest.fixture
def start(database: Path, settings: AppSettings, qapp: QApplication) -> Iterator[WindowFirstStart]:
    starting = WindowFirstStart(str(database), settings)
    yield starting
    starting.window.close()
    starting.close()


# The status bar's name for the database, before anything can read it ---------------


@pytest.mark.parametrize(
    ("choice", "name"),
    [
        ("/data/work.sqlite", "work.sqlite"),
        ("sqlite:////data/team/shared.sqlite", "shared.sqlite"),
        ("postgresql+psycopg://ana:s3cret@db.example/planner?sslmode=require", "planner"),
        ("postgresql://ana:s3cret/with/slashes@dbhost/team", "team"),
        ("postgresql://ana:s3cret@dbhost", "dbhost"),
        ("C:\\Users\\ana\\work.sqlite", "work.sqlite"),
    ],
)
def test_the_opening_name_is_the_file_or_database_never_a_password(choice: str, name: str) -> None:
    assert opening_name(choice, None) == name
    assert "s3cret" not in opening_name(choice, None)


def test_without_a_choice_the_name_follows_the_environment_then_the_last_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    last = tmp_path / "last.sqlite"
    assert opening_name(None, None) == "planner.sqlite"
    assert opening_name(None, sqlite_url(last)) == "planner.sqlite"  # gone: the default opens
    last.write_bytes(b"")
    assert opening_name(None, sqlite_url(last)) == "last.sqlite"
    monkeypatch.setenv("PLANNER_DATABASE_URL", str(tmp_path / "env.sqlite"))
    assert opening_name(None, sqlite_url(last)) == "env.sqlite"


def test_the_names_it_reads_are_the_storage_layers() -> None:
    from planner.storage import database

    assert startup.DATABASE_URL_ENV == database.DATABASE_URL_ENV
    assert startup.DEFAULT_DATABASE_NAME == database.DEFAULT_DATABASE_NAME


def test_the_view_shown_first_loads_with_the_database_and_the_others_after() -> None:
    first, later = modules_to_load("goals_view")
    assert first[-1] == "planner.gui.views.goals_view"
    assert "planner.gui.desktop_session" in first
    assert sorted([first[-1], *later]) == sorted(entry.module for entry in VIEW_CATALOGUE)
    assert modules_to_load("no-such-view")[0][-1] == VIEW_CATALOGUE[0].module


# The start, in this process -----------------------------------------------------------


def test_the_window_shows_first_then_fills_in_with_the_database(
    qtbot: QtBot, start: WindowFirstStart, database: Path
) -> None:
    window = start.window
    start.show()
    assert window.isVisible() and not window.is_open
    assert window.statusBar().currentMessage() == "Opening work.sqlite…"
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == [
        entry.title for entry in VIEW_CATALOGUE
    ]
    assert not window.log_action.isEnabled() and not window.goal_action.isEnabled()
    assert window.views == []

    qtbot.waitUntil(lambda: window.is_open, timeout=10_000)
    assert start.session is not None and start.exit_code == 0
    assert window.windowTitle() == f"Learning Path Planner — {database}"
    assert window.statusBar().currentMessage() == ""
    assert window.log_action.isEnabled() and window.files.open_db_action.isEnabled()
    assert window.log_action.shortcut().toString() == "Ctrl+L"
    assert window.undo_action in window.edit_menu.actions()
    assert window.person.id == start.session.services.people.find("Kim").id
    built = [isinstance(window.stack.widget(i), View) for i in range(window.stack.count())]
    assert built == [True] + [False] * (len(VIEW_CATALOGUE) - 1)  # only the view shown
    assert lock_path(database).exists()  # this window may write


def test_once_every_view_module_loaded_the_start_up_objects_are_set_aside(
    qtbot: QtBot, start: WindowFirstStart, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[bool] = []
    monkeypatch.setattr(startup, "set_aside_start_up_objects", lambda: calls.append(True))
    start.show()
    qtbot.waitUntil(lambda: start.window.is_open, timeout=10_000)
    qtbot.waitUntil(lambda: calls == [True], timeout=20_000)  # after the later imports
    assert all(entry.module in sys.modules for entry in VIEW_CATALOGUE)


def test_a_window_closed_while_opening_opens_nothing(
    qtbot: QtBot, start: WindowFirstStart, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()  # the imports are held until the window is closed
    run = BackgroundImports._run
    monkeypatch.setattr(BackgroundImports, "_run", lambda self: (release.wait(10), run(self)))
    with qtbot.waitExposed(start.window):
        start.show()
    qtbot.waitUntil(lambda: start._loading)  # painted: the data layers are on their way in
    start.window.close()  # the program's event loop ends here, and start_gui closes the start:
    release.set()
    start.close()
    QApplication.processEvents()  # whatever was on its way arrives, and opens nothing
    assert start.session is None and not start.window.is_open
    assert not lock_path(database).exists()


# The start, as the command line runs it -------------------------------------------------


def test_a_bad_database_flag_is_said_in_the_window_and_on_the_command_line(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the start installs its own
    said: list[str] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        box.accept()

    when_modal(QMessageBox, read_and_close)
    assert main(["--db", "mysql://ana@dbhost/planner"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("learning-path-planner: error: 'mysql://ana@dbhost/planner' names a")
    assert err.count("\n") == 1
    assert said and said[0] in err


HOLD_LOCK = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from planner.gui.instance_lock import DatabaseLock\n"
    "lock = DatabaseLock(Path(sys.argv[1]))\n"
    "print('held' if lock.acquire() is None else 'busy', flush=True)\n"
    "time.sleep(120)\n"
)


def test_a_second_window_that_chooses_to_quit_exits_with_1(
    qtbot: QtBot, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(database)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        windows: list[MainWindow] = []

        def quit_(box: QWidget) -> None:
            assert isinstance(box, DatabaseInUseBox)
            parent = box.parentWidget()
            assert isinstance(parent, MainWindow) and parent.isVisible()  # the window is up
            windows.append(parent)
            qtbot.keyClick(box, Qt.Key.Key_Escape)

        when_modal(DatabaseInUseBox, quit_)
        assert main(["--db", str(database)]) == 1
        assert windows and not windows[0].isVisible() and not windows[0].is_open
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()


# What the first paint needs ----------------------------------------------------------------

FRAME_ONLY = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    HEAVY = ("sqlalchemy", "alembic", "pydantic", "matplotlib", "planner.services",
             "planner.storage", "planner.errors", "planner.gui.views.dashboard")
    loaded = []

    class AtPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and watched is start.window and not loaded:
                loaded.append(sorted(m for m in sys.modules if m.startswith(HEAVY)))
            return False

    from planner.cli import desktop_start
    from planner.gui.app import start_gui
    from planner.gui.settings import AppSettings
    from planner.gui.startup import WindowFirstStart
    start = WindowFirstStart(sys.argv[1], AppSettings())
    watcher = AtPaint()
    app.installEventFilter(watcher)
    start.show()
    while not loaded:
        app.processEvents()
    app.removeEventFilter(watcher)
    start.close()
    print(loaded[0])
    """
)


def test_the_window_paints_with_qt_alone(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run(
        [sys.executable, "-c", FRAME_ONLY, str(tmp_path / "p.sqlite")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
