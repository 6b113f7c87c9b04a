"""One writer per file: a second instance learns who holds it; a stale lock is cleared."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from planner.gui.database_opener import open_database
from planner.gui.desktop_session import READ_ONLY_NOTE, DesktopSession
from planner.gui.dialogs.database_in_use_dialog import DatabaseInUseBox
from planner.gui.instance_lock import DatabaseLock, LockHolder
from planner.gui.settings import AppSettings
from planner.services.records import PersonDraft
from planner.services.service_set import Services
from tests.gui.conftest import when_modal

REPO = Path(__file__).resolve().parents[2]
HOLD_LOCK = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from planner.gui.instance_lock import DatabaseLock\n"
    "lock = DatabaseLock(Path(sys.argv[1]))\n"
    "print('held' if lock.acquire() is None else 'busy', flush=True)\n"
    "time.sleep(120)\n"
)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "planner.sqlite"
    services = Services.open(f"sqlite:///{path}")
    services.people.create(PersonDraft("Kim"))
    services.close()
    return path


@pytest.fixture
def other_instance(database: Path) -> Iterator[subprocess.Popen[str]]:
    """A real second process holding the database's lock (killed, not unlocked, at the end)."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(database)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    yield process
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()


def test_the_holder_is_named_while_it_runs(
    database: Path, other_instance: subprocess.Popen[str]
) -> None:
    holder = DatabaseLock(database).acquire()
    assert holder is not None
    assert holder.pid == other_instance.pid
    assert holder.hostname == socket.gethostname()
    assert holder.describe().startswith(f"process {other_instance.pid} (")
    assert holder.describe().endswith(") on this computer")


def test_a_lock_left_by_a_killed_process_is_cleared(
    database: Path, other_instance: subprocess.Popen[str]
) -> None:
    lock = DatabaseLock(database)
    assert lock.acquire() is not None
    os.kill(other_instance.pid, signal.SIGKILL)  # a crash: no chance to unlock
    other_instance.wait()
    assert lock.path.exists()  # the stale lock file is still there

    assert lock.acquire() is None
    own = lock.holder()
    assert lock.held and own is not None and own.pid == os.getpid()
    lock.release()
    assert not lock.path.exists()


def test_an_unreadable_old_lock_file_is_cleared(database: Path) -> None:
    lock = DatabaseLock(database)
    lock.path.write_text("garbage")
    holder = lock.acquire()
    assert holder is not None and holder.describe() == "a program that left no name in the lock"
    old = time.time() - 60
    os.utime(lock.path, (old, old))
    assert lock.acquire() is None
    lock.release()


def test_a_lock_on_another_computer_is_never_guessed_stale(database: Path) -> None:
    lock = DatabaseLock(database)
    lock.path.write_text("999999\npython3\nsome-other-host\n")
    holder = lock.acquire()
    assert holder == LockHolder(999999, "some-other-host", "python3")
    assert holder.describe() == "process 999999 (python3) on the computer some-other-host"


def test_a_second_instance_may_open_read_only(
    qtbot: QtBot,
    database: Path,
    other_instance: subprocess.Popen[str],
    settings: AppSettings,
) -> None:
    asked: list[str] = []

    def open_read_only(box: QWidget) -> None:
        assert isinstance(box, DatabaseInUseBox)
        asked.append(box.text())
        qtbot.mouseClick(box.read_only_button, Qt.MouseButton.LeftButton)

    holder = DatabaseLock(database).holder()
    assert holder is not None and holder.pid == other_instance.pid
    when_modal(DatabaseInUseBox, open_read_only)
    opened = open_database(f"sqlite:///{database}", None)

    assert opened is not None and opened.read_only and opened.lock is None
    assert asked == [
        f"planner.sqlite is already open in Learning Path Planner ({holder.describe()})."
    ]
    session = DesktopSession(opened, settings)
    try:
        assert session.window.windowTitle().endswith("(read-only)")
        notes = [label.text() for label in session.window.statusBar().findChildren(QLabel)]
        assert READ_ONLY_NOTE in notes
        assert [p.name for p in session.services.people.list()] == ["Kim"]
        assert settings.last_database is None  # a read-only visit is not remembered
    finally:
        session.window.close()
        session.close()


def test_a_second_instance_may_quit(
    qtbot: QtBot, database: Path, other_instance: subprocess.Popen[str]
) -> None:
    when_modal(DatabaseInUseBox, lambda box: qtbot.keyClick(box, Qt.Key.Key_Escape))
    assert open_database(f"sqlite:///{database}", None) is None
