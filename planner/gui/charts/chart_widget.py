"""One chart on screen: data in, an image drawn off the GUI thread out, only when it can be seen.

Nothing is drawn until the widget is shown; then the chart is built and drawn by
matplotlib on a worker thread (:mod:`planner.gui.charts.chart_renderer`) at the
widget's size and device pixel ratio, so it is sharp on high-DPI screens and the
window never waits for matplotlib, which also loads on that thread. The worker starts
once the canvas has been painted (or after :data:`START_DELAY_MS` if it is not, say
when scrolled out of sight): started earlier, it holds the interpreter lock while the
view around it lays out and paints, which made the Dashboard appear 60 ms later. Until
the first image arrives the canvas says the chart is being drawn. New data, a palette change
or a new size draws it again (a resize once the resizing settles; the old image is
stretched meanwhile). A context menu (right click, or the menu key) exports PNG or SVG.

Signals: ``rendered()`` after each new image (tests wait for it), ``hovered(str)`` with
the value under the mouse when the chart offers one ("" when it leaves).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFocusEvent,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from planner.charts.theme import ChartTheme
from planner.gui.charts import chart_renderer
from planner.gui.charts.chart_canvas import ChartCanvas
from planner.gui.charts.chart_renderer import FitHeight, Mailbox, Render, RenderRequest
from planner.gui.charts.chart_theme import theme_for

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["ChartReadout", "ChartWidget", "FitHeight", "Hover", "Render", "ask_export_path"]

Hover = Callable[["Figure", Any, float, float], "str | None"]
PNG_DPI = 200  # exported PNGs at twice the screen's resolution, sharp when printed or zoomed
FOCUS_MARGIN = 2  # pixels around the canvas, where the focus frame is drawn
RESIZE_DELAY_MS = 100  # redraw once the resizing pauses this long
START_DELAY_MS = 100  # start drawing by then even if the canvas was not painted
DRAWING = "Drawing the chart…"
EXPORT_FORMATS = {"png": "PNG image (*.png)", "svg": "SVG drawing (*.svg)"}


def ask_export_path(parent: QWidget, suggested: Path, fmt: str) -> Path | None:
    """The file to export to, from a save dialog (None when cancelled)."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, f"Export chart as {fmt.upper()}", str(suggested), EXPORT_FORMATS[fmt]
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == f".{fmt}" else path.with_name(f"{path.name}.{fmt}")


