"""Opening a file that cannot be used: a dialog in words that offers the newest good backup."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from planner.gui.database_opener import open_database
from planner.gui.desktop_session import DesktopSession
from planner.gui.dialogs.damaged_database_dialog import DamagedDatabaseDialog
from planner.gui.dialogs.restore_dialog import RestoreDialog
from planner.gui.settings import AppSettings
from planner.services.clock import FixedClock
from planner.services.records import LearningDraft, PersonDraft
from planner.services.service_set import Services
from planner.storage.auto_backup import take_backup
from planner.vocabulary import LearningKind
from tests.gui.conftest import when_modal

NOW = datetime(2026, 11, 21, 12, 0)


def planner_database(path: Path, entries: int = 1) -> Path:
    services = Services.open(f"sqlite:///{path}", FixedClock(NOW))
    person = services.people.create(PersonDraft("Kim"))
    for n in range(entries):
        services.learning.add(
            person.id,
            LearningDraft(f"Entry {n} " + "x" * 100, LearningKind.BOOK, date(2026, 11, 1), 1),
        )
    services.close()
    return path


def entry_count(services: Services) -> int:
    return len(services.learning.list_for(services.people.list()[0].id))


def break_page_of(path: Path, name: str) -> None:
    """Break the root page of a table or index: SQLite's integrity check will notice."""
    conn = sqlite3.connect(path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * 4096 : (root - 1) * 4096 + 8] = b"\xa5" * 8
    path.write_bytes(bytes(data))


def test_a_file_that_is_not_a_database_gets_its_newest_good_backup_back(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = planner_database(tmp_path / "planner.sqlite", entries=3)
    take_backup(path, "start", NOW - timedelta(days=2))
    newest = take_backup(path, "before-import", NOW - timedelta(days=1))
    newest.write_bytes(b"this copy was damaged on disk later")  # skipped: not good
    path.write_text("overwritten by accident\n")
    shown: list[str] = []

    def restore_it(dialog: QWidget) -> None:
        assert isinstance(dialog, DamagedDatabaseDialog)
        shown.extend(
            [dialog.headline.text(), dialog.problem_label.text(), dialog.backup_label.text()]
        )
        assert dialog.restore_button is not None
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the recommended choice

    when_modal(DamagedDatabaseDialog, restore_it)
    opened = open_database(f"sqlite:///{path}", None, FixedClock(NOW))

    assert opened is not None
    try:
        assert entry_count(opened.services) == 3
        assert opened.lock is not None and opened.lock.held
    finally:
        opened.close()
    assert shown[0] == "planner.sqlite cannot be opened."
    assert "is not a readable database file" in shown[1]
    older_local = (NOW - timedelta(days=2)).replace(tzinfo=UTC).astimezone()
    assert shown[2].startswith(
        f"The newest good backup is from {older_local:%a %d %b %Y, %H:%M} (automatic, on start"
    )
    [aside] = (tmp_path / "backups").glob("damaged-*")
    assert (aside / "planner.sqlite").read_text() == "overwritten by accident\n"


def test_another_backup_can_be_chosen_from_the_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    path = planner_database(tmp_path / "planner.sqlite", entries=1)
    older = take_backup(path, "start", NOW - timedelta(days=2))
    planner_database(tmp_path / "other.sqlite")
    services = Services.open(f"sqlite:///{path}", FixedClock(NOW))
    person = services.people.list()[0]
    services.learning.add(
        person.id, LearningDraft("Second", LearningKind.TALK, date(2026, 11, 2), 1)
    )
    services.close()
    take_backup(path, "start", NOW - timedelta(days=1))
    path.write_bytes(b"")

    def choose_the_older(dialog: QWidget) -> None:
        assert isinstance(dialog, DamagedDatabaseDialog) and dialog.choose_button is not None

        def pick(chooser: QWidget) -> None:
            assert isinstance(chooser, RestoreDialog)
            rows = [b.path for b in chooser.model.backups]
            chooser.table.selectRow(rows.index(older))
            qtbot.mouseClick(chooser.restore_button, Qt.MouseButton.LeftButton)

        when_modal(RestoreDialog, pick)
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)

    when_modal(DamagedDatabaseDialog, choose_the_older)
    opened = open_database(f"sqlite:///{path}", None, FixedClock(NOW))
    assert opened is not None
    try:
        assert entry_count(opened.services) == 1
    finally:
        opened.close()


@pytest.mark.parametrize("content", [b"", b"not a database\n"])
def test_without_a_backup_the_person_can_only_leave_and_the_file_stays(
    qtbot: QtBot, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "planner.sqlite"
    path.write_bytes(content)

    def leave(dialog: QWidget) -> None:
        assert isinstance(dialog, DamagedDatabaseDialog)
        assert dialog.restore_button is None and dialog.choose_button is None
        assert dialog.backup_label.text().startswith("There is no backup of it.")
        qtbot.mouseClick(dialog.leave_button, Qt.MouseButton.LeftButton)

    when_modal(DamagedDatabaseDialog, leave)
    assert open_database(f"sqlite:///{path}", None) is None
    assert path.read_bytes() == content
    assert not (tmp_path / "planner.sqlite.lock").exists()  # the lock was given up


def test_a_database_of_another_program_is_offered_nothing_it_could_harm(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "planner.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    seen: list[str] = []

    def leave(dialog: QWidget) -> None:
        assert isinstance(dialog, DamagedDatabaseDialog)
        seen.append(dialog.problem_label.text())
        dialog.reject()

    when_modal(DamagedDatabaseDialog, leave)
    assert open_database(f"sqlite:///{path}", None) is None
    assert "holds tables of another program" in seen[0]
    assert path.read_bytes() == before


def test_a_missing_folder_is_explained_in_a_message(qtbot: QtBot, tmp_path: Path) -> None:
    seen: list[str] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    when_modal(QMessageBox, read_and_close)
    assert open_database(f"sqlite:///{tmp_path / 'gone' / 'p.sqlite'}", None) is None
    assert seen == [
        f"cannot create {tmp_path / 'gone' / 'p.sqlite'}: the folder"
        f" {tmp_path / 'gone'} does not exist"
    ]


def test_damage_found_by_the_start_up_backup_offers_a_restore(
    qtbot: QtBot, tmp_path: Path, settings: AppSettings
) -> None:
    path = planner_database(tmp_path / "planner.sqlite", entries=200)
    take_backup(path, "before-import", NOW - timedelta(days=3))
    # An index the window does not read at start: it opens, but a copy fails its check.
    break_page_of(path, "ix_rating_learning_links_learning_entry_id")
    opened = open_database(f"sqlite:///{path}", None, FixedClock(NOW))
    assert opened is not None
    session = DesktopSession(opened, settings)

    def restore_it(dialog: QWidget) -> None:
        assert isinstance(dialog, DamagedDatabaseDialog)
        assert dialog.headline.text() == "planner.sqlite looks damaged."
        assert dialog.continue_button is not None  # "Open anyway", to export what one can
        assert dialog.restore_button is not None
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    when_modal(DamagedDatabaseDialog, restore_it)
    first_window = session.window
    session.start()
    qtbot.waitUntil(lambda: session.window is not first_window, timeout=10_000)
    try:
        assert entry_count(session.services) == 200
        assert "Restored the backup" in session.window.statusBar().currentMessage()
    finally:
        session.window.close()
        session.close()
