"""Activity calendar: twelve months of learning, one square a day, darker for more hours.

Columns are weeks (Monday on top), the way wall calendars and code-hosting sites
draw a year, so a person sees streaks and gaps at a glance. The shade steps are
fixed hours (see :data:`planner.analysis.chart_data.HEAT_BOUNDS`), not quantiles
of the data, so the same colour means the same effort in any year.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from planner.analysis.chart_data import HEAT_BOUNDS, ActivityCalendar
from planner.charts.figure_style import prepare_figure, themed_legend
from planner.charts.layout import Margins, text_height, text_size, use_margins
from planner.charts.theme import ChartTheme

SIZE = (8.0, 2.2)
WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "")
MESH_GID = "calendar-cells"
SUMMARY_GID = "calendar-summary"
FIRST_LABEL_COLUMNS = 3  # weeks a first partial month needs to show its name


def week_grid(data: ActivityCalendar) -> tuple[np.ndarray, date]:
    """Hours as a 7 x weeks array (NaN outside the calendar) and the Monday of column 0."""
    monday = data.first - timedelta(days=data.first.weekday())
    weeks = (data.last - monday).days // 7 + 1
    grid = np.full((7, weeks), np.nan)
    for offset, hours in enumerate(data.hours):
        day = data.first + timedelta(days=offset)
        column = (day - monday).days // 7
        grid[day.weekday(), column] = hours
    return grid, monday


def heat_labels() -> list[str]:
    """Legend text of each shade: "none", "under 1 h", "1–2 h", "2–4 h", "4 h or more"."""
    low, middle, high = HEAT_BOUNDS
    return [
        "none",
        f"under {low:g} h",
        f"{low:g}–{middle:g} h",
        f"{middle:g}–{high:g} h",
        f"{high:g} h or more",
    ]


def summary_text(data: ActivityCalendar) -> str:
    """E.g. "678 h on 90 days, 2025-11-22 to 2026-11-21"."""
    days = "day" if data.active_days == 1 else "days"
    span = f"{data.first.isoformat()} to {data.last.isoformat()}"
    return f"{data.total:.0f} h on {data.active_days} {days}, {span}"


def build_activity_calendar(
    data: ActivityCalendar,
    theme: ChartTheme | None = None,
    figure: Figure | None = None,
    size: tuple[float, float] = SIZE,
) -> Figure:
    """Draw ``data`` into ``figure`` (or a new figure of ``size`` inches) and return it."""
    theme = theme or ChartTheme.light()
    figure = prepare_figure(figure, theme, size)
    ax = figure.add_subplot()
    ax.set_facecolor(theme.background)
    for spine in ax.spines.values():
        spine.set_visible(False)
    grid, monday = week_grid(data)
    cmap = ListedColormap(list(theme.heat))
    norm = BoundaryNorm([0.0, 1e-9, *HEAT_BOUNDS, np.inf], cmap.N)
    ax.pcolormesh(
        np.ma.masked_invalid(grid),
        cmap=cmap,
        norm=norm,
        edgecolors=theme.background,
        linewidth=1.5,
        gid=MESH_GID,
    )
    ax.set_aspect("equal")
    ax.set_xlim(0, grid.shape[1])
    ax.set_ylim(7, 0)
    ax.set_yticks([r + 0.5 for r in range(7)], WEEKDAYS)
    months = _month_starts(data, monday)
    # Month names only: the summary underneath gives the years, and a week is too
    # narrow for "Jan 2026" in a small window.
    names = [f"{day:%b}" for _column, day in months]
    ax.set_xticks([column for column, _day in months], names)
    ax.xaxis.tick_top()
    ax.tick_params(length=0, labelsize=theme.font_size - 1, labelcolor=theme.muted, pad=2)
    for label in ax.get_xticklabels():
        label.set_horizontalalignment("left")
    _mark_last_day(ax, data, monday, theme)
    handles = [
        Patch(facecolor=colour, edgecolor=theme.grid if i == 0 else colour, label=text)
        for i, (colour, text) in enumerate(zip(theme.heat, heat_labels(), strict=True))
    ]
    themed_legend(
        figure,
        theme,
        handles,
        loc="lower right",
        bbox_to_anchor=(1.0, 0.0),
        ncols=len(handles),
        fontsize=theme.font_size - 1,
        handlelength=1.0,
        handleheight=1.0,
        columnspacing=1.0,
        handletextpad=0.4,
    )
    figure.text(
        0.01,
        0.03,
        summary_text(data),
        ha="left",
        va="bottom",
        fontsize=theme.font_size - 1,
        color=theme.text,
        gid=SUMMARY_GID,
    )
    if data.total <= 0:
        what = "" if data.subject == "All areas" else f" for {data.subject}"
        ax.text(
            grid.shape[1] / 2,
            3.5,
            f"Nothing logged{what} in these twelve months yet.",
            ha="center",
            va="center",
            fontsize=theme.font_size + 1,
            color=theme.text,
            bbox={"boxstyle": "round,pad=0.5", "fc": theme.background, "ec": theme.grid},
            gid="empty-message",
        )
    use_margins(figure, ax, calendar_margins(theme.font_size))
    return figure


def calendar_margins(font_size: float) -> Margins:
    """Room for weekday names, month names, and the summary and legend underneath."""
    return Margins(
        left=text_size("Wed", font_size - 1)[0] + 0.12,
        right=0.1,
        top=text_height(font_size - 1) + 0.1,
        bottom=text_height(font_size, 2) + 0.05,
    )


def preferred_height(width: float, font_size: float = 9.0, weeks: int = 53) -> float:
    """The figure height (inches) at which square day cells fill ``width`` inches."""
    margins = calendar_margins(font_size)
    cell = (width - margins.left - margins.right) / weeks
    return 7 * cell + margins.top + margins.bottom


def _month_starts(data: ActivityCalendar, monday: date) -> list[tuple[int, date]]:
    """The column of each month's first day (and of the calendar's first day)."""
    starts = [(0, data.first)]
    day = date(data.first.year, data.first.month, 1)
    while True:
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        if day > data.last:
            break
        starts.append(((day - monday).days // 7, day))
    # A first partial month too narrow for its name gives way to the next one.
    if len(starts) > 1 and starts[1][0] - starts[0][0] < FIRST_LABEL_COLUMNS:
        starts.pop(0)
    return starts


def _mark_last_day(ax: Axes, data: ActivityCalendar, monday: date, theme: ChartTheme) -> None:
    column = (data.last - monday).days // 7
    ax.add_patch(
        Rectangle(
            (column, data.last.weekday()),
            1,
            1,
            fill=False,
            edgecolor=theme.text,
            linewidth=1.0,
            clip_on=False,
            gid="last-day",
        )
    )
