"""The learning log as a Qt table, and the filter that narrows it by text, kind, area and dates.

The model holds the entries it was given (no queries per cell); names of competencies and
the areas they belong to come from the person's framework once per :meth:`set_entries`.
The model sorts itself by the values of :attr:`LearningTableModel.SORT_ROLE` (numbers for
dates and hours), and the proxy filters with one pass of plain Python over the rows; both
stay quick at a hundred thousand entries.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from planner.framework.schema import Framework
from planner.gui.skills_tree_model import header_text
from planner.services.records import LearningRecord
from planner.vocabulary import LearningKind

AnyIndex = QModelIndex | QPersistentModelIndex
# Qt 6.10 replaced invalidateRowsFilter() with beginFilterChange()/endFilterChange().
_HAS_FILTER_CHANGE = hasattr(QSortFilterProxyModel, "beginFilterChange")
TOOLTIP_NOTES_CHARS = 300


def format_hours(hours: float) -> str:
    """Hours without trailing zeros: ``2``, ``1.5``, ``0.25``."""
    return f"{hours:.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class CompetencyLookup:
    """Names of competencies and the areas they belong to, from one framework."""

    names: dict[str, str]
    areas: dict[str, str]

    @classmethod
    def of(cls, framework: Framework | None) -> CompetencyLookup:
        """The lookup for ``framework`` (empty for None)."""
        names: dict[str, str] = {}
        areas: dict[str, str] = {}
        if framework is not None:
            for area in framework.areas:
                for competency in area.competencies:
                    names[competency.id] = competency.name
                    areas[competency.id] = area.id
        return cls(names, areas)


class LearningRow:
    """One entry with what the table and the filter derive from it.

    The derived values are worked out when first asked for: opening a long log shows a
    screenful of rows, and only a search or an area filter needs them for every row.
    """

    __slots__ = ("_areas", "_lookup", "_names", "_search", "entry")

    def __init__(self, entry: LearningRecord, lookup: CompetencyLookup) -> None:
        self.entry = entry
        self._lookup = lookup
        self._names: str | None = None
        self._search: str | None = None
        self._areas: frozenset[str] | None = None

    @property
    def competency_names(self) -> str:
        """The linked competencies' names, sorted, comma-separated."""
        if self._names is None:
            names = self._lookup.names
            found = [names.get(cid, cid) for cid in self.entry.competency_ids]
            self._names = ", ".join(sorted(found, key=str.casefold))
        return self._names

    @property
    def search_text(self) -> str:
        """Title, notes and competency names, case-folded, for the text filter."""
        if self._search is None:
            entry = self.entry
            self._search = "\n".join((entry.title, entry.notes, self.competency_names)).casefold()
        return self._search

    @property
    def area_ids(self) -> frozenset[str]:
        """The areas of the linked competencies."""
        if self._areas is None:
            areas = self._lookup.areas
            self._areas = frozenset(areas[c] for c in self.entry.competency_ids if c in areas)
        return self._areas


