"""Open a database for the desktop program: take its lock, open it, talk a person through problems.

Every way a database is opened in the window (start, File > Open, after a restore)
goes through :func:`open_database`, so each gets the same care: a file open in
another window is offered read-only; a damaged, empty or foreign file is never
changed and its newest good backup is offered instead of a traceback.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.errors import PlannerError, UnusableDatabaseError
from planner.gui.dialogs.damaged_database_dialog import DamagedAnswer, DamagedDatabaseDialog
from planner.gui.dialogs.database_in_use_dialog import DatabaseInUseBox
from planner.gui.instance_lock import DatabaseLock
from planner.services.backups import (
    BackupInfo,
    backups_of,
    database_file,
    newest_good_backup,
    restore_file,
)
from planner.services.clock import Clock, SystemClock
from planner.services.service_set import Services

log = logging.getLogger("planner.gui.open")


@dataclass
class OpenedDatabase:
    """Open services and the lock that lets this window write (``None``: read-only or server)."""

    services: Services
    lock: DatabaseLock | None

    @property
    def read_only(self) -> bool:
        """Whether the database was opened read-only (another window holds it)."""
        return self.services.database.read_only

    def close(self) -> None:
        """Close the connections, then give the lock up."""
        self.services.close()
        if self.lock is not None:
            self.lock.release()


def open_database(
    url: str,
    parent: QWidget | None,
    clock: Clock | None = None,
    *,
    lock: DatabaseLock | None = None,
    leave_label: str = "&Quit",
) -> OpenedDatabase | None:
    """Open ``url`` for this window, asking the person when something is in the way.

    ``lock`` is one this window already holds (reopening after a restore). Returns
    ``None`` when the person chose to leave, or after telling them why it cannot open.
    """
    clock = clock or SystemClock()
    path = database_file(url)
    read_only = False
    if path is not None and lock is None:
        lock = DatabaseLock(path)
        holder = lock.acquire()
        if holder is not None:
            lock = None
            if not DatabaseInUseBox.ask(parent, path, holder, leave_label):
                return None
            read_only = True
    while True:
        try:
            services = Services.open(url, clock, read_only=read_only)
        except UnusableDatabaseError as exc:
            if path is None or read_only or not exc.restorable:
                _give_up(parent, str(exc), lock)
                return None
            answer = ask_about_damage(parent, str(exc), path, leave_label=leave_label)
            backup = answer.backup
            if backup is None or not restore_with_message(parent, path, backup, clock):
                _release(lock)
                return None
            continue
        except PlannerError as exc:
            _give_up(parent, str(exc), lock)
            return None
        return OpenedDatabase(services, lock)


def ask_about_damage(
    parent: QWidget | None,
    problem: str,
    path: Path,
    *,
    can_continue: bool = False,
    leave_label: str = "&Quit",
) -> DamagedAnswer:
    """Show the damaged-database dialog; what the person chose (restore which backup, or not)."""
    log.warning("database problem: %s", problem)
    answer = DamagedDatabaseDialog.ask(
        parent,
        problem,
        path,
        backups_of(path),
        newest_good_backup(path),
        can_continue=can_continue,
        leave_label=leave_label,
    )
    return answer


def restore_with_message(
    parent: QWidget | None, path: Path, backup: BackupInfo, clock: Clock
) -> bool:
    """Restore ``path`` from ``backup`` (connections closed by the caller); errors in a box."""
    try:
        restore_file(path, backup.path, clock)
    except PlannerError as exc:
        _warn(parent, "Restore from backup", f"The backup was not restored: {exc}")
        return False
    return True


def _give_up(parent: QWidget | None, message: str, lock: DatabaseLock | None) -> None:
    log.warning("cannot open the database: %s", message)
    _release(lock)
    _warn(parent, "Open database", message)


def _release(lock: DatabaseLock | None) -> None:
    if lock is not None:
        lock.release()


def _warn(parent: QWidget | None, title: str, message: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    try:
        box.exec()
    finally:
        box.deleteLater()
