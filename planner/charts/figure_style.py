"""What every chart figure shares: a themed ``Figure`` (new or reused), axes styling, messages.

Styling is applied to each artist rather than through ``rcParams``, so building a
chart never changes global state that another figure (or thread) might be using.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import LayoutEngine
from matplotlib.legend import Legend
from matplotlib.text import Text

from planner.charts.layout import wrap_to_width
from planner.charts.theme import ChartTheme

DPI = 100
EMPTY_GID = "empty-message"
MESSAGE_WIDTH = 5.5  # inches: a line a reader takes in at once


def prepare_figure(figure: Figure | None, theme: ChartTheme, size: tuple[float, float]) -> Figure:
    """A blank figure in the theme's background: ``figure`` cleared, or a new one of ``size``.

    Reusing the figure a canvas shows keeps its size and device pixel ratio. The
    builder then sets its layout (see :mod:`planner.charts.layout`).
    """
    if figure is None:
        figure = Figure(figsize=size, dpi=DPI)
    else:
        figure.clear()
    figure.set_layout_engine("none")
    figure.set_facecolor(theme.background)
    return figure


def style_axes(
    ax: Axes, theme: ChartTheme, *, grid_axis: Literal["x", "y", "both", ""] = "y"
) -> None:
    """Background, spines, ticks and grid in the theme's colours."""
    ax.set_facecolor(theme.background)
    for name, spine in ax.spines.items():
        spine.set_color(theme.grid)
        spine.set_visible(name in ("bottom", "left", "polar"))
    ax.tick_params(colors=theme.grid, labelcolor=theme.muted, labelsize=theme.font_size, length=3)
    ax.xaxis.label.set_color(theme.muted)
    ax.yaxis.label.set_color(theme.muted)
    ax.xaxis.label.set_fontsize(theme.font_size)
    ax.yaxis.label.set_fontsize(theme.font_size)
    if grid_axis != "":
        ax.grid(True, axis=grid_axis, color=theme.grid, linewidth=0.7)
    ax.set_axisbelow(True)


def themed_legend(
    owner: Axes | Figure,
    theme: ChartTheme,
    handles: Sequence[Artist] | None = None,
    **options: object,
) -> Legend:
    """A frameless legend in the theme's text colour."""
    kwargs: dict[str, object] = {
        "frameon": False,
        "fontsize": theme.font_size,
        "labelcolor": theme.text,
        "handlelength": 1.6,
    }
    kwargs.update(options)
    if handles is not None:
        kwargs["handles"] = list(handles)
    legend = owner.legend(**kwargs)
    title = legend.get_title()
    title.set_color(theme.muted)
    title.set_fontsize(theme.font_size)
    return legend


class MessageLayout(LayoutEngine):
    """Keeps a centred message wrapped to a comfortable width as the figure resizes."""

    _adjust_compatible = True
    _colorbar_gridspec = False

    def __init__(self, text: Text, message: str) -> None:
        super().__init__()
        self.text = text
        self.message = message

    def set(self, **kwargs: object) -> None:
        """Nothing to set."""

    def execute(self, fig: Figure) -> None:
        """Wrap to 85% of the width, at most :data:`MESSAGE_WIDTH` inches."""
        width = min(MESSAGE_WIDTH, float(fig.get_size_inches()[0]) * 0.85)
        size = float(self.text.get_fontsize())
        self.text.set_text(
            "\n\n".join(wrap_to_width(p, size, width) for p in self.message.split("\n\n"))
        )


def show_message(figure: Figure, theme: ChartTheme, message: str) -> Text:
    """An empty state: ``message`` centred in the figure, wrapped to its width.

    The whole message stays available as the text's ``gid``-tagged content via
    :func:`message_of`, unwrapped.
    """
    text = figure.text(
        0.5,
        0.5,
        message,
        ha="center",
        va="center",
        color=theme.muted,
        fontsize=theme.font_size + 1,
        gid=EMPTY_GID,
        linespacing=1.4,
    )
    # Matplotlib runs a layout engine only for a figure with axes: an empty, hidden one.
    figure.add_axes((0, 0, 1, 1)).set_axis_off()
    figure.set_layout_engine(MessageLayout(text, message))
    return text


def message_of(figure: Figure) -> str | None:
    """The empty-state message a figure shows, unwrapped, if any (for tests and the GUI)."""
    engine = figure.get_layout_engine()
    if isinstance(engine, MessageLayout):
        return engine.message
    for text in [*figure.texts, *(t for ax in figure.axes for t in ax.texts)]:
        if text.get_gid() == EMPTY_GID:
            return text.get_text()
    return None
