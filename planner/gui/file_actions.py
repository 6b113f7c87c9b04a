"""File menu behaviour: new/open database, JSON import/export, learning-log CSV."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from planner.errors import PlannerError
from planner.gui.operations import ALL_KINDS
from planner.gui.views.learning_view import LearningView

if TYPE_CHECKING:
    from planner.gui.main_window import MainWindow

STATUS_TIMEOUT_MS = 5000


class FileActions(QObject):
    """The File menu's actions and the slots behind them, for one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.new_db_action = QAction("&New database…", window)
        self.new_db_action.triggered.connect(self._on_new_database)
        self.open_db_action = QAction("&Open database…", window, shortcut=QKeySequence("Ctrl+O"))
        self.open_db_action.triggered.connect(self._on_open_database)
        self.import_action = QAction("&Import everything (JSON)…", window)
        self.import_action.triggered.connect(self._on_import_json)
        self.export_action = QAction("&Export everything (JSON)…", window)
        self.export_action.triggered.connect(self._on_export_json)
        self.import_log_action = QAction("Import learning log (CSV)…", window)
        self.import_log_action.triggered.connect(self._on_import_log)
        self.export_log_action = QAction("Export learning log (CSV)…", window)
        self.export_log_action.triggered.connect(self._on_export_log)

    def _on_new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._window,
            "New database",
            str(self._data_folder() / "planner.sqlite"),
            "Planner databases (*.sqlite)",
        )
        if path:
            self._window.database_requested.emit(f"sqlite:///{Path(path).resolve()}")

    def _on_open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            "Open database",
            str(self._data_folder()),
            "Planner databases (*.sqlite);;All files (*)",
        )
        if path:
            self._window.database_requested.emit(f"sqlite:///{Path(path).resolve()}")

    def _data_folder(self) -> Path:
        path = self._window.services.database.sqlite_path
        return path.parent if path is not None else Path.home()

    def _on_import_json(self) -> None:
        from planner.services.json_exchange import import_file

        path, _ = QFileDialog.getOpenFileName(self._window, "Import", "", "JSON exports (*.json)")
        if not path:
            return
        try:
            summary = import_file(self._window.services, Path(path))
        except PlannerError as exc:
            self._window.show_error(exc)
            return
        self._window.operations.announce(ALL_KINDS)
        self._window.statusBar().showMessage(f"Imported {summary}", STATUS_TIMEOUT_MS)

    def _on_export_json(self) -> None:
        from planner.services.json_exchange import write_export

        path, _ = QFileDialog.getSaveFileName(
            self._window, "Export everything", "planner-export.json", "JSON exports (*.json)"
        )
        if not path:
            return
        try:
            write_export(self._window.services, Path(path))
        except (PlannerError, OSError) as exc:
            QMessageBox.warning(self._window, "Export", str(exc))
            return
        self._window.statusBar().showMessage(f"Exported to {path}", STATUS_TIMEOUT_MS)

    def _learning_view(self) -> LearningView:
        return next(v for v in self._window.views if isinstance(v, LearningView))

    def _on_import_log(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._window, "Import learning log", "", "CSV (*.csv)"
        )
        if not path:
            return
        try:
            count = self._learning_view().import_csv(Path(path))
        except PlannerError as exc:
            self._window.show_error(exc)
            return
        self._window.statusBar().showMessage(f"Added {count} learning entries", STATUS_TIMEOUT_MS)

    def _on_export_log(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._window, "Export learning log", "learning-log.csv", "CSV (*.csv)"
        )
        if not path:
            return
        try:
            self._learning_view().export_csv(Path(path))
        except (PlannerError, OSError) as exc:
            QMessageBox.warning(self._window, "Export", str(exc))
            return
        self._window.statusBar().showMessage(
            f"Exported the learning log to {path}", STATUS_TIMEOUT_MS
        )
