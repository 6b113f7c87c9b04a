"""Start the desktop program: window, first-run wizard, database switching, crash dialog."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.app_log import log_path
from planner.errors import PlannerError
from planner.gui.main_window import MainWindow
from planner.gui.palette import apply_style
from planner.gui.settings import AppSettings
from planner.services.service_set import Services

log = logging.getLogger("planner.gui")


class DesktopSession(QObject):
    """Owns the open database and its window; replaces both when another database is opened."""

    def __init__(self, services: Services, settings: AppSettings) -> None:
        super().__init__()
        self.services = services
        self.settings = settings
        self.window = self._make_window()

    def _make_window(self) -> MainWindow:
        window = MainWindow(self.services, self.settings)
        window.database_requested.connect(self._on_database_requested)
        self.settings.last_database = self.services.database.url
        return window

    def start(self) -> None:
        """Show the window; on an empty database, welcome the person first."""
        self.window.show()
        self.window.run_welcome_if_empty()

    def _on_database_requested(self, url: str) -> None:
        try:
            services = Services.open(url)
        except PlannerError as exc:
            QMessageBox.warning(self.window, "Open database", str(exc))
            return
        old_window, old_services = self.window, self.services
        self.services = services
        self.window = self._make_window()
        old_window.close()
        old_window.deleteLater()
        old_services.close()
        self.start()


def run_gui(services: Services) -> int:
    """Show the main window and run the event loop until it closes."""
    from planner.cli.locations import set_application_names

    set_application_names()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName("Learning Path Planner")
    apply_style(app)
    sys.excepthook = _show_unexpected_error
    session = DesktopSession(services, AppSettings())
    session.start()
    code = app.exec()
    session.services.close()
    return code


def _show_unexpected_error(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Log the traceback and tell the person in one sentence; the program keeps running."""
    log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, trace)))
    where = log_path()
    details = f"\n\nDetails were written to {where}." if where else ""
    message = str(error) if isinstance(error, PlannerError) else f"{kind.__name__}: {error}"
    QMessageBox.critical(
        None,
        "Learning Path Planner",
        f"Something went wrong: {message}\nNothing you saved was lost.{details}",
    )
