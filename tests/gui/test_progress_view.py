"""The Progress view on the demo person: every chart, the period and area filters, live updates."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from planner.analysis.chart_data import RadarGrouping
from planner.charts.date_axis import day_number
from planner.gui.charts import chart_renderer
from planner.gui.charts.chart_renderer import RenderedChart, RenderRequest
from planner.gui.charts.chart_widget import DRAWING
from planner.gui.dialogs.learning_dialog import LearningDialog
from planner.gui.operations import Operations
from planner.gui.views.base import CurrentPerson, ViewContext
from planner.gui.views.progress_view import CUSTOM, NOTHING, PRESETS, ProgressView
from planner.services.service_set import Services

TODAY = date(2026, 11, 21)


def wait_drawn(qtbot: QtBot, view: ProgressView) -> None:
    """Until every chart has its latest data (read off the GUI thread) and is drawn."""
    qtbot.waitUntil(
        lambda: not view.loading and all(c.figure is not None and not c._dirty for c in view.charts)
    )


@pytest.fixture
def view(qtbot: QtBot, context: ViewContext) -> ProgressView:
    shown = ProgressView(context)
    qtbot.addWidget(shown)
    shown.setMinimumSize(480, 360)
    shown.resize(1024, 700)
    with qtbot.waitExposed(shown):
        shown.show()
    wait_drawn(qtbot, shown)
    return shown


def person_id(context: ViewContext) -> int:
    assert context.person.id is not None
    return context.person.id


def select(qtbot: QtBot, box: QWidget, text: str) -> None:
    """Choose an entry of a combo box by typing the start of it, as a keyboard user would.

    (No spaces: a space opens the list.)
    """
    assert " " not in text
    box.setFocus()
    qtbot.keyClicks(box, text)


def test_every_chart_shows_the_demo_person(view: ProgressView, context: ViewContext) -> None:
    services = context.services
    person = services.people.get(person_id(context))
    assert view.title_label.text() == f"Progress — {person.name}"
    assert view.period_box.currentText() == "Last 12 months"
    assert (view.from_edit.date().toPython(), view.to_edit.date().toPython()) == (
        date(2025, 12, 1),
        TODAY,
    )
    radar = view.radar_chart.data
    assert radar.grouping is RadarGrouping.COMPETENCY and len(radar.spokes) == 20
    latest = services.assessments.list_for(person.id)[-1]
    assert radar.current.label.endswith(latest.assessed_on.isoformat())
    # Compared with the assessment in force at the start of the period.
    assert [c.label for c in radar.comparisons] == ["Self, 2025-08-30"]
    entries = services.learning.list_for(person.id, since=date(2025, 12, 1))
    assert view.hours_chart.data.total == pytest.approx(sum(e.hours for e in entries))
    assert len(view.timeline_chart.data.points) >= 3
    assert view.calendar_chart.data.last == TODAY
    assert view.burn_up_chart.data.created[-1] > 0
    for chart in view.charts:
        assert chart.figure is not None and chart.figure.axes


def test_logging_learning_in_the_dialog_updates_the_charts(
    qtbot: QtBot, view: ProgressView, context: ViewContext
) -> None:
    before_hours = view.hours_chart.data.total
    before_today = view.calendar_chart.data.hours_on(TODAY)
    dialog = LearningDialog(context)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    qtbot.keyClicks(dialog.title_edit, "Feature store deep dive")
    dialog.hours_spin.setFocus()
    qtbot.keyClick(dialog.hours_spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.hours_spin, "3.5")
    with qtbot.waitSignals([view.hours_chart.rendered, view.calendar_chart.rendered]):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert view.hours_chart.data.total == pytest.approx(before_hours + 3.5)
    assert view.calendar_chart.data.hours_on(TODAY) == pytest.approx(before_today + 3.5)
    saved = context.services.learning.list_for(person_id(context), limit=1)[0]
    assert saved.title == "Feature store deep dive"
    # Undo takes it off the charts again.
    with qtbot.waitSignal(view.hours_chart.rendered):
        context.operations.undo_stack.undo()
    assert view.hours_chart.data.total == pytest.approx(before_hours)


def test_the_area_filter_narrows_every_chart(qtbot: QtBot, view: ProgressView) -> None:
    with qtbot.waitSignal(view.charts_updated):
        select(qtbot, view.area_box, "Communication")
    assert view.area_id() == "communication"
    assert view.hours_chart.data.subject == "Communication"
    assert view.hours_chart.data.by_competency
    assert view.timeline_chart.data.subject == "Communication"
    assert view.calendar_chart.data.subject == "Communication"
    assert view.burn_up_chart.data.subject == "Communication"
    radar = view.radar_chart.data
    highlighted = [radar.spokes[i] for i in sorted(radar.highlighted)]
    assert highlighted == ["Communicating across technical and non-technical people"]


def test_periods_from_presets_and_from_dates(
    qtbot: QtBot, view: ProgressView, context: ViewContext
) -> None:
    with qtbot.waitSignal(view.charts_updated):
        select(qtbot, view.period_box, "All")
    assert view.period_box.currentIndex() == len(PRESETS) - 1
    first = view.data.aggregates.first_activity(person_id(context)) if view.data else None
    assert view.from_edit.date().toPython() == first
    assert view.hours_chart.data.months[0] == first.replace(day=1)
    # Typing a date makes the period custom.
    view.from_edit.setFocus()
    view.from_edit.setSelectedSection(view.from_edit.Section.YearSection)
    with qtbot.waitSignal(view.charts_updated):
        qtbot.keyClicks(view.from_edit, "2026")
    wait_drawn(qtbot, view)  # each typed digit asked for the charts again
    assert view.period_box.currentData() == CUSTOM
    assert view.period().first is not None and view.period().first.year == 2026
    assert view.hours_chart.data.months[0].year == 2026
    # The start can never pass the end.
    assert view.from_edit.maximumDate() == view.to_edit.date()


def test_radar_by_area_and_compared_with_nothing(qtbot: QtBot, view: ProgressView) -> None:
    with qtbot.waitSignal(view.radar_chart.rendered):
        select(qtbot, view.grouping_box, "Area")
    assert view.radar_chart.data.grouping is RadarGrouping.AREA
    assert len(view.radar_chart.data.spokes) == 9
    with qtbot.waitSignal(view.charts_updated):
        view.compare_box.setCurrentIndex(view.compare_box.findData(NOTHING))
    assert view.radar_chart.data.comparisons == ()
    mentor = next(
        i for i in range(view.compare_box.count()) if "mentor" in view.compare_box.itemText(i)
    )
    with qtbot.waitSignal(view.charts_updated):
        view.compare_box.setCurrentIndex(mentor)
    (compared,) = view.radar_chart.data.comparisons
    assert compared.mentor and compared.label == view.compare_box.itemText(mentor)


# The tooltip beside the readout asks the offscreen platform to raise it, which it cannot.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_timeline_shows_the_value_under_the_mouse(qtbot: QtBot, view: ProgressView) -> None:
    chart = view.timeline_chart
    view.scroll_area.ensureWidgetVisible(chart)
    canvas, figure, data = chart.canvas, chart.figure, chart.data
    assert canvas is not None and figure is not None
    point = data.points[-1]
    x, y = figure.axes[0].transData.transform((day_number(point.day), point.value))
    ratio = canvas.devicePixelRatioF()
    where = QPoint(round(x / ratio), round(canvas.height() - y / ratio))
    with qtbot.waitSignal(chart.hovered) as hovered:
        qtbot.mouseMove(canvas, where)
    text = f"{point.day.isoformat()} · Readiness {round(point.value * 100)}% · Self"
    assert hovered.args == [text]
    assert view.timeline_readout.text() == text


def test_nobody_to_show(qtbot: QtBot, demo_services: Services) -> None:
    context = ViewContext(demo_services, Operations(demo_services), CurrentPerson())
    empty = ProgressView(context)
    qtbot.addWidget(empty)
    with qtbot.waitExposed(empty):
        empty.show()
    assert empty.empty_label.isVisible()
    assert "Nobody to show yet" in empty.empty_label.text()
    assert not empty.radar_section.isVisible()


def test_two_columns_when_wide(qtbot: QtBot, view: ProgressView) -> None:
    assert view.column_count == 1
    view.resize(1700, 1000)
    qtbot.waitUntil(lambda: view.column_count == 2)
    qtbot.waitUntil(lambda: view.timeline_section.x() > view.radar_section.x())


def test_opening_shows_the_person_at_once_and_the_charts_as_they_come(
    qtbot: QtBot, context: ViewContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real = chart_renderer.draw_chart

    def held(request: RenderRequest) -> RenderedChart:
        release.wait(20)
        return real(request)

    monkeypatch.setattr(chart_renderer, "draw_chart", held)
    view = ProgressView(context)
    qtbot.addWidget(view)
    view.resize(1024, 700)
    try:
        with qtbot.waitExposed(view):
            view.show()
        person = context.services.people.get(person_id(context))
        assert view.title_label.text() == f"Progress — {person.name}"
        qtbot.waitUntil(lambda: not view.loading)  # the data is in; the drawing is held
        assert view.loading_label.isVisible()
        assert view.loading_label.text() == "Updating the charts…"
        for chart in view.charts:
            assert chart.canvas is not None and chart.canvas.message == DRAWING
            assert not chart.drawn
    finally:
        release.set()
    wait_drawn(qtbot, view)
    qtbot.waitUntil(lambda: not view.loading_label.isVisible())
    assert all(c.canvas is not None and c.canvas.image is not None for c in view.charts)


def test_finish_loading_leaves_every_chart_drawn(qtbot: QtBot, view: ProgressView) -> None:
    view.period_box.setCurrentIndex(len(PRESETS) - 1)
    view.finish_loading()
    assert not view.loading
    assert all(chart.drawn for chart in view.charts)
    assert view.hours_chart.data.months[0] < date(2025, 12, 1)  # all time, not 12 months
