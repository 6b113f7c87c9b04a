"""Import modules off the GUI thread, so a window already on screen stays responsive meanwhile.

The desktop program paints its window with Qt alone, then loads SQLAlchemy, Alembic,
pydantic, the services and the views here (most of a second) while the window can
still repaint and be moved; the database is opened on the GUI thread afterwards.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal


class BackgroundImports(QObject):
    """Imports modules by name in a thread.

    Signals: ``finished()`` — every module was tried (delivered on the GUI thread).
    A module that fails to import is only logged here: the GUI thread imports it again
    when it needs it and meets the same error there, where it is reported as usual.
    """

    finished = Signal()

    def __init__(self, modules: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._modules = tuple(modules)
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Begin importing in the background (once)."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="background-imports", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        """Block until every module was tried (at exit, so no import is cut off halfway)."""
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        for name in self._modules:
            try:
                importlib.import_module(name)
            except Exception:  # reported again, in context, when the GUI thread imports it
                import logging

                logging.getLogger("planner.gui.start").exception("cannot import %s", name)
        self.finished.emit()
