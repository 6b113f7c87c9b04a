"""The goals table: a thin item model over goal records and the proxy that filters and sorts it.

The model holds the rows it was given (no queries in ``data()``); everything a cell,
a sort or a filter needs is worked out once in :meth:`GoalTableModel.set_goals`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from functools import cache

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from planner.gui.skills_tree_model import header_text
from planner.services.records import GoalRecord
from planner.vocabulary import GoalPriority, GoalStatus

TITLE, STATUS, PRIORITY, DUE, COMPETENCIES, MILESTONES = range(6)
HEADERS = ("Title", "Status", "Priority", "Due", "Competencies", "Milestones")

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""A comparable value per cell: casefolded text, a rank, an ordinal date or a fraction.

Undated goals hold a key after every date; :meth:`GoalTableModel.sort` keeps them last
in both directions."""
GOAL_ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The goal's database id (int)."""
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3
"""True when the goal is open and past its due date."""

NEXT_DAYS = 30
NO_DUE_DATE = 10**9  # sorts after every real date
STATUS_ORDER = {status: rank for rank, status in enumerate(GoalStatus)}
PRIORITY_RANK = {GoalPriority.LOW: 0, GoalPriority.MEDIUM: 1, GoalPriority.HIGH: 2}

# A red that keeps enough contrast on a light base and one for a dark base.
OVERDUE_ON_LIGHT = QColor("#b3261e")
OVERDUE_ON_DARK = QColor("#ff8a80")

ModelIndex = QModelIndex | QPersistentModelIndex
SortKey = str | int | float
_HAS_FILTER_CHANGE = hasattr(QSortFilterProxyModel, "beginFilterChange")


def status_label(status: GoalStatus) -> str:
    """The status as a table shows it: Planned, Active, Done or Dropped."""
    return status.value.capitalize()


def priority_label(priority: GoalPriority) -> str:
    """The priority as a table shows it: Low, Medium or High."""
    return priority.value.capitalize()


def overdue_colour(palette: QPalette | None = None) -> QColor:
    """The warning colour that reads well on the palette's base (light or dark)."""
    base = (palette or QGuiApplication.palette()).color(QPalette.ColorRole.Base)
    return OVERDUE_ON_DARK if base.lightness() < 128 else OVERDUE_ON_LIGHT


@cache
def _warning_icon() -> QIcon:
    """The style's warning sign: marks overdue goals by shape as well as colour."""
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


@dataclass(frozen=True)
class _Row:
    """One goal with what its cells show, worked out once."""

    goal: GoalRecord
    texts: tuple[str, ...]
    sort_keys: tuple[SortKey, ...]
    haystack: str
    overdue: bool
    tooltip: str