class LearningTableModel(QAbstractTableModel):
    """A person's learning entries, one per row; read-only.

    Columns are the class constants ``DATE`` … ``COMPETENCIES``. ``SORT_ROLE`` gives sortable
    values (dates as numbers, newest entry last among equal dates; hours as numbers; text
    case-folded) and ``ENTRY_ROLE`` the :class:`LearningRecord` of the row.
    """

    DATE, TITLE, KIND, HOURS, COMPETENCIES = range(5)
    HEADERS = ("Date", "Title", "Kind", "Hours", "Competencies")
    SORT_ROLE = Qt.ItemDataRole.UserRole + 1
    ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LearningRow] = []
        self._row_by_id: dict[int, int] = {}
        self._lookup = CompetencyLookup.of(None)  # from the framework of set_entries
        self._sort_column = self.DATE
        self._sort_order = Qt.SortOrder.DescendingOrder

    # Data in ------------------------------------------------------------------

    def set_entries(self, entries: Sequence[LearningRecord], framework: Framework | None) -> None:
        """Show ``entries``; competency names and areas are looked up in ``framework``."""
        lookup = self._lookup = CompetencyLookup.of(framework)
        self.beginResetModel()
        self._rows = [LearningRow(entry, lookup) for entry in entries]
        self._apply_sort()
        self.endResetModel()

    def put_entries(self, entries: Sequence[LearningRecord], removed_ids: Collection[int]) -> None:
        """Add or replace ``entries`` and drop ``removed_ids``, row by row, in sort order.

        One edit then costs a few row moves instead of a reset that rebuilds (and makes
        the proxy refilter) every row of a long log. Names come from the framework of
        the last :meth:`set_entries`.
        """
        for entry_id in [*removed_ids, *(entry.id for entry in entries)]:
            row = self._row_by_id.get(entry_id)
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self._index_rows()
                self.endRemoveRows()
        for entry in entries:
            derived = LearningRow(entry, self._lookup)
            row = self._insert_position(derived)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, derived)
            self._index_rows()
            self.endInsertRows()

    def _insert_position(self, new: LearningRow) -> int:
        """Where ``new`` belongs in the current order (binary search on the sort key)."""
        column = self._sort_column
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        key = self._sort_key(new, column)
        low, high = 0, len(self._rows)
        while low < high:
            middle = (low + high) // 2
            other = self._sort_key(self._rows[middle], column)
            if (other > key) if descending else (other < key):
                low = middle + 1
            else:
                high = middle
        return low

    def _index_rows(self) -> None:
        self._row_by_id = {row.entry.id: index for index, row in enumerate(self._rows)}

    # Sorting ------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by ``column``'s sort key; later :meth:`set_entries` keep the order.

        Sorting here, with Python's sort over precomputed keys, stays quick for a
        hundred thousand rows, where a proxy would call back into Python per comparison.
        """
        if not 0 <= column < len(self.HEADERS):
            return
        if (column, order) == (self._sort_column, self._sort_order):
            return  # already in this order: set_entries sorts what it is given
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        moved = [(self._rows[index.row()].entry.id, index.column()) for index in before]
        self._apply_sort()
        after = [self.index(self._row_by_id[entry_id], col) for entry_id, col in moved]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column = self._sort_column
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        self._rows.sort(key=lambda row: self._sort_key(row, column), reverse=descending)
        self._index_rows()

    # Data out -----------------------------------------------------------------

    def entry_at(self, row: int) -> LearningRecord:
        """The entry shown in ``row``."""
        return self._rows[row].entry

    def rows(self) -> Sequence[LearningRow]:
        """Every row with its derived values, in display order (do not modify)."""
        return self._rows

    def row_of(self, entry_id: int) -> int | None:
        """The row showing the entry with ``entry_id``, if any."""
        return self._row_by_id.get(entry_id)

    # Qt interface -------------------------------------------------------------

    def rowCount(self, parent: AnyIndex | None = None) -> int:
        """Number of entries (none under an item)."""
        if parent is not None and parent.isValid():
            return 0
        return len(self._rows)

    def columnCount(self, parent: AnyIndex | None = None) -> int:
        """Number of columns."""
        if parent is not None and parent.isValid():
            return 0
        return len(self.HEADERS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        """Column titles."""
        return header_text(self.HEADERS, section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Plain-text cells, tooltips, alignment, sort keys and the row's entry."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == self.SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.HOURS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.ENTRY_ROLE:
            return row.entry
        return None

    def _display(self, row: LearningRow, column: int) -> str | None:
        entry = row.entry
        if column == self.DATE:
            return entry.completed_on.isoformat()
        if column == self.TITLE:
            return entry.title
        if column == self.KIND:
            return entry.kind.label
        if column == self.HOURS:
            return format_hours(entry.hours)
        if column == self.COMPETENCIES:
            return row.competency_names
        return None

    def _sort_key(self, row: LearningRow, column: int) -> Any:
        entry = row.entry
        if column == self.DATE:
            # One number: the day, then the id, so equal dates keep the order of logging.
            return (entry.completed_on.toordinal() << 32) | (entry.id & 0xFFFFFFFF)
        if column == self.HOURS:
            return float(entry.hours)
        text = self._display(row, column)
        return text.casefold() if text is not None else ""

    def _tooltip(self, row: LearningRow, column: int) -> str | None:
        entry = row.entry
        if column == self.TITLE:
            parts = [entry.title]
            if entry.notes.strip():
                notes = entry.notes.strip()
                if len(notes) > TOOLTIP_NOTES_CHARS:
                    notes = notes[:TOOLTIP_NOTES_CHARS].rstrip() + "…"
                parts.append(notes)
            if entry.link:
                parts.append(entry.link)
            return _plain_tooltip("\n\n".join(parts))
        if column == self.COMPETENCIES and row.competency_names:
            return _plain_tooltip(row.competency_names.replace(", ", "\n"))
        return None


def _plain_tooltip(text: str) -> str:
    """Tool tips may be read as rich text; escape user text so it always shows as typed."""
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


class LearningFilterProxy(QSortFilterProxyModel):
    """Shows the entries that match every filter set.

    Filters: words of text (each must occur in the title, notes or competency names, any
    case), a kind, an area (any linked competency in it) and an inclusive date range.
    The matching entries are worked out once per change of filter or data, in one pass,
    which also totals their hours. Sorting is delegated to the source model (see
    :meth:`LearningTableModel.sort`), so the proxy shows rows in the model's order.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model: LearningTableModel | None = None
        self._words: tuple[str, ...] = ()
        self._kind: LearningKind | None = None
        self._area_id: str | None = None
        self._since: date | None = None
        self._until: date | None = None
        self._accepted_ids: set[int] | None = None
        self._accepted_hours = 0.0
        self._mask: list[bool] | None = None  # by source row

    # Filters ------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """Keep entries containing every word of ``text``; empty text keeps all."""
        words = tuple(text.casefold().split())
        if words != self._words:
            self._begin_filter_change()
            self._words = words
            self._end_filter_change()

    def set_kind(self, kind: LearningKind | None) -> None:
        """Keep entries of this kind; None keeps all."""
        if kind is not self._kind:
            self._begin_filter_change()
            self._kind = kind
            self._end_filter_change()

    def set_area(self, area_id: str | None) -> None:
        """Keep entries serving a competency of this area; None keeps all."""
        if area_id != self._area_id:
            self._begin_filter_change()
            self._area_id = area_id
            self._end_filter_change()

    def set_date_range(self, since: date | None, until: date | None) -> None:
        """Keep entries completed from ``since`` to ``until`` inclusive (None: open)."""
        if (since, until) != (self._since, self._until):
            self._begin_filter_change()
            self._since, self._until = since, until
            self._end_filter_change()

    def _begin_filter_change(self) -> None:
        if _HAS_FILTER_CHANGE:  # Qt 6.10 and later
            self.beginFilterChange()

    def _end_filter_change(self) -> None:
        self._forget_matches()
        if _HAS_FILTER_CHANGE:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    # Source -------------------------------------------------------------------

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        """Filter ``model``, which must be a :class:`LearningTableModel`."""
        if not isinstance(model, LearningTableModel):
            raise TypeError("LearningFilterProxy filters a LearningTableModel")
        if self._model is not None:
            self._watch(self._model, connect=False)
        self._forget_matches()
        self._model = model
        # Connected before the proxy's own handlers, so the matches are up to date when
        # the proxy asks filterAcceptsRow about inserted rows.
        self._watch(model, connect=True)
        super().setSourceModel(model)

    def _watch(self, model: LearningTableModel, *, connect: bool) -> None:
        # A reset forgets the matches; rows added or removed one at a time update them
        # (one edit in a long log). The model is read-only: it never emits dataChanged.
        handlers = (
            (model.modelAboutToBeReset, self._forget_matches),
            (model.rowsAboutToBeInserted, self._forget_order),
            (model.rowsInserted, self._match_added_rows),
            (model.rowsAboutToBeRemoved, self._unmatch_removed_rows),
            (model.layoutAboutToBeChanged, self._forget_order),
        )
        for signal, handler in handlers:
            if connect:
                signal.connect(handler)
            else:
                signal.disconnect(handler)

    def learning_model(self) -> LearningTableModel:
        """The source model, typed."""
        if self._model is None:
            raise RuntimeError("LearningFilterProxy has no source model yet")
        return self._model

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the source model; the proxy keeps its order."""
        self.learning_model().sort(column, order)

    # Results ------------------------------------------------------------------

    def entry_at(self, row: int) -> LearningRecord:
        """The entry shown in proxy ``row``."""
        source = self.mapToSource(self.index(row, 0))
        return self.learning_model().entry_at(source.row())

    def row_of(self, entry_id: int) -> int | None:
        """The proxy row showing the entry with ``entry_id``, or None if it is filtered out."""
        model = self.learning_model()
        source_row = model.row_of(entry_id)
        if source_row is None:
            return None
        proxy = self.mapFromSource(model.index(source_row, 0))
        return proxy.row() if proxy.isValid() else None

    def shown_hours(self) -> float:
        """Total hours of the entries shown."""
        self._matching_ids()
        return self._accepted_hours

    # Filtering ----------------------------------------------------------------

    def matches(self, row: LearningRow) -> bool:
        """Whether an entry passes every filter."""
        entry = row.entry
        if self._kind is not None and entry.kind is not self._kind:
            return False
        if self._since is not None and entry.completed_on < self._since:
            return False
        if self._until is not None and entry.completed_on > self._until:
            return False
        if self._area_id is not None and self._area_id not in row.area_ids:
            return False
        if not self._words:
            return True
        text = row.search_text
        return all(word in text for word in self._words)

    def _matching_ids(self) -> set[int]:
        if self._accepted_ids is None:
            shown = [row.entry for row in self.learning_model().rows() if self.matches(row)]
            self._accepted_ids = {entry.id for entry in shown}
            self._accepted_hours = sum(entry.hours for entry in shown)
        return self._accepted_ids

    def _build_mask(self) -> list[bool]:
        ids = self._matching_ids()
        self._mask = [row.entry.id in ids for row in self.learning_model().rows()]
        return self._mask

    def _forget_matches(self, *_args: object) -> None:
        self._accepted_ids = None
        self._mask = None

    def _forget_order(self, *_args: object) -> None:
        self._mask = None

    def _match_added_rows(self, _parent: QModelIndex, first: int, last: int) -> None:
        self._mask = None
        if self._accepted_ids is None:
            return
        for row in self.learning_model().rows()[first : last + 1]:
            if self.matches(row):
                self._accepted_ids.add(row.entry.id)
                self._accepted_hours += row.entry.hours

    def _unmatch_removed_rows(self, _parent: QModelIndex, first: int, last: int) -> None:
        self._mask = None
        if self._accepted_ids is None:
            return
        for row in self.learning_model().rows()[first : last + 1]:
            if row.entry.id in self._accepted_ids:
                self._accepted_ids.discard(row.entry.id)
                self._accepted_hours -= row.entry.hours

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        """Qt's hook, called for every row: a look-up in the matches worked out once."""
        mask = self._mask if self._mask is not None else self._build_mask()
        return mask[source_row] and not source_parent.isValid()
