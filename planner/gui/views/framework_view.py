"""The Framework view: areas, competencies, level descriptors and sources; the target profile.

Also home of the competency details panel (:class:`CompetencyDetails`) that the Skills
view shows too, since what it shows is framework content.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from planner.errors import PlannerError, ValidationError
from planner.framework.schema import Area, Competency, Framework, Profile
from planner.gui.operations import DataChange, DataKind
from planner.gui.skills_tree_model import ID_ROLE, FrameworkTreeModel, LevelDescriptorModel
from planner.gui.views.base import View, ViewContext
from planner.services.records import PersonDraft, PersonRecord

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
    """A read-only table exactly as tall as its rows, to sit in a scrolling panel."""

    def __init__(self, stretch_column: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stretch_column = stretch_column
        self.setWordWrap(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
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
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        if self.model() is not None:
            self.model().modelReset.connect(self._on_rows_resized)

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

    def _on_rows_resized(self, *_args: object) -> None:
        self.updateGeometry()

    def _on_columns_resized(self, *_args: object) -> None:
        # Wrapped text needs new row heights when a column gets narrower or wider.
        self.resizeRowsToContents()


class AreaTreeView(QTreeView):
    """A tree of areas (spanning every column) over competencies (one column each).

    The first column takes the width the other columns leave, but never less than
    ``first_column_minimum``; below that the tree scrolls sideways.
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

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """Show ``model``: the first column fitted, the others as wide as their contents."""
        super().setModel(model)
        if model is None:
            return
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        model.modelReset.connect(self._on_rows_changed)
        model.layoutChanged.connect(self._on_rows_changed)
        model.rowsInserted.connect(self._on_rows_changed)

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
        self._fit_first_column()


class SourcesList(QWidget):
    """Where a competency comes from: document title and section, then the quote."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.labels: list[QLabel] = []

    def set_competency(self, framework: Framework, competency: Competency) -> None:
        """Show ``competency``'s sources."""
        for label in self.labels:
            self._layout.removeWidget(label)
            label.hide()
            label.deleteLater()
        self.labels = []
        for ref in competency.sources:
            title = framework.document(ref.document).title
            where = plain_label(f"{title} — section “{ref.section}”")
            quote = plain_label(f"“{ref.quote}”")
            font = QFont(quote.font())
            font.setItalic(True)
            quote.setFont(font)
            quote.setContentsMargins(12, 0, 0, 8)
            for label in (where, quote):
                self._layout.addWidget(label)
                self.labels.append(label)

    def text(self) -> str:
        """All the shown text, one line per label (for tests and copying)."""
        return "\n".join(label.text() for label in self.labels)


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
        self.levels_table = FittedTableView(LevelDescriptorModel.COL_DESCRIPTOR)
        self.levels_table.setModel(self.levels_model)
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
        layout.addWidget(self.levels_table)
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
        for widget in (self.levels_heading, self.levels_table, self.sources_heading, self.sources):
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


