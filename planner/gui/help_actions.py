"""Help menu behaviour: check the database, restore a backup, open the data folder or the log.

Kept out of :mod:`planner.gui.main_window` so the window stays about layout (and the
module the window needs before its first paint stays small); the window makes these
actions just after that paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMessageBox

from planner import __version__

if TYPE_CHECKING:
    from planner.gui.main_window import MainWindow


class HelpActions(QObject):
    """The Help menu's actions and the slots behind them, for one main window.

    ``data_actions`` are the ones that need the open database (disabled until it is open).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.check_action = QAction("&Check database", window)
        self.check_action.triggered.connect(self._on_check_database)
        self.restore_action = QAction("&Restore from backup…", window)
        self.restore_action.triggered.connect(window.restore_requested)
        self.data_folder_action = QAction("Open &data folder", window)
        self.data_folder_action.triggered.connect(self._on_open_data_folder)
        self.log_action = QAction("Open &log", window)
        self.log_action.triggered.connect(self._on_open_log)
        self.about_action = QAction("&About Learning Path Planner", window)
        self.about_action.triggered.connect(self._on_about)
        self.data_actions = (self.check_action, self.restore_action, self.data_folder_action)

    def _on_check_database(self) -> None:
        from planner.storage.integrity import check_integrity

        window = self._window
        report = check_integrity(window.services.database)
        summary, _, problems = report.describe(window.services.database.display_name).partition(
            "\n"
        )
        box = QMessageBox(
            QMessageBox.Icon.Information if report.ok else QMessageBox.Icon.Warning,
            "Check database",
            summary,
            QMessageBox.StandardButton.Close,
            window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        if problems:
            box.setDetailedText(problems)  # always plain text; SQLite's own words for support
        restore = None
        if not report.ok:
            restore = box.addButton("&Restore from backup…", QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if restore is not None and box.clickedButton() is restore:
            window.restore_requested.emit()
        box.deleteLater()

    def _on_open_log(self) -> None:
        from planner.app_log import log_path

        path = log_path()
        if path is None or not path.exists():
            QMessageBox.information(self._window, "Log", "Nothing has been logged yet.")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _on_open_data_folder(self) -> None:
        path = self._window.services.database.sqlite_path
        if path is None:
            QMessageBox.information(self._window, "Data folder", "This database is on a server.")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def _on_about(self) -> None:
        window = self._window
        database = window.services.database.display_name if window.is_open else "(opening)"
        QMessageBox.about(
            window,
            "About Learning Path Planner",
            f"Learning Path Planner {__version__}\n\n"
            "Plan your way from junior to senior ML developer.\n"
            f"Database: {database}",
        )
