"""Item models of the Skills and Framework views, and the pure functions that fill them.

The rows are plain frozen data computed once per reload by module-level functions
(:func:`skill_areas`, :func:`rating_history`; the hours come summed by the database);
the Qt models only hold those rows and answer ``data()`` from them, remembering each
answer until the rows change (:class:`~planner.gui.cell_memo.CellMemo`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette, QStandardItemModel

from planner.analysis.rating_comparison import RatingPair, rating_pairs
from planner.analysis.readiness import compute_readiness
from planner.framework.schema import Competency, Framework, Profile, Scale
from planner.gui.cell_memo import CellMemo
from planner.services.records import AssessmentRecord

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""Competency id of a competency row, area id of an area row."""

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def level_label(scale: Scale, level: int | None) -> str:
    """``"3 · Mid-level"``, or ``"Not rated"``."""
    if level is None:
        return "Not rated"
    if scale.minimum <= level <= scale.maximum:
        return f"{level} · {scale.name_of(level)}"
    return str(level)


def format_hours(hours: float) -> str:
    """``"12.5"``, ``"3"``, ``"1,204"``: hours without a needless ``.0``."""
    return f"{hours:,.1f}".removesuffix(".0")


def gap_colour(palette: QPalette) -> QColor:
    """A warm colour for gaps that reads well on the palette's base (light or dark)."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor("#ffb454") if dark else QColor("#a04000")


def tint(palette: QPalette, colour: QColor, strength: float = 0.28) -> QColor:
    """``colour`` blended into the palette's base: a row highlight that keeps text readable."""
    base = palette.color(QPalette.ColorRole.Base)
    mix = 1.0 - strength
    return QColor(
        round(base.red() * mix + colour.red() * strength),
        round(base.green() * mix + colour.green() * strength),
        round(base.blue() * mix + colour.blue() * strength),
    )


def header_text(
    headers: Sequence[str], section: int, orientation: Qt.Orientation, role: int
) -> str | None:
    """The title of a horizontal header section, for ``headerData``."""
    if (
        orientation == Qt.Orientation.Horizontal
        and role == Qt.ItemDataRole.DisplayRole
        and 0 <= section < len(headers)
    ):
        return headers[section]
    return None


# Pure functions ---------------------------------------------------------------


def last_assessed(assessments: Iterable[AssessmentRecord]) -> dict[str, date]:
    """The latest date each competency was rated."""
    latest: dict[str, date] = {}
    for assessment in assessments:
        for rating in assessment.ratings:
            seen = latest.get(rating.competency_id)
            if seen is None or assessment.assessed_on > seen:
                latest[rating.competency_id] = assessment.assessed_on
    return latest


@dataclass(frozen=True)
class CompetencyRow:
    """One competency of the Skills tree."""

    competency_id: str
    name: str
    level: int | None
    target: int
    last_assessed: date | None
    hours: float
    ratings: RatingPair | None = None
    """The latest self and mentor ratings, when a mentor rated this competency."""

    @property
    def gap(self) -> int:
        """Levels still missing to the target (0 at or above it)."""
        return max(0, self.target - (self.level or 0))

    @property
    def mentor_difference(self) -> int | None:
        """The mentor's level minus the person's own, when both rated it."""
        return self.ratings.difference if self.ratings is not None else None


@dataclass(frozen=True)
class AreaRow:
    """One area of the Skills tree with its readiness (None before any assessment)."""

    area_id: str
    name: str
    readiness: float | None
    hours: float
    competencies: tuple[CompetencyRow, ...]

    @property
    def gap(self) -> int:
        """Levels still missing over the area's competencies."""
        return sum(c.gap for c in self.competencies)

    @property
    def disagreements(self) -> int:
        """Competencies where the mentor's rating differs from the person's own."""
        return sum(1 for c in self.competencies if c.mentor_difference)


