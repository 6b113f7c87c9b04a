"""Cheap layouts for our charts: room reserved in inches, kept as the canvas resizes.

Matplotlib's constrained layout measures every text on every draw, which costs more
than drawing the chart itself; ours know where their labels go, so they reserve the
room in inches (from font metrics, measured once) instead. Unlike figure fractions,
inches keep tick labels and legends clear of the plot at any window size.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.layout_engine import LayoutEngine
from matplotlib.text import Text
from matplotlib.textpath import TextToPath

POINTS_PER_INCH = 72
MIN_SIDE = 0.4  # inches left for the plot however small the figure gets
LINE_HEIGHT = 1.22  # a text line's height in font sizes (at matplotlib's 1.2 spacing)
_MEASURE = TextToPath()


@dataclass(frozen=True)
class Margins:
    """Room around the plot, in inches."""

    left: float
    right: float
    top: float
    bottom: float


@lru_cache(maxsize=2048)
def text_size(text: str, font_size: float, bold: bool = False) -> tuple[float, float]:
    """Width and height in inches of ``text`` (one or more lines) in DejaVu Sans."""
    prop = FontProperties(size=font_size, weight="bold" if bold else "normal")
    lines = text.split("\n")
    widest = max(
        _MEASURE.get_text_width_height_descent(line, prop, ismath=False)[0] for line in lines
    )
    return (widest * 1.06 + 2) / POINTS_PER_INCH, text_height(font_size, len(lines))


def text_height(font_size: float, lines: int = 1) -> float:
    """Inches taken by ``lines`` of text of ``font_size`` points."""
    return lines * font_size * LINE_HEIGHT / POINTS_PER_INCH


def wrap_to_width(text: str, font_size: float, width: float) -> str:
    """``text`` broken into lines no wider than ``width`` inches (a long word stays whole)."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_size(candidate, font_size)[0] <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return "\n".join(lines)


class MarginLayout(LayoutEngine):
    """Places one axes inside fixed margins; ``square`` keeps it a centred square.

    With ``title``, the axes title is wrapped to the plot's width on every layout and
    the top margin grows by the lines it takes.
    """

    _adjust_compatible = False
    _colorbar_gridspec = False

    def __init__(
        self, axes: Axes, margins: Margins, *, square: bool = False, title: Text | None = None
    ) -> None:
        super().__init__()
        self.axes = axes
        self.margins = margins
        self.square = square
        self.title = title
        self.title_text = title.get_text() if title is not None else ""

    def set(self, **kwargs: float) -> None:
        """Replace margins (``left``, ``right``, ``top``, ``bottom`` in inches)."""
        self.margins = replace(self.margins, **kwargs)

    def _title_lines(self, width: float) -> int:
        if self.title is None or not self.title_text:
            return 0
        size = float(self.title.get_fontsize())
        room = max(MIN_SIDE, width - self.margins.left - self.margins.right)
        wrapped = wrap_to_width(self.title_text, size, room)
        self.title.set_text(wrapped)
        return wrapped.count("\n") + 1

    def plot_box(self, fig: Figure) -> tuple[float, float, float, float]:
        """Left, bottom, width and height of the plot in inches for the figure's size."""
        width, height = (float(v) for v in fig.get_size_inches())
        m = self.margins
        lines = self._title_lines(width)
        if self.title is not None and lines:
            m = replace(m, top=m.top + text_height(float(self.title.get_fontsize()), lines))
        room_w = max(MIN_SIDE, width - m.left - m.right)
        room_h = max(MIN_SIDE, height - m.top - m.bottom)
        left, bottom = m.left, m.bottom
        if self.square:
            side = min(room_w, room_h)
            left += (room_w - side) / 2
            bottom += (room_h - side) / 2
            room_w = room_h = side
        return left, bottom, room_w, room_h

    def execute(self, fig: Figure) -> None:
        """Position the axes for the figure's current size."""
        width, height = (float(v) for v in fig.get_size_inches())
        left, bottom, room_w, room_h = self.plot_box(fig)
        self.axes.set_position((left / width, bottom / height, room_w / width, room_h / height))


def use_margins(
    figure: Figure,
    axes: Axes,
    margins: Margins,
    *,
    square: bool = False,
    title: Text | None = None,
) -> None:
    """Lay ``figure`` out with ``axes`` inside ``margins`` (and ``title`` above) from now on."""
    figure.set_layout_engine(MarginLayout(axes, margins, square=square, title=title))
