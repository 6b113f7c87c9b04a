"""Whose record the window shows: one small object the views and the window share."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class CurrentPerson(QObject):
    """Whose record the window shows. Signals: ``changed(int | None)``."""

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._id: int | None = None

    @property
    def id(self) -> int | None:
        """Id of the person shown, or None when the database has nobody yet."""
        return self._id

    def set(self, person_id: int | None) -> None:
        """Show another person."""
        if person_id != self._id:
            self._id = person_id
            self.changed.emit(person_id)
