"""Drawing charts off the GUI thread: matplotlib's Agg draws each figure to an image.

Building and drawing a figure takes 50-250 ms; five of them on the GUI thread froze
the Progress view for most of a second. One worker thread draws every chart of the
window in turn (matplotlib's object API, never pyplot, and each figure is used by one
thread at a time); the GUI thread only paints the finished image. The figure is kept
with its image, detached from its drawing buffer, for hover read-outs and exports.

Results travel through a queue the GUI thread empties (see
:mod:`planner.gui.charts.chart_loader` for why); :func:`wait_for_charts` blocks
until the worker is idle, for screenshots and benchmarks.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

from planner.charts.theme import ChartTheme
from planner.gui.charts.renderers import SCREEN_DPI
from planner.gui.heap import release_free_memory
from planner.gui.source_cache import stop_keeping_module_sources

if TYPE_CHECKING:
    from matplotlib.figure import Figure

Render = Callable[[Any, ChartTheme, "Figure | None"], "Figure"]
FitHeight = Callable[[int, ChartTheme], int]


@dataclass(frozen=True)
class RenderRequest:
    """One chart to draw: what, in which colours, at what size (logical pixels)."""

    render: Render
    data: Any
    theme: ChartTheme
    width: int  # of the chart widget, focus margin included
    height: int
    ratio: float  # device pixels per logical pixel
    margin: int  # around the drawing, inside the widget
    fit_height: FitHeight | None = None


@dataclass(frozen=True)
class RenderedChart:
    """A drawn chart: the image (device pixels, ratio set), its figure, the widget height."""

    image: QImage
    figure: Figure
    height: int


def draw_chart(request: RenderRequest) -> RenderedChart:
    """Build and draw the chart of ``request`` (on any thread; matplotlib loads here)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    height = request.height
    if request.fit_height is not None:
        height = request.fit_height(request.width, request.theme)
    width_px = max(1, request.width - 2 * request.margin)
    height_px = max(1, height - 2 * request.margin)
    figure = Figure(
        figsize=(width_px / SCREEN_DPI, height_px / SCREEN_DPI), dpi=SCREEN_DPI * request.ratio
    )
    canvas = FigureCanvasAgg(figure)
    request.render(request.data, request.theme, figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    columns, rows = int(renderer.width), int(renderer.height)
    image = QImage(
        bytes(canvas.buffer_rgba()), columns, rows, columns * 4, QImage.Format.Format_RGBA8888
    ).convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)  # a copy that owns its pixels
    image.setDevicePixelRatio(request.ratio)
    FigureCanvasAgg(figure)  # a fresh canvas: the drawing buffer of this one is freed
    return RenderedChart(image, figure, height)


class _Relay(QObject):
    """Tells a chart that its image waits in its mailbox (a queued connection)."""

    ready = Signal()


class Mailbox:
    """Where the worker leaves a chart's results, and which request is the latest.

    Its relay has no Qt parent: a job still running holds the mailbox, so the relay
    outlives the chart that asked rather than being deleted while the job emits.
    """

    def __init__(self) -> None:
        self.relay = _Relay()
        self.items: deque[tuple[int, RenderedChart | Exception]] = deque()
        self.latest = 0

    def take(self) -> RenderedChart | Exception | None:
        """The result of the latest request, if it arrived (older ones are dropped)."""
        found: RenderedChart | Exception | None = None
        while self.items:
            generation, result = self.items.popleft()
            if generation == self.latest:
                found = result
        return found


class _Job(QRunnable):
    def __init__(self, mailbox: Mailbox, generation: int, request: RenderRequest) -> None:
        super().__init__()
        self.mailbox = mailbox
        self.generation = generation
        self.request: RenderRequest | None = request

    def run(self) -> None:
        request, self.request = self.request, None
        if request is None or self.generation != self.mailbox.latest:
            return  # a newer request for the same chart came in while this one waited
        self.mailbox.items.append((self.generation, _outcome(request)))
        del request
        release_free_memory()  # what drawing freed (a few ms), for other threads to use
        try:
            self.mailbox.relay.ready.emit()
        except RuntimeError:  # the chart was deleted meanwhile
            return


def _outcome(request: RenderRequest) -> RenderedChart | Exception:
    try:
        return draw_chart(request)
    except Exception as error:  # the chart says in words that it could not be drawn
        return error.with_traceback(None)  # its frames die here, on the worker


_pool: QThreadPool | None = None


def _worker() -> QThreadPool:
    global _pool
    if _pool is None:
        # matplotlib and the chart builders are the largest import after start-up.
        stop_keeping_module_sources()
        # Owned by the application, whose end waits for a chart still being drawn.
        _pool = QThreadPool(QCoreApplication.instance())
        _pool.setMaxThreadCount(1)
        _pool.destroyed.connect(_forget_pool)
    return _pool


def _forget_pool() -> None:
    global _pool
    _pool = None


def submit(mailbox: Mailbox, request: RenderRequest) -> None:
    """Draw ``request`` on the worker; its result replaces any older one in ``mailbox``."""
    mailbox.latest += 1
    _worker().start(_Job(mailbox, mailbox.latest, request))


def wait_for_charts() -> None:
    """Block until every chart asked for is drawn (results then wait in the mailboxes)."""
    if _pool is not None:
        _pool.waitForDone()
