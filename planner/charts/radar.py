"""Radar of current levels against the target profile, with earlier assessments to compare.

Spokes run clockwise from the top in framework order. Labels sit outside the outer
ring: those at the sides are wrapped wide and stacked without overlapping (the
layout pushes a label down when its neighbour above would touch it), those at the
top and bottom are wrapped narrow. Past :data:`CROWDED` spokes the text is a point
smaller, so twenty competencies stay legible. With fewer than three spokes a radar
is no shape at all, so the same data is drawn as horizontal bars.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from matplotlib.figure import Figure
from matplotlib.layout_engine import LayoutEngine
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.projections.polar import PolarAxes
from matplotlib.text import Text

from planner.analysis.chart_data import RadarData, RadarSeries
from planner.charts.figure_style import prepare_figure, show_message, style_axes, themed_legend
from planner.charts.layout import Margins, text_height, text_size, use_margins
from planner.charts.theme import ChartTheme

SIZE = (6.4, 5.6)
CROWDED = 12
LABEL_GID = "spoke-label"
NOT_RATED = "not rated"
GAP = 0.1  # inches between the ring and its labels, and between stacked labels
MIN_RADIUS = 0.3
# Inches of radius below which labels are set smaller (down to MIN_FONT_SIZE), then
# shortened: a circle of few spokes may be smaller than one of many.
COMFORTABLE_BASE = 0.85
COMFORTABLE_PER_SPOKE = 0.022
MIN_FONT_SIZE = 7.0
SHORT_LABEL = 22
JOINING_WORDS = frozenset({"and", "or", "of", "the", "a", "in", "for", "to", "with", "across"})
LEGEND_COLUMNS = 2


def spoke_angles(count: int) -> list[float]:
    """Angles in radians of ``count`` spokes (drawn clockwise from the top)."""
    return [2 * math.pi * i / count for i in range(count)]


def wrap_label(text: str, angle: float = math.pi / 2, narrow: bool = False) -> str:
    """A spoke label wrapped to keep neighbours apart.

    Labels at the sides, stacked above each other, get long lines and few of them;
    labels near the top and bottom, side by side, get short lines. ``narrow`` keeps
    every line short, for a figure with little room beside the circle.
    """
    width = 13 if narrow else 13 + round(13 * abs(math.sin(angle)))
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return "\n".join(lines) or text


def comfortable_radius(spokes: int) -> float:
    """The smallest radius (inches) at which labels keep their full size and text."""
    return COMFORTABLE_BASE + COMFORTABLE_PER_SPOKE * spokes


def shorten(text: str, width: int = SHORT_LABEL) -> str:
    """A label cut to one short line ("Communicating across…") for very small radars.

    A cut never ends on a joining word: "Strategy and business alignment" becomes
    "Strategy and business…", never "Strategy and…".
    """
    if len(text) <= width:
        return text
    words = textwrap.shorten(text, width, placeholder="").split()
    while len(words) > 1 and words[-1].lower() in JOINING_WORDS:
        words.pop()
    return " ".join(words) + "…"


def _alignment(angle: float) -> tuple[str, str]:
    x, y = math.sin(angle), math.cos(angle)
    horizontal = "center" if abs(x) < 0.2 else ("left" if x > 0 else "right")
    vertical = "center" if abs(y) < 0.3 else ("bottom" if y > 0 else "top")
    return horizontal, vertical


def _values(series: RadarSeries) -> list[float]:
    return [0.0 if v is None else v for v in series.values]


_Placed = tuple[float, float, tuple[float, float, float, float]]  # anchor x, y and box


@dataclass
class _SpokeLabel:
    """A spoke's text with its wordings (wide, narrow, short) and its size as set."""

    text: Text
    angle: float
    bold: bool
    wordings: dict[str, str]
    width: float = 0.0
    height: float = 0.0

    def measure(self, font_size: float, wording: str) -> None:
        self.text.set_fontsize(font_size)
        self.text.set_text(self.wordings[wording])
        self.width, self.height = text_size(self.text.get_text(), font_size, self.bold)


