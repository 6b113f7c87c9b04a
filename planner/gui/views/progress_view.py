"""The Progress view: every chart of the current person, for a chosen period and area.

A period (a preset or two dates) and an area filter apply to all charts: the radar
marks the area's spokes, the others show only that area. The radar can be drawn per
competency or per area and compared with any earlier assessment; by default it is
compared with the one in force at the start of the period, so it shows the change
over the period. Charts redraw through the View base when the data changes; their
data is read off the GUI thread (:class:`ChartLoader`), so ten years of log never
freeze the window, and the slowest chart arrives last. The charts are drawn off the
GUI thread too (see :mod:`planner.gui.charts.chart_widget`): the view opens with the
person's name, periods and areas at once, each chart saying it is being drawn, and a
line beside the title says "Updating the charts…" until the last one is in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from planner.analysis.chart_data import RadarGrouping, assessment_label
from planner.analysis.learning_stats import month_start
from planner.analysis.progress_charts import ChartPeriod, ProgressData
from planner.charts.theme import ChartTheme
from planner.errors import NotFoundError
from planner.gui.charts.chart_loader import ChartLoader, Task
from planner.gui.charts.chart_section import ChartSection
from planner.gui.charts.chart_widget import ChartReadout, ChartWidget
from planner.gui.charts.renderers import (
    calendar_height,
    hover_timeline,
    render_burn_up,
    render_calendar,
    render_hours,
    render_radar,
    render_timeline,
)
from planner.gui.operations import DataChange
from planner.gui.qt_dates import to_qdate
from planner.gui.views.base import View, ViewContext, fill_with_scrolling_page

MARGIN = 16
SPACING = 14
TWO_COLUMNS_FROM = 1180
EARLIEST = date(1970, 1, 1)
HEIGHTS = {"radar": 560, "timeline": 300, "burn-up": 260, "hours": 360, "calendar": 170}
CALENDAR_HEIGHTS = (150, 360)
PERIOD_START = "period-start"
NOTHING = "nothing"
CUSTOM = -1


@dataclass(frozen=True)
class PeriodPreset:
    """A period named in the selector: the last ``months`` whole months, or everything."""

    label: str
    months: int | None

    def period(self, today: date) -> ChartPeriod:
        """The days the preset covers, up to ``today``."""
        first = month_start(today, self.months - 1) if self.months else None
        return ChartPeriod(first, today)


PRESETS = (
    PeriodPreset("Last 3 months", 3),
    PeriodPreset("Last 12 months", 12),
    PeriodPreset("Last 2 years", 24),
    PeriodPreset("Last 5 years", 60),
    PeriodPreset("All time", None),
)
DEFAULT_PRESET = 1


def fitted_calendar_height(width: int, theme: ChartTheme) -> int:
    """The calendar's height for its width, within sensible bounds."""
    return max(CALENDAR_HEIGHTS[0], min(CALENDAR_HEIGHTS[1], calendar_height(width, theme)))


def comparison_ids(data: ProgressData, choice: object, period: ChartPeriod) -> list[int]:
    """The assessments the radar compares with, for a choice of the compare box."""
    if choice == NOTHING or choice is None:
        return []
    if choice == PERIOD_START:
        found = data.default_comparison(period.first)
        return [found] if found is not None else []
    return [int(str(choice))]


def _date(value: QDate) -> date:
    result = value.toPython()
    assert isinstance(result, date)
    return result


