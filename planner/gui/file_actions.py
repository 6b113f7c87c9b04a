"""File menu behaviour: new/open database, JSON import/export, learning-log CSV."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

if TYPE_CHECKING:
    from planner.gui.main_window import MainWindow
    from planner.gui.views.learning_view import LearningView

# The window builds these actions before it paints; the modules behind the slots
# (errors, operations, the learning view) are imported when a slot runs, long after.

STATUS_TIMEOUT_MS = 5000


class FileActions(QObject):
    """The File menu's actions and the slots behind them, for one main window.

    ``data_actions`` are the ones that need the open database (disabled until it is open).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.new_db_action = QAction("&New database…", window)
        self.new_db_action.triggered.connect(self._on_new_database)
        self.open_db_action = QAction("&Open database…", window)  # Ctrl+O: the window's
        self.open_db_action.triggered.connect(self._on_open_database)
        self.import_action = QAction("&Import everything (JSON)…", window)
        self.import_action.triggered.connect(self._on_import_json)
        self.export_action = QAction("&Export everything (JSON)…", window)
        self.export_action.triggered.connect(self._on_export_json)
        self.import_log_action = QAction("Import learning log (CSV)…", window)
        self.import_log_action.triggered.connect(self._on_import_log)
        self.export_log_action = QAction("Export learning log (CSV)…", window)
        self.export_log_action.triggered.connect(self._on_export_log)
        self.data_actions = (
            self.new_db_action,
            self.open_db_action,
            self.import_action,
            self.export_action,
            self.import_log_action,
            self.export_log_action,
        )

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
        from planner.errors import PlannerError
        from planner.gui.operations import ALL_KINDS
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
        from planner.errors import PlannerError
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
        from planner.gui.views.learning_view import LearningView

        view = self._window.view_named(LearningView.name)
        assert isinstance(view, LearningView)
        return view

    def _on_import_log(self) -> None:
        from planner.errors import PlannerError

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
        from planner.errors import PlannerError

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