class RadarLayout(LayoutEngine):
    """A circle as large as the figure allows with every spoke label inside it, none touching.

    For a radius, each label sits just outside the ring, and labels at the sides
    that would touch the one above are pushed down; a binary search finds the
    largest radius whose labels all stay inside the figure (above the legend).
    """

    _adjust_compatible = False
    _colorbar_gridspec = False

    def __init__(
        self,
        axes: PolarAxes,
        labels: list[_SpokeLabel],
        legend_height: float,
        font_sizes: tuple[float, ...],
    ) -> None:
        super().__init__()
        self.axes = axes
        self.labels = labels
        self.legend_height = legend_height
        self.font_sizes = font_sizes

    def set(self, **kwargs: float) -> None:
        """Nothing to set: the layout follows the figure's size."""

    def execute(self, fig: Figure) -> None:
        """Place the circle and its labels for the figure's current size."""
        width, height = (float(v) for v in fig.get_size_inches())
        box = (GAP, self.legend_height + 2 * GAP, width - GAP, height - GAP)
        centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        # Smaller text and narrower lines only when the circle gets small; shortened
        # names as a last resort.
        largest, smallest = self.font_sizes[0], self.font_sizes[-1]
        tries = [(size, "wide") for size in self.font_sizes]
        tries += [(largest, "narrow"), (smallest, "narrow"), (smallest, "short")]
        best: tuple[float, float, str] | None = None
        for font_size, wording in tries:
            for spoke in self.labels:
                spoke.measure(font_size, wording)
            radius = self._largest_radius(centre, box)
            if radius >= comfortable_radius(len(self.labels)):
                break
            if best is None or radius > best[0] * 1.15:  # worth giving up some wording
                best = (radius, font_size, wording)
        else:
            assert best is not None
            radius, font_size, wording = best
            for spoke in self.labels:
                spoke.measure(font_size, wording)
        # Centre the circle and its labels together, then grow into the room that frees.
        x0, _y0, x1, _y1 = _bounds(self._place(radius, centre))
        centre = (centre[0] + ((box[0] - x0) + (box[2] - x1)) / 2, centre[1])
        radius = self._largest_radius(centre, box)
        cx, cy = centre
        self.axes.set_position(
            ((cx - radius) / width, (cy - radius) / height, 2 * radius / width, 2 * radius / height)
        )
        for spoke, (x, y, _box) in zip(self.labels, self._place(radius, centre), strict=True):
            spoke.text.set_position((x / width, y / height))

    def _largest_radius(
        self, centre: tuple[float, float], box: tuple[float, float, float, float]
    ) -> float:
        low, high = MIN_RADIUS, max(MIN_RADIUS, min(box[2] - box[0], box[3] - box[1]) / 2)
        for _ in range(18):
            middle = (low + high) / 2
            x0, y0, x1, y1 = _bounds(self._place(middle, centre))
            inside = x0 >= box[0] and y0 >= box[1] and x1 <= box[2] and y1 <= box[3]
            low, high = (middle, high) if inside else (low, middle)
        return low

    def _place(self, radius: float, centre: tuple[float, float]) -> list[_Placed]:
        """Anchor and box of each label around a circle of ``radius`` at ``centre``.

        Labels are placed from the top down; one that would touch a label above it
        (any label whose width it shares) moves down below that one.
        """
        order = sorted(range(len(self.labels)), key=lambda i: -math.cos(self.labels[i].angle))
        placed: dict[int, _Placed] = {}
        for index in order:
            spoke = self.labels[index]
            x = centre[0] + (radius + GAP) * math.sin(spoke.angle)
            y = centre[1] + (radius + GAP) * math.cos(spoke.angle)
            side = spoke.text.get_horizontalalignment()
            left = {"left": x, "right": x - spoke.width}.get(side, x - spoke.width / 2)
            right = left + spoke.width
            for _x, _y, (other_left, other_bottom, other_right, _top) in placed.values():
                top = y + _above(spoke)
                if left < other_right and other_left < right and top > other_bottom - GAP / 2:
                    y -= top - (other_bottom - GAP / 2)
            bottom = y + _above(spoke) - spoke.height
            placed[index] = (x, y, (left, bottom, right, bottom + spoke.height))
        return [placed[i] for i in range(len(self.labels))]


def _bounds(placed: list[_Placed]) -> tuple[float, float, float, float]:
    boxes = [box for _x, _y, box in placed]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _above(spoke: _SpokeLabel) -> float:
    """How far the label reaches above its anchor point."""
    vertical = spoke.text.get_verticalalignment()
    return {"bottom": spoke.height, "center": spoke.height / 2}.get(vertical, 0.0)


def build_radar(
    data: RadarData,
    theme: ChartTheme | None = None,
    figure: Figure | None = None,
    size: tuple[float, float] = SIZE,
) -> Figure:
    """Draw ``data`` into ``figure`` (or a new figure of ``size`` inches) and return it."""
    theme = theme or ChartTheme.light()
    figure = prepare_figure(figure, theme, size)
    if data.current is None:
        show_message(figure, theme, data.empty_message)
        return figure
    if len(data.spokes) < 3:
        _draw_bars(figure, data, theme)
        return figure
    ax = figure.add_subplot(projection="polar")
    assert isinstance(ax, PolarAxes)
    _draw_outlines(ax, data, theme)
    labels = _draw_labels(figure, data, theme)
    handles = _legend_handles(data, theme)
    themed_legend(
        figure,
        theme,
        handles,
        loc="lower center",
        bbox_to_anchor=(0.5, 0.0),
        ncols=LEGEND_COLUMNS,
        borderaxespad=0.3,
    )
    rows = math.ceil(len(handles) / LEGEND_COLUMNS)
    first = float(labels[0].text.get_fontsize())
    sizes = tuple(dict.fromkeys((first, max(MIN_FONT_SIZE, first - 1), MIN_FONT_SIZE)))
    legend_height = text_height(theme.font_size, rows) * 1.2
    figure.set_layout_engine(RadarLayout(ax, labels, legend_height, sizes))
    return figure


