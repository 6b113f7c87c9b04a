"""The Mentees table: a thin item model over :class:`~planner.analysis.mentees.MenteeRow`.

The rows are computed once per reload (:func:`planner.analysis.mentees.mentee_rows`);
``data()`` only formats them. What needs attention (overdue goals, a review that is due,
readiness going down) is bold and coloured, and always said in words too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from planner.analysis.mentees import MenteeRow
from planner.gui.cell_memo import CellMemo
from planner.gui.goal_table_model import overdue_colour
from planner.gui.skills_tree_model import header_text

PERSON, AIM, READINESS, TREND, ACTIVITY, OVERDUE, REVIEW = range(7)
HEADERS = (
    "Person",
    "Role and target",
    "Readiness",
    "Trend",
    "Last activity",
    "Overdue goals",
    "Last review",
)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 2
ATTENTION_ROLE = Qt.ItemDataRole.UserRole + 3
"""True on a cell that asks for the mentor's attention."""

NEVER = -1  # sorts "never" before every date
STEADY_POINTS = 0.5  # a change smaller than this reads as steady
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def good_colour(palette: QPalette) -> QColor:
    """A green that reads on the palette's base (light or dark)."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor("#7ddc8f") if dark else QColor("#1b6e31")


def trend_text(trend: float | None) -> str:
    """``"▲ 6 pts"``, ``"▼ 2 pts"``, ``"steady"``, or ``"—"`` with fewer than two ratings."""
    if trend is None:
        return "—"
    if abs(trend) < STEADY_POINTS:
        return "steady"
    return f"{'▲' if trend > 0 else '▼'} {abs(trend):.0f} pts"


def review_text(row: MenteeRow) -> str:
    """``"2026-06-01 · Dana Ortiz"``, or ``"Never"``."""
    if row.last_review is None:
        return "Never"
    return (
        f"{row.last_review.isoformat()} · {row.reviewer}" if row.reviewer else str(row.last_review)
    )


class MenteeTableModel(QAbstractTableModel):
    """One row per person: readiness, trend, last activity, overdue goals, last review."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MenteeRow] = []
        self.today = date.today()
        self._memo = CellMemo()

    def set_rows(self, rows: Sequence[MenteeRow], today: date) -> None:
        """Show new rows, judged against ``today``."""
        self.beginResetModel()
        self._rows = list(rows)
        self.today = today
        self._memo.clear()
        self.endResetModel()

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        """Index of a cell (checked here: the default asks rowCount and columnCount each time)."""
        if parent.isValid() or not (0 <= row < len(self._rows) and 0 <= column < len(HEADERS)):
            return QModelIndex()
        return self.createIndex(row, column)

    def row_at(self, row: int) -> MenteeRow:
        """The person in table row ``row``."""
        return self._rows[row]

    def row_of(self, person_id: int) -> int | None:
        """The table row of a person, if shown."""
        for number, row in enumerate(self._rows):
            if row.person_id == person_id:
                return number
        return None

    def rowCount(self, parent: Index = _ROOT) -> int:
        """One row per person."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        """One column per header."""
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        return header_text(HEADERS, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Texts, sort keys, ids, and the marking of what needs attention."""
        if not index.isValid():
            return None
        return self._memo.get(index, role, lambda: self._data(index, role))

    def _data(self, index: Index, role: int) -> Any:
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == PERSON_ID_ROLE:
            return row.person_id
        if role == ATTENTION_ROLE:
            return self._needs_attention(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (READINESS, TREND, OVERDUE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (
            column == PERSON or self._needs_attention(row, column)
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row, column)
        return None

    def _text(self, row: MenteeRow, column: int) -> str:
        if column == PERSON:
            return row.name
        if column == AIM:
            return f"{row.role} → {row.profile_name}" if row.role else row.profile_name
        if column == READINESS:
            return "Not rated" if row.readiness is None else f"{row.readiness:.0%}"
        if column == TREND:
            return trend_text(row.trend)
        if column == ACTIVITY:
            return row.last_activity.isoformat() if row.last_activity else "Nothing yet"
        if column == OVERDUE:
            return str(row.overdue_goals) if row.overdue_goals else "None"
        if row.review_due(self.today):
            return f"{review_text(row)} (due)"
        return review_text(row)

    def _tooltip(self, row: MenteeRow, column: int) -> str:
        if column == PERSON:
            role = f"{row.role}, aiming" if row.role else "Aiming"
            text = f"{row.name}: {role} for {row.profile_name}"
            if row.copy_as_of is not None:
                text += f". A copy from a review packet, as of {row.copy_as_of:%Y-%m-%d}"
            return text + "."
        if column == READINESS and row.assessed_on is not None:
            return f"From the assessment of {row.assessed_on.isoformat()}"
        if column == TREND:
            return "Change in readiness since the assessment before the latest"
        if column == OVERDUE:
            return f"{row.overdue_goals} of {row.open_goals} open goals are past their due date"
        if column == REVIEW:
            return "The latest assessment by a mentor; one is due after 90 days"
        return self._text(row, column)

    def _sort_key(self, row: MenteeRow, column: int) -> Any:
        keys: dict[int, Any] = {
            PERSON: row.name.casefold(),
            AIM: (row.profile_name.casefold(), row.role.casefold()),
            READINESS: -1.0 if row.readiness is None else row.readiness,
            TREND: -1000.0 if row.trend is None else row.trend,
            ACTIVITY: row.last_activity.toordinal() if row.last_activity else NEVER,
            OVERDUE: row.overdue_goals,
            REVIEW: row.last_review.toordinal() if row.last_review else NEVER,
        }
        return keys[column]

    def _needs_attention(self, row: MenteeRow, column: int) -> bool:
        if column == OVERDUE:
            return row.overdue_goals > 0
        if column == REVIEW:
            return row.review_due(self.today)
        if column == TREND:
            return row.trend is not None and row.trend <= -STEADY_POINTS
        return False

    def _colour(self, row: MenteeRow, column: int) -> QColor | None:
        palette = QGuiApplication.palette()
        if self._needs_attention(row, column):
            return overdue_colour(palette)
        if column == TREND and row.trend is not None and row.trend >= STEADY_POINTS:
            return good_colour(palette)
        return None
