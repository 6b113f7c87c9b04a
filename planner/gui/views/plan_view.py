"""The Plan view: a live preview of the printable development plan, with its options and exports.

The left column chooses whose plan, which paper and which sections; the preview
shows the very pages that print. The plan's data is gathered once per person and
data change (charts included); toggling a section or the paper only lays the pages
out again. Gathering and layout take about a second even for a large record (see
tests/benchmarks/bench_plan.py), so they run on the GUI thread, deferred to the next
event-loop turn behind a wait cursor.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.errors import NotFoundError
from planner.gui import plan_printing
from planner.gui.plan_preview import PagePreview
from planner.gui.views.base import View, ViewContext
from planner.report.page_setup import Paper, default_paper
from planner.report.paginated_plan import PaginatedPlan
from planner.report.plan_model import SECTION_TITLES, Plan, PlanSections

OPTIONS_WIDTH = 290
REFRESH_DELAY_MS = 60
CHECKBOX_LABELS = {  # short, with mnemonics; the plan's own headings are longer
    "radar": "Radar &chart",
    "gaps": "&Gaps by area",
    "changes": "C&hanges since last assessment",
    "goals": "Active g&oals",
    "next_steps": "&Next steps",
    "learning": "&Learning, last 90 days",
    "progress": "&Readiness over time",
    "sign_off": "Review and &sign-off",
}
PREPARING = "Preparing the plan…"


def _plain(text: str = "", *, muted: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if muted:
        label.setForegroundRole(label.foregroundRole().PlaceholderText)
    return label


class PlanView(View):
    """Preview, print and export one person's development plan.

    Signals: ``plan_shown(int)`` — a plan of that many pages is on screen.
    """

    name = "plan"
    title = "Plan"
    plan_shown = Signal(int)

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._plans: dict[int, Plan] = {}
        self._chosen: int | None = None
        self.paginated: PaginatedPlan | None = None
        self._build()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self._on_refresh_due)

    # Layout -----------------------------------------------------------------

    def _build(self) -> None:
        heading = QLabel("Plan")
        heading.setObjectName("viewTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        intro = _plain(
            "The development plan to take to a review with your mentor or manager.", muted=True
        )

        self.person_box = QComboBox()
        self.person_box.setObjectName("planPerson")
        self.person_box.setMinimumContentsLength(12)
        self.paper_box = QComboBox()
        self.paper_box.setObjectName("planPaper")
        for paper in Paper:
            self.paper_box.addItem(paper.value, paper)
        self.paper_box.setCurrentIndex(list(Paper).index(default_paper()))
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        person_label = QLabel("&Person:")
        person_label.setBuddy(self.person_box)
        paper_label = QLabel("Paper si&ze:")
        paper_label.setBuddy(self.paper_box)
        form.addRow(person_label, self.person_box)
        form.addRow(paper_label, self.paper_box)

        sections = QGroupBox("Sections")
        section_column = QVBoxLayout(sections)
        self.section_boxes: dict[str, QCheckBox] = {}
        for name in PlanSections.names():
            box = QCheckBox(CHECKBOX_LABELS.get(name, SECTION_TITLES[name]))
            box.setToolTip(SECTION_TITLES[name])
            box.setObjectName(f"section_{name}")
            box.setChecked(True)
            box.toggled.connect(self._on_options_changed)
            section_column.addWidget(box)
            self.section_boxes[name] = box

        self.print_button = QPushButton("Pr&int…")
        self.pdf_button = QPushButton("Export P&DF…")
        self.markdown_button = QPushButton("Export &Markdown…")
        self.calendar_button = QPushButton("Export c&alendar…")
        self.calendar_button.setToolTip("Goal and milestone due dates as an .ics file")
        buttons = QVBoxLayout()
        buttons.setSpacing(6)
        for button in (
            self.print_button,
            self.pdf_button,
            self.markdown_button,
            self.calendar_button,
        ):
            buttons.addWidget(button)
        self.info_label = _plain(muted=True)
        self.info_label.setObjectName("planInfo")
        self.status_label = _plain(muted=True)
        self.status_label.setObjectName("planStatus")

        options = QFrame()
        options.setObjectName("planOptions")
        options.setFixedWidth(OPTIONS_WIDTH)
        column = QVBoxLayout(options)
        column.setContentsMargins(16, 14, 12, 14)
        column.setSpacing(12)
        column.addWidget(heading)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(sections)
        column.addLayout(buttons)
        column.addWidget(self.info_label)
        column.addWidget(self.status_label)
        column.addStretch(1)

        self.preview = PagePreview()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(options)
        layout.addWidget(self.preview, 1)

        self.person_box.currentIndexChanged.connect(self._on_person_picked)
        self.paper_box.currentIndexChanged.connect(self._on_options_changed)
        self.print_button.clicked.connect(self._on_print)
        self.pdf_button.clicked.connect(self._on_export_pdf)
        self.markdown_button.clicked.connect(self._on_export_markdown)
        self.calendar_button.clicked.connect(self._on_export_calendar)
        QWidget.setTabOrder(self.person_box, self.paper_box)

    # Options ------------------------------------------------------------------

    @property
    def sections(self) -> PlanSections:
        """The sections ticked."""
        return PlanSections(**{n: box.isChecked() for n, box in self.section_boxes.items()})

    @property
    def paper(self) -> Paper:
        """The paper chosen."""
        return Paper(self.paper_box.currentData())

    @property
    def person_id(self) -> int | None:
        """Whose plan is shown (None when the database holds nobody)."""
        data = self.person_box.currentData()
        return int(data) if data is not None else None

    # Loading ------------------------------------------------------------------

    def reload(self) -> None:
        """Gather the plan anew (any edit can change it) for the person chosen here.

        That is the window's current person, unless another one was picked in this
        view since the window last switched.
        """
        self._plans.clear()
        people = self.context.services.people.list()
        self.person_box.blockSignals(True)
        self.person_box.clear()
        for person in people:
            self.person_box.addItem(person.name, person.id)
        ids = [p.id for p in people]
        wanted = self._chosen if self._chosen in ids else self.context.person.id
        if wanted in ids:
            self.person_box.setCurrentIndex(ids.index(wanted))
        self.person_box.blockSignals(False)
        self.person_box.setEnabled(len(people) > 1)
        if self.paginated is None:
            self.preview.show_message(PREPARING)
        self._refresh_timer.start(0)  # let the view paint first

    def _on_person_changed(self, person_id: object) -> None:
        self._chosen = None  # the window switched: follow it
        super()._on_person_changed(person_id)

    def _on_person_picked(self, _index: int) -> None:
        self._chosen = self.person_id
        self._refresh_timer.start(REFRESH_DELAY_MS)

    def _on_options_changed(self, *_args: object) -> None:
        self._refresh_timer.start(REFRESH_DELAY_MS)

    def _on_refresh_due(self) -> None:
        self.refresh_now()

    def refresh_now(self) -> None:
        """Lay out the plan for the current options and show its pages."""
        self._refresh_timer.stop()
        person_id = self.person_id
        if person_id is None:
            self._show_nothing("Nobody is recorded yet: add yourself to make a plan.")
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            plan = self._plan_for(person_id)
            self.paginated = PaginatedPlan(replace(plan, sections=self.sections), self.paper)
        except NotFoundError as exc:
            self._show_nothing(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.preview.show_plan(self.paginated)
        count = self.paginated.page_count
        noun = "page" if count == 1 else "pages"
        self.info_label.setText(f"{count} {noun} on {self.paper.value} paper.")
        self._enable_actions(True)
        self.plan_shown.emit(count)

    def _plan_for(self, person_id: int) -> Plan:
        if person_id not in self._plans:
            from planner.report.plan_data import build_plan

            self._plans[person_id] = build_plan(self.context.services, person_id)
        return self._plans[person_id]

    def _show_nothing(self, text: str) -> None:
        self.paginated = None
        self.preview.show_message(text)
        self.info_label.setText("")
        self._enable_actions(False)

    def _enable_actions(self, enabled: bool) -> None:
        for button in (self.print_button, self.pdf_button, self.markdown_button):
            button.setEnabled(enabled)
        self.calendar_button.setEnabled(self.person_id is not None)

    def current_plan(self) -> PaginatedPlan | None:
        """The plan as set up here, laid out now if it is out of date or was never made."""
        if self._stale:
            self._stale = False
            self.reload()
        if self.paginated is None or self._refresh_timer.isActive():
            if self.person_box.count() == 0:
                self.reload()
            self.refresh_now()
        return self.paginated

    # Actions ------------------------------------------------------------------

    def _on_print(self) -> None:
        paginated = self.current_plan()
        if paginated is not None and plan_printing.print_with_dialog(self, paginated):
            self.status_label.setText("Sent to the printer.")

    def print_preview(self) -> None:
        """File > Print plan: the print preview dialog of the plan as set up here."""
        paginated = self.current_plan()
        if paginated is None:
            return
        dialog = plan_printing.preview_dialog(self, paginated)
        plan_printing.run_dialog(dialog)
        dialog.deleteLater()

    def _on_export_pdf(self) -> None:
        paginated = self.current_plan()
        if paginated is not None and (path := plan_printing.export_pdf(self, paginated)):
            self.status_label.setText(f"Saved {path.name}")

    def _on_export_markdown(self) -> None:
        paginated = self.current_plan()
        if paginated is not None and (path := plan_printing.export_markdown(self, paginated)):
            self.status_label.setText(f"Saved {path.name}")

    def _on_export_calendar(self) -> None:
        person_id = self.person_id
        if person_id is None:
            return
        path = plan_printing.export_calendar(self, self.context.services, person_id)
        if path is not None:
            self.status_label.setText(f"Saved {path.name}")