def _comparison_colour(series: RadarSeries, theme: ChartTheme) -> str:
    return theme.mentor if series.mentor else theme.comparison


def _legend_handles(data: RadarData, theme: ChartTheme) -> list[Line2D | Patch]:
    assert data.current is not None
    return [
        Line2D([], [], color=theme.target, linestyle=(0, (4, 2)), label=data.target.label),
        Patch(
            facecolor=theme.accent,
            edgecolor=theme.accent,
            alpha=0.55,
            label=f"Latest: {data.current.label}",
        ),
        *(
            Line2D([], [], color=_comparison_colour(s, theme), ls=":", lw=1.8, label=s.label)
            for s in data.comparisons
        ),
    ]


def _draw_outlines(ax: PolarAxes, data: RadarData, theme: ChartTheme) -> None:
    count = len(data.spokes)
    angles = spoke_angles(count)
    closed = [*angles, angles[0]]
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    style_axes(ax, theme, grid_axis="")
    ax.grid(True, color=theme.grid, linewidth=0.7)
    ax.spines["polar"].set_color(theme.grid)
    ax.set_ylim(0, data.scale_max)
    rings = list(range(max(1, data.scale_min), data.scale_max + 1))
    ax.set_yticks(rings)
    ax.set_yticklabels([str(r) for r in rings], fontsize=theme.font_size - 1, color=theme.muted)
    ax.set_rlabel_position(180 / count)
    ax.set_xticks(angles)
    ax.set_xticklabels([])

    def outline(series: RadarSeries, gid: str, **style: object) -> None:
        values = _values(series)
        ax.plot(closed, [*values, values[0]], gid=gid, label=series.label, **style)  # type: ignore[arg-type]

    outline(data.target, "radar-target", color=theme.target, linestyle=(0, (4, 2)), lw=1.4)
    for series in data.comparisons:
        colour = _comparison_colour(series, theme)
        outline(series, "radar-comparison", color=colour, linestyle=":", lw=1.8)
    assert data.current is not None
    current = _values(data.current)
    ax.fill(closed, [*current, current[0]], color=theme.accent, alpha=0.18, gid="radar-fill")
    outline(data.current, "radar-current", color=theme.accent, lw=2.0, marker="o", ms=3.5)


def _draw_labels(figure: Figure, data: RadarData, theme: ChartTheme) -> list[_SpokeLabel]:
    """One text per spoke, placed later by :class:`RadarLayout`."""
    assert data.current is not None
    size = theme.font_size - (1 if len(data.spokes) > CROWDED else 0)
    labels = []
    for index, (angle, name) in enumerate(
        zip(spoke_angles(len(data.spokes)), data.spokes, strict=True)
    ):
        wordings = {
            "wide": wrap_label(name, angle),
            "narrow": wrap_label(name, angle, narrow=True),
            "short": shorten(name),
        }
        if data.current.values[index] is None:
            wordings = {key: f"{text}\n({NOT_RATED})" for key, text in wordings.items()}
            wordings["short"] = f"{shorten(name)} (-)"
        text = wordings["wide"]
        horizontal, vertical = _alignment(angle)
        highlighted = index in data.highlighted
        dimmed = bool(data.highlighted) and not highlighted
        artist = figure.text(
            0.5,
            0.5,
            text,
            ha=horizontal,
            va=vertical,
            fontsize=size,
            color=theme.muted if dimmed else theme.text,
            fontweight="bold" if highlighted else "normal",
            gid=LABEL_GID,
        )
        labels.append(_SpokeLabel(artist, angle, highlighted, wordings))
    return labels


def _draw_bars(figure: Figure, data: RadarData, theme: ChartTheme) -> None:
    """Fewer than three spokes: level against target as horizontal bars."""
    assert data.current is not None
    ax = figure.add_subplot()
    style_axes(ax, theme, grid_axis="x")
    rows = list(range(len(data.spokes)))
    current = _values(data.current)
    ax.barh(rows, current, height=0.5, color=theme.accent, label=data.current.label, gid="bars")
    ax.scatter(
        _values(data.target),
        rows,
        marker="|",
        s=400,
        color=theme.target,
        label=data.target.label,
        gid="radar-target",
    )
    names = [wrap_label(s) for s in data.spokes]
    ax.set_yticks(rows, names)
    ax.set_xlim(0, data.scale_max)
    ax.invert_yaxis()
    ax.set_xlabel("Level")
    themed_legend(figure, theme, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncols=2)
    widest = max(text_size(n, theme.font_size)[0] for n in names)
    margins = Margins(
        left=widest + 0.2,
        right=0.3,
        top=0.2,
        bottom=text_height(theme.font_size, 3) + 0.25,
    )
    use_margins(figure, ax, margins)
