"""Layouts in inches: margins that hold at any size, titles wrapped to the plot's width."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from planner.charts.layout import Margins, text_size, use_margins, wrap_to_width
from tests.charts.conftest import draw


def test_text_size_grows_with_the_text() -> None:
    short_w, short_h = text_size("Mon", 9)
    long_w, long_h = text_size("Monday and Tuesday", 9)
    two_lines = text_size("Monday\nTuesday", 9)
    assert long_w > 3 * short_w and long_h == short_h
    assert two_lines[1] == pytest.approx(2 * short_h)
    assert text_size("Mon", 18)[0] == pytest.approx(2 * short_w, rel=0.1)


def test_wrapping_to_a_width() -> None:
    text = "At the current pace (+1.6 points a month): 100% around February 2028."
    wrapped = wrap_to_width(text, 9, 2.0)
    assert wrapped.replace("\n", " ") == text
    assert all(text_size(line, 9)[0] <= 2.0 for line in wrapped.split("\n"))
    assert wrap_to_width("Supercalifragilistic", 9, 0.2) == "Supercalifragilistic"


def test_margins_stay_in_inches_as_the_figure_resizes() -> None:
    figure = Figure(figsize=(6, 4), dpi=100)
    ax = figure.add_subplot()
    title = ax.set_title("A title long enough to wrap when the figure gets narrow", loc="left")
    use_margins(figure, ax, Margins(left=0.5, right=0.25, top=0.2, bottom=0.4), title=title)
    draw(figure)
    box = ax.get_window_extent()
    assert (box.x0, figure.bbox.width - box.x1) == pytest.approx((50, 25))
    assert title.get_text().count("\n") == 0
    figure.set_size_inches(3, 4)
    draw(figure)
    box = ax.get_window_extent()
    assert (box.x0, figure.bbox.width - box.x1) == pytest.approx((50, 25))
    assert title.get_text().count("\n") >= 1
    assert title.get_window_extent().y1 <= figure.bbox.height


def test_square_plots_are_centred() -> None:
    figure = Figure(figsize=(8, 4), dpi=100)
    ax = figure.add_subplot()
    use_margins(figure, ax, Margins(0.1, 0.1, 0.1, 0.1), square=True)
    draw(figure)
    box = ax.get_window_extent()
    assert box.width == pytest.approx(box.height) == pytest.approx(380)
    assert box.x0 == pytest.approx((800 - 380) / 2)
