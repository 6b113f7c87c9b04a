"""Start the desktop program: the window first, then its database; catch the unexpected.

The window paints before the database is opened (see :mod:`planner.gui.startup`),
so this module and what it imports stay light: Qt, the settings and the main
window's frame. Everything else is imported where it is used.
"""

from __future__ import annotations

import sys
import traceback
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from planner.gui.garbage_collection import collect_when_idle
from planner.gui.settings import AppSettings
from planner.gui.startup import WindowFirstStart, choose_database_url

if TYPE_CHECKING:
    from planner.gui.desktop_session import DesktopSession
    from planner.services.service_set import Services

MAX_SHOWN_ERROR = 300

__all__ = ["choose_database_url", "run_gui", "start_gui"]


def start_gui(choice: str | None) -> int:
    """Show the window, then open the chosen (or remembered) database in it with all its checks.

    Returns the exit code: 1 when the database could not be opened. A bad ``--db``
    is raised again once the window is gone, for the command line to report.
    """
    app = _application(styled=False)  # styled after the first paint, by the start
    start = WindowFirstStart(choice, AppSettings())
    start.show()
    try:
        code = app.exec()
    finally:
        start.close()
    if start.error is not None:
        raise start.error
    return start.exit_code or code


def run_gui(services: Services) -> int:
    """Show the main window for services opened already (the temporary demo database)."""
    from planner.gui.database_opener import OpenedDatabase
    from planner.gui.desktop_session import DesktopSession

    app = _application()
    return _run(app, DesktopSession(OpenedDatabase(services, None), AppSettings()), None)


def _application(*, styled: bool = True) -> QApplication:
    from planner.cli.locations import set_application_names

    set_application_names()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName("Learning Path Planner")
    collect_when_idle(app)
    if styled:
        from planner.gui.palette import apply_style

        apply_style(app)
    sys.excepthook = show_unexpected_error
    return app


def _run(app: QApplication, session: DesktopSession, note: str | None) -> int:
    session.start(note)
    try:
        return app.exec()
    finally:
        session.close()


def show_unexpected_error(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Log the traceback and tell the person briefly where it is; the program keeps running.

    Every change is committed as it is made, so an error in the window loses nothing saved.
    """
    import logging

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from planner.app_log import log_path
    from planner.errors import PlannerError

    log = logging.getLogger("planner.gui")
    log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, trace)))
    message = str(error) if isinstance(error, PlannerError) else f"{kind.__name__}: {error}"
    if len(message) > MAX_SHOWN_ERROR:
        message = message[:MAX_SHOWN_ERROR].rstrip() + "…"
    where = log_path()
    details = (
        f"The details are in the log: {where} (Help > Open log)."
        if where
        else "No log file could be written."
    )
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "Something went wrong",
        f"Something went wrong: {message}",
        QMessageBox.StandardButton.Ok,
    )
    box.setObjectName("unexpectedErrorBox")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(f"Nothing you saved was lost, and the program keeps running. {details}")
    try:
        box.exec()
    finally:
        box.deleteLater()