class GoalTableModel(QAbstractTableModel):
    """One row per goal: title, status, priority, due date, competencies, milestones done."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._today = date.today()
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._bold = QFont()
        self._bold.setBold(True)

    # Filling ----------------------------------------------------------------

    @property
    def today(self) -> date:
        """The date overdue and "next 30 days" are judged against."""
        return self._today

    def set_goals(
        self, goals: Sequence[GoalRecord], today: date, competency_names: Mapping[str, str]
    ) -> None:
        """Show ``goals``; ``competency_names`` maps competency ids to the names shown."""
        self.beginResetModel()
        self._today = today
        rows = [_make_row(goal, today, competency_names) for goal in goals]
        self._rows = _sorted(rows, *self._sort) if self._sort[0] >= 0 else rows
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by ``column``'s sort key (one Python sort, not a compare per pair)."""
        self._sort = (column, order)
        if not 0 <= column < len(HEADERS):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [(self._rows[index.row()].goal.id, index.column()) for index in before]
        self._rows = _sorted(self._rows, column, order)
        position = {item.goal.id: row for row, item in enumerate(self._rows)}
        self.changePersistentIndexList(
            before, [self.index(position[goal_id], col) for goal_id, col in held]
        )
        self.layoutChanged.emit()

    def goal(self, row: int) -> GoalRecord:
        """The goal shown in ``row``."""
        return self._rows[row].goal

    def row_of(self, goal_id: int) -> int | None:
        """The row showing the goal with ``goal_id``, if any."""
        for row, item in enumerate(self._rows):
            if item.goal.id == goal_id:
                return row
        return None

    def haystack(self, row: int) -> str:
        """Casefolded text the search box matches: title, description, names, milestones."""
        return self._rows[row].haystack

    def sort_key(self, row: int, column: int) -> SortKey:
        """The comparable value of a cell (also given by :data:`SORT_ROLE`)."""
        return self._rows[row].sort_keys[column]

    # Qt interface -----------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Number of goals (none below a row)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Number of columns (none below a row)."""
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles."""
        return header_text(HEADERS, section, orientation, role)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Plain text for each cell; sort keys, ids and overdue marks in the user roles."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return item.texts[column]
        if role == SORT_ROLE:
            return item.sort_keys[column]
        if role == GOAL_ID_ROLE:
            return item.goal.id
        if role == OVERDUE_ROLE:
            return item.overdue
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.tooltip
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue:
            return overdue_colour()
        if role == Qt.ItemDataRole.FontRole and item.overdue:
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole and item.overdue and column == TITLE:
            return _warning_icon()
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and item.overdue:
            return "Overdue"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == MILESTONES:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _make_row(goal: GoalRecord, today: date, names: Mapping[str, str]) -> _Row:
    overdue = goal.is_overdue(today)
    competency_names = [names.get(c.competency_id, c.competency_id) for c in goal.competencies]
    done = sum(1 for m in goal.milestones if m.done)
    total = len(goal.milestones)
    due = goal.due_date.isoformat() if goal.due_date else ""
    texts = (
        goal.title,
        status_label(goal.status),
        priority_label(goal.priority),
        due,
        ", ".join(competency_names),
        f"{done}/{total}" if total else "—",
    )
    sort_keys: tuple[SortKey, ...] = (
        goal.title.casefold(),
        STATUS_ORDER[goal.status],
        PRIORITY_RANK[goal.priority],
        goal.due_date.toordinal() if goal.due_date else NO_DUE_DATE,
        texts[COMPETENCIES].casefold(),
        done / total if total else -1.0,
    )
    haystack = "\n".join(
        [goal.title, goal.description, *competency_names, *(m.text for m in goal.milestones)]
    ).casefold()
    if overdue and goal.due_date is not None:
        days = (today - goal.due_date).days
        tooltip = f"{goal.title}\nOverdue: due {due}, {days} day{'s' if days != 1 else ''} ago"
    else:
        tooltip = goal.title
    return _Row(goal, texts, sort_keys, haystack, overdue, tooltip)


def _sorted(rows: list[_Row], column: int, order: Qt.SortOrder) -> list[_Row]:
    """Rows by ``column``, ties by title then id; goals without a due date stay last."""

    def key(item: _Row) -> tuple[SortKey, SortKey, int]:
        return (item.sort_keys[column], item.sort_keys[TITLE], item.goal.id)

    descending = order is Qt.SortOrder.DescendingOrder
    if column != DUE:
        return sorted(rows, key=key, reverse=descending)
    dated = [item for item in rows if item.goal.due_date is not None]
    undated = [item for item in rows if item.goal.due_date is None]
    return sorted(dated, key=key, reverse=descending) + sorted(undated, key=key)


class DueFilter(Enum):
    """Which due dates the table shows."""

    ANY = "Any"
    OVERDUE = "Overdue"
    NEXT_30_DAYS = "Next 30 days"
    NO_DATE = "No date"


class GoalFilterProxy(QSortFilterProxyModel):
    """Filters goals by status, area, due date and search text.

    Sorting is handed to the :class:`GoalTableModel` (one Python sort over its sort keys
    instead of a Python comparison per pair, which is slow with thousands of goals); the
    proxy keeps the source order. Goals without a due date stay last either way.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._statuses: frozenset[GoalStatus] | None = None
        self._area_competencies: frozenset[str] | None = None
        self._due = DueFilter.ANY
        self._search = ""
        self.setSortRole(SORT_ROLE)

    def set_statuses(self, statuses: frozenset[GoalStatus] | None) -> None:
        """Show only goals in ``statuses`` (None: every status)."""
        self._begin_filter_change()
        self._statuses = statuses
        self._end_filter_change()

    def set_area_competencies(self, competency_ids: frozenset[str] | None) -> None:
        """Show only goals linked to one of ``competency_ids`` (None: any area)."""
        self._begin_filter_change()
        self._area_competencies = competency_ids
        self._end_filter_change()

    def set_due(self, due: DueFilter) -> None:
        """Show only goals whose due date fits ``due``."""
        self._begin_filter_change()
        self._due = due
        self._end_filter_change()

    def set_search_text(self, text: str) -> None:
        """Show only goals whose text contains every word of ``text`` (any case)."""
        self._begin_filter_change()
        self._search = text.strip().casefold()
        self._end_filter_change()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the goals by ``column`` (done by the source model)."""
        self._goals().sort(column, order)

    def _begin_filter_change(self) -> None:
        if _HAS_FILTER_CHANGE:  # Qt 6.10+; older versions only invalidate afterwards
            self.beginFilterChange()

    def _end_filter_change(self) -> None:
        if _HAS_FILTER_CHANGE:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def _goals(self) -> GoalTableModel:
        model = self.sourceModel()
        assert isinstance(model, GoalTableModel)
        return model

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        """Whether the goal in ``source_row`` passes every filter."""
        model = self._goals()
        goal = model.goal(source_row)
        if self._statuses is not None and goal.status not in self._statuses:
            return False
        if self._area_competencies is not None and not any(
            c.competency_id in self._area_competencies for c in goal.competencies
        ):
            return False
        if not self._due_accepts(goal, model.today):
            return False
        haystack = model.haystack(source_row)
        return all(word in haystack for word in self._search.split())

    def _due_accepts(self, goal: GoalRecord, today: date) -> bool:
        if self._due is DueFilter.OVERDUE:
            return goal.is_overdue(today)
        if self._due is DueFilter.NEXT_30_DAYS:
            due = goal.due_date
            return due is not None and today <= due <= today + timedelta(days=NEXT_DAYS)
        if self._due is DueFilter.NO_DATE:
            return goal.due_date is None
        return True
