"""The chart theme of a widget: its palette's colours and font size as plain values."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from planner.charts.theme import ChartTheme

MIN_FONT_SIZE = 8.0
MAX_FONT_SIZE = 11.0


def theme_for(widget: QWidget, background: QPalette.ColorRole | None = None) -> ChartTheme:
    """Colours of ``widget``'s palette: its background (or ``background``), text and highlight."""
    palette = widget.palette()
    role = background if background is not None else widget.backgroundRole()
    text_role = (
        QPalette.ColorRole.Text
        if role == QPalette.ColorRole.Base
        else (QPalette.ColorRole.WindowText)
    )
    size = widget.font().pointSizeF()
    font_size = min(MAX_FONT_SIZE, max(MIN_FONT_SIZE, size)) if size > 0 else None
    return ChartTheme.from_colours(
        palette.color(role).name(),
        palette.color(text_role).name(),
        palette.color(QPalette.ColorRole.Highlight).name(),
        font_size,
    )
