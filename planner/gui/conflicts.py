"""What a person sees when an edit lost a race: "changed elsewhere", with the choice to reload.

Two windows (or two people on a shared database) may edit the same record; the
second save is refused rather than silently overwriting the first (see
:mod:`planner.services.versions`). :func:`ask_to_reload` puts that to the person.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.errors import ConcurrentEditError

TITLE = "Changed elsewhere"
RELOAD = "&Reload"
KEEP = "&Keep my version open"
DETAILS = "Reload to show what is saved now, or keep your version open to copy from it first."


def ask_to_reload(parent: QWidget | None, error: ConcurrentEditError, *, keep: str = KEEP) -> bool:
    """Show why the save was refused; True when the person chose to reload.

    The box is named ``conflictBox`` and its buttons ``reloadButton`` and ``keepButton``,
    so tests (and keyboard users: R or K) can answer it.
    """
    box = QMessageBox(parent)
    box.setObjectName("conflictBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(TITLE)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(str(error))
    box.setInformativeText(DETAILS)
    reload = box.addButton(RELOAD, QMessageBox.ButtonRole.AcceptRole)
    reload.setObjectName("reloadButton")
    kept = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    kept.setObjectName("keepButton")
    box.setDefaultButton(reload)
    box.setEscapeButton(kept)
    box.exec()
    chosen = box.clickedButton() is reload
    box.deleteLater()
    return chosen
