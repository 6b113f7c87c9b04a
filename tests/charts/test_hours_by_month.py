"""Hours per month: one stacked series per area, with totals in the legend."""

from __future__ import annotations

from datetime import date

import pytest
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

from planner.analysis.chart_data import HoursByMonth, HoursSeries
from planner.charts.date_axis import date_of
from planner.charts.figure_style import message_of
from planner.charts.hours_by_month import build_hours_by_month, legend_label
from planner.charts.theme import ChartTheme
from tests.charts.conftest import draw

MONTHS = (date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1))


def data(*series: HoursSeries, months: tuple[date, ...] = MONTHS) -> HoursByMonth:
    return HoursByMonth("All areas", months, series, keys=("tech", "lead", "strategy"))


def bars(figure: Figure) -> dict[str, list[tuple[date, float, float]]]:
    """Per series: (month, bottom, top) of each bar drawn."""
    found: dict[str, list[tuple[date, float, float]]] = {}
    for collection in figure.axes[0].collections:
        assert isinstance(collection, PolyCollection)
        rows = []
        for path in collection.get_paths():
            xs, ys = path.vertices[:, 0], path.vertices[:, 1]
            rows.append((date_of(float(xs.min())), float(ys.min()), float(ys.max())))
        found[str(collection.get_gid())] = rows
    return found


def test_bars_stack_per_month(theme: ChartTheme) -> None:
    tech = HoursSeries("tech", "Technical foundations", (2.0, 0.0, 4.0))
    lead = HoursSeries("lead", "Leadership", (1.0, 0.0, 0.5))
    figure = build_hours_by_month(data(tech, lead), theme)
    draw(figure)
    assert bars(figure) == {
        "hours:tech": [(date(2026, 1, 4), 0.0, 2.0), (date(2026, 3, 4), 0.0, 4.0)],
        "hours:lead": [(date(2026, 1, 4), 2.0, 3.0), (date(2026, 3, 4), 4.0, 4.5)],
    }
    legend = figure.legends[0]
    assert legend.get_title().get_text() == "All areas: 8 h"
    # The legend lists the top of the stack first.
    assert [t.get_text() for t in legend.get_texts()] == [
        "Leadership (2\N{NO-BREAK SPACE}h)",
        "Technical foundations\n(6\N{NO-BREAK SPACE}h)",
    ]
    ticks = [t.get_text() for t in figure.axes[0].get_xticklabels()]
    assert ticks == ["Jan\n2026", "Feb", "Mar"]


def test_an_area_keeps_its_colour_whatever_else_is_shown() -> None:
    theme = ChartTheme.light()
    lead_only = build_hours_by_month(data(HoursSeries("lead", "Lead", (1.0, 1.0, 1.0))), theme)
    (collection,) = lead_only.axes[0].collections
    assert collection.get_facecolor()[0][:3] == pytest.approx(_rgb(theme.series[1]))
    nothing_named = build_hours_by_month(data(HoursSeries("", "No competency", (1, 0, 0))), theme)
    (grey,) = nothing_named.axes[0].collections
    assert grey.get_facecolor()[0][:3] == pytest.approx(_rgb(theme.unassigned))


def _rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def test_long_area_names_wrap_in_the_legend() -> None:
    series = HoursSeries("x", "Communicating across technical and non-technical people", (1,))
    assert legend_label(series) == (
        "Communicating across\ntechnical and non-\ntechnical people (1\N{NO-BREAK SPACE}h)"
    )


def test_a_short_figure_puts_the_legend_in_two_columns() -> None:
    nine = [HoursSeries(f"k{i}", f"Area with a long name number {i}", (1.0,)) for i in range(9)]
    one_month = data(*nine, months=(date(2026, 1, 1),))
    tall = build_hours_by_month(one_month, size=(8.0, 6.0))
    draw(tall)
    short = build_hours_by_month(one_month, size=(8.0, 2.5))
    draw(short)
    assert len(tall.legends) == len(short.legends) == 1
    assert tall.legends[0]._ncols == 1
    assert short.legends[0]._ncols == 2
    legend = short.legends[0].get_window_extent()
    assert legend.y0 >= 0  # it fits
    assert short.axes[0].get_window_extent().x1 <= legend.x0  # and leaves the bars alone


def test_ten_years_get_yearly_ticks() -> None:
    months = tuple(date(2016 + i // 12, 1 + i % 12, 1) for i in range(120))
    figure = build_hours_by_month(data(HoursSeries("tech", "Tech", (1.0,) * 120), months=months))
    draw(figure)
    ax = figure.axes[0]
    low, high = ax.get_xlim()
    shown = [date_of(x) for x in ax.xaxis.get_majorticklocs() if low <= x <= high]
    assert shown == [date(year, 1, 1) for year in range(2016, 2027)]  # 2026: the end edge
    assert len(bars(figure)["hours:tech"]) == 120


def test_nothing_logged_explains_how_to_log() -> None:
    figure = build_hours_by_month(data())
    draw(figure)
    message = message_of(figure)
    assert message == (
        "No learning logged from January 2026 to March 2026. Log what you learn"
        " (Log learning, Ctrl+L) and name the competencies it served."
    )