def skill_areas(
    framework: Framework,
    profile: Profile,
    assessments: Sequence[AssessmentRecord],
    hours: Mapping[str, float],
    area_hours: Mapping[str, float],
) -> list[AreaRow]:
    """Rows of the Skills tree: levels from the latest assessment, targets from ``profile``."""
    latest = max(assessments, key=lambda a: (a.assessed_on, a.id)) if assessments else None
    levels = latest.levels if latest else {}
    readiness = compute_readiness(framework, profile, levels) if latest else None
    dates = last_assessed(assessments)
    pairs = rating_pairs(assessments)
    rows = []
    for area in framework.areas:
        competencies = tuple(
            CompetencyRow(
                c.id,
                c.name,
                levels.get(c.id),
                profile.targets[c.id],
                dates.get(c.id),
                hours.get(c.id, 0.0),
                pairs.get(c.id),
            )
            for c in area.competencies
        )
        area_readiness = readiness.area(area.id).readiness if readiness else None
        rows.append(
            AreaRow(area.id, area.name, area_readiness, area_hours.get(area.id, 0.0), competencies)
        )
    return rows


@dataclass(frozen=True)
class HistoryRow:
    """One past rating of a competency."""

    assessed_on: date
    rater: str
    level: int
    evidence: str


def rating_history(assessments: Iterable[AssessmentRecord], competency_id: str) -> list[HistoryRow]:
    """Every rating of one competency, newest first."""
    rows = [
        (a.assessed_on, a.id, HistoryRow(a.assessed_on, a.rater_label, r.level, r.evidence))
        for a in assessments
        for r in a.ratings
        if r.competency_id == competency_id
    ]
    rows.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [row for _day, _id, row in rows]


# Two-level tree base ------------------------------------------------------------

_AREA = 0  # internal id of an area index; a competency index holds its area's row + 1


class _AreaTreeModel(QAbstractItemModel):
    """Areas at the top level, their competencies beneath; subclasses give columns and data."""

    HEADERS: tuple[str, ...] = ()

    def _area_count(self) -> int:
        raise NotImplementedError

    def _competency_count(self, area_row: int) -> int:
        raise NotImplementedError

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        """Index of ``row``/``column`` under ``parent``."""
        # Bounds checked here rather than through hasIndex(), which would call back into
        # rowCount() and columnCount(): views and the sorting proxy ask for thousands.
        if row < 0 or not 0 <= column < len(self.HEADERS):
            return QModelIndex()
        if not parent.isValid():
            if row >= self._area_count():
                return QModelIndex()
            return self.createIndex(row, column, _AREA)
        if parent.internalId() != _AREA or parent.column() != 0:
            return QModelIndex()
        if row >= self._competency_count(parent.row()):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        """The area above a competency; nothing above an area."""
        if not child.isValid() or child.internalId() == _AREA:
            return QModelIndex()
        return self.createIndex(int(child.internalId()) - 1, 0, _AREA)

    def rowCount(self, parent: Index = _ROOT) -> int:
        """Areas at the top, competencies under an area, nothing under a competency."""
        if not parent.isValid():
            return self._area_count()
        if parent.column() != 0 or parent.internalId() != _AREA:
            return 0
        return self._competency_count(parent.row())

    def columnCount(self, parent: Index = _ROOT) -> int:
        """Number of columns."""
        return len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        return header_text(self.HEADERS, section, orientation, role)

    @staticmethod
    def is_area(index: Index) -> bool:
        """Whether ``index`` is an area (top-level) row."""
        return bool(index.isValid() and index.internalId() == _AREA)


# Skills tree --------------------------------------------------------------------


