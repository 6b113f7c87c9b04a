"""The chart builders as the window calls them: each imports its builder on first use.

Passing these functions to a :class:`~planner.gui.charts.chart_widget.ChartWidget`
costs nothing at start-up; matplotlib loads when a chart is first drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.analysis.chart_data import (
    ActivityCalendar,
    BurnUp,
    HoursByMonth,
    RadarData,
    ReadinessTimeline,
)
from planner.charts.theme import ChartTheme

SCREEN_DPI = 100  # the figure resolution of every canvas, in logical pixels per inch

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def render_radar(data: RadarData, theme: ChartTheme, figure: Figure | None) -> Figure:
    """The radar of levels against the target."""
    from planner.charts.radar import build_radar

    return build_radar(data, theme, figure)


def render_timeline(data: ReadinessTimeline, theme: ChartTheme, figure: Figure | None) -> Figure:
    """Readiness over time with the forecast."""
    from planner.charts.readiness_timeline import build_readiness_timeline

    return build_readiness_timeline(data, theme, figure)


def render_trend(data: ReadinessTimeline, theme: ChartTheme, figure: Figure | None) -> Figure:
    """Readiness over time, compact: no legend, no labels on the lines."""
    from planner.charts.readiness_timeline import build_readiness_timeline

    return build_readiness_timeline(data, theme, figure, compact=True)


def calendar_height(width: int, theme: ChartTheme) -> int:
    """Pixels of height at which the calendar's square cells fill ``width`` pixels."""
    from planner.charts.activity_calendar import preferred_height

    return round(preferred_height(width / SCREEN_DPI, theme.font_size) * SCREEN_DPI)


def hover_timeline(figure: Figure, data: ReadinessTimeline, x: float, y: float) -> str | None:
    """The readiness value under the mouse, in words."""
    from planner.charts.readiness_timeline import value_under_mouse

    found = value_under_mouse(figure, data, x, y)
    return found.text if found is not None else None


def render_hours(data: HoursByMonth, theme: ChartTheme, figure: Figure | None) -> Figure:
    """Hours per month, stacked by area."""
    from planner.charts.hours_by_month import build_hours_by_month

    return build_hours_by_month(data, theme, figure)


def render_calendar(data: ActivityCalendar, theme: ChartTheme, figure: Figure | None) -> Figure:
    """The activity calendar of the last twelve months."""
    from planner.charts.activity_calendar import build_activity_calendar

    return build_activity_calendar(data, theme, figure)


def render_burn_up(data: BurnUp, theme: ChartTheme, figure: Figure | None) -> Figure:
    """Goals created and done over time."""
    from planner.charts.goal_burn_up import build_goal_burn_up

    return build_goal_burn_up(data, theme, figure)