class FrameworkView(View):
    """The person's framework: browse competencies, choose the target profile, import a ladder.

    Public parts (for keyboard use and tests): ``profile_box``, ``import_button``,
    ``tree``, ``model``, ``details``, ``splitter``.
    """

    name = "framework_view"
    title = "Framework"

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._framework: Framework | None = None
        self._levels: dict[str, int] = {}
        self._build()

    # Layout -----------------------------------------------------------------

    def _build(self) -> None:
        self.import_button = QPushButton("&Import framework…")
        self.import_button.setToolTip("Add a company ladder from a framework file (JSON)")
        self.import_button.clicked.connect(self._on_import_clicked)
        heading = QHBoxLayout()
        heading.addWidget(view_title(self.title))
        heading.addStretch(1)
        heading.addWidget(self.import_button)

        self.framework_label = plain_label(wrap=False)
        self.framework_label.setObjectName("frameworkName")
        self.note_label = plain_label(muted=True)
        self.note_label.hide()
        self.profile_box = QComboBox()
        self.profile_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.profile_box.activated.connect(self._on_profile_chosen)
        self.profile_box.currentIndexChanged.connect(self._on_profile_shown)
        self.profile_description = plain_label(muted=True)
        profile_label = QLabel("&Target profile:")
        profile_label.setBuddy(self.profile_box)
        profile_row = QHBoxLayout()
        profile_row.addWidget(profile_label)
        profile_row.addWidget(self.profile_box)
        profile_row.addStretch(1)

        self.model = FrameworkTreeModel(self)
        self.tree = AreaTreeView(first_column_minimum=240)
        self.tree.setModel(self.model)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.details = CompetencyDetails()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(details_scroll_area(self.details))
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([420, 480])
        self.tree.setMinimumWidth(300)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN - 4, MARGIN, MARGIN)
        layout.setSpacing(8)
        layout.addLayout(heading)
        layout.addWidget(self.framework_label)
        layout.addWidget(self.note_label)
        layout.addLayout(profile_row)
        layout.addWidget(self.profile_description)
        layout.addWidget(self.splitter, 1)

    # Data -------------------------------------------------------------------

    def wants(self, change: DataChange) -> bool:
        """Frameworks, the person's target and their levels."""
        return change.touches(DataKind.FRAMEWORKS, DataKind.PEOPLE, DataKind.ASSESSMENTS)

    def reload(self) -> None:
        """Show the current person's framework (the built-in one when nobody is set up)."""
        services = self.context.services
        person = self._person()
        if person is None:
            framework = services.frameworks.get(services.frameworks.available()[0].id)
            profile_id = framework.default_profile
            self._levels = {}
        else:
            framework = services.people.framework_of(person)
            profile_id = person.target_profile_id
            latest = services.assessments.latest(person.id)
            self._levels = latest.levels if latest else {}
        self._framework = framework
        info = next((f for f in services.frameworks.available() if f.id == framework.id), None)
        origin = " (built in)" if info is None or info.built_in else " (imported)"
        self.framework_label.setText(f"{framework.name} · version {framework.version}{origin}")
        self.framework_label.setToolTip(framework.description)
        self.profile_box.blockSignals(True)
        self.profile_box.clear()
        for profile in framework.profiles:
            suffix = " (pathway)" if profile.kind == "pathway" else ""
            self.profile_box.addItem(f"{profile.name}{suffix}", profile.id)
        self.profile_box.setCurrentIndex(self.profile_box.findData(profile_id))
        self.profile_box.blockSignals(False)
        self.profile_box.setEnabled(person is not None)
        self._on_profile_shown(self.profile_box.currentIndex())

    def _show_tree(self, framework: Framework, profile: Profile) -> None:
        current = self.tree.currentIndex()
        selected = str(current.data(ID_ROLE)) if current.isValid() else ""
        self.model.set_framework(framework, profile)
        index = self.model.index_of(selected) if selected else QModelIndex()
        if not index.isValid():
            first_area = self.model.index(0, 0)
            index = self.model.index(0, 0, first_area)
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._show_details(index)

    def _person(self) -> PersonRecord | None:
        person_id = self.context.person.id
        return None if person_id is None else self.context.services.people.get(person_id)

    def _profile(self) -> Profile | None:
        if self._framework is None or self.profile_box.currentIndex() < 0:
            return None
        return self._framework.profile(str(self.profile_box.currentData()))

    def _show_details(self, index: QModelIndex | QPersistentModelIndex) -> None:
        framework, profile = self._framework, self._profile()
        if framework is None or profile is None or not index.isValid():
            return
        competency = self.model.competency_at(index)
        if competency is None:
            area = framework.areas[index.row()]
            count = len(area.competencies)
            self.details.show_area(area, f"{count} competenc{'y' if count == 1 else 'ies'}")
            return
        self.details.show_competency(
            framework, competency, self._levels.get(competency.id), profile.targets[competency.id]
        )

    # Behaviour --------------------------------------------------------------

    def import_framework_file(self, path: Path) -> bool:
        """Import a framework file; a bad one is explained in a message box and changes nothing."""
        try:
            info = self.context.services.frameworks.import_file(path)
        except PlannerError as error:
            QMessageBox.warning(
                self, "Import framework", f"The framework was not imported.\n\n{error}"
            )
            return False
        self.context.operations.announce(frozenset({DataKind.FRAMEWORKS}), None)
        self.note_label.setText(f"Imported “{info.name}” version {info.version} from {path.name}.")
        self.note_label.show()
        return True

    def _on_import_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, "Import framework", "", "Framework files (*.json);;All files (*)"
        )
        if path:
            self.import_framework_file(Path(path))

    def _on_profile_shown(self, _index: int) -> None:
        profile = self._profile()
        self.profile_description.setText(profile.description if profile else "")
        if profile is not None and self._framework is not None:
            self._show_tree(self._framework, profile)

    def _on_profile_chosen(self, _index: int) -> None:
        person, profile = self._person(), self._profile()
        if person is None or profile is None or profile.id == person.target_profile_id:
            return
        draft = PersonDraft(
            person.name,
            person.current_role,
            person.framework_id,
            profile.id,
            person.target_date,
            person.weekly_hours,
        )
        try:
            self.context.operations.update_person(person, draft)
        except ValidationError as error:
            QMessageBox.warning(self, "Target profile", "\n".join(error.field_errors.values()))
            self.reload()

    def _on_current_changed(
        self, current: QModelIndex | QPersistentModelIndex, _previous: object
    ) -> None:
        self._show_details(current)