class SkillsTreeModel(_AreaTreeModel):
    """Areas with their readiness, competencies with level, target, gap and hours."""

    COL_NAME, COL_LEVEL, COL_MENTOR, COL_TARGET, COL_GAP, COL_LAST, COL_HOURS = range(7)
    HEADERS = ("Competency", "Level", "Mentor", "Target", "Gap", "Assessed", "Hours")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._areas: list[AreaRow] = []
        self._scale: Scale | None = None
        self._memo = CellMemo()

    def set_rows(self, areas: Sequence[AreaRow], scale: Scale) -> None:
        """Show new rows."""
        self.beginResetModel()
        self._areas = list(areas)
        self._scale = scale
        self._memo.clear()
        self.endResetModel()

    @property
    def areas(self) -> list[AreaRow]:
        """The rows shown."""
        return list(self._areas)

    def _area_count(self) -> int:
        return len(self._areas)

    def _competency_count(self, area_row: int) -> int:
        return len(self._areas[area_row].competencies)

    def competency_at(self, index: Index) -> CompetencyRow | None:
        """The competency row at ``index`` (None for an area or an invalid index)."""
        if not index.isValid() or self.is_area(index):
            return None
        return self._areas[int(index.internalId()) - 1].competencies[index.row()]

    def index_of(self, competency_id: str) -> QModelIndex:
        """Index (first column) of a competency, or an invalid index."""
        for a_row, area in enumerate(self._areas):
            for c_row, comp in enumerate(area.competencies):
                if comp.competency_id == competency_id:
                    return self.index(c_row, 0, self.index(a_row, 0))
        return QModelIndex()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, sort keys, ids, alignment and the gap marking."""
        if not index.isValid() or self._scale is None:
            return None
        return self._memo.get(index, role, lambda: self._data(index, role))

    def _data(self, index: Index, role: int) -> Any:
        assert self._scale is not None
        column = index.column()
        if self.is_area(index):
            return self._area_data(self._areas[index.row()], column, role)
        comp = self._areas[int(index.internalId()) - 1].competencies[index.row()]
        return self._competency_data(comp, self._scale, column, role)

    def _area_data(self, area: AreaRow, column: int, role: int) -> Any:
        if role == ID_ROLE:
            return area.area_id
        if role == Qt.ItemDataRole.FontRole and column == self.COL_NAME:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.COL_NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COL_NAME:
                if area.readiness is None:
                    return area.name
                if role == Qt.ItemDataRole.ToolTipRole:
                    return (
                        f"{area.name}: readiness {area.readiness:.0%}, {area.gap} level(s) to go,"
                        f" {format_hours(area.hours)} hours logged"
                    )
                return f"{area.name} · {area.readiness:.0%}"
            if column == self.COL_GAP and area.readiness is not None:
                return str(area.gap)
            if column == self.COL_HOURS:
                return format_hours(area.hours)
            if column == self.COL_MENTOR and area.disagreements:
                if role == Qt.ItemDataRole.ToolTipRole:
                    return (
                        f"The mentor's rating differs from yours on {area.disagreements}"
                        f" competenc{'y' if area.disagreements == 1 else 'ies'} here"
                    )
                return f"{area.disagreements} differ"
            return ""
        if role == SORT_ROLE:
            sort_keys: dict[int, Any] = {
                self.COL_NAME: area.name.casefold(),
                self.COL_LEVEL: area.readiness or 0.0,
                self.COL_GAP: area.gap,
                self.COL_HOURS: area.hours,
                self.COL_MENTOR: area.disagreements,
            }
            return sort_keys.get(column, area.name.casefold())
        return None

    def _competency_data(self, comp: CompetencyRow, scale: Scale, column: int, role: int) -> Any:
        if role == ID_ROLE:
            return comp.competency_id
        if role == Qt.ItemDataRole.DisplayRole and column == self.COL_TARGET:
            return str(comp.target)  # the level's name is in the tooltip; keeps the table narrow
        if column == self.COL_MENTOR:
            return _mentor_data(comp, scale, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            texts = {
                self.COL_NAME: comp.name,
                self.COL_LEVEL: level_label(scale, comp.level),
                self.COL_TARGET: level_label(scale, comp.target),
                self.COL_GAP: str(comp.gap) if comp.level is not None else "—",
                self.COL_LAST: comp.last_assessed.isoformat() if comp.last_assessed else "Never",
                self.COL_HOURS: format_hours(comp.hours),
            }
            return texts.get(column)
        if role == SORT_ROLE:
            keys: dict[int, Any] = {
                self.COL_NAME: comp.name.casefold(),
                self.COL_LEVEL: comp.level if comp.level is not None else -1,
                self.COL_TARGET: comp.target,
                self.COL_GAP: comp.gap,
                self.COL_LAST: comp.last_assessed.isoformat() if comp.last_assessed else "",
                self.COL_HOURS: comp.hours,
            }
            return keys.get(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.COL_GAP,
            self.COL_HOURS,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        has_gap = comp.gap > 0 and comp.level is not None
        if has_gap and column in (self.COL_LEVEL, self.COL_GAP):
            if role == Qt.ItemDataRole.ForegroundRole:
                return gap_colour(QGuiApplication.palette())
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return None


def mentor_text(comp: CompetencyRow) -> str:
    """``"4 (+1)"``: the mentor's level and how far it is from the person's own; ``"—"``."""
    pair = comp.ratings
    if pair is None or pair.mentor is None:
        return "—"
    difference = comp.mentor_difference
    if not difference:
        return str(pair.mentor.level)
    return f"{pair.mentor.level} ({'+' if difference > 0 else '−'}{abs(difference)})"


def mentor_tooltip(comp: CompetencyRow, scale: Scale) -> str:
    """Who rated what, when, against the person's own latest rating."""
    pair = comp.ratings
    if pair is None or pair.mentor is None:
        return "No mentor has rated this yet."
    seen = pair.mentor
    text = f"{seen.rater} rated {level_label(scale, seen.level)} on {seen.assessed_on.isoformat()}"
    if pair.own is None:
        return f"{text}; you have not rated it yourself."
    own = f"your latest self-rating is {level_label(scale, pair.own.level)}"
    difference = comp.mentor_difference or 0
    if not difference:
        return f"{text}; {own} too: you agree."
    direction = "higher" if difference > 0 else "lower"
    levels = f"{abs(difference)} level{'s' if abs(difference) > 1 else ''}"
    when = pair.own.assessed_on.isoformat()
    return f"{text}; {own} ({when}). The mentor sees you {levels} {direction}."


