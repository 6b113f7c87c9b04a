"""A chart on screen: drawn only once visible, in the palette's colours, exported on request."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from datetime import date
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QContextMenuEvent, QPalette
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from planner.analysis.chart_data import DayHours, activity_calendar
from planner.charts.theme import ChartTheme
from planner.gui.charts import chart_renderer, chart_widget
from planner.gui.charts.chart_widget import ChartWidget
from planner.gui.charts.renderers import render_calendar
from planner.gui.palette import dark_palette

TODAY = date(2026, 11, 21)
DATA = activity_calendar([DayHours(TODAY, 2.0)], TODAY)


@pytest.fixture
def chart(qtbot: QtBot) -> ChartWidget:
    widget = ChartWidget(render_calendar, "activity-calendar")
    qtbot.addWidget(widget)
    widget.resize(800, 220)
    return widget


def show(qtbot: QtBot, chart: ChartWidget) -> None:
    with qtbot.waitSignal(chart.rendered), qtbot.waitExposed(chart):
        chart.show()


def test_nothing_is_drawn_until_the_chart_is_shown(qtbot: QtBot, chart: ChartWidget) -> None:
    chart.set_data(DATA)
    QApplication.processEvents()  # a queued build would run now: there must be none
    assert chart.canvas is None and chart.figure is None
    assert not chart.png_action.isEnabled()
    show(qtbot, chart)
    assert chart.figure is not None and chart.figure.axes
    assert chart.png_action.isEnabled() and chart.svg_action.isEnabled()
    # The figure follows the canvas, which fills the chart but for the focus frame's margin.
    canvas = chart.canvas
    assert canvas is not None
    qtbot.waitUntil(lambda: chart.width() - canvas.width() == 4)
    width, height = chart.figure.get_size_inches() * chart.figure.dpi
    ratio = canvas.devicePixelRatioF()
    assert (round(width / ratio), round(height / ratio)) == (canvas.width(), canvas.height())
    assert (chart.width() - canvas.width(), chart.height() - canvas.height()) == (4, 4)


def test_follows_the_palette(qtbot: QtBot, chart: ChartWidget) -> None:
    chart.set_data(DATA)
    show(qtbot, chart)
    light = chart.figure.get_facecolor() if chart.figure else None
    with qtbot.waitSignal(chart.rendered):
        chart.setPalette(dark_palette())
    assert chart.figure is not None
    window = dark_palette().color(QPalette.ColorRole.Window)
    assert chart.figure.get_facecolor()[:3] == pytest.approx(window.getRgbF()[:3], abs=0.01)
    assert chart.figure.get_facecolor() != light
    assert chart.theme().dark


def test_exports_png_and_svg(
    qtbot: QtBot, chart: ChartWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chart.set_data(DATA)
    show(qtbot, chart)
    asked: list[tuple[Path, str]] = []

    def choose(_parent: object, suggested: Path, fmt: str) -> Path:
        asked.append((suggested, fmt))
        return tmp_path / f"calendar.{fmt}"

    monkeypatch.setattr(chart_widget, "ask_export_path", choose)
    chart.png_action.trigger()
    chart.svg_action.trigger()
    assert [(s.name, f) for s, f in asked] == [
        ("activity-calendar.png", "png"),
        ("activity-calendar.svg", "svg"),
    ]
    png = (tmp_path / "calendar.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    svg = (tmp_path / "calendar.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "2 h on 1 day" in svg


def test_export_failure_is_reported_in_words(
    qtbot: QtBot, chart: ChartWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chart.set_data(DATA)
    show(qtbot, chart)
    target = tmp_path / "missing-folder" / "calendar.png"
    monkeypatch.setattr(chart_widget, "ask_export_path", lambda *_args: target)
    shown: list[str] = []
    monkeypatch.setattr(
        chart_widget.QMessageBox, "warning", lambda _parent, _title, text: shown.append(text)
    )
    chart.png_action.trigger()
    assert len(shown) == 1 and str(target) in shown[0]
    assert not target.exists()


# A popup menu asks the offscreen platform to raise it and grab the keyboard; it cannot.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_the_context_menu_offers_the_exports(qtbot: QtBot, chart: ChartWidget) -> None:
    chart.set_data(DATA)
    show(qtbot, chart)
    seen: list[list[str]] = []

    def look_and_close() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.append([a.text() for a in menu.actions()])
        menu.close()

    # A keyboard user tabs to the chart and presses the menu key.
    chart.setFocus()
    assert chart.hasFocus()
    QTimer.singleShot(0, look_and_close)
    centre = chart.rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, centre, chart.mapToGlobal(centre))
    QApplication.sendEvent(chart, event)
    qtbot.waitUntil(lambda: bool(seen))
    # A right click on the canvas reaches the chart too.
    QTimer.singleShot(0, look_and_close)
    assert chart.canvas is not None
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(10, 10), chart.canvas.mapToGlobal(QPoint(10, 10))
    )
    QApplication.sendEvent(chart.canvas, event)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen == [["Export &PNG…", "Export &SVG…"]] * 2


def test_the_export_dialog_adds_the_suffix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        chart_widget.QFileDialog,
        "getSaveFileName",
        lambda *_args: ("/tmp/radar", "PNG image (*.png)"),
    )
    assert chart_widget.ask_export_path(None, Path("x.png"), "png") == Path("/tmp/radar.png")  # type: ignore[arg-type]
    monkeypatch.setattr(chart_widget.QFileDialog, "getSaveFileName", lambda *_args: ("", ""))
    assert chart_widget.ask_export_path(None, Path("x.png"), "png") is None  # type: ignore[arg-type]


LAZY_SCRIPT = textwrap.dedent(
    """
    import os, sys, tempfile, time
    from datetime import datetime
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import planner.gui.main_window
    assert "matplotlib" not in sys.modules, "imported with the main window module"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from planner.gui.main_window import MainWindow
    from planner.gui.settings import AppSettings
    from planner.services.clock import FixedClock
    from planner.services.demo_data import seed_demo
    from planner.services.service_set import Services
    app = QApplication([])
    folder = tempfile.mkdtemp()
    clock = FixedClock(datetime(2026, 11, 21, 12))
    services = Services.open(f"sqlite:///{folder}/db.sqlite", clock)
    seed_demo(services.database, clock.today())
    settings = AppSettings(QSettings(f"{folder}/s.ini", QSettings.Format.IniFormat))
    window = MainWindow(services, settings)
    assert "matplotlib" not in sys.modules, "imported before the window was shown"
    window.show()
    for _ in range(100):  # the first paint, then the queued chart build
        app.processEvents()
        if "matplotlib" in sys.modules:
            break
        time.sleep(0.02)
    print("matplotlib" in sys.modules)
    """
)


def test_matplotlib_loads_only_after_the_window_is_shown() -> None:
    done = subprocess.run(
        [sys.executable, "-c", LAZY_SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    # The Dashboard's charts load it once the window is on screen and events run.
    assert done.stdout.strip().splitlines()[-1] == "True"


def test_chart_keeps_its_shape_when_told(qtbot: QtBot) -> None:
    chart = ChartWidget(render_calendar, "cal", fit_height=lambda width, _theme: width // 4)
    qtbot.addWidget(chart)
    chart.resize(800, 100)
    chart.set_data(DATA)
    show(qtbot, chart)
    assert chart.height() == 200
    chart.resize(600, 200)
    qtbot.waitUntil(lambda: chart.height() == 150)


def test_drawn_off_the_gui_thread_saying_so_meanwhile(qtbot: QtBot) -> None:
    threads: list[int] = []

    def render(data: object, theme: ChartTheme, figure: Figure | None) -> Figure:
        threads.append(threading.get_ident())
        return render_calendar(data, theme, figure)  # type: ignore[arg-type]

    chart = ChartWidget(render, "cal")
    qtbot.addWidget(chart)
    chart.resize(800, 220)
    with qtbot.waitExposed(chart):
        chart.show()
    chart.show_pending()
    assert chart.canvas is not None and chart.canvas.message == chart_widget.DRAWING
    with qtbot.waitSignal(chart.rendered):
        chart.set_data(DATA)
    assert threads and threading.get_ident() not in threads
    assert chart.canvas.image is not None and chart.canvas.message == ""
    assert chart.drawn


def test_the_worker_starts_after_the_canvas_is_painted(
    qtbot: QtBot, chart: ChartWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    """So the view around the chart lays out and paints without waiting for matplotlib."""
    events: list[str] = []
    submit = chart_renderer.submit
    monkeypatch.setattr(
        chart_renderer, "submit", lambda *args: (events.append("submit"), submit(*args))
    )
    with qtbot.waitExposed(chart):
        chart.show()
    chart.set_data(DATA)
    QApplication.processEvents()  # the build: asked for, not yet started
    assert chart.canvas is not None and events == []
    chart.canvas.painted.connect(lambda: events.append("painted"))
    with qtbot.waitSignal(chart.rendered):
        chart.repaint()
    assert events[:2] == ["painted", "submit"]


def test_a_chart_never_painted_is_drawn_all_the_same(qtbot: QtBot, chart: ChartWidget) -> None:
    """Out of sight in a scroll area, say: the worker starts after a short delay."""
    with qtbot.waitExposed(chart):
        chart.show()
    chart.show_pending()  # makes the canvas
    assert chart.canvas is not None
    painted: list[bool] = []
    chart.canvas.painted.connect(lambda: painted.append(True))
    chart.setUpdatesEnabled(False)  # no paint events from now on
    with qtbot.waitSignal(chart.rendered, timeout=chart_widget.START_DELAY_MS + 5000):
        chart.set_data(DATA)
    assert chart.figure is not None and not painted


def test_render_now_draws_without_the_event_loop(qtbot: QtBot, chart: ChartWidget) -> None:
    with qtbot.waitExposed(chart):
        chart.show()
    chart.set_data(DATA)
    assert not chart.drawn
    chart.render_now()
    assert chart.drawn and chart.figure is not None and chart.figure.axes


def test_a_new_size_is_drawn_again_once_the_resizing_settles(
    qtbot: QtBot, chart: ChartWidget
) -> None:
    chart.set_data(DATA)
    show(qtbot, chart)
    assert chart.canvas is not None and chart.canvas.image is not None
    ratio = chart.devicePixelRatioF()
    assert chart.canvas.image.width() == round(796 * ratio)
    with qtbot.waitSignal(chart.rendered):
        chart.resize(500, 220)
    assert chart.canvas.image.width() == round(496 * ratio)
    assert chart.drawn


def test_a_chart_that_cannot_be_drawn_says_so(qtbot: QtBot) -> None:
    def broken(data: object, theme: ChartTheme, figure: Figure | None) -> Figure:
        raise ValueError("no months to show")

    chart = ChartWidget(broken, "hours")
    qtbot.addWidget(chart)
    chart.resize(600, 200)
    chart.set_data(DATA)
    chart.show()
    qtbot.waitUntil(lambda: chart.canvas is not None and "could not" in chart.canvas.message)
    assert chart.canvas is not None and "no months to show" in chart.canvas.message
    assert chart.figure is None and not chart.png_action.isEnabled()
