"""The Plan view: a live preview of the printable development plan, with its options and exports.

The left column chooses whose plan, which paper and which sections; the preview
shows the very pages that print. The plan's data is gathered once per person and
data change (charts included); toggling a section or the paper only lays the pages
out again. Gathering, drawing the charts and searching for page breaks take a second
or more for a large record (see tests/benchmarks/bench_plan.py), so they run on a
worker thread (:func:`planner.report.prepared_plan.prepare_plan`): the view opens at
once, the preview saying it is being prepared, and the pages appear when ready. The
GUI thread then lays the plan out once with the breaks found (a few tens of ms) and
owns that document, which prints. Print and the exports wait for the worker when it
is still busy.
"""

from __future__ import annotations

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

from planner.gui import plan_printing
from planner.gui.charts.chart_loader import ChartLoader
from planner.gui.plan_preview import PagePreview
from planner.gui.source_cache import stop_keeping_module_sources
from planner.gui.views.base import View, ViewContext
from planner.report.page_setup import Paper, default_paper
from planner.report.paginated_plan import PaginatedPlan
from planner.report.plan_model import SECTION_TITLES, Plan, PlanSections
from planner.report.prepared_plan import PreparedPlan, prepare_plan

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
PREPARING = "Preparing the preview…"
UPDATING = "Updating the preview…"
Request = tuple[int, PlanSections, Paper]  # whose plan, which sections, which paper


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
        self._shown: Request | None = None  # what self.paginated lays out
        self._fresh = False  # whether it was gathered since the data last changed
        self._asked: Request | None = None  # what the worker is preparing
        self.loader = ChartLoader(self)  # one worker thread, newest request wins
        self.loader.loaded.connect(self._on_prepared)
        self.loader.failed.connect(self._on_failed)
        stop_keeping_module_sources()  # the plan's worker imports matplotlib and more
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
        self._fresh = False  # whatever is on screen may be out of date now
        self._asked = None
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
        self._ask()

    def _wanted(self) -> Request | None:
        person_id = self.person_id
        return None if person_id is None else (person_id, self.sections, self.paper)

    def _ask(self) -> None:
        """Have the worker prepare the plan for the current options (unless it is shown)."""
        self._refresh_timer.stop()
        wanted = self._wanted()
        if wanted is None:
            self._show_nothing("Nobody is recorded yet: add yourself to make a plan.")
            return
        if wanted == self._asked or (self._fresh and wanted == self._shown):
            return
        person_id, sections, paper = wanted
        gathered = self._plans.get(person_id)
        services = self.context.services
        self._asked = wanted
        self.loader.load(
            [("plan", lambda: prepare_plan(services, person_id, sections, paper, gathered))]
        )
        if self._shown is None or self._shown[0] != person_id:
            self.preview.show_message(PREPARING)  # never another person's pages meanwhile
            self.info_label.setText("")
        else:
            self.info_label.setText(UPDATING)
        self._enable_actions(True)  # they wait for the worker when used

    def _on_prepared(self, _name: str, prepared: object) -> None:
        assert isinstance(prepared, PreparedPlan)
        self._asked = None
        self._plans[prepared.person_id] = prepared.plan
        self._show(prepared)
        self._ask()  # the options may have changed meanwhile

    def _on_failed(self, _name: str, message: str) -> None:
        self._asked = None
        self._show_nothing(message)

    def _show(self, prepared: PreparedPlan) -> None:
        """Lay the prepared plan out here (one pass) and show its pages."""
        self.paginated = prepared.paginate()
        self._shown = (prepared.person_id, prepared.sections, prepared.paper)
        self._fresh = True
        self.preview.show_plan(self.paginated)
        count = self.paginated.page_count
        noun = "page" if count == 1 else "pages"
        self.info_label.setText(f"{count} {noun} on {prepared.paper.value} paper.")
        self._enable_actions(True)
        self.plan_shown.emit(count)

    def refresh_now(self) -> None:
        """Lay out the plan for the current options and show its pages, waiting for it."""
        self._ask()
        if self._asked is not None:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.loader.wait()
            finally:
                QGuiApplication.restoreOverrideCursor()

    def _show_nothing(self, text: str) -> None:
        self.loader.cancel()
        self._asked = None
        self.paginated = None
        self._shown = None
        self._fresh = False
        self.preview.show_message(text)
        self.info_label.setText("")
        self._enable_actions(False)

    def _enable_actions(self, enabled: bool) -> None:
        for button in (self.print_button, self.pdf_button, self.markdown_button):
            button.setEnabled(enabled)
        self.calendar_button.setEnabled(self.person_id is not None)

    def current_plan(self) -> PaginatedPlan | None:
        """The plan as set up here: waits for the worker if it is out of date or not made."""
        if self._stale or self.person_box.count() == 0:
            self._stale = False
            self.reload()
        if not self._up_to_date():
            self.refresh_now()
        return self.paginated if self._up_to_date() else None

    def _up_to_date(self) -> bool:
        return self._fresh and self._shown is not None and self._wanted() == self._shown

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
