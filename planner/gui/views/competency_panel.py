"""Panels the Skills and Framework views share: the area tree and a competency's details.

What they show is framework content (descriptors, sources) next to a person's levels,
so both views use the same widgets and read the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from planner.framework.schema import Area, Competency, Framework
from planner.gui.skills_tree_model import LevelDescriptorModel

MUTED_STYLE = "color: palette(placeholder-text);"
MARGIN = 16


def view_title(text: str) -> QLabel:
    """The bold title at the top of a view."""
    label = QLabel(text)
    label.setObjectName("viewTitle")
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.5)
    label.setFont(font)
    return label


def plain_label(text: str = "", *, muted: bool = False, wrap: bool = True) -> QLabel:
    """A label that never interprets its text as HTML."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label.setStyleSheet(MUTED_STYLE)
    return label


def section_heading(text: str) -> QLabel:
    """A bold heading above a part of a details panel."""
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


class FittedTableView(QTableView):
    """A read-only table exactly as tall as its rows, to sit in a scrolling panel.

    Columns fit their contents and rows their wrapped text, measured once when the
    rows change and again only when the column widths really change. (Qt's
    ResizeToContents modes measure every cell on each layout pass, and a panel's
    layout makes many: with years of ratings that cost more than the rest of a view.)
    """

    def __init__(self, stretch_column: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stretch_column = stretch_column
        self._fitted_widths: tuple[int, ...] | None = None
        # A stretching column reports its new width before the header stores it, so
        # the rows are measured once the resizing is over (and once for many signals).
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._refit_if_widths_changed)
        self.setWordWrap(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().sectionResized.connect(self._on_rows_resized)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().sectionResized.connect(self._on_columns_resized)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """Show ``model``; the stretching column takes the room the others leave."""
        super().setModel(model)
        header = self.horizontalHeader()
        for column in range(header.count()):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column == self._stretch_column
                else QHeaderView.ResizeMode.Fixed
            )
            header.setSectionResizeMode(column, mode)
        if self.model() is not None:
            self.model().modelReset.connect(self._fit_contents)
        self._fit_contents()

    def sizeHint(self) -> QSize:
        """As tall as the header and every row."""
        height = (
            self.horizontalHeader().sizeHint().height()
            + self.verticalHeader().length()
            + 2 * self.frameWidth()
        )
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:
        """As tall as :meth:`sizeHint`; narrow as needed."""
        return QSize(120, self.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        """Measure again in a new font or style."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_contents()

    def _fit_contents(self) -> None:
        """Columns to their contents (but the stretching one), then rows to theirs."""
        if self.model() is None:
            return
        for column in range(self.horizontalHeader().count()):
            if column != self._stretch_column:
                self.resizeColumnToContents(column)
        self._fit_rows()

    def _fit_rows(self) -> None:
        self._fitted_widths = self._column_widths()
        self.resizeRowsToContents()
        self.updateGeometry()

    def _column_widths(self) -> tuple[int, ...]:
        header = self.horizontalHeader()
        return tuple(header.sectionSize(column) for column in range(header.count()))

    def _on_rows_resized(self, *_args: object) -> None:
        self.updateGeometry()

    def _on_columns_resized(self, *_args: object) -> None:
        self._refit.start()

    def _refit_if_widths_changed(self) -> None:
        # Wrapped text needs new row heights when a column gets narrower or wider.
        if self._column_widths() != self._fitted_widths:
            self._fit_rows()


class AreaTreeView(QTreeView):
    """A tree of areas (spanning every column) over competencies (one column each).

    The first column takes the width the other columns leave, but never less than
    ``first_column_minimum``; below that the tree scrolls sideways. The other columns
    fit their contents, measured when the rows change (not on every layout pass, as
    Qt's ResizeToContents mode would); :meth:`fitted_width` tells the measured width.
    """

    def __init__(self, first_column_minimum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._first_minimum = first_column_minimum
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(36)
        header.sectionResized.connect(self._on_section_resized)
        self._fitted: dict[int, int] = {}

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """Show ``model``: the first column fitted, the others as wide as their contents."""
        super().setModel(model)
        if model is None:
            return
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        model.modelReset.connect(self._on_rows_changed)
        model.layoutChanged.connect(self._on_rows_changed)
        model.rowsInserted.connect(self._on_rows_changed)
        model.dataChanged.connect(self._fit_contents)
        self._fit_contents()

    def fitted_width(self, column: int) -> int:
        """The width ``column`` (not the first) takes when shown: its contents or title."""
        return self._fitted.get(column, 0)

    def changeEvent(self, event: QEvent) -> None:
        """Measure again in a new font or style."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_contents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Refit the first column to the new width."""
        super().resizeEvent(event)
        self._fit_first_column()

    def _fit_first_column(self) -> None:
        header = self.header()
        others = sum(
            header.sectionSize(c) for c in range(1, header.count()) if not header.isSectionHidden(c)
        )
        width = max(self._first_minimum, self.viewport().width() - others)
        if header.sectionSize(0) != width:
            header.resizeSection(0, width)

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column != 0:
            self._fit_first_column()

    def _on_rows_changed(self, *_args: object) -> None:
        model = self.model()
        for row in range(model.rowCount()):
            self.setFirstColumnSpanned(row, QModelIndex(), True)
        self.expandAll()
        self._fit_contents()

    def _fit_contents(self, *_args: object) -> None:
        """Every column but the first as wide as its contents, then the first fitted."""
        model = self.model()
        if model is None:
            return
        header = self.header()
        self._fitted = {}
        for column in range(1, header.count()):
            width = max(self.sizeHintForColumn(column), header.sectionSizeHint(column))
            self._fitted[column] = width
            header.resizeSection(column, width)
        self._fit_first_column()


class SourcesList(QWidget):
    """Where a competency comes from: document title and section, then the quote.

    The labels are kept and refilled when another competency is shown (making and
    polishing new ones each time cost more than the rest of a selection change).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._pairs: list[tuple[QLabel, QLabel]] = []
        self.labels: list[QLabel] = []
        """The labels shown: place, then quote, for each source."""

    def set_competency(self, framework: Framework, competency: Competency) -> None:
        """Show ``competency``'s sources."""
        while len(self._pairs) < len(competency.sources):
            self._pairs.append(self._new_pair())
        self.labels = []
        for number, (where, quote) in enumerate(self._pairs):
            shown = number < len(competency.sources)
            if shown:
                ref = competency.sources[number]
                title = framework.document(ref.document).title
                where.setText(f"{title} — section “{ref.section}”")
                quote.setText(f"“{ref.quote}”")
                self.labels += [where, quote]
            where.setVisible(shown)
            quote.setVisible(shown)

    def _new_pair(self) -> tuple[QLabel, QLabel]:
        where = plain_label()
        quote = plain_label()
        font = QFont(quote.font())
        font.setItalic(True)
        quote.setFont(font)
        quote.setContentsMargins(12, 0, 0, 8)
        self._layout.addWidget(where)
        self._layout.addWidget(quote)
        return where, quote

    def text(self) -> str:
        """All the shown text, one line per label (for tests and copying)."""
        return "\n".join(label.text() for label in self.labels)


class _LevelBlock(QFrame):
    """One level: a bold heading over its descriptor, tinted when marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("levelBlock")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(1)
        self.heading = plain_label()
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.descriptor = plain_label()
        layout.addWidget(self.heading)
        layout.addWidget(self.descriptor)

    def show_level(self, heading: str, descriptor: str, tint: object) -> None:
        self.heading.setText(heading)
        self.descriptor.setText(descriptor)
        if isinstance(tint, QColor):
            palette = QPalette()  # only the background set; the rest follows the parent
            palette.setColor(QPalette.ColorRole.Window, tint)
            self.setPalette(palette)
            self.setAutoFillBackground(True)
        else:
            self.setPalette(QPalette())  # back to the inherited palette
            self.setAutoFillBackground(False)


class LevelDescriptorList(QWidget):
    """The level descriptors as wrapped paragraphs, one block per level.

    Reads :class:`LevelDescriptorModel` (which marks the person's level and target) and
    lays each level out as a bold heading over its descriptor, so the text wraps to the
    panel's width instead of squeezing into a table column. Marked levels are tinted and
    say "Your level" / "Target" in words, so colour is never the only cue. The blocks
    are kept and refilled for the next competency rather than made anew.
    """

    def __init__(self, model: LevelDescriptorModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._pool: list[_LevelBlock] = []
        self.blocks: list[QFrame] = []
        """The blocks shown, one per level."""
        model.modelReset.connect(self._rebuild)

    def _rebuild(self) -> None:
        model = self.model
        count = model.rowCount()
        while len(self._pool) < count:
            self._pool.append(_LevelBlock())
            self._layout.addWidget(self._pool[-1])
        for row, block in enumerate(self._pool):
            if row < count:
                heading = str(model.index(row, model.COL_LEVEL).data()).replace("\n", " — ")
                descriptor = str(model.index(row, model.COL_DESCRIPTOR).data())
                tint = model.index(row, model.COL_LEVEL).data(Qt.ItemDataRole.BackgroundRole)
                block.show_level(heading, descriptor, tint)
            block.setVisible(row < count)
        self.blocks = list(self._pool[:count])

    def text(self) -> str:
        """Every heading and descriptor shown, one per line (for tests and copying)."""
        return "\n".join(
            label.text() for block in self.blocks for label in block.findChildren(QLabel)
        )


class CompetencyDetails(QWidget):
    """Name, area, description, level descriptors (current and target marked) and sources."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_label = view_title("")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setObjectName("competencyName")
        self.name_label.setWordWrap(True)
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() / 1.2)
        self.name_label.setFont(font)
        self.area_label = plain_label(muted=True)
        self.description_label = plain_label()
        self.levels_heading = section_heading("Levels")
        self.levels_model = LevelDescriptorModel(self)
        self.levels_list = LevelDescriptorList(self.levels_model)
        self.sources_heading = section_heading("Sources")
        self.sources = SourcesList()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.name_label)
        layout.addWidget(self.area_label)
        layout.addWidget(self.description_label)
        layout.addSpacing(8)
        layout.addWidget(self.levels_heading)
        layout.addWidget(self.levels_list)
        layout.addSpacing(8)
        layout.addWidget(self.sources_heading)
        layout.addWidget(self.sources)

    def show_competency(
        self,
        framework: Framework,
        competency: Competency,
        current: int | None,
        target: int | None,
    ) -> None:
        """Show one competency; ``current`` and ``target`` levels are marked in the table."""
        self.name_label.setText(competency.name)
        self.area_label.setText(framework.area_of(competency.id).name)
        self.area_label.show()
        self.description_label.setText(competency.description)
        self.levels_model.set_competency(competency, framework.scale, current, target)
        self.sources.set_competency(framework, competency)
        self._show_parts(True)

    def show_area(self, area: Area, summary: str) -> None:
        """Show an area: its name, ``summary`` and description."""
        self.name_label.setText(area.name)
        self.area_label.setText(summary)
        self.area_label.setVisible(bool(summary))
        self.description_label.setText(area.description)
        self.levels_model.clear()
        self._show_parts(False)

    def _show_parts(self, visible: bool) -> None:
        for widget in (self.levels_heading, self.levels_list, self.sources_heading, self.sources):
            widget.setVisible(visible)


def details_scroll_area(content: QWidget) -> QScrollArea:
    """A frameless scrolling panel holding ``content`` at the top."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(MARGIN, 4, 8, MARGIN)
    layout.addWidget(content)
    layout.addStretch(1)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(holder)
    return area
