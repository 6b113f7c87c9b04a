"""Readiness over time: a point per assessment, the fitted pace and when it reaches 100%.

The forecast is drawn only when :mod:`planner.analysis.forecast` can make one; its
sentence ("At the current pace ...", or why there is no date) heads the chart either
way. The target date is a vertical line; the projected date a star on the 100% line.
A projection far beyond the data is not allowed to squash the history: the axis
stops :data:`MAX_LOOKAHEAD_DAYS` after the last point and an arrow says where the
line goes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from planner.analysis.chart_data import OVERALL, ReadinessTimeline, TimelinePoint
from planner.analysis.forecast import ForecastStatus, month_name
from planner.charts.date_axis import concise_dates, date_of, day_number
from planner.charts.figure_style import prepare_figure, show_message, style_axes, themed_legend
from planner.charts.layout import Margins, text_height, text_size, use_margins
from planner.charts.theme import ChartTheme

SIZE = (7.2, 3.6)
MAX_LOOKAHEAD_DAYS = 3 * 365
MIN_SPAN_DAYS = 60
HOVER_PIXELS = 24
SUMMARY_GID = "forecast-summary"
EDGE_SHARE = 0.12  # of the axis: a target date closer to its end is labelled on its left
TOP = 1.14  # room above 100% for the labels of the target lines


def x_limits(data: ReadinessTimeline) -> tuple[date, date]:
    """The dates the axis shows: the period, stretched to the target and projected dates."""
    start, end = data.first, data.last
    marks = [data.target_date, data.forecast.projected_on]
    for mark in marks:
        if mark is not None and mark > end:
            end = min(mark, data.last + timedelta(days=MAX_LOOKAHEAD_DAYS))
    if (end - start).days < MIN_SPAN_DAYS:
        pad = timedelta(days=(MIN_SPAN_DAYS - (end - start).days) // 2 + 1)
        start, end = start - pad, end + pad
    margin = timedelta(days=max(3, (end - start).days // 40))
    return start - margin, end + margin


def build_readiness_timeline(
    data: ReadinessTimeline,
    theme: ChartTheme | None = None,
    figure: Figure | None = None,
    size: tuple[float, float] = SIZE,
    *,
    compact: bool = False,
) -> Figure:
    """Draw ``data`` into ``figure`` (or a new figure of ``size`` inches) and return it.

    ``compact`` leaves out the legend and the labels on the lines (for a small card,
    where the sentence above the chart says it all).
    """
    theme = theme or ChartTheme.light()
    figure = prepare_figure(figure, theme, size)
    if not data.points and not data.earlier_points:
        show_message(
            figure,
            theme,
            "No assessment yet. Each assessment adds a point here, and from the second"
            " one on the chart shows your pace and when you would reach the target.",
        )
        return figure
    ax = figure.add_subplot()
    style_axes(ax, theme)
    _draw_reference_lines(ax, data, theme, compact)
    _draw_points(ax, data, theme)
    _draw_forecast(ax, data, theme, compact)
    start, end = x_limits(data)
    ax.set_xlim(day_number(start), day_number(end))
    ax.set_ylim(0, TOP)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    concise_dates(ax.xaxis)
    summary = data.forecast.summary(data.target_date)
    if not data.points:
        summary = f"No assessment in this period. {summary}"
    title = ax.set_title(
        summary, loc="left", fontsize=theme.font_size, color=theme.text, pad=6, gid=SUMMARY_GID
    )
    if not compact:
        themed_legend(ax, theme, loc="best", ncols=1, borderaxespad=0.6)
    ylabel_width = text_size("100%", theme.font_size)[0]
    margins = Margins(
        left=ylabel_width + 0.2,
        right=0.25,
        top=0.15,
        bottom=text_height(theme.font_size, 1) + 0.2,
    )
    use_margins(figure, ax, margins, title=title)
    return figure


def _draw_reference_lines(
    ax: Axes, data: ReadinessTimeline, theme: ChartTheme, compact: bool
) -> None:
    ax.axhline(1.0, color=theme.target, linestyle=(0, (4, 2)), lw=1.1, gid="target-level")
    ax.axvline(day_number(data.today), color=theme.grid, lw=1.0, zorder=0, gid="today")
    if data.target_date is not None:
        ax.axvline(day_number(data.target_date), color=theme.warning, lw=1.2, gid="target-date")
    if compact:
        return
    small = theme.font_size - 1
    top = ax.get_xaxis_transform()
    ax.text(
        0.005,
        1.0,
        f" {data.profile_name}",
        transform=ax.get_yaxis_transform(),
        ha="left",
        va="bottom",
        fontsize=small,
        color=theme.muted,
    )
    # Each line's label on its outer side, so the two never run into each other.
    target_later = data.target_date is not None and data.target_date > data.today
    today_side, target_side = ("right", "left") if target_later else ("left", "right")
    start, end = x_limits(data)
    if data.target_date is not None and (end - data.target_date) < (end - start) * EDGE_SHARE:
        target_side = "right"  # too near the right edge for a label beyond the line
    ax.text(
        day_number(data.today),
        0.99,
        _padded("Today", today_side),
        transform=top,
        ha=today_side,
        va="top",
        fontsize=small,
        color=theme.muted,
        gid="today-label",
    )
    if data.target_date is not None:
        ax.text(
            day_number(data.target_date),
            0.99,
            _padded("Target date", target_side),
            transform=top,
            ha=target_side,
            va="top",
            fontsize=small,
            color=theme.warning,
            gid="target-date-label",
        )


def _padded(label: str, side: str) -> str:
    """A space between a line and its label: after the text when it sits left of the line."""
    return f"{label} " if side == "right" else f" {label}"


def _draw_points(ax: Axes, data: ReadinessTimeline, theme: ChartTheme) -> None:
    if not data.points:
        return
    days = [day_number(p.day) for p in data.points]
    values = [p.value for p in data.points]
    ax.plot(
        days,
        values,
        color=theme.accent,
        lw=2.0,
        marker="o",
        ms=5,
        label=readiness_label(data.subject),
        gid="readiness",
        zorder=3,
    )
    mentor = [p for p in data.points if p.mentor]
    if mentor:
        ax.plot(
            [day_number(p.day) for p in mentor],
            [p.value for p in mentor],
            linestyle="none",
            marker="D",
            ms=6,
            color=theme.mentor,
            label="Mentor rating",
            gid="mentor-points",
            zorder=4,
        )


def _draw_forecast(ax: Axes, data: ReadinessTimeline, theme: ChartTheme, compact: bool) -> None:
    trend = data.forecast.trend
    status = data.forecast.status
    if trend is None or status is ForecastStatus.NOT_ENOUGH_DATA:
        return
    start = data.points[0].day if data.points else data.first
    last_point = data.points[-1].day if data.points else data.last
    _end_start, axis_end = x_limits(data)
    end = last_point
    projected = data.forecast.projected_on
    if status is ForecastStatus.PROJECTED and projected is not None:
        end = min(projected, axis_end)
    elif status is ForecastStatus.BEYOND_HORIZON:
        end = axis_end
    ax.plot(
        [day_number(start), day_number(end)],
        [trend.value_at(start), trend.value_at(end)],
        color=theme.muted,
        linestyle=(0, (5, 3)),
        lw=1.3,
        label="Trend at the current pace",
        gid="trend",
        zorder=2,
    )
    if status is ForecastStatus.PROJECTED and projected is not None:
        if projected <= axis_end:
            ax.plot(
                [day_number(projected)],
                [data.forecast.goal],
                marker="*",
                ms=13,
                color=theme.accent,
                linestyle="none",
                gid="projected",
                zorder=5,
            )
            if compact:
                return
            ax.annotate(
                f"100% around {month_name(projected)}",
                xy=(day_number(projected), data.forecast.goal),
                xytext=(-10, -4),
                textcoords="offset points",
                ha="right",
                va="top",
                fontsize=theme.font_size - 1,
                color=theme.text,
                gid="projected-label",
                bbox={"boxstyle": "square,pad=0.15", "fc": theme.background, "ec": "none"},
                zorder=6,
            )
        else:
            ax.annotate(
                f"100% around {month_name(projected)} →",
                xy=(day_number(end), trend.value_at(end)),
                xytext=(-4, 8),
                textcoords="offset points",
                ha="right",
                fontsize=theme.font_size - 1,
                color=theme.muted,
            )


@dataclass(frozen=True)
class HoverValue:
    """What the timeline shows for the mouse position."""

    text: str
    point: TimelinePoint | None = None


def readiness_label(subject: str) -> str:
    """The series name: plain "Readiness" overall, "Readiness: Communication" for an area."""
    return "Readiness" if subject == OVERALL else f"Readiness: {subject}"


def describe_point(point: TimelinePoint, subject: str) -> str:
    """E.g. "2026-10-08 · Readiness 73% · Self"."""
    return (
        f"{point.day.isoformat()} · {readiness_label(subject)} {round(point.value * 100)}%"
        f" · {point.rater}"
    )


def value_under_mouse(
    figure: Figure, data: ReadinessTimeline, x: float, y: float
) -> HoverValue | None:
    """The assessment nearest the mouse (within :data:`HOVER_PIXELS` across), else the trend.

    ``x`` and ``y`` are display pixels from the bottom left, as matplotlib's mouse
    events give them. Outside the plot there is nothing to show.
    """
    if not figure.axes:
        return None
    ax = figure.axes[0]
    if not ax.bbox.contains(x, y):
        return None
    ratio = figure.dpi / 100
    best: tuple[float, TimelinePoint] | None = None
    for point in data.points:
        px, _py = ax.transData.transform((day_number(point.day), point.value))
        distance = abs(px - x)
        if distance <= HOVER_PIXELS * ratio and (best is None or distance < best[0]):
            best = (distance, point)
    if best is not None:
        return HoverValue(describe_point(best[1], data.subject), best[1])
    trend = data.forecast.trend
    if trend is None or not data.points:
        return None
    day = date_of(float(ax.transData.inverted().transform((x, y))[0]))
    if day <= data.points[-1].day:
        return None
    value = min(max(trend.value_at(day), 0.0), 1.0)
    return HoverValue(f"{day.isoformat()} · at the current pace {round(value * 100)}%")
