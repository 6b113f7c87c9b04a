"""The Goals view: a filterable table of goals beside the details of the selected one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QMouseEvent, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.errors import ConcurrentEditError, NotFoundError
from planner.framework.schema import Framework
from planner.gui.conflicts import ask_to_reload
from planner.gui.dialogs.comment_dialog import CommentDialog
from planner.gui.dialogs.goal_dialog import GoalDialog
from planner.gui.goal_table_model import (
    COMPETENCIES,
    DUE,
    MILESTONES,
    PRIORITY,
    STATUS,
    TITLE,
    DueFilter,
    GoalFilterProxy,
    GoalTableModel,
    overdue_colour,
    priority_label,
    status_label,
)
from planner.gui.operations import DataChange, DataKind
from planner.gui.views.base import View, ViewContext
from planner.gui.views.goal_comments_panel import CommentsPanel
from planner.services.records import CommentRecord, GoalRecord, MilestoneRecord
from planner.vocabulary import GoalStatus

OPEN = frozenset(s for s in GoalStatus if s.is_open)
STATUS_CHOICES: list[tuple[str, frozenset[GoalStatus] | None]] = [
    ("All", None),
    ("Open", OPEN),
    *((status_label(s), frozenset({s})) for s in GoalStatus),
]
DEFAULT_STATUS_CHOICE = 1  # Open
COLUMN_SAMPLES = {  # the widest text a cell of the column usually holds
    STATUS: "Dropped",
    PRIORITY: "Medium",
    DUE: "2026-11-03",
    COMPETENCIES: "Continuous learning and goal setting, Know",
    MILESTONES: "10/10",
}
CELL_PADDING = 14
SORT_ARROW_ROOM = 22
TITLE_MIN_CHARS = 24  # below this the Competencies column gives way (the details show them)


def _plain_label(text: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class _ClickableLabel(QLabel):
    """A wrapping label that reports clicks (so a milestone's text ticks its box)."""

    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Report a left click."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class MilestoneCheck(QWidget):
    """A milestone of the shown goal: a box to tick and its wrapping text.

    Signals: ``toggled(int, bool)`` with the milestone id and the new done flag.
    """

    toggled = Signal(int, bool)

    def __init__(self, milestone: MilestoneRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.milestone_id = milestone.id
        due = f" (due {milestone.due_date.isoformat()})" if milestone.due_date else ""
        self.checkbox = QCheckBox()
        self.checkbox.setChecked(milestone.done)
        self.checkbox.setAccessibleName(milestone.text)
        self.label = _ClickableLabel(milestone.text + due)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.checkbox, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.checkbox.toggled.connect(self._on_toggled)
        self.label.clicked.connect(self.checkbox.toggle)

    def _on_toggled(self, checked: bool) -> None:
        self.toggled.emit(self.milestone_id, checked)


class GoalDetails(QWidget):
    """Everything about one goal; its milestones can be ticked and comments added here.

    Signals: ``milestone_toggled(int, bool)``; ``comments.add_requested()``.
    """

    milestone_toggled = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _plain_label()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.summary = _plain_label()
        self.overdue = _plain_label()
        self.dates = _plain_label()
        self.dates.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.description = _plain_label()
        self.competencies = _plain_label()
        self.milestones_heading = _heading("Milestones")
        self.checks: list[MilestoneCheck] = []
        self.no_milestones = _plain_label("No milestones yet. Edit the goal to add some.")
        self.no_milestones.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._checks_layout = QVBoxLayout()
        self._checks_layout.setSpacing(6)
        self.comments = CommentsPanel()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.overdue)
        layout.addWidget(self.dates)
        layout.addSpacing(8)
        layout.addWidget(_heading("Description"))
        layout.addWidget(self.description)
        layout.addSpacing(8)
        layout.addWidget(_heading("Competencies"))
        layout.addWidget(self.competencies)
        layout.addSpacing(8)
        layout.addWidget(self.milestones_heading)
        layout.addLayout(self._checks_layout)
        layout.addWidget(self.no_milestones)
        layout.addSpacing(8)
        layout.addWidget(self.comments)
        layout.addStretch(1)

    def show_goal(
        self,
        goal: GoalRecord,
        framework: Framework | None,
        today: date,
        comments: Sequence[CommentRecord] = (),
    ) -> None:
        """Fill in ``goal``; keyboard focus stays on the milestone that had it."""
        focused = next((c.milestone_id for c in self.checks if c.checkbox.hasFocus()), None)
        self.title.setText(goal.title)
        due = f"due {goal.due_date.isoformat()}" if goal.due_date else "no due date"
        self.summary.setText(
            f"{status_label(goal.status)} · {priority_label(goal.priority)} priority · {due}"
        )
        overdue = goal.is_overdue(today) and goal.due_date is not None
        if overdue and goal.due_date is not None:
            days = (today - goal.due_date).days
            self.overdue.setText(f"Overdue by {days} day{'s' if days != 1 else ''}")
        self.overdue.setVisible(overdue)
        self.refresh_colours()
        dates = f"Created {goal.created_at.date().isoformat()}"
        if goal.completed_at is not None:
            dates += f" · completed {goal.completed_at.date().isoformat()}"
        self.dates.setText(dates)
        self.description.setText(goal.description or "No description.")
        self.competencies.setText(_competency_lines(goal, framework))
        done = sum(1 for m in goal.milestones if m.done)
        total = len(goal.milestones)
        self.milestones_heading.setText(
            f"Milestones ({done} of {total} done)" if total else "Milestones"
        )
        self._show_milestones(goal.milestones, focused)
        self.comments.show_comments(comments)

    def refresh_colours(self) -> None:
        """Give the overdue line the warning colour of the current palette."""
        palette = self.overdue.palette()
        palette.setColor(QPalette.ColorRole.WindowText, overdue_colour(self.palette()))
        self.overdue.setPalette(palette)
        font = self.overdue.font()
        font.setBold(True)
        self.overdue.setFont(font)

    def _show_milestones(
        self, milestones: tuple[MilestoneRecord, ...], focused: int | None
    ) -> None:
        for check in self.checks:
            self._checks_layout.removeWidget(check)
            check.hide()
            check.deleteLater()
        self.checks = []
        for milestone in milestones:
            check = MilestoneCheck(milestone, self)
            check.toggled.connect(self.milestone_toggled)
            self._checks_layout.addWidget(check)
            check.show()  # now, not on the next event loop pass
            self.checks.append(check)
            if milestone.id == focused:
                check.checkbox.setFocus()
        self.no_milestones.setVisible(not milestones)
        layout = self.layout()
        if layout is not None:
            layout.activate()  # place the new boxes now, not on the next event loop pass


def _competency_lines(goal: GoalRecord, framework: Framework | None) -> str:
    if not goal.competencies:
        return "None linked."
    lines = []
    for link in goal.competencies:
        name, level = link.competency_id, str(link.target_level)
        if framework is not None:
            try:
                name = framework.competency(link.competency_id).name
                level = f"{link.target_level} ({framework.scale.name_of(link.target_level)})"
            except (KeyError, IndexError):
                pass
        lines.append(f"• {name} — target level {level}")
    return "\n".join(lines)


class GoalsView(View):
    """Your goals: filter, sort, inspect, tick milestones, create, edit, complete, drop, delete."""

    name = "goals_view"
    title = "Goals"

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._framework: Framework | None = None
        self._last_row = 0
        self._reloading = False
        self.model = GoalTableModel(self)
        self.proxy = GoalFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.set_statuses(STATUS_CHOICES[DEFAULT_STATUS_CHOICE][1])
        self._build()
        self._connect()
        self._update_buttons()

    # Layout -----------------------------------------------------------------

    def _build(self) -> None:
        heading = QLabel(self.title)
        heading.setObjectName("viewTitle")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        heading.setFont(font)

        self.status_box = QComboBox()
        for text, _statuses in STATUS_CHOICES:
            self.status_box.addItem(text)
        self.status_box.setCurrentIndex(DEFAULT_STATUS_CHOICE)
        self.area_box = QComboBox()
        self.area_box.addItem("All areas", None)
        self.area_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.area_box.setMinimumContentsLength(16)
        self.due_box = QComboBox()
        for due in DueFilter:
            self.due_box.addItem(due.value, due.name)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Title, description, competency, milestone")
        self.search_edit.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        filters.setSpacing(6)
        for text, field in (
            ("&Status:", self.status_box),
            ("&Area:", self.area_box),
            ("D&ue:", self.due_box),
            ("Sea&rch:", self.search_edit),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            if filters.count():
                filters.addSpacing(10)
            filters.addWidget(label)
            filters.addWidget(field, 1 if field is self.search_edit else 0)
        self.search_edit.setMaximumWidth(self.search_edit.fontMetrics().averageCharWidth() * 48)
        filters.addStretch(0)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DUE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Goals")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        self._size_columns()
        self.table.installEventFilter(self)

        self.details = GoalDetails()
        self.empty = _plain_label()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        scroll = QScrollArea()
        scroll.setWidget(self.details)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail_stack = QStackedWidget()
        self.detail_stack.addWidget(self.empty)
        self.detail_stack.addWidget(scroll)
        self.detail_stack.setMinimumWidth(240)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("goalsSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail_stack)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([660, 330])
        self.splitter.setChildrenCollapsible(False)

        self.new_button = QPushButton("&New goal…")
        self.edit_button = QPushButton("Ed&it…")
        self.done_button = QPushButton("Mark d&one")
        self.drop_button = QPushButton("Dro&p")
        self.delete_button = QPushButton("&Delete")
        self.count_label = QLabel()
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.done_button,
            self.drop_button,
            self.delete_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

        self.setTabOrder(self.search_edit, self.table)
        self.setTabOrder(self.table, self.new_button)

    def _size_columns(self) -> None:
        """Fit the narrow columns to their (bold, overdue) text and header with its sort arrow."""
        header = self.table.horizontalHeader()
        bold = QFont(self.table.font())
        bold.setBold(True)
        cells, titles = QFontMetrics(bold), header.fontMetrics()
        for column, sample in COLUMN_SAMPLES.items():
            text = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(
                cells.horizontalAdvance(sample),
                titles.horizontalAdvance(text) + SORT_ARROW_ROOM,
            )
            header.resizeSection(column, width + CELL_PADDING)
        self._roomy_width = sum(header.sectionSize(c) for c in COLUMN_SAMPLES) + (
            titles.averageCharWidth() * TITLE_MIN_CHARS
        )

    def _connect(self) -> None:
        self.status_box.currentIndexChanged.connect(self._on_status_chosen)
        self.area_box.currentIndexChanged.connect(self._on_area_chosen)
        self.due_box.currentIndexChanged.connect(self._on_due_chosen)
        self.search_edit.textChanged.connect(self._on_search_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.activated.connect(self._on_activated)
        for signal in (
            self.proxy.modelReset,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._on_rows_changed)
        self.details.milestone_toggled.connect(self._on_milestone_toggled)
        self.details.comments.add_requested.connect(self._on_add_comment)
        self.new_button.clicked.connect(self._on_new)
        self.edit_button.clicked.connect(self._on_edit)
        self.done_button.clicked.connect(self._on_mark_done)
        self.drop_button.clicked.connect(self._on_drop)
        self.delete_button.clicked.connect(self._on_delete)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._on_delete)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._on_find)

    # Data -------------------------------------------------------------------

    def wants(self, change: DataChange) -> bool:
        """Goals, people (whose goals) and frameworks (competency names) are shown here."""
        return change.touches(DataKind.GOALS, DataKind.PEOPLE, DataKind.FRAMEWORKS)

    def reload(self) -> None:
        """Read the current person's goals again, keeping the selection."""
        selected = self.selected_goal()
        services = self.context.services
        person_id = self.context.person.id
        goals: list[GoalRecord] = []
        self._framework = None
        if person_id is not None:
            self._framework = services.people.framework_of(services.people.get(person_id))
            goals = services.goals.list_for(person_id)
        names = {c.id: c.name for c in self._framework.competencies} if self._framework else {}
        # The details are filled once at the end, so a ticked box keeps the keyboard focus.
        self._reloading = True
        try:
            self._fill_areas()
            self.model.set_goals(goals, services.clock.today(), names)
            self._reselect(selected.id if selected else None)
        finally:
            self._reloading = False
        self._update_details()

    def selected_goal(self) -> GoalRecord | None:
        """The goal selected in the table, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.goal(self.proxy.mapToSource(rows[0]).row())

    def select_goal(self, goal_id: int) -> bool:
        """Select the goal with ``goal_id`` if the filters show it."""
        source_row = self.model.row_of(goal_id)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, TITLE))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _reselect(self, goal_id: int | None) -> None:
        if goal_id is not None and self.select_goal(goal_id):
            return
        rows = self.proxy.rowCount()
        if rows:
            self.table.setCurrentIndex(self.proxy.index(min(self._last_row, rows - 1), TITLE))

    def _fill_areas(self) -> None:
        chosen = self.area_box.currentData()
        self.area_box.blockSignals(True)
        self.area_box.clear()
        self.area_box.addItem("All areas", None)
        for area in self._framework.areas if self._framework else []:
            self.area_box.addItem(area.name, area.id)
        index = self.area_box.findData(chosen) if chosen is not None else 0
        self.area_box.setCurrentIndex(max(index, 0))
        self.area_box.blockSignals(False)
        self._apply_area()

    def _apply_area(self) -> None:
        area_id = self.area_box.currentData()
        areas = {a.id: a for a in self._framework.areas} if self._framework else {}
        area = areas.get(str(area_id)) if area_id is not None else None
        self.proxy.set_area_competencies(
            frozenset(c.id for c in area.competencies) if area is not None else None
        )

    def _update_details(self) -> None:
        if self._reloading:
            return
        goal = self.selected_goal()
        if goal is None:
            if self.context.person.id is None:
                text = "Nobody to show goals for yet."
            elif self.model.rowCount() and not self.proxy.rowCount():
                text = "No goal matches these filters."
            elif not self.model.rowCount():
                text = "No goals yet. Choose “New goal…” to set your first one."
            else:
                text = "Select a goal to see its details."
            self.empty.setText(text)
            self.detail_stack.setCurrentIndex(0)
        else:
            comments = self.context.services.comments.list_for_goal(goal.id)
            self.details.show_goal(goal, self._framework, self.model.today, comments)
            self.detail_stack.setCurrentIndex(1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        goal = self.selected_goal()
        self.new_button.setEnabled(self.context.person.id is not None)
        self.edit_button.setEnabled(goal is not None)
        self.delete_button.setEnabled(goal is not None)
        self.done_button.setEnabled(goal is not None and goal.status is not GoalStatus.DONE)
        self.drop_button.setEnabled(goal is not None and goal.status.is_open)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Hide the Competencies column when the table is too narrow for it."""
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self.table.setColumnHidden(COMPETENCIES, self.table.width() < self._roomy_width)
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        """Follow palette changes (light/dark) in the overdue colour."""
        if event.type() == QEvent.Type.PaletteChange:
            self.details.refresh_colours()
        super().changeEvent(event)

    # Slots ------------------------------------------------------------------

    def _on_status_chosen(self, index: int) -> None:
        self.proxy.set_statuses(STATUS_CHOICES[index][1])

    def _on_area_chosen(self, _index: int) -> None:
        self._apply_area()

    def _on_due_chosen(self, _index: int) -> None:
        self.proxy.set_due(DueFilter[str(self.due_box.currentData())])

    def _on_search_changed(self, text: str) -> None:
        self.proxy.set_search_text(text)

    def _on_find(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _on_rows_changed(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        noun = "goal" if total == 1 else "goals"
        self.count_label.setText(
            f"{total} {noun}" if shown == total else f"{shown} of {total} {noun} shown"
        )
        if self.selected_goal() is None:
            self._update_details()

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        current = self.table.selectionModel().selectedRows()
        if current:
            self._last_row = current[0].row()
        self._update_details()

    def _on_activated(self, _index: QModelIndex) -> None:
        self._on_edit()

    def _on_milestone_toggled(self, milestone_id: int, done: bool) -> None:
        goal = self.selected_goal()
        if goal is not None:
            operations = self.context.operations
            self._unless_changed_elsewhere(
                lambda: operations.set_milestone_done(goal, milestone_id, done)
            )

    def _on_add_comment(self) -> None:
        goal = self.selected_goal()
        if goal is not None:
            CommentDialog.ask(self, self.context, goal)

    def _unless_changed_elsewhere(self, edit: Callable[[], object]) -> None:
        """Run ``edit``; if the goal changed elsewhere meanwhile, offer to reload."""
        try:
            edit()
        except (ConcurrentEditError, NotFoundError) as error:
            conflict = error if isinstance(error, ConcurrentEditError) else None
            if conflict is None or ask_to_reload(self, conflict, keep="&Cancel"):
                self.context.operations.announce(frozenset({DataKind.GOALS}))

    def _on_new(self) -> None:
        goal = GoalDialog.ask(self, self.context)
        if goal is not None:
            self.select_goal(goal.id)

    def _on_edit(self) -> None:
        goal = self.selected_goal()
        if goal is None:
            return
        saved = GoalDialog.ask(self, self.context, goal)
        if saved is not None:
            self.select_goal(saved.id)

    def _on_mark_done(self) -> None:
        self._set_status(GoalStatus.DONE)

    def _on_drop(self) -> None:
        self._set_status(GoalStatus.DROPPED)

    def _set_status(self, status: GoalStatus) -> None:
        goal = self.selected_goal()
        if goal is not None and goal.status is not status:
            operations = self.context.operations
            self._unless_changed_elsewhere(lambda: operations.set_goal_status(goal, status))

    def _on_delete(self) -> None:
        goal = self.selected_goal()
        if goal is not None:
            operations = self.context.operations
            self._unless_changed_elsewhere(lambda: operations.delete_goal(goal))
            self.table.setFocus()
