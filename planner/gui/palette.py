"""Light and dark palettes: the program follows the system, screenshots can force dark."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

_DARK = {
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#262626",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.Highlight: "#3d6fb4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#353535",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#8a8a8a",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.Mid: "#4a4a4a",
    QPalette.ColorRole.Midlight: "#3c3c3c",
    QPalette.ColorRole.Dark: "#1a1a1a",
    QPalette.ColorRole.Light: "#505050",
}


def dark_palette() -> QPalette:
    """A dark palette with readable contrast for every role the views use."""
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def is_dark(palette: QPalette) -> bool:
    """Whether text is lighter than the window (a dark theme)."""
    return (
        palette.color(QPalette.ColorRole.WindowText).lightness()
        > palette.color(QPalette.ColorRole.Window).lightness()
    )


class ReadableIndicatorStyle(QProxyStyle):
    """The platform style, with check boxes and radio buttons outlined on dark palettes.

    Fusion draws an unticked box as a base-coloured square with an outline darker
    than the window: on a dark palette that outline vanishes and the box reads as a
    hole. A light outline keeps every indicator visible without restyling the app.
    """

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Draw as usual, then outline indicators when the palette is dark."""
        super().drawPrimitive(element, option, painter, widget)
        indicators = (
            QStyle.PrimitiveElement.PE_IndicatorCheckBox,
            QStyle.PrimitiveElement.PE_IndicatorRadioButton,
            QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
        )
        if element not in indicators or not is_dark(option.palette):
            return
        rect = option.rect.adjusted(0, 0, -1, -1)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("#9a9a9a"), 1))
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, 2, 2)
        painter.restore()


def apply_style(app: QApplication, *, dark: bool = False) -> None:
    """Install the readable-indicator style; with ``dark``, force Fusion and the dark palette."""
    base = "Fusion" if dark else None
    style = ReadableIndicatorStyle(base) if base else ReadableIndicatorStyle()
    app.setStyle(style)
    if dark:
        app.setPalette(dark_palette())
