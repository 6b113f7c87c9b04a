"""Goal burn-up: how many goals the plan holds and how many are done, over time.

Two step lines: goals created (dropped goals are left out, since nobody recorded
when they were dropped; the chart says how many) and goals done. The gap between
them is the open work; when the lines meet, everything planned is done.
"""

from __future__ import annotations

from datetime import timedelta

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from planner.analysis.chart_data import BurnUp
from planner.charts.date_axis import concise_dates, day_number
from planner.charts.figure_style import prepare_figure, show_message, style_axes, themed_legend
from planner.charts.layout import Margins, text_height, text_size, use_margins
from planner.charts.theme import ChartTheme

SIZE = (7.2, 3.4)
MIN_SPAN_DAYS = 30
NOTE_GID = "burn-up-note"


def note_text(data: BurnUp) -> str:
    """E.g. "5 of 12 goals done · 7 open · 2 dropped goals not counted"."""
    created, done = (data.created[-1], data.done[-1]) if data.created else (0, 0)
    text = f"{done} of {created} goals done · {created - done} open"
    if data.dropped:
        dropped = "goal" if data.dropped == 1 else "goals"
        text += f" · {data.dropped} dropped {dropped} not counted"
    return text


def build_goal_burn_up(
    data: BurnUp,
    theme: ChartTheme | None = None,
    figure: Figure | None = None,
    size: tuple[float, float] = SIZE,
) -> Figure:
    """Draw ``data`` into ``figure`` (or a new figure of ``size`` inches) and return it."""
    theme = theme or ChartTheme.light()
    figure = prepare_figure(figure, theme, size)
    if not data.created or (data.created[-1] == 0 and data.dropped == 0):
        show_message(
            figure,
            theme,
            "No goals yet. Goals you create (New goal, Ctrl+G) and finish show up here"
            " as a rising line of planned work and one of work done.",
        )
        return figure
    ax = figure.add_subplot()
    style_axes(ax, theme)
    days = [day_number(d) for d in data.days]
    ax.step(days, data.created, where="post", color=theme.accent, lw=2.0, label="Goals created")
    ax.step(days, data.done, where="post", color=theme.series[4], lw=2.0, label="Goals done")
    ax.fill_between(days, data.done, step="post", color=theme.series[4], alpha=0.15, lw=0)
    ax.lines[0].set_gid("created")
    ax.lines[1].set_gid("done")
    start, end = data.first, data.last
    if (end - start).days < MIN_SPAN_DAYS:
        start = end - timedelta(days=MIN_SPAN_DAYS)
    ax.set_xlim(day_number(start), day_number(end) + max(2, (end - start).days / 60))
    top = max(data.created) if data.created else 1
    ax.set_ylim(0, max(1, top) * 1.12)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    concise_dates(ax.xaxis)
    ax.set_ylabel("Goals")
    themed_legend(ax, theme, loc="upper left", ncols=2)
    note = note_text(data)
    title = ax.set_title(
        note, loc="left", fontsize=theme.font_size, color=theme.text, pad=6, gid=NOTE_GID
    )
    tick_width = text_size(str(top), theme.font_size)[0]
    margins = Margins(
        left=tick_width + text_height(theme.font_size) + 0.2,
        right=0.2,
        top=0.15,
        bottom=text_height(theme.font_size, 1) + 0.2,
    )
    use_margins(figure, ax, margins, title=title)
    return figure
