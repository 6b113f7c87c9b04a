"""Start the desktop program: choose and open the database, show the window, catch the unexpected.

The database is ``--db``, else ``PLANNER_DATABASE_URL``, else the one used last
(if its file is still there; otherwise the default, saying so), else the default.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.app_log import configure_logging, log_path
from planner.errors import PlannerError
from planner.gui.database_opener import OpenedDatabase, open_database
from planner.gui.desktop_session import DesktopSession
from planner.gui.palette import apply_style
from planner.gui.settings import AppSettings
from planner.services.backups import database_file
from planner.services.service_set import Services
from planner.storage.database import DATABASE_URL_ENV, resolve_database_url

log = logging.getLogger("planner.gui")
MAX_SHOWN_ERROR = 300

__all__ = ["DesktopSession", "choose_database_url", "run_gui", "start_gui"]


def start_gui(choice: str | None) -> int:
    """Open the chosen (or remembered) database with all its checks and run the program."""
    from planner.cli.locations import data_folder, log_folder

    app = _application()
    configure_logging(log_folder())
    settings = AppSettings()
    default_folder = data_folder()
    url, note = choose_database_url(choice, settings, default_folder)
    path = database_file(url)
    if path is not None and path.parent == default_folder:
        default_folder.mkdir(parents=True, exist_ok=True)
    opened = open_database(url, None)
    if opened is None:
        return 1
    return _run(app, DesktopSession(opened, settings), note)


def run_gui(services: Services) -> int:
    """Show the main window for services opened already (the temporary demo database)."""
    app = _application()
    return _run(app, DesktopSession(OpenedDatabase(services, None), AppSettings()), None)


def choose_database_url(
    choice: str | None, settings: AppSettings, default_folder: Path
) -> tuple[str, str | None]:
    """The URL to open, and a sentence to show when the remembered database is gone."""
    if choice or os.environ.get(DATABASE_URL_ENV):
        return resolve_database_url(choice, default_folder), None
    default = resolve_database_url(None, default_folder)
    last = settings.last_database
    if not last or last == default:
        return default, None
    path = database_file(last)
    if path is None or path.exists():
        return last, None
    default_path = database_file(default)
    return default, (
        f"The database you used last, {path}, is no longer there (moved, renamed or deleted),"
        f" so the default database {default_path} is open instead. Use File > Open database"
        " to open another one."
    )


def _application() -> QApplication:
    from planner.cli.locations import set_application_names

    set_application_names()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName("Learning Path Planner")
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
