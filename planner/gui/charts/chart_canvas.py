"""Where a chart's image is painted: a plain widget, so showing a chart never loads matplotlib.

The image is drawn on a worker thread (:mod:`planner.gui.charts.chart_renderer`) at
the canvas's size; while a newer one is being drawn (the window was resized) the old
one is stretched to fit. Mouse positions are reported in the image's device pixels
from the bottom left, as matplotlib's own mouse events give them.

Signals: ``moved(float, float, QPoint)`` with the position in image pixels and on the
screen, ``left()`` when the mouse leaves, ``painted()`` after each paint.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class ChartCanvas(QWidget):
    """Paints the latest image of a chart, or a sentence while there is none."""

    moved = Signal(float, float, QPoint)
    left = Signal()
    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.message = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(1, 1)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMouseTracking(True)

    def show_image(self, image: QImage) -> None:
        """Paint ``image`` from now on (its device pixel ratio set)."""
        self.image = image
        self.message = ""
        self.update()

    def show_message(self, text: str) -> None:
        """Say ``text`` in place of the chart (while it is drawn, or when it failed)."""
        self.message = text
        if text:
            self.image = None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The image, stretched if the canvas changed size since it was drawn."""
        painter = QPainter(self)
        if self.image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QRectF(self.rect()), self.image)
        elif self.message:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.message)
        painter.end()
        self.painted.emit()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Report where the mouse is, in the image's pixels from the bottom left."""
        super().mouseMoveEvent(event)
        if self.image is None or self.width() <= 0 or self.height() <= 0:
            return
        where = event.position()
        x = where.x() * self.image.width() / self.width()
        y = (self.height() - where.y()) * self.image.height() / self.height()
        self.moved.emit(x, y, event.globalPosition().toPoint())

    def leaveEvent(self, event: QEvent) -> None:
        """The mouse went elsewhere."""
        super().leaveEvent(event)
        self.left.emit()
