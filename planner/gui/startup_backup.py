"""The start-up backup, taken off the GUI thread so the window paints at once.

It copies with its own SQLite connections (read-only on the source), so it needs
nothing from the window; the result comes back through a queued signal.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from planner.errors import PlannerError
from planner.services.backups import BackupService

log = logging.getLogger("planner.gui.backup")


class StartupBackup(QObject):
    """Runs :meth:`BackupService.on_start` in a thread.

    Signals: ``finished(object)`` — the new backup's path, ``None`` (not needed today)
    or the :class:`PlannerError` that stopped it (a damaged file, a full disk).
    """

    finished = Signal(object)

    def __init__(self, backups: BackupService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backups = backups
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Begin the copy in the background."""
        self._thread = threading.Thread(target=self._run, name="startup-backup", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        """Block until the copy is finished (before a restore, or at exit)."""
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        result: object
        try:
            result = self._backups.on_start()
        except PlannerError as exc:
            result = exc
        except Exception as exc:  # reported, never lost in a thread
            log.exception("the start-up backup failed")
            result = PlannerError(f"the start-up backup failed: {exc}")
        self.finished.emit(result)
