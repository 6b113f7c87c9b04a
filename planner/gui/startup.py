"""Start the desktop program window first: paint the main window, then open the database in it.

Before the first paint only Qt and a few small modules are loaded, so the window
appears about as fast as a bare Qt window. After it, the data layers (SQLAlchemy,
Alembic, pydantic, the services, the views) load off the GUI thread, and then the
database is chosen, locked, opened (checked, backed up and migrated if it needs
it) and shown on the GUI thread, with the same dialogs as before (in use elsewhere,
damaged: the newest backup) now in front of the window.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from planner.gui.background_imports import BackgroundImports
from planner.gui.garbage_collection import set_aside_start_up_objects
from planner.gui.main_window import MainWindow
from planner.gui.views.catalogue import VIEW_CATALOGUE

if TYPE_CHECKING:
    from planner.gui.desktop_session import DesktopSession
    from planner.gui.settings import AppSettings

# Named as in planner.storage.database, which the window must not load before it paints.
DATABASE_URL_ENV = "PLANNER_DATABASE_URL"
DEFAULT_DATABASE_NAME = "planner.sqlite"
OPEN_ANYWAY_AFTER_MS = 1000  # should the window never be painted (started minimised)
OPENING_MODULES = (  # the data layers come with these
    "planner.gui.desktop_session",
    "planner.gui.mentor_actions",
    "planner.gui.operations",
)


def modules_to_load(last_view: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What to import before the database opens (with the view shown first), and after.

    The other views are built when first shown; their modules load in the background
    once the data is on screen, so that switching to them does not wait for imports.
    """
    names = [entry.name for entry in VIEW_CATALOGUE]
    first = VIEW_CATALOGUE[names.index(last_view) if last_view in names else 0].module
    later = tuple(entry.module for entry in VIEW_CATALOGUE if entry.module != first)
    return (*OPENING_MODULES, first), later


def opening_name(choice: str | None, last_database: str | None) -> str:
    """The name of the database about to open, for the status bar while it opens.

    It is read from the text alone (no SQLAlchemy yet): the file name, or a server
    database's name — never the part of a URL that may hold a password.
    """
    value = choice or os.environ.get(DATABASE_URL_ENV) or ""
    if not value and last_database:
        remembered = last_database.removeprefix("sqlite:///")
        if remembered == last_database or Path(remembered).exists():
            value = last_database
    if "://" in value:
        value = value.partition("://")[2].rpartition("@")[2].partition("?")[0]
    return value.replace("\\", "/").rstrip("/").rpartition("/")[2] or DEFAULT_DATABASE_NAME


def choose_database_url(
    choice: str | None, settings: AppSettings, default_folder: Path
) -> tuple[str, str | None]:
    """The URL to open, and a sentence to show when the remembered database is gone.

    The database is ``--db``, else ``PLANNER_DATABASE_URL``, else the one used last
    (if its file is still there; otherwise the default, saying so), else the default.
    """
    from planner.services.backups import database_file
    from planner.storage.database import resolve_database_url

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


class WindowFirstStart(QObject):
    """The program's start: the main window now, its database after the window's first paint.

    ``session`` is the :class:`DesktopSession` once the database is open. ``exit_code``
    is 1 when it could not be opened (the person chose to leave, or was told why), and
    ``error`` holds a problem for the command line to report as it always has (a bad
    ``--db``), after the window has said it too.
    """

    def __init__(self, choice: str | None, settings: AppSettings) -> None:
        super().__init__()
        self._choice = choice
        self.settings = settings
        self.session: DesktopSession | None = None
        self.exit_code = 0
        self.error: Exception | None = None
        self._loading = False
        self._closed = False
        self.window = MainWindow(None, settings)
        self.window.show_opening(opening_name(choice, settings.last_database))
        first, later = modules_to_load(settings.last_view)
        self._imports = BackgroundImports(first, self)
        self._imports.finished.connect(self._on_modules_loaded)
        self._later_imports = BackgroundImports(later, self)
        self._later_imports.finished.connect(self._on_later_modules_loaded)
        self._next_step = QTimer(self)
        self._next_step.setSingleShot(True)
        self._next_step.timeout.connect(self._on_window_painted)

    def show(self) -> None:
        """Show the window; the database opens once it is painted."""
        self.window.installEventFilter(self)
        self.window.show()
        self._next_step.start(OPEN_ANYWAY_AFTER_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Notice the window's paint, and go on just after it (the frame, then the data)."""
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            self._next_step.start(0)
        return False

    def close(self) -> None:
        """At exit: let the imports end, then close the database and give up its lock."""
        self._closed = True
        self._next_step.stop()
        self._imports.wait()
        self._later_imports.wait()
        if self.session is not None:
            self.session.close()

    # Slots ------------------------------------------------------------------

    def _on_window_painted(self) -> None:
        """After the first paint: load and open; after the paint with the data: the rest."""
        if self._closed:
            return
        if self.session is not None:  # the data is on screen: now the other views' modules
            self._later_imports.start()
            return
        if self._loading:
            return
        self._loading = True
        from planner.app_log import configure_logging
        from planner.cli.locations import log_folder
        from planner.gui.palette import apply_style

        # The style only outlines check boxes on dark palettes (none in the frame), and
        # importing it makes PySide build every enum of Qt's namespace (about 25 ms).
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_style(app)
        self.window.complete()
        configure_logging(log_folder())
        self._imports.start()

    def _on_later_modules_loaded(self) -> None:
        """Everything start-up makes is in place: keep it out of later full collections."""
        if not self._closed:
            set_aside_start_up_objects()

    def _on_modules_loaded(self) -> None:
        if self._closed or not self.window.isVisible():
            return  # closed while opening: nothing to open any more
        from planner.errors import PlannerError

        try:
            self._open()
        except PlannerError as exc:  # a bad --db or PLANNER_DATABASE_URL
            self._say(str(exc))
            self._leave(exc)
        except Exception as exc:  # reported by the command line, as before the window
            logging.getLogger("planner.gui").exception("the database could not be opened")
            self._leave(exc)

    # Opening ----------------------------------------------------------------

    def _open(self) -> None:
        from planner.cli.locations import data_folder
        from planner.gui.database_opener import open_database
        from planner.gui.desktop_session import DesktopSession
        from planner.services.backups import database_file

        default_folder = data_folder()
        url, note = choose_database_url(self._choice, self.settings, default_folder)
        path = database_file(url)
        if path is not None and path.parent == default_folder:
            default_folder.mkdir(parents=True, exist_ok=True)
        opened = open_database(url, self.window)
        if opened is None:  # the person chose to leave, or was told why it cannot open
            self._leave(None)
            return
        self.session = DesktopSession(opened, self.settings, self.window)
        self.window.installEventFilter(self)  # its next paint shows the data
        self.session.start(note)

    def _say(self, message: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Open database",
            message,
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        try:
            box.exec()
        finally:
            box.deleteLater()

    def _leave(self, error: Exception | None) -> None:
        self.exit_code = 1
        self.error = error
        self.window.close()
