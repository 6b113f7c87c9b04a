"""The Mentees overview: everyone in the database at a glance, for a mentor following several.

Each person's readiness and its trend, the last day anything happened, overdue goals
and the last mentor review; a person opens with Enter (their plan) or the buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.analysis.mentees import MenteeRow, mentee_rows
from planner.gui.mentee_table_model import (
    AIM,
    PERSON,
    PERSON_ID_ROLE,
    SORT_ROLE,
    MenteeTableModel,
)
from planner.gui.operations import DataChange
from planner.gui.views.base import View, ViewContext
from planner.gui.views.competency_panel import MARGIN, plain_label, view_title

PLAN_VIEW, SKILLS_VIEW, GOALS_VIEW = "plan", "skills_view", "goals_view"


def overview_summary(rows: list[MenteeRow], model: MenteeTableModel) -> str:
    """``"3 people · 1 with overdue goals · 2 due for a review"``."""
    people = f"{len(rows)} {'person' if len(rows) == 1 else 'people'}"
    overdue = sum(1 for row in rows if row.overdue_goals)
    due = sum(1 for row in rows if row.review_due(model.today))
    parts = [people]
    parts.append(f"{overdue} with overdue goals" if overdue else "no overdue goals")
    parts.append(f"{due} due for a review" if due else "every review recent")
    return " · ".join(parts)


class MenteesView(View):
    """Everyone in the database with what a mentor checks first.

    Signals: ``open_requested(int, str)`` — show a person (id) in a view (name).
    Public parts (for keyboard use and tests): ``table``, ``model``, ``proxy``,
    ``summary_label``, ``note_label``, ``plan_button``, ``skills_button``, ``goals_button``.
    """

    name = "mentees"
    title = "Mentees"
    open_requested = Signal(int, str)

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = MenteeTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._build()

    # Layout -----------------------------------------------------------------

    def _build(self) -> None:
        self.summary_label = plain_label(muted=True)
        self.summary_label.setObjectName("menteesSummary")
        self.table = QTableView()
        self.table.setObjectName("menteesTable")
        self.table.setAccessibleName("Mentees")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PERSON, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Fitted to the contents once per reload (see _fit_columns), not on every layout.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(AIM, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.note_label = plain_label(
            "Only one person so far. To follow more, open a review packet a mentee sent you"
            " (File > Import review packet), add someone (Edit > New person), or share one"
            " PostgreSQL database with your mentees (see the README).",
            muted=True,
        )
        self.plan_button = QPushButton("Open &plan")
        self.plan_button.setToolTip("Show the selected person's development plan (Enter)")
        self.skills_button = QPushButton("Show s&kills")
        self.skills_button.setToolTip("Their skills, with your ratings beside theirs")
        self.goals_button = QPushButton("Show goa&ls")
        self.goals_button.setToolTip("Their goals, to comment on them")
        self.plan_button.clicked.connect(self._on_open_plan)
        self.skills_button.clicked.connect(self._on_open_skills)
        self.goals_button.clicked.connect(self._on_open_goals)
        buttons = QHBoxLayout()
        for button in (self.plan_button, self.skills_button, self.goals_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN - 4, MARGIN, MARGIN)
        layout.setSpacing(8)
        layout.addWidget(view_title(self.title))
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note_label)
        layout.addLayout(buttons)
        self.setTabOrder(self.table, self.plan_button)
        self.setTabOrder(self.plan_button, self.skills_button)
        self.setTabOrder(self.skills_button, self.goals_button)

    # Data -------------------------------------------------------------------

    def wants(self, change: DataChange) -> bool:
        """Everything shown here comes from every kind of record."""
        return True

    def _on_person_changed(self, person_id: object) -> None:
        """Everyone's figures stay the same: only the selection follows the new person.

        Rows are read again on data changes (and on the first show), not on every switch.
        """
        if self._stale or not isinstance(person_id, int):
            super()._on_person_changed(person_id)
        else:
            self.select_person(person_id)

    def reload(self) -> None:
        """Read everyone's facts again, keeping the selected person."""
        selected = self.selected_person_id()
        rows = mentee_rows(self.context.services)
        self.model.set_rows(rows, self.context.services.clock.today())
        self._fit_columns()
        self.summary_label.setText(overview_summary(rows, self.model))
        self.note_label.setVisible(len(rows) <= 1)
        self.select_person(selected if selected is not None else self.context.person.id)
        self._update_buttons()

    def _fit_columns(self) -> None:
        """Every column but the stretching "Role and target" as wide as its contents.

        Measured once per reload (and on a font or style change) instead of by Qt's
        ResizeToContents mode, which measures every cell again on each layout pass.
        """
        for column in range(self.model.columnCount()):
            if column != AIM:
                self.table.resizeColumnToContents(column)

    def changeEvent(self, event: QEvent) -> None:
        """Measure the columns again in a new font or style."""
        super().changeEvent(event)
        built = hasattr(self, "table")  # a change may arrive while the view is being made
        if built and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_columns()

    def selected_person_id(self) -> int | None:
        """Id of the selected person, if any."""
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(PERSON_ID_ROLE)) if rows else None

    def select_person(self, person_id: int | None) -> None:
        """Select a person's row (the first row when they are not shown)."""
        row = self.model.row_of(person_id) if person_id is not None else None
        index = (
            self.proxy.mapFromSource(self.model.index(row, PERSON))
            if row is not None
            else self.proxy.index(0, PERSON)
        )
        if index.isValid():
            self.table.setCurrentIndex(index)

    def _update_buttons(self) -> None:
        chosen = self.selected_person_id() is not None
        for button in (self.plan_button, self.skills_button, self.goals_button):
            button.setEnabled(chosen)

    # Slots ------------------------------------------------------------------

    def _open(self, view_name: str) -> None:
        person_id = self.selected_person_id()
        if person_id is not None:
            self.open_requested.emit(person_id, view_name)

    def _on_activated(self, _index: QModelIndex) -> None:
        self._open(PLAN_VIEW)

    def _on_open_plan(self) -> None:
        self._open(PLAN_VIEW)

    def _on_open_skills(self) -> None:
        self._open(SKILLS_VIEW)

    def _on_open_goals(self) -> None:
        self._open(GOALS_VIEW)

    def _on_selection_changed(self, *_args: object) -> None:
        self._update_buttons()