def _mentor_data(comp: CompetencyRow, scale: Scale, role: int) -> Any:
    """The Mentor column of a competency: level, difference, and a mark where they differ."""
    if role == Qt.ItemDataRole.DisplayRole:
        return mentor_text(comp)
    if role == Qt.ItemDataRole.ToolTipRole:
        return mentor_tooltip(comp, scale)
    if role == SORT_ROLE:
        pair = comp.ratings
        return pair.mentor.level if pair is not None and pair.mentor is not None else -1
    if not comp.mentor_difference:
        return None
    palette = QGuiApplication.palette()
    if role == Qt.ItemDataRole.ForegroundRole:
        return disagreement_colour(palette)
    if role == Qt.ItemDataRole.BackgroundRole:
        return tint(palette, disagreement_colour(palette), 0.18)
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setBold(True)
        return font
    return None


def disagreement_colour(palette: QPalette) -> QColor:
    """A violet for "the mentor sees it differently", apart from the gap's warm colour."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor("#c9a7ff") if dark else QColor("#5b2a9e")


# Framework tree -----------------------------------------------------------------


class FrameworkTreeModel(_AreaTreeModel):
    """A framework's areas and competencies, with the target level of one profile."""

    COL_NAME, COL_TARGET = range(2)
    HEADERS = ("Area / competency", "Target")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._framework: Framework | None = None
        self._profile: Profile | None = None

    def set_framework(self, framework: Framework, profile: Profile) -> None:
        """Show ``framework`` with the targets of ``profile``."""
        self.beginResetModel()
        self._framework = framework
        self._profile = profile
        self.endResetModel()

    def _area_count(self) -> int:
        return len(self._framework.areas) if self._framework else 0

    def _competency_count(self, area_row: int) -> int:
        assert self._framework is not None
        return len(self._framework.areas[area_row].competencies)

    def competency_at(self, index: Index) -> Competency | None:
        """The competency at ``index`` (None for an area or an invalid index)."""
        if self._framework is None or not index.isValid() or self.is_area(index):
            return None
        return self._framework.areas[int(index.internalId()) - 1].competencies[index.row()]

    def index_of(self, item_id: str) -> QModelIndex:
        """Index (first column) of an area or competency id, or an invalid index."""
        if self._framework is None:
            return QModelIndex()
        for a_row, area in enumerate(self._framework.areas):
            if area.id == item_id:
                return self.index(a_row, 0)
            for c_row, comp in enumerate(area.competencies):
                if comp.id == item_id:
                    return self.index(c_row, 0, self.index(a_row, 0))
        return QModelIndex()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Names, the profile's target levels, and ids."""
        if not index.isValid() or self._framework is None or self._profile is None:
            return None
        if self.is_area(index):
            area = self._framework.areas[index.row()]
            if role == ID_ROLE:
                return area.id
            if role == Qt.ItemDataRole.FontRole and index.column() == self.COL_NAME:
                font = QFont()
                font.setBold(True)
                return font
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE) and index.column() == 0:
                return area.name
            return None
        comp = self._framework.areas[int(index.internalId()) - 1].competencies[index.row()]
        target = self._profile.targets[comp.id]
        if role == ID_ROLE:
            return comp.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == self.COL_NAME:
                return comp.name
            return level_label(self._framework.scale, target)
        if role == SORT_ROLE:
            return comp.name if index.column() == self.COL_NAME else target
        return None


# Flat tables --------------------------------------------------------------------


