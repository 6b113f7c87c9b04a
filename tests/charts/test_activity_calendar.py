"""The activity calendar: a cell per day in week columns, shaded by fixed hour steps."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
from matplotlib.collections import QuadMesh
from matplotlib.figure import Figure

from planner.analysis.chart_data import DayHours, activity_calendar
from planner.charts.activity_calendar import (
    MESH_GID,
    SUMMARY_GID,
    build_activity_calendar,
    heat_labels,
    preferred_height,
    summary_text,
    week_grid,
)
from planner.charts.theme import ChartTheme
from tests.charts.conftest import draw

LAST = date(2026, 11, 21)  # a Saturday


def mesh(figure: Figure) -> QuadMesh:
    (found,) = [c for c in figure.axes[0].collections if c.get_gid() == MESH_GID]
    assert isinstance(found, QuadMesh)
    return found


def test_cells_hold_each_days_hours(theme: ChartTheme) -> None:
    rows = [DayHours(date(2025, 11, 22), 1.5), DayHours(date(2026, 6, 3), 4.0), DayHours(LAST, 0.5)]
    data = activity_calendar(rows, LAST)
    figure = build_activity_calendar(data, theme)
    draw(figure)
    cells = np.ma.masked_invalid(mesh(figure).get_array()).reshape(7, -1)
    grid, monday = week_grid(data)
    assert monday == date(2025, 11, 17)
    assert cells.shape == grid.shape == (7, 53)
    first = date(2025, 11, 22)  # Saturday of the first week
    assert cells[first.weekday(), 0] == 1.5
    june = date(2026, 6, 3)
    assert cells[june.weekday(), (june - monday).days // 7] == 4.0
    assert cells[LAST.weekday(), 52] == 0.5
    assert np.ma.count(cells) == 365  # one cell a day, the rest masked
    assert cells[0, 0] is np.ma.masked  # Monday 2025-11-17 is before the calendar
    assert float(cells.sum()) == 6.0


def test_labels_legend_and_summary() -> None:
    data = activity_calendar([DayHours(LAST, 2.0)], LAST)
    figure = build_activity_calendar(data)
    draw(figure)
    ax = figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Mon", "", "Wed", "", "Fri", "", ""]
    months = [t.get_text() for t in ax.get_xticklabels()]
    assert months[:3] == ["Dec", "Jan", "Feb"] and months[-1] == "Nov"
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert legend == heat_labels() == ["none", "under 1 h", "1–2 h", "2–4 h", "4 h or more"]
    summary = next(t for t in figure.texts if t.get_gid() == SUMMARY_GID)
    assert summary.get_text() == summary_text(data) == "2 h on 1 day, 2025-11-22 to 2026-11-21"
    marker = next(p for p in ax.patches if p.get_gid() == "last-day")
    assert marker.get_xy() == (52, LAST.weekday())


def test_an_empty_year_still_shows_the_grid_and_says_so() -> None:
    figure = build_activity_calendar(activity_calendar([], LAST))
    draw(figure)
    assert float(np.ma.masked_invalid(mesh(figure).get_array()).sum()) == 0.0
    message = [t.get_text() for t in figure.axes[0].texts if t.get_gid() == "empty-message"]
    assert message == ["Nothing logged in these twelve months yet."]


def test_square_days_fill_the_width() -> None:
    height = preferred_height(8.0)
    figure = build_activity_calendar(activity_calendar([], LAST), size=(8.0, height))
    draw(figure)
    box = figure.axes[0].get_window_extent()
    cell_w, cell_h = box.width / 53, box.height / 7
    assert math.isclose(cell_w, cell_h, rel_tol=0.02)
    assert box.width > 0.9 * (8.0 * figure.dpi - 80)  # the grid spans the width


def test_leap_day_calendar() -> None:
    data = activity_calendar([], date(2028, 2, 29))
    assert data.first == date(2027, 3, 1)
    assert len(data.hours) == (date(2028, 2, 29) - date(2027, 3, 1)).days + 1
    assert data.first + timedelta(days=len(data.hours) - 1) == data.last
