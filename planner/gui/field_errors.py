"""Validation messages shown next to the field they concern, in any form."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from planner.errors import ValidationError

ERROR_STYLE = (
    "color: palette(bright-text); background: #b3261e; padding: 2px 6px; border-radius: 3px;"
)


def error_label() -> QLabel:
    """A hidden label to place under a field; shows plain text only."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setObjectName("fieldError")
    label.hide()
    return label


class FormErrors:
    """Maps service field names (or their prefixes) to the labels beside the fields.

    ``show(error)`` puts each message next to its field and returns the messages no
    label claimed, so the form can show them in a general place.
    """

    def __init__(self, labels: Mapping[str, QLabel], fields: Mapping[str, QWidget]) -> None:
        self._labels = dict(labels)
        self._fields = dict(fields)

    def clear(self) -> None:
        """Hide every message."""
        for label in self._labels.values():
            label.clear()
            label.hide()

    def show(self, error: ValidationError) -> list[str]:
        """Show ``error``'s messages beside their fields; focus the first bad field."""
        self.clear()
        unclaimed = []
        first: QWidget | None = None
        for field, message in error.field_errors.items():
            key = self._key_for(field)
            if key is None:
                unclaimed.append(message)
                continue
            label = self._labels[key]
            label.setText(f"{label.text()}\n{message}".strip())
            label.show()
            if first is None and key in self._fields:
                first = self._fields[key]
        if first is not None:
            first.setFocus()
        return unclaimed

    def _key_for(self, field: str) -> str | None:
        if field in self._labels:
            return field
        for key in self._labels:
            if field.startswith((f"{key}.", f"{key}[")):
                return key
        return None
