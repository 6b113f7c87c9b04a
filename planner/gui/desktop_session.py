"""The running program's one database: its window, lock and start-up backup, and restoring it.

A session replaces its window when another database is opened or a backup is
restored, so no view ever holds records of a database that is gone.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from planner.errors import PlannerError, UnusableDatabaseError
from planner.gui.database_opener import (
    OpenedDatabase,
    ask_about_damage,
    open_database,
    restore_with_message,
)
from planner.gui.dialogs.damaged_database_dialog import DamagedAction
from planner.gui.dialogs.restore_dialog import DATE_FORMAT, RestoreDialog
from planner.gui.main_window import MainWindow
from planner.gui.settings import AppSettings
from planner.gui.startup_backup import StartupBackup
from planner.services.backups import BackupInfo, database_file
from planner.services.service_set import Services

log = logging.getLogger("planner.gui")
STATUS_TIMEOUT_MS = 8000
READ_ONLY_NOTE = "Read-only: another window has this database open for changes"


class DesktopSession(QObject):
    """Owns the open database (services and lock) and its window.

    ``window`` is one already on screen, still without a database (the program's start:
    it paints before the database opens); by default the session makes its own.
    """

    def __init__(
        self, opened: OpenedDatabase, settings: AppSettings, window: MainWindow | None = None
    ) -> None:
        super().__init__()
        self.opened = opened
        self.settings = settings
        self.startup_backup: StartupBackup | None = None
        self.window = self._make_window(window)

    @property
    def services(self) -> Services:
        """The services of the open database."""
        return self.opened.services

    def _make_window(self, window: MainWindow | None = None) -> MainWindow:
        if window is None:
            window = MainWindow(self.services, self.settings)
        else:
            window.attach(self.services)
        window.database_requested.connect(self._on_database_requested)
        window.restore_requested.connect(self._on_restore_requested)
        if self.opened.read_only:
            window.setWindowTitle(f"{window.windowTitle()} (read-only)")
            note = QLabel(READ_ONLY_NOTE)
            note.setTextFormat(Qt.TextFormat.PlainText)
            window.statusBar().addPermanentWidget(note)
        else:
            self.settings.last_database = self.services.database.url_without_password
        return window

    def start(self, note: str | None = None) -> None:
        """Show the window, back up in the background, then welcome a new person if needed.

        ``note`` is shown first (for example: the last database is gone).
        """
        self.window.show()
        if not self.opened.read_only:
            self.startup_backup = StartupBackup(self.services.backups, self)
            self.startup_backup.finished.connect(self._on_startup_backup_finished)
            self.startup_backup.start()
        if note:
            box = QMessageBox(QMessageBox.Icon.Information, "Database", note, parent=self.window)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.finished.connect(self._welcome)
            box.open()
            return
        self._welcome()

    def _welcome(self) -> None:
        if not self.opened.read_only:
            self.window.run_welcome_if_empty()

    def close(self) -> None:
        """At exit: let a running backup finish, close the database, give up the lock."""
        self._wait_for_backup()
        self.opened.close()

    def _wait_for_backup(self) -> None:
        if self.startup_backup is not None:
            self.startup_backup.wait()

    # Slots ------------------------------------------------------------------

    def _on_startup_backup_finished(self, result: object) -> None:
        if isinstance(result, Path):
            self.window.statusBar().showMessage(f"Backed up to {result.name}", STATUS_TIMEOUT_MS)
        elif isinstance(result, UnusableDatabaseError):
            self._on_damage_found(result)
        elif isinstance(result, PlannerError):
            log.warning("start-up backup failed: %s", result)
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                "Backup",
                f"Today's backup could not be made: {result}",
                parent=self.window,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.open()

    def _on_damage_found(self, error: UnusableDatabaseError) -> None:
        path = self.services.database.sqlite_path
        if path is None:
            return
        answer = ask_about_damage(self.window, str(error), path, can_continue=True)
        if answer.action == DamagedAction.LEAVE:
            self.window.close()
        elif answer.backup is not None:
            self.restore(answer.backup)

    def _on_database_requested(self, url: str) -> None:
        current = self.services.database.sqlite_path
        if current is not None and database_file(url) == current:
            self.window.statusBar().showMessage("That database is open already", 5000)
            return
        opened = open_database(url, self.window, self.services.clock, leave_label="&Cancel")
        if opened is not None:
            self._replace(opened)

    def _on_restore_requested(self) -> None:
        path = self.services.database.sqlite_path
        if path is None or self.opened.read_only:
            reason = (
                "it is open read-only; restore it from the window that has it open"
                if path is not None
                else "backups are for SQLite files; a server database has its own tools"
            )
            QMessageBox.information(self.window, "Restore from backup", f"Not here: {reason}.")
            return
        chosen = RestoreDialog.ask(self.window, path, self.services.backups.list())
        if chosen is not None:
            self.restore(chosen)

    # Restoring --------------------------------------------------------------

    def restore(self, backup: BackupInfo) -> None:
        """Close the database, restore ``backup`` (keeping what was there), open it again."""
        path = self.services.database.sqlite_path
        assert path is not None
        url, clock, lock = self.services.database.url, self.services.clock, self.opened.lock
        self._wait_for_backup()
        self.services.close()
        restored = restore_with_message(self.window, path, backup, clock)
        opened = open_database(url, self.window, clock, lock=lock)
        if opened is None:
            self.window.close()
            return
        self._replace(opened)
        if restored:
            when = backup.local_taken_at.strftime(DATE_FORMAT)
            self.window.statusBar().showMessage(
                f"Restored the backup of {when}; what was there before is kept as a backup",
                STATUS_TIMEOUT_MS,
            )

    def _replace(self, opened: OpenedDatabase) -> None:
        """Show a new window for ``opened``, then close the old one and its database."""
        self._wait_for_backup()
        old_window, old = self.window, self.opened
        self.opened = opened
        self.window = self._make_window()
        self.start()
        old_window.close()
        old_window.deleteLater()
        old.services.close()
        if old.lock is not None and old.lock is not opened.lock:
            old.lock.release()
