"""One chart on screen: data in, a matplotlib canvas out, drawn only when it can be seen.

The canvas (and with it matplotlib) is created on the first draw, which is queued
after the widget is shown, so the window paints before matplotlib loads. The chart
is rebuilt into the same figure when its data or the palette changes; the canvas
keeps the figure's size and device pixel ratio in step with the widget, so it is
sharp on high-DPI screens. A context menu (right click, or the menu key) exports
PNG or SVG.

Signals: ``rendered()`` after each build (tests wait for it), ``hovered(str)`` with
the value under the mouse when the chart offers one ("" when it leaves).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFocusEvent,
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
from planner.gui.charts.chart_theme import theme_for
from planner.gui.charts.renderers import SCREEN_DPI

if TYPE_CHECKING:
    from matplotlib.backend_bases import MouseEvent
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

Render = Callable[[Any, ChartTheme, "Figure | None"], "Figure"]
Hover = Callable[["Figure", Any, float, float], "str | None"]
FitHeight = Callable[[int, ChartTheme], int]
PNG_DPI = 200  # exported PNGs at twice the screen's resolution, sharp when printed or zoomed
FOCUS_MARGIN = 2  # pixels around the canvas, where the focus frame is drawn
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
        self._queued = False
        self.canvas: FigureCanvasQTAgg | None = None
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
        """The figure drawn, once the chart has been built."""
        return self.canvas.figure if self.canvas is not None else None

    @property
    def drawn(self) -> bool:
        """Whether the chart shows its latest data."""
        return self.canvas is not None and not self._dirty

    def theme(self) -> ChartTheme:
        """The colours the chart is drawn in, from the palette."""
        return theme_for(self, self._background)

    def set_data(self, data: Any) -> None:
        """Show ``data``; the chart is rebuilt as soon as it is visible."""
        self._data = data
        self._dirty = True
        self._queue()

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
        self._render(self._data, self.theme(), canvas.figure)
        self._dirty = False
        self._fit()
        canvas.draw_idle()
        for action in (self.png_action, self.svg_action):
            action.setEnabled(True)
        self.rendered.emit()

    def render_now(self) -> None:
        """Build the chart at once if it is waiting (for screenshots)."""
        if self._dirty:
            self._build()
        if self.canvas is not None:
            self.canvas.draw()

    def _ensure_canvas(self) -> FigureCanvasQTAgg:
        if self.canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            dpi = SCREEN_DPI
            room = self.contentsRect()  # inside the focus frame's margin
            size = (max(1, room.width()) / dpi, max(1, room.height()) / dpi)
            self.canvas = FigureCanvasQTAgg(Figure(figsize=size, dpi=dpi))
            self.canvas.setParent(self)
            self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self.canvas.setMinimumSize(1, 1)
            self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.canvas.setAccessibleName(self.accessibleName())
            self._layout.addWidget(self.canvas)
            self.canvas.mpl_connect("motion_notify_event", self._on_motion)
            self.canvas.mpl_connect("figure_leave_event", self._on_leave)
        return self.canvas

    def _fit(self) -> None:
        """Take the height the chart wants for the width (once matplotlib is loaded)."""
        if self._fit_height is not None and self.canvas is not None:
            height = self._fit_height(self.width(), self.theme())
            if height != self.height():
                self.setFixedHeight(height)

    # Events -----------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep a chart with a preferred shape (the calendar's square days) in shape."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        """Build a chart that changed while hidden (after this paint)."""
        super().showEvent(event)
        self._queue()

    def changeEvent(self, event: QEvent) -> None:
        """Redraw in the new colours when the palette changes."""
        if event.type() == QEvent.Type.PaletteChange and self._data is not None:
            self._dirty = True
            self._queue()
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

    def _on_motion(self, event: MouseEvent) -> None:
        if self._hover is None or self.figure is None or self._data is None:
            return
        text = self._hover(self.figure, self._data, event.x, event.y) or ""
        if text != self.hover_text:
            self.hover_text = text
            self.hovered.emit(text)
        if text and self.canvas is not None:
            gui_event = event.guiEvent
            where = gui_event.position().toPoint() if gui_event is not None else QPoint(0, 0)
            QToolTip.showText(self.canvas.mapToGlobal(where), text, self.canvas)
        else:
            QToolTip.hideText()

    def _on_leave(self, _event: object) -> None:
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
