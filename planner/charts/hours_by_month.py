"""Learning hours per month, stacked by area (or by competency within one area).

Each area keeps its colour in framework order whichever areas have hours, so a
colour means the same area in every period; hours for no competency are grey and
on top. The legend sits at the right, where a long list of areas fits at any width.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from planner.analysis.chart_data import HoursByMonth, HoursSeries
from planner.charts.date_axis import day_number, month_labels, yearly_ticks
from planner.charts.figure_style import prepare_figure, show_message, style_axes, themed_legend
from planner.charts.layout import (
    POINTS_PER_INCH,
    MarginLayout,
    Margins,
    text_height,
    text_size,
)
from planner.charts.theme import ChartTheme

SIZE = (8.0, 3.6)
GAP_DAYS = 3.0  # between neighbouring bars, on each side
LABEL_SPACING = 0.35  # between legend entries, in font sizes
HANDLE_ROOM = 0.45  # inches of a legend entry beside its text: the swatch and padding
LEGEND_WRAP = 26


def series_colours(data: HoursByMonth, theme: ChartTheme) -> dict[str, str]:
    """A colour per series key, by its place among all areas (or competencies)."""
    keys = data.keys or tuple(s.key for s in data.series)
    colours = {key: theme.series_colour(index) for index, key in enumerate(keys)}
    colours[""] = theme.unassigned
    return {s.key: colours.get(s.key, theme.unassigned) for s in data.series}


def _month_end(left: float, next_month: float) -> float:
    """The right edge of a bar: the month's width less the gap on either side."""
    return left + (next_month - left) - 2 * GAP_DAYS


def set_month_ticks(ax: Axes, months: tuple[date, ...]) -> None:
    """Month names under the bars: every month, or every quarter or year when many."""
    count = len(months)
    step = 1 if count <= 14 else 3 if count <= 40 else 12
    if step == 12:
        yearly_ticks(ax.xaxis)
        return
    ticks = [m for m in months if (m.month - 1) % step == 0]
    ax.set_xticks([day_number(m + timedelta(days=15)) for m in ticks], month_labels(ticks, "\n"))


def legend_label(series: HoursSeries) -> str:
    """The series name and its hours, wrapped on two lines when long so the legend stays narrow."""
    hours = f"({series.total:.0f}\N{NO-BREAK SPACE}h)"  # textwrap never breaks at it
    return "\n".join(textwrap.wrap(f"{series.label} {hours}", LEGEND_WRAP))


class LegendColumnsLayout(MarginLayout):
    """The legend at the right in one column, or in two when one would run off the bottom."""

    def __init__(
        self,
        axes: Axes,
        margins: Margins,
        make_legend: Callable[[int], Legend],
        labels: list[str],
        title: str,
        theme: ChartTheme,
    ) -> None:
        super().__init__(axes, margins)
        self.make_legend = make_legend
        self.legend = make_legend(1)
        self.columns = 1
        size = theme.font_size - 1
        self.entries = [text_size(label, size) for label in labels]
        self.title_size = text_size(title, theme.font_size)
        self.gap = LABEL_SPACING * size / POINTS_PER_INCH
        self.column_gap = 2 * size / POINTS_PER_INCH
        self.base = margins

    def _column(self, entries: list[tuple[float, float]]) -> tuple[float, float]:
        width = max(w for w, _h in entries) + HANDLE_ROOM
        height = sum(h for _w, h in entries) + self.gap * (len(entries) - 1)
        return width, height

    def size_for(self, columns: int) -> tuple[float, float]:
        """Width and height in inches of the legend in ``columns`` columns."""
        per_column = -(-len(self.entries) // columns)
        parts = [
            self._column(self.entries[i : i + per_column])
            for i in range(0, len(self.entries), per_column)
        ]
        width = sum(w for w, _h in parts) + self.column_gap * (len(parts) - 1)
        height = max(h for _w, h in parts) + self.title_size[1] + 0.15
        return max(width, self.title_size[0] + 0.15), height

    def execute(self, fig: Figure) -> None:
        """Choose the columns for the figure's height, then place the plot beside them."""
        height = float(fig.get_size_inches()[1])
        columns = 1
        if self.size_for(1)[1] > height and len(self.entries) > 1:
            columns = 2
        if columns != self.columns:  # a legend lays out its columns when it is made
            self.legend.remove()
            self.legend = self.make_legend(columns)
            self.columns = columns
        self.margins = replace(self.base, right=self.size_for(columns)[0] + 0.15)
        super().execute(fig)


def build_hours_by_month(
    data: HoursByMonth,
    theme: ChartTheme | None = None,
    figure: Figure | None = None,
    size: tuple[float, float] = SIZE,
) -> Figure:
    """Draw ``data`` into ``figure`` (or a new figure of ``size`` inches) and return it."""
    theme = theme or ChartTheme.light()
    figure = prepare_figure(figure, theme, size)
    if data.total <= 0:
        first, last = data.months[0], data.months[-1]
        what = "" if data.subject == "All areas" else f" for {data.subject}"
        show_message(
            figure,
            theme,
            f"No learning logged{what} from {first:%B %Y} to {last:%B %Y}. Log what you"
            " learn (Log learning, Ctrl+L) and name the competencies it served.",
        )
        return figure
    ax = figure.add_subplot()
    style_axes(ax, theme)
    colours = series_colours(data, theme)
    left_edges = [day_number(month) + GAP_DAYS for month in data.months]
    right_edges = [day_number(month + timedelta(days=31)) for month in data.months]
    bottoms = [0.0] * len(data.months)
    handles = []
    for series in data.series:
        tops = [b + h for b, h in zip(bottoms, series.hours, strict=True)]
        # One collection per series: a bar artist per month and area is far slower to draw.
        bars = [
            [(x0, y0), (x0, y1), (_month_end(x0, x1), y1), (_month_end(x0, x1), y0)]
            for x0, x1, y0, y1 in zip(left_edges, right_edges, bottoms, tops, strict=True)
            if y1 > y0
        ]
        ax.add_collection(
            PolyCollection(
                bars, facecolors=colours[series.key], linewidths=0, gid=f"hours:{series.key}"
            )
        )
        handles.append(Patch(facecolor=colours[series.key], label=legend_label(series)))
        bottoms = tops
    ax.set_xlim(left_edges[0] - 4, right_edges[-1] + 4)
    ax.set_ylim(0, max(bottoms) * 1.08)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    set_month_ticks(ax, data.months)
    ax.set_ylabel("Hours")
    labels = [str(h.get_label()) for h in reversed(handles)]
    title = f"{data.subject}: {data.total:.0f} h"

    def make_legend(columns: int) -> Legend:
        return themed_legend(
            figure,
            theme,
            list(reversed(handles)),
            loc="upper right",
            bbox_to_anchor=(1.0, 1.0),
            title=title,
            alignment="left",
            handlelength=1.0,
            fontsize=theme.font_size - 1,
            labelspacing=LABEL_SPACING,
            ncols=columns,
        )

    tick_width = text_size(f"{max(bottoms):.0f}", theme.font_size)[0]
    margins = Margins(
        left=tick_width + text_height(theme.font_size) + 0.2,
        right=0.0,  # set by the legend's width
        top=0.15,
        bottom=text_height(theme.font_size, 2) + 0.1,
    )
    figure.set_layout_engine(LegendColumnsLayout(ax, margins, make_legend, labels, title, theme))
    return figure
