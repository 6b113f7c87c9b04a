"""The Skills view: every competency's level, target and gap, and one competency in detail."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner.analysis.readiness import compute_readiness
from planner.analysis.skills_overview import skills_overview
from planner.framework.schema import Framework, Profile
from planner.gui.dialogs.assessment_dialog import AssessmentDialog
from planner.gui.operations import DataChange, DataKind
from planner.gui.skills_tree_model import (
    ID_ROLE,
    SORT_ROLE,
    AreaRow,
    RatingHistoryModel,
    SkillsTreeModel,
    format_hours,
    rating_history,
    skill_areas,
)
from planner.gui.views.base import View, ViewContext
from planner.gui.views.competency_panel import (
    MARGIN,
    AreaTreeView,
    CompetencyDetails,
    FittedTableView,
    details_scroll_area,
    plain_label,
    section_heading,
    view_title,
)
from planner.services.records import AssessmentRecord

EMPTY_PAGE, SKILLS_PAGE = range(2)
FIRST_COLUMN_MINIMUM = 180


def readiness_summary(profile: Profile, readiness: float, assessed_on: date) -> str:
    """``"Readiness 73% toward Senior ML developer · last assessed 2026-10-08"``."""
    return (
        f"Readiness {readiness:.0%} toward {profile.name} · last assessed {assessed_on.isoformat()}"
    )


def mentor_summary(rows: list[AreaRow]) -> str:
    """``" · mentor Dana Ortiz, 2026-06-02: differs on 5"``, or nothing without a mentor."""
    seen = [
        c.ratings.mentor
        for area in rows
        for c in area.competencies
        if c.ratings is not None and c.ratings.mentor is not None
    ]
    if not seen:
        return ""
    latest = max(seen, key=lambda rating: rating.assessed_on)
    differ = sum(area.disagreements for area in rows)
    verdict = f"differs on {differ}" if differ else "agrees on every one"
    return f" · mentor {latest.rater}, {latest.assessed_on.isoformat()}: {verdict}"


class SkillsView(View):
    """Competencies with current level, target, gap and hours; details of the selected one.

    Public parts (for keyboard use and tests): ``summary_label``, ``new_button``,
    ``empty_button``, ``pages``, ``splitter``, ``tree``, ``model`` (source model),
    ``proxy``, ``details``, ``history_model``, ``history_table``.
    """

    name = "skills_view"
    title = "Skills"

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._framework: Framework | None = None
        self._profile: Profile | None = None
        self._assessments: list[AssessmentRecord] = []
        self._mentor_rated = False
        self._details_shown = 0  # counts showings, so a reload shows the details once
        self._build()

    # Layout -----------------------------------------------------------------

    def _build(self) -> None:
        self.new_button = QPushButton("&New assessment…")
        self.new_button.setToolTip("Rate every competency again (Ctrl+Shift+A)")
        self.new_button.clicked.connect(self._on_new_assessment)
        heading = QHBoxLayout()
        heading.addWidget(view_title(self.title))
        heading.addStretch(1)
        heading.addWidget(self.new_button)
        self.summary_label = plain_label(muted=True)
        self.summary_label.setObjectName("skillsSummary")

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_empty_page())
        self.pages.addWidget(self._build_skills_page())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN - 4, MARGIN, MARGIN)
        layout.setSpacing(8)
        layout.addLayout(heading)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.pages, 1)

    def _build_empty_page(self) -> QWidget:
        self.empty_heading = section_heading("No assessment yet")
        self.empty_text = plain_label()
        self.empty_text.setFixedWidth(460)
        self.empty_button = QPushButton("Start your first &assessment…")
        self.empty_button.clicked.connect(self._on_new_assessment)
        column = QVBoxLayout()
        column.setSpacing(10)
        column.addWidget(self.empty_heading)
        column.addWidget(self.empty_text)
        column.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout()
        layout.addStretch(1)
        layout.addLayout(column)
        layout.addStretch(1)
        outer = QVBoxLayout()
        outer.addStretch(1)
        outer.addLayout(layout)
        outer.addStretch(2)
        holder = QWidget()
        holder.setLayout(outer)
        return holder

    def _build_skills_page(self) -> QWidget:
        self.model = SkillsTreeModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.tree = AreaTreeView(first_column_minimum=FIRST_COLUMN_MINIMUM)
        self.tree.installEventFilter(self)
        self.tree.setModel(self.proxy)
        self.tree.setSortingEnabled(True)
        self.tree.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)

        self.details = CompetencyDetails()
        self.history_heading = section_heading("Rating history")
        self.history_model = RatingHistoryModel(self)
        self.history_table = FittedTableView(RatingHistoryModel.COL_EVIDENCE)
        self.history_table.setModel(self.history_model)
        self.history_empty = plain_label("Not rated yet.", muted=True)
        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.setSpacing(6)
        panel_layout.addWidget(self.details)
        panel_layout.addSpacing(8)
        panel_layout.addWidget(self.history_heading)
        panel_layout.addWidget(self.history_table)
        panel_layout.addWidget(self.history_empty)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(details_scroll_area(panel))
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        # The table is what people scan; the details panel reads fine at a third.
        self.splitter.setSizes([690, 310])
        self.tree.setMinimumWidth(320)
        return self.splitter

    # Data -------------------------------------------------------------------

    def wants(self, change: DataChange) -> bool:
        """Assessments, learning hours, the person's target, and frameworks."""
        return change.touches(
            DataKind.ASSESSMENTS, DataKind.LEARNING, DataKind.PEOPLE, DataKind.FRAMEWORKS
        )

    def reload(self) -> None:
        """Read the current person's assessments and learning again."""
        person_id = self.context.person.id
        if person_id is None:
            self._show_empty("Add yourself first; then rate your skills here.", enabled=False)
            return
        overview = skills_overview(self.context.services, person_id)
        framework, profile, assessments = overview.framework, overview.profile, overview.assessments
        self._framework, self._profile, self._assessments = framework, profile, assessments
        if not assessments:
            self._show_empty(
                f"Rate yourself on the {len(framework.competencies)} competencies of your"
                f" framework ({framework.name}) to see your level in each, your gap to the"
                f" “{profile.name}” profile and where to grow next. Each level comes with a"
                " description, so you can pick the one that fits. A mentor can rate you too.",
                enabled=True,
            )
            return
        hours = overview.hours
        rows = skill_areas(framework, profile, assessments, hours.by_competency, hours.by_area)
        latest = assessments[-1]
        overall = compute_readiness(framework, profile, latest.levels).overall
        summary = readiness_summary(profile, overall, latest.assessed_on)
        self.summary_label.setText(summary + mentor_summary(rows))
        self.new_button.setVisible(True)
        self.pages.setCurrentIndex(SKILLS_PAGE)
        self._show_rows(rows, framework)
        self._mentor_rated = any(c.ratings for area in rows for c in area.competencies)
        self.tree.setColumnHidden(SkillsTreeModel.COL_MENTOR, not self._mentor_rated)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """With the Mentor column in a narrow window, let the Assessed date give way.

        The date is in each rating's history; the names of the competencies matter more.
        """
        if not self._mentor_rated:
            self.tree.setColumnHidden(SkillsTreeModel.COL_LAST, False)
            return
        needed = FIRST_COLUMN_MINIMUM + sum(
            self.tree.fitted_width(column) for column in range(1, self.tree.header().count())
        )
        narrow = self.tree.viewport().width() < needed
        self.tree.setColumnHidden(SkillsTreeModel.COL_LAST, narrow)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refit the columns when the tree's width changes (window or splitter)."""
        if watched is self.tree and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _show_empty(self, text: str, *, enabled: bool) -> None:
        self.summary_label.setText("")
        self.empty_text.setText(text)
        self.empty_button.setEnabled(enabled)
        self.new_button.setVisible(False)
        self.pages.setCurrentIndex(EMPTY_PAGE)

    def _show_rows(self, rows: list[AreaRow], framework: Framework) -> None:
        current = self.tree.currentIndex()
        selected = str(current.data(ID_ROLE)) if current.isValid() else ""
        self.model.set_rows(rows, framework.scale)
        source = self.model.index_of(selected) if selected else QModelIndex()
        if not source.isValid():
            source = self.model.index(0, 0, self.model.index(0, 0))
        index = self.proxy.mapFromSource(source)
        shown = self._details_shown
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if self._details_shown == shown:  # the current row did not change: show it anew
            self._show_details(index)

    def _show_details(self, index: QModelIndex | QPersistentModelIndex) -> None:
        self._details_shown += 1
        framework, profile = self._framework, self._profile
        if framework is None or profile is None or not index.isValid():
            return
        source = self.proxy.mapToSource(index)
        row = self.model.competency_at(source)
        if row is None:
            area_row = self.model.areas[source.row()]
            area = next(a for a in framework.areas if a.id == area_row.area_id)
            self.details.show_area(area, _area_summary(area_row))
            self._show_history(False)
            return
        competency = framework.competency(row.competency_id)
        self.details.show_competency(framework, competency, row.level, row.target)
        self.history_model.set_rows(
            rating_history(self._assessments, row.competency_id), framework.scale
        )
        self._show_history(True)

    def _show_history(self, visible: bool) -> None:
        has_rows = self.history_model.rowCount() > 0
        self.history_heading.setVisible(visible)
        self.history_table.setVisible(visible and has_rows)
        self.history_empty.setVisible(visible and not has_rows)

    # Slots ------------------------------------------------------------------

    def _on_current_changed(
        self, current: QModelIndex | QPersistentModelIndex, _previous: object
    ) -> None:
        self._show_details(current)

    def _on_new_assessment(self) -> None:
        AssessmentDialog.ask(self, self.context)


def _area_summary(area: AreaRow) -> str:
    readiness = "not rated" if area.readiness is None else f"readiness {area.readiness:.0%}"
    gap = f"{area.gap} level{'' if area.gap == 1 else 's'} to go"
    return f"{readiness} · {gap} · {format_hours(area.hours)} hours logged"