class ProgressView(View):
    """All the charts of the current person with a period and an area filter.

    Signals: ``charts_updated()`` once every chart has the data of the latest choices.
    """

    name = "progress"
    title = "Progress"
    charts_updated = Signal()

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.data: ProgressData | None = None
        self.loader = ChartLoader(self)
        self.loader.loaded.connect(self._on_chart_loaded)
        self.loader.failed.connect(self._on_chart_failed)
        self.loader.finished.connect(self._on_charts_loaded)
        self._build_controls()
        self._build_charts()
        self._build_layout()
        self._connect()

    # Layout -----------------------------------------------------------------

    def _build_controls(self) -> None:
        self.title_label = QLabel("Progress")
        self.title_label.setObjectName("viewTitle")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.period_box = QComboBox()
        self.period_box.setObjectName("periodBox")
        for preset in PRESETS:
            self.period_box.addItem(preset.label)
        self.period_box.addItem("Custom dates", CUSTOM)
        self.period_box.setCurrentIndex(DEFAULT_PRESET)
        today = self.context.services.clock.today()
        self.from_edit = self._date_edit("fromDate")
        self.to_edit = self._date_edit("toDate")
        self.to_edit.setMaximumDate(to_qdate(today))
        self.area_box = QComboBox()
        self.area_box.setObjectName("areaBox")
        self.area_box.setMinimumContentsLength(18)
        self.grouping_box = QComboBox()
        self.grouping_box.setObjectName("groupingBox")
        self.grouping_box.addItem("Competency", RadarGrouping.COMPETENCY)
        self.grouping_box.addItem("Area", RadarGrouping.AREA)
        self.compare_box = QComboBox()
        self.compare_box.setObjectName("compareBox")
        self.compare_box.setMinimumContentsLength(22)
        self._set_period_edits(PRESETS[DEFAULT_PRESET].period(today))

    @staticmethod
    def _date_edit(name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(to_qdate(EARLIEST))
        return edit

    def _build_charts(self) -> None:
        self.radar_chart = ChartWidget(render_radar, "radar")
        self.timeline_chart = ChartWidget(render_timeline, "readiness", hover=hover_timeline)
        self.hours_chart = ChartWidget(render_hours, "hours-per-area")
        self.calendar_chart = ChartWidget(
            render_calendar, "activity-calendar", fit_height=fitted_calendar_height
        )
        self.burn_up_chart = ChartWidget(render_burn_up, "goal-burn-up")
        self.charts = [
            self.radar_chart,
            self.timeline_chart,
            self.hours_chart,
            self.calendar_chart,
            self.burn_up_chart,
        ]
        for chart in self.charts:
            chart.rendered.connect(self._on_chart_drawn)
        self.radar_section = ChartSection(
            "Levels against the target", self.radar_chart, HEIGHTS["radar"]
        )
        radar_controls = (("Show &by:", self.grouping_box), ("Com&pare with:", self.compare_box))
        for caption, box in radar_controls:
            label = QLabel(caption)
            label.setBuddy(box)
            self.radar_section.controls.addWidget(label)
            self.radar_section.controls.addWidget(box)
        self.timeline_section = ChartSection(
            "Readiness over time", self.timeline_chart, HEIGHTS["timeline"]
        )
        self.timeline_readout = ChartReadout(
            self.timeline_chart, "Point at the chart to read a value."
        )
        self.timeline_section.body.addWidget(self.timeline_readout)
        self.hours_section = ChartSection(
            "Learning hours per month", self.hours_chart, HEIGHTS["hours"]
        )
        self.calendar_section = ChartSection(
            "Activity in the last twelve months", self.calendar_chart, HEIGHTS["calendar"]
        )
        self.burn_up_section = ChartSection(
            "Goals created and done", self.burn_up_chart, HEIGHTS["burn-up"]
        )

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        filters.setSpacing(8)
        for caption, widget in (
            ("&Period:", self.period_box),
            ("&From", self.from_edit),
            ("&to", self.to_edit),
            ("&Area:", self.area_box),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
            if widget is self.to_edit:
                filters.addSpacing(16)
        filters.addStretch(1)
        self.loading_label = QLabel()
        self.loading_label.setObjectName("chartsLoading")
        self.loading_label.setTextFormat(Qt.TextFormat.PlainText)
        self.loading_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.loading_label.hide()
        heading = QHBoxLayout()
        heading.addWidget(self.title_label)
        heading.addStretch(1)
        heading.addWidget(self.loading_label, 0, Qt.AlignmentFlag.AlignBottom)
        self.empty_label = QLabel()
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setSpacing(SPACING)
        content = QWidget()
        content.setObjectName("progressContent")
        outer = QVBoxLayout(content)
        outer.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        outer.setSpacing(SPACING)
        outer.addLayout(heading)
        outer.addLayout(filters)
        outer.addWidget(self.empty_label)
        outer.addLayout(self.grid)
        outer.addStretch(1)
        self.scroll_area = fill_with_scrolling_page(self, content)
        self.column_count = 0
        self._arrange(1)
        chain = [
            self.period_box,
            self.from_edit,
            self.to_edit,
            self.area_box,
            self.grouping_box,
            self.compare_box,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _arrange(self, columns: int) -> None:
        """One column of charts, or two: radar beside readiness and goals, then the rest."""
        if columns == self.column_count:
            return
        self.column_count = columns
        sections = [
            self.radar_section,
            self.timeline_section,
            self.burn_up_section,
            self.hours_section,
            self.calendar_section,
        ]
        for section in sections:
            self.grid.removeWidget(section)
        if columns == 1:
            for row, section in enumerate(
                [
                    self.radar_section,
                    self.timeline_section,
                    self.hours_section,
                    self.burn_up_section,
                    self.calendar_section,
                ]
            ):
                self.grid.addWidget(section, row, 0)
            self.grid.setColumnStretch(1, 0)
        else:
            self.grid.addWidget(self.radar_section, 0, 0, 2, 1)
            self.grid.addWidget(self.timeline_section, 0, 1)
            self.grid.addWidget(self.burn_up_section, 1, 1)
            self.grid.addWidget(self.hours_section, 2, 0, 1, 2)
            self.grid.addWidget(self.calendar_section, 3, 0, 1, 2)
            self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(0, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Two columns when wide enough."""
        super().resizeEvent(event)
        self._arrange(2 if event.size().width() - 2 * MARGIN >= TWO_COLUMNS_FROM else 1)

    def _connect(self) -> None:
        self.period_box.currentIndexChanged.connect(self._on_period_chosen)
        self.from_edit.dateChanged.connect(self._on_dates_edited)
        self.to_edit.dateChanged.connect(self._on_dates_edited)
        self.area_box.currentIndexChanged.connect(self._on_area_chosen)
        self.grouping_box.currentIndexChanged.connect(self._on_radar_options)
        self.compare_box.currentIndexChanged.connect(self._on_radar_options)

    # State ------------------------------------------------------------------

    def period(self) -> ChartPeriod:
        """The period chosen: a preset's, or the two dates."""
        today = self.context.services.clock.today()
        index = self.period_box.currentIndex()
        if 0 <= index < len(PRESETS):
            return PRESETS[index].period(today)
        return ChartPeriod(_date(self.from_edit.date()), _date(self.to_edit.date()))

    def area_id(self) -> str | None:
        """The area chosen, or None for all."""
        value = self.area_box.currentData()
        return str(value) if value else None

    def _set_period_edits(self, period: ChartPeriod) -> None:
        first = period.first
        if first is None:
            first = self.data.resolve(period)[0] if self.data is not None else period.last
        for edit in (self.from_edit, self.to_edit):
            edit.blockSignals(True)
        self.to_edit.setDate(to_qdate(period.last))
        self.from_edit.setMaximumDate(to_qdate(period.last))
        self.from_edit.setDate(to_qdate(first))
        self.to_edit.setMinimumDate(to_qdate(first))
        for edit in (self.from_edit, self.to_edit):
            edit.blockSignals(False)

    # Data -------------------------------------------------------------------

    def wants(self, change: DataChange) -> bool:
        """Changes to the current person's records (or to anyone's)."""
        return change.person_id is None or change.person_id == self.context.person.id

    def reload(self) -> None:
        """Read the current person's figures again and redraw every chart."""
        person_id = self.context.person.id
        try:
            self.data = ProgressData(self.context.services, person_id) if person_id else None
        except NotFoundError:  # the person was just removed; the window picks another
            self.data = None
        has_data = self.data is not None
        for section in self._sections():
            section.setVisible(has_data)
        self.empty_label.setVisible(not has_data)
        if self.data is None:
            self.title_label.setText("Progress")
            self.empty_label.setText(
                "Nobody to show yet. Add yourself in the welcome wizard or open the demo data."
            )
            return
        self.title_label.setText(f"Progress — {self.data.person.name}")
        self._fill_areas()
        self._fill_comparisons()
        if self.period_box.currentData() != CUSTOM:
            self._set_period_edits(self.period())
        self._refresh()

    def _sections(self) -> list[QWidget]:
        return [
            self.radar_section,
            self.timeline_section,
            self.hours_section,
            self.calendar_section,
            self.burn_up_section,
        ]

    def _fill_areas(self) -> None:
        assert self.data is not None
        chosen = self.area_id()
        self.area_box.blockSignals(True)
        self.area_box.clear()
        self.area_box.addItem("All areas", "")
        for area in self.data.framework.areas:
            self.area_box.addItem(area.name, area.id)
        index = self.area_box.findData(chosen) if chosen else 0
        self.area_box.setCurrentIndex(max(0, index))
        self.area_box.blockSignals(False)

    def _fill_comparisons(self) -> None:
        assert self.data is not None
        chosen = self.compare_box.currentData()
        self.compare_box.blockSignals(True)
        self.compare_box.clear()
        self.compare_box.addItem("Start of the period", PERIOD_START)
        self.compare_box.addItem("Nothing", NOTHING)
        for score in self.data.assessment_choices():
            self.compare_box.addItem(assessment_label(score), score.assessment_id)
        index = self.compare_box.findData(chosen) if chosen is not None else 0
        self.compare_box.setCurrentIndex(max(0, index))
        self.compare_box.blockSignals(False)

    def _refresh(self, *, radar_only: bool = False) -> None:
        """Read every chart's data for the current choices, off the GUI thread.

        The choices are read here; the worker only reads the database. The slowest
        chart (hours over years of log) comes last, so the others appear first.
        """
        data, period, area = self.data, self.period(), self.area_id()
        assert data is not None
        grouping = self.grouping_box.currentData()
        assert isinstance(grouping, RadarGrouping)
        choice = self.compare_box.currentData()

        def radar() -> object:
            return data.radar(comparison_ids(data, choice, period), grouping, area)

        tasks: list[Task] = [(self.radar_chart.name, radar)]
        if not radar_only:
            tasks += [
                (self.timeline_chart.name, lambda: data.timeline(period, area)),
                (self.calendar_chart.name, lambda: data.calendar(period.last, area)),
                (self.burn_up_chart.name, lambda: data.burn_up(period, area)),
                (self.hours_chart.name, lambda: data.hours(period, area)),
            ]
        self.loading_label.setText("Updating the charts…")
        self.loading_label.show()
        for chart in self.charts if not radar_only else [self.radar_chart]:
            chart.show_pending()
        self.loader.load(tasks)

    def finish_loading(self) -> None:
        """Wait for the charts' data and for every chart drawn (screenshots, benchmarks)."""
        self.loader.wait()
        for chart in self.charts:
            chart.render_now()
        QApplication.processEvents()

    @property
    def loading(self) -> bool:
        """Whether chart data is still being read."""
        return self.loader.busy

    def _on_chart_loaded(self, name: str, data: object) -> None:
        chart = next(c for c in self.charts if c.name == name)
        chart.set_data(data)

    def _on_chart_failed(self, name: str, message: str) -> None:
        self.loading_label.setText(
            f"The {name.replace('-', ' ')} chart could not be read: {message}"
        )

    def _on_charts_loaded(self) -> None:
        self._on_chart_drawn()
        self.charts_updated.emit()

    def _on_chart_drawn(self) -> None:
        """Hide "Updating the charts…" once the data is in and every chart shows it."""
        if self.loading or self.loading_label.text().startswith("The "):
            return
        if all(chart.drawn for chart in self.charts if chart.isVisible()):
            self.loading_label.hide()

    # Slots ------------------------------------------------------------------

    def _on_period_chosen(self, index: int) -> None:
        if self.data is None or self.period_box.itemData(index) == CUSTOM:
            return
        self._set_period_edits(self.period())
        self._refresh()

    def _on_dates_edited(self, _value: QDate) -> None:
        self.from_edit.setMaximumDate(self.to_edit.date())
        self.to_edit.setMinimumDate(self.from_edit.date())
        custom = self.period_box.findData(CUSTOM)
        if self.period_box.currentIndex() != custom:
            self.period_box.blockSignals(True)
            self.period_box.setCurrentIndex(custom)
            self.period_box.blockSignals(False)
        if self.data is not None:
            self._refresh()

    def _on_area_chosen(self, _index: int) -> None:
        if self.data is not None:
            self._refresh()

    def _on_radar_options(self, _index: int) -> None:
        if self.data is not None:
            self._refresh(radar_only=True)
