"""Python dates to Qt dates, spelled out: QDate(date) runs, but not every binding types it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate


def to_qdate(day: date) -> QDate:
    """The same calendar day as a :class:`QDate`."""
    return QDate(day.year, day.month, day.day)
