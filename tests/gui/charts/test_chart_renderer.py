"""Charts drawn off the GUI thread: the image at the size asked, the newest request only."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest
from matplotlib.figure import Figure

from planner.analysis.chart_data import DayHours, activity_calendar
from planner.charts.theme import ChartTheme
from planner.gui.charts import chart_renderer
from planner.gui.charts.chart_renderer import Mailbox, RenderedChart, RenderRequest, draw_chart
from planner.gui.charts.renderers import render_calendar

TODAY = date(2026, 11, 21)
DATA = activity_calendar([DayHours(TODAY, 2.0)], TODAY)


def request(width: int = 600, height: int = 200, ratio: float = 1.0, **more: Any) -> RenderRequest:
    fields: dict[str, Any] = {"render": render_calendar, "data": DATA, "margin": 2}
    fields.update(more)
    return RenderRequest(
        theme=ChartTheme.light(), width=width, height=height, ratio=ratio, **fields
    )


def test_the_image_fills_the_canvas_at_its_pixel_ratio() -> None:
    drawn = draw_chart(request(600, 200, 2.0))
    assert (drawn.image.width(), drawn.image.height()) == (1192, 392)  # 2 px margins, doubled
    assert drawn.image.devicePixelRatio() == 2.0
    assert drawn.height == 200
    width, height = drawn.figure.get_size_inches() * drawn.figure.dpi
    assert (round(width), round(height)) == (1192, 392)
    assert drawn.figure.axes  # kept for read-outs and exports
    assert not hasattr(drawn.figure.canvas, "renderer")  # its drawing buffer is let go


def test_a_chart_with_a_preferred_shape_gets_its_height() -> None:
    drawn = draw_chart(request(600, 50, fit_height=lambda width, _theme: width // 3))
    assert drawn.height == 200
    assert drawn.image.height() == 196


def test_drawn_on_a_worker_and_only_the_newest_request_kept(qapp: object) -> None:
    threads: list[int] = []

    def render(data: Any, theme: ChartTheme, figure: Figure | None) -> Figure:
        threads.append(threading.get_ident())
        return render_calendar(data, theme, figure)

    mailbox = Mailbox()
    chart_renderer.submit(mailbox, request(render=render))
    chart_renderer.submit(mailbox, request(300, 150, render=render))
    chart_renderer.wait_for_charts()
    result = mailbox.take()
    assert isinstance(result, RenderedChart)
    assert result.image.width() == 296  # the second request's
    assert threads and threading.get_ident() not in threads
    assert mailbox.take() is None


def test_a_failure_comes_back_as_the_error(qapp: object) -> None:
    def broken(data: Any, theme: ChartTheme, figure: Figure | None) -> Figure:
        raise ValueError("bad data")

    mailbox = Mailbox()
    chart_renderer.submit(mailbox, request(render=broken))
    chart_renderer.wait_for_charts()
    result = mailbox.take()
    assert isinstance(result, ValueError)


@pytest.mark.parametrize("ratio", [1.0, 1.5])
def test_sizes_for_common_pixel_ratios(ratio: float) -> None:
    drawn = draw_chart(request(801, 301, ratio))
    assert abs(drawn.image.width() - 797 * ratio) <= 1
    assert abs(drawn.image.height() - 297 * ratio) <= 1