class ChartWidget(QWidget):
    """Shows one chart built by ``render(data, theme, figure)``; see the module docstring."""

    rendered = Signal()
    hovered = Signal(str)

    def __init__(
        self,
        render: Render,
        name: str,
        *,
        hover: Hover | None = None,
        fit_height: FitHeight | None = None,
        background: QPalette.ColorRole = QPalette.ColorRole.Window,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName(f"chart-{name}")
        self.setAccessibleName(name.replace("-", " ").capitalize() + " chart")
        self._render = render
        self._hover = hover
        self._fit_height = fit_height
        self._background = background
        self._data: Any = None
        self._dirty = False
        self._version = 0  # counts changes of data and colours
        self._drawn_version = 0  # the change the latest image asked for shows
        self._queued = False
        self._pending = False  # an image was asked for and has not arrived
        self._request: RenderRequest | None = None  # asked for, waiting for the canvas's paint
        self._figure: Figure | None = None
        self._drawn_size = QSize()  # the canvas size of the image shown
        self._mailbox = Mailbox()
        self._mailbox.relay.ready.connect(self._on_drawn)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(RESIZE_DELAY_MS)
        self._resize_timer.timeout.connect(self._queue)
        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.setInterval(START_DELAY_MS)
        self._start_timer.timeout.connect(self._submit)
        self.canvas: ChartCanvas | None = None
        self.hover_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setBackgroundRole(background)
        self.setAutoFillBackground(True)
        # Keyboard users tab to the chart (a frame shows it) and open its menu with the
        # menu key; a thin margin keeps the frame clear of the canvas.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(FOCUS_MARGIN, FOCUS_MARGIN, FOCUS_MARGIN, FOCUS_MARGIN)
        self.png_action = QAction("Export &PNG…", self)
        self.png_action.triggered.connect(self._on_export_png)
        self.svg_action = QAction("Export &SVG…", self)
        self.svg_action.triggered.connect(self._on_export_svg)
        for action in (self.png_action, self.svg_action):
            action.setEnabled(False)

    # Data -------------------------------------------------------------------

    @property
    def data(self) -> Any:
        """What the chart shows (None before the first :meth:`set_data`)."""
        return self._data

    @property
    def figure(self) -> Figure | None:
        """The figure of the image shown, once the chart has been drawn."""
        return self._figure

    @property
    def drawn(self) -> bool:
        """Whether the chart shows its latest data."""
        return self.canvas is not None and not self._dirty

    def theme(self) -> ChartTheme:
        """The colours the chart is drawn in, from the palette."""
        return theme_for(self, self._background)

    def set_data(self, data: Any) -> None:
        """Show ``data``; the chart is drawn again as soon as it is visible."""
        self._data = data
        self._changed()

    def _changed(self) -> None:
        self._version += 1
        self._dirty = True
        self._queue()

    def show_pending(self) -> None:
        """Say the chart is on its way, unless it already shows an image (then that stays)."""
        if self.isVisible():
            canvas = self._ensure_canvas()
            if canvas.image is None:
                canvas.show_message(DRAWING)

    def _queue(self) -> None:
        if self._queued or not self.isVisible() or self._data is None:
            return
        self._queued = True
        QTimer.singleShot(0, self, self._build)  # dropped if the widget goes first

    def _build(self) -> None:
        self._queued = False
        if not self._dirty or self._data is None or not self.isVisible():
            return
        canvas = self._ensure_canvas()
        self._request = RenderRequest(
            self._render,
            self._data,
            self.theme(),
            self.width(),
            self.height(),
            self.devicePixelRatioF(),
            FOCUS_MARGIN,
            self._fit_height,
        )
        self._drawn_version = self._version
        self._pending = True
        if canvas.image is None:
            canvas.show_message(DRAWING)
        else:
            canvas.update()  # its paint starts the worker
        self._start_timer.start()

    def _on_canvas_painted(self) -> None:
        if self._request is not None:
            QTimer.singleShot(0, self, self._submit)  # after the rest of the window paints

    def _submit(self) -> None:
        request, self._request = self._request, None
        self._start_timer.stop()
        if request is not None:
            chart_renderer.submit(self._mailbox, request)

    def _on_drawn(self) -> None:
        result = self._mailbox.take()
        if result is None or self.canvas is None:
            return  # an older image, or one already taken by render_now
        self._pending = False
        if isinstance(result, Exception):
            self._figure = None
            self._dirty = self._drawn_version != self._version
            self.canvas.show_message(f"The chart could not be drawn: {result}")
            return
        self._figure = result.figure
        self._drawn_size = self._canvas_size(self.width(), result.height)
        if self._fit_height is not None and result.height != self.height():
            self.setFixedHeight(result.height)
        resized = self._drawn_size != self._canvas_size(self.width(), self.height())
        self._dirty = resized or self._drawn_version != self._version
        self.canvas.show_image(result.image)
        for action in (self.png_action, self.svg_action):
            action.setEnabled(True)
        self.rendered.emit()
        if self._dirty:  # changed while it was drawn
            self._queue()

    def render_now(self) -> None:
        """Draw the chart and wait for it if it is waiting (for screenshots and benchmarks)."""
        if self._dirty and self._data is not None and self.isVisible() and not self._pending:
            self._build()
        self._submit()
        if self._pending:
            chart_renderer.wait_for_charts()
            self._on_drawn()

    def _ensure_canvas(self) -> ChartCanvas:
        if self.canvas is None:
            self.canvas = ChartCanvas(self)
            self.canvas.setAccessibleName(self.accessibleName())
            self._layout.addWidget(self.canvas)
            self.canvas.moved.connect(self._on_motion)
            self.canvas.painted.connect(self._on_canvas_painted)
            self.canvas.left.connect(self._on_leave)
        return self.canvas

    @staticmethod
    def _canvas_size(width: int, height: int) -> QSize:
        return QSize(max(1, width - 2 * FOCUS_MARGIN), max(1, height - 2 * FOCUS_MARGIN))

    # Events -----------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Draw again at the new size once the resizing settles (the old image stretches)."""
        super().resizeEvent(event)
        size = self._canvas_size(event.size().width(), event.size().height())
        if self.canvas is not None and self._data is not None and size != self._drawn_size:
            self._dirty = True
            self._resize_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        """Draw a chart that changed while hidden (after this paint)."""
        super().showEvent(event)
        self._queue()

    def hideEvent(self, event: QHideEvent) -> None:
        """Nobody sees the chart now: an image not yet drawn is drawn when it shows again."""
        super().hideEvent(event)
        if self._pending:
            self._request = None
            self._start_timer.stop()
            self._mailbox.latest += 1  # the worker skips the request if it has not begun
            self._pending = False
            self._dirty = True

    def changeEvent(self, event: QEvent) -> None:
        """Redraw in the new colours when the palette changes."""
        redraw = (QEvent.Type.PaletteChange, QEvent.Type.DevicePixelRatioChange)
        if event.type() in redraw and self._data is not None:
            self._changed()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Frame the chart while it has the keyboard focus."""
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), FOCUS_MARGIN))
            half = FOCUS_MARGIN // 2
            painter.drawRect(self.rect().adjusted(half, half, -half - 1, -half - 1))
            painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Show the focus frame."""
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Hide the focus frame."""
        super().focusOutEvent(event)
        self.update()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Offer the exports."""
        menu = QMenu(self)
        menu.addAction(self.png_action)
        menu.addAction(self.svg_action)
        menu.exec(event.globalPos())

    def _on_motion(self, x: float, y: float, where: QPoint) -> None:
        if self._hover is None or self.figure is None or self._data is None:
            return
        text = self._hover(self.figure, self._data, x, y) or ""
        if text != self.hover_text:
            self.hover_text = text
            self.hovered.emit(text)
        if text and self.canvas is not None:
            QToolTip.showText(where, text, self.canvas)
        else:
            QToolTip.hideText()

    def _on_leave(self) -> None:
        if self.hover_text:
            self.hover_text = ""
            self.hovered.emit("")
        QToolTip.hideText()

    # Export -----------------------------------------------------------------

    def _on_export_png(self) -> None:
        self._export_to_chosen("png")

    def _on_export_svg(self) -> None:
        self._export_to_chosen("svg")

    def _export_to_chosen(self, fmt: str) -> None:
        path = ask_export_path(self, Path.home() / f"{self.name}.{fmt}", fmt)
        if path is None:
            return
        try:
            self.export(path)
        except OSError as error:
            QMessageBox.warning(
                self,
                "Export chart",
                f"The chart could not be saved to {path}: {error.strerror or error}.",
            )

    def export(self, path: Path) -> None:
        """Save the chart to ``path``; PNG or SVG by its suffix."""
        figure = self.figure
        if figure is None:
            return
        fmt = path.suffix.lower().lstrip(".")
        figure.savefig(
            path,
            format=fmt,
            dpi=PNG_DPI if fmt == "png" else "figure",
            facecolor=figure.get_facecolor(),
        )


class ChartReadout(QLabel):
    """A line under a chart showing the value under the mouse, or how to get one."""

    def __init__(self, chart: ChartWidget, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(hint, parent)
        self.hint = hint
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setObjectName(f"readout-{chart.name}")
        chart.hovered.connect(self._on_hovered)

    def _on_hovered(self, text: str) -> None:
        self.setText(text or self.hint)
