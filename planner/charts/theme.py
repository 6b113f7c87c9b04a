"""Colours and sizes of every chart, as plain values: the GUI fills them from its palette.

No matplotlib and no Qt here, so views can hold a theme without loading either. The
series colours are Tableau's ten (distinct for common colour-vision deficiencies and
readable on light and dark grounds); the heat ramp is a green scale whose empty cell
is a step away from the background in either direction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

SERIES_COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
)
LIGHT_HEAT = ("#ebedf0", "#c6e48b", "#7bc96f", "#239a3b", "#196127")
DARK_HEAT = ("#3d3d3d", "#245c35", "#2f8a47", "#3fb35c", "#7ee095")
MIN_LINE_CONTRAST = 3.0  # WCAG's minimum for graphics


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"expected a colour like #rrggbb, got {colour!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def mix(colour: str, other: str, share: float) -> str:
    """``colour`` moved ``share`` of the way toward ``other``, as #rrggbb."""
    start, end = _rgb(colour), _rgb(other)
    parts = (round(a + (b - a) * share) for a, b in zip(start, end, strict=True))
    return "#" + "".join(f"{part:02x}" for part in parts)


def lightness(colour: str) -> float:
    """Relative luminance 0 (black) .. 1 (white), as WCAG defines it."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in _rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(colour: str, other: str) -> float:
    """WCAG contrast ratio of two colours, 1 (none) .. 21 (black on white)."""
    high, low = sorted((lightness(colour), lightness(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@dataclass(frozen=True)
class ChartTheme:
    """Everything a chart builder needs to know about colours and text size."""

    background: str
    text: str
    muted: str
    grid: str
    accent: str
    target: str
    comparison: str
    mentor: str
    warning: str
    heat: tuple[str, ...]
    series: tuple[str, ...] = SERIES_COLOURS
    unassigned: str = "#a0a0a0"
    font_size: float = 9.0
    dark: bool = False

    @classmethod
    def light(cls) -> ChartTheme:
        """Dark text on white, for the light palette and for print."""
        return cls(
            background="#ffffff",
            text="#1f1f1f",
            muted="#6b6b6b",
            grid="#dedede",
            accent="#2f6db5",
            target="#5c5c5c",
            comparison="#e07b16",
            mentor="#9b59b6",
            warning="#c0392b",
            heat=LIGHT_HEAT,
        )

    @classmethod
    def dark_theme(cls) -> ChartTheme:
        """Light text on the dark palette's window colour."""
        return cls(
            background="#2b2b2b",
            text="#e6e6e6",
            muted="#a8a8a8",
            grid="#474747",
            accent="#6fa8ee",
            target="#c8c8c8",
            comparison="#f5a35c",
            mentor="#c39bd3",
            warning="#ff7b6b",
            heat=DARK_HEAT,
            unassigned="#8a8a8a",
            dark=True,
        )

    @classmethod
    def from_colours(
        cls,
        background: str,
        text: str,
        accent: str | None = None,
        font_size: float | None = None,
    ) -> ChartTheme:
        """A theme for any palette: dark or light by which of the two colours is lighter.

        Muted text and grid lines are mixed from the two so they keep their contrast.
        """
        dark = lightness(background) < lightness(text)
        base = cls.dark_theme() if dark else cls.light()
        if accent is not None and contrast(accent, background) < MIN_LINE_CONTRAST:
            accent = mix(accent, text, 0.35)
        # The empty heat cell a step from the background, whatever the background is.
        heat = (mix(background, text, 0.09), *base.heat[1:])
        return replace(
            base,
            heat=heat,
            background=background,
            text=text,
            muted=mix(text, background, 0.35),
            grid=mix(background, text, 0.16),
            accent=accent or base.accent,
            font_size=font_size or base.font_size,
        )

    def series_colour(self, index: int) -> str:
        """The colour of the ``index``-th series (areas keep theirs in framework order)."""
        return self.series[index % len(self.series)]
