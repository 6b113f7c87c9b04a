"""Help > Restore from backup: the list, keyboard use, and a restore from the running program."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from planner.gui.database_opener import OpenedDatabase
from planner.gui.desktop_session import DesktopSession
from planner.gui.dialogs.restore_dialog import BackupTableModel, RestoreDialog
from planner.gui.instance_lock import DatabaseLock
from planner.gui.settings import AppSettings
from planner.services.backups import BackupInfo
from planner.services.clock import FixedClock
from planner.services.records import LearningDraft, PersonDraft
from planner.services.service_set import Services
from planner.vocabulary import LearningKind
from tests.gui.conftest import when_modal


def backups_in(folder: Path) -> list[BackupInfo]:
    return [
        BackupInfo(
            folder / "p-20261121-120000-start.sqlite",
            datetime(2026, 11, 21, 12),
            "start",
            2_400_000,
        ),
        BackupInfo(
            folder / "p-20261120-090000-before-import.sqlite",
            datetime(2026, 11, 20, 9),
            "before-import",
            640_000,
        ),
    ]


def test_the_list_shows_dates_reasons_and_sizes(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = RestoreDialog(tmp_path / "p.sqlite", backups_in(tmp_path))
    qtbot.addWidget(dialog)
    model = dialog.model
    rows = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    local = datetime(2026, 11, 21, 12, tzinfo=UTC).astimezone()  # shown in local time
    assert rows[0][0] == local.strftime("%a %d %b %Y, %H:%M")
    assert rows[0][1:] == ["Automatic, on start", "2.4 MB"]
    assert rows[1][1:] == ["Before an import", "640 KB"]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Taken"
    assert model.index(1, BackupTableModel.SIZE).data(Qt.ItemDataRole.ToolTipRole) == (
        "p-20261120-090000-before-import.sqlite"
    )


def test_a_backup_is_chosen_by_keyboard(qtbot: QtBot, tmp_path: Path) -> None:
    chosen: list[BackupInfo | None] = []

    def pick_second(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        assert dialog.restore_button.isEnabled()  # the newest is selected to start with
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)

    when_modal(RestoreDialog, pick_second)
    chosen.append(RestoreDialog.ask(None, tmp_path / "p.sqlite", backups_in(tmp_path)))
    assert chosen[0] is not None and chosen[0].reason == "before-import"


def test_escape_chooses_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    when_modal(RestoreDialog, lambda d: qtbot.keyClick(d, Qt.Key.Key_Escape))
    assert RestoreDialog.ask(None, tmp_path / "p.sqlite", backups_in(tmp_path)) is None


def test_without_backups_the_dialog_says_when_they_are_made(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = RestoreDialog(tmp_path / "p.sqlite", [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.table.isVisible() and not dialog.restore_button.isVisible()
    intro = dialog.findChildren(QLabel)[0].text()
    assert intro.startswith("There are no backups of p.sqlite yet. A copy is made when")
    close = dialog.button_box.button(QDialogButtonBox.StandardButton.Cancel)
    assert close.text() == "Close"


@pytest.fixture
def session(
    tmp_path: Path, settings: AppSettings, clock: FixedClock, qapp: QApplication
) -> Iterator[DesktopSession]:
    """A running program on a database with one person and a backup of it."""
    path = tmp_path / "planner.sqlite"
    services = Services.open(f"sqlite:///{path}", clock)
    person = services.people.create(PersonDraft("Kim"))
    services.learning.add(
        person.id, LearningDraft("Designing ML Systems", LearningKind.BOOK, date(2026, 11, 1), 6)
    )
    lock = DatabaseLock(path)
    assert lock.acquire() is None
    desktop = DesktopSession(OpenedDatabase(services, lock), settings)
    desktop.start()
    yield desktop
    desktop.window.close()
    desktop.close()


def titles(services: Services) -> list[str]:
    person = services.people.list()[0]
    return [entry.title for entry in services.learning.list_for(person.id)]


def test_help_restore_brings_back_a_backup_and_keeps_the_present(
    qtbot: QtBot, session: DesktopSession
) -> None:
    services = session.services
    services.backups.back_up_now()
    person = services.people.list()[0]
    services.learning.add(
        person.id,
        LearningDraft("Added after the backup", LearningKind.COURSE, date(2026, 11, 2), 3),
    )
    old_window = session.window

    def restore_the_hand_made_copy(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        reasons = [b.reason for b in dialog.model.backups]
        row = reasons.index("manual")
        dialog.table.selectRow(row)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    when_modal(RestoreDialog, restore_the_hand_made_copy)
    old_window.restore_action.trigger()

    assert session.window is not old_window  # a new window on the restored data
    assert titles(session.services) == ["Designing ML Systems"]
    assert "Restored the backup of" in session.window.statusBar().currentMessage()
    saved = [b for b in session.services.backups.list() if b.reason == "before-restore"]
    assert len(saved) == 1
    check = Services.open(f"sqlite:///{saved[0].path}")
    try:
        assert sorted(titles(check)) == ["Added after the backup", "Designing ML Systems"]
    finally:
        check.close()
    assert session.opened.lock is not None and session.opened.lock.held


def test_check_database_reports_in_words_and_offers_a_restore(
    qtbot: QtBot, session: DesktopSession
) -> None:
    import sqlite3

    path = session.services.database.sqlite_path
    assert path is not None
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE learning_entries SET person_id = 999")
    conn.commit()
    conn.close()
    seen: list[str] = []

    def ask_for_a_restore(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.extend([box.text(), box.detailedText()])
        restore = next(b for b in box.buttons() if b.text() == "&Restore from backup…")
        when_modal(RestoreDialog, lambda dialog: dialog.reject())
        qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)

    when_modal(QMessageBox, ask_for_a_restore)
    with qtbot.waitSignal(session.window.restore_requested):
        session.window.check_action.trigger()
    assert seen[0] == (
        f"{path} has 1 problem. Restore a backup (Help > Restore from backup, or the restore"
        " command), or export what you can."
    )
    assert seen[1] == "- row 1 of learning_entries refers to a missing row of people"