class _FlatTableModel(QAbstractTableModel):
    """A flat table of ``self._rows`` with one column per entry of ``HEADERS``."""

    HEADERS: tuple[str, ...] = ()
    _rows: Sequence[object]

    def rowCount(self, parent: Index = _ROOT) -> int:
        """One row per item (none under a row)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        """One column per header."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        return header_text(self.HEADERS, section, orientation, role)


# Level descriptors --------------------------------------------------------------


class LevelDescriptorModel(_FlatTableModel):
    """A competency's descriptor per level, with the person's current and target level marked.

    The level column reads ``"3 · Mid-level"`` with ``"Your level"`` and/or ``"Target"``
    on a second line; marked rows are also tinted and bold, so colour is never the only cue.
    """

    COL_LEVEL, COL_DESCRIPTOR = range(2)
    HEADERS = ("Level", "What it looks like")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, str, str]] = []
        self._current: int | None = None
        self._target: int | None = None

    def set_competency(
        self, competency: Competency, scale: Scale, current: int | None, target: int | None
    ) -> None:
        """Show ``competency``'s descriptors, marking ``current`` and ``target``."""
        self.beginResetModel()
        self._rows = [
            (lvl.level, lvl.name, competency.descriptors[lvl.level]) for lvl in scale.levels
        ]
        self._current = current
        self._target = target
        self.endResetModel()

    def clear(self) -> None:
        """Show nothing."""
        self.beginResetModel()
        self._rows = []
        self._current = self._target = None
        self.endResetModel()

    def mark(self, level: int) -> str:
        """``"Your level"``, ``"Target"``, both, or nothing."""
        marks = []
        if level == self._current:
            marks.append("Your level")
        if level == self._target:
            marks.append("Target")
        return " · ".join(marks)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Texts, with marked rows tinted and bold."""
        if not index.isValid():
            return None
        level, name, descriptor = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COL_DESCRIPTOR:
                return descriptor
            mark = self.mark(level)
            return f"{level} · {name}\n{mark}" if mark else f"{level} · {name}"
        if role == SORT_ROLE:
            return level
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if level not in (self._current, self._target):
            return None
        palette = QGuiApplication.palette()
        if role == Qt.ItemDataRole.BackgroundRole:
            if level == self._current:
                return tint(palette, palette.color(QPalette.ColorRole.Highlight))
            return tint(palette, QColor("#2e9e5b"))
        if role == Qt.ItemDataRole.FontRole and column == self.COL_LEVEL:
            font = QFont()
            font.setBold(True)
            return font
        return None


# Rating history -----------------------------------------------------------------


class RatingHistoryModel(QStandardItemModel):
    """Every past rating of one competency: date, rater, level, evidence.

    The cells are held by Qt (a standard item model) rather than answered from Python:
    the table measures every cell of years of ratings to fit its rows, and each answer
    from Python cost more than the measuring itself.
    """

    COL_DATE, COL_RATER, COL_LEVEL, COL_EVIDENCE = range(4)
    HEADERS = ("Date", "Rated by", "Level", "Evidence")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, len(self.HEADERS), parent)
        self.setHorizontalHeaderLabels(list(self.HEADERS))

    def set_rows(self, rows: Sequence[HistoryRow], scale: Scale) -> None:
        """Show new rows, in one reset."""
        cells = [self._cells(row, scale) for row in rows]
        self.beginResetModel()
        blocked = self.blockSignals(True)  # one reset, not a signal per cell
        try:
            self.removeRows(0, self.rowCount())
            self.insertRows(0, len(cells))
            for number, row_cells in enumerate(cells):
                for column, roles in enumerate(row_cells):
                    self.setItemData(self.index(number, column), roles)
        finally:
            self.blockSignals(blocked)
        self.endResetModel()

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Read-only cells."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled

    @staticmethod
    def _cells(row: HistoryRow, scale: Scale) -> list[dict[int, Any]]:
        day = row.assessed_on.isoformat()
        shown = (
            (day, day),
            (row.rater, row.rater.casefold()),
            (level_label(scale, row.level), row.level),
            (row.evidence or "—", row.evidence),
        )
        return [
            {
                Qt.ItemDataRole.DisplayRole: text,
                Qt.ItemDataRole.ToolTipRole: text,
                SORT_ROLE: sort_key,
                Qt.ItemDataRole.TextAlignmentRole: _TOP_LEFT,
            }
            for text, sort_key in shown
        ]


_TOP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
