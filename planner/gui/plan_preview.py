"""A live preview of the plan's pages: white sheets stacked in a scroll area, fitted to the width.

Pages are drawn by the same code that prints them, straight onto the screen at its
resolution (device pixel ratio included, so text stays crisp), and only the part of
a sheet that comes into sight: no page is ever held as an image, so a long plan costs
no more memory than a short one. The paper stays white in the dark palette, as paper
does; each sheet draws its own soft shadow.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from planner.report.page_setup import LAYOUT_DPI
from planner.report.paginated_plan import PaginatedPlan

PAGE_GAP = 18
SIDE_MARGIN = 24
SHADOW = 4  # pixels of shadow right of and below each sheet
MAX_DPI = 110.0  # a page is never shown larger than about its real size
MIN_DPI = 30.0
RESIZE_DELAY_MS = 120


class PageSheet(QWidget):
    """One page of the plan, painted where the screen asks at the preview's resolution."""

    def __init__(self, paginated: PaginatedPlan, index: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.paginated = paginated
        self.index = index
        self.dpi = MIN_DPI
        self.setObjectName(f"planPage{index + 1}")
        self.setAccessibleName(f"Page {index + 1} of {paginated.page_count}")

    def set_dpi(self, dpi: float) -> None:
        """Show the page at ``dpi`` (logical pixels per inch) from now on."""
        page = self.paginated.geometry.page
        self.dpi = dpi
        width = round(page.width() / LAYOUT_DPI * dpi)
        height = round(page.height() / LAYOUT_DPI * dpi)
        self.setFixedSize(QSize(width + SHADOW, height + SHADOW))
        self.update()

    def image(self) -> QImage:
        """The page as the sheet shows it (drawn now; for tests and screenshots)."""
        ratio = self.devicePixelRatioF()
        image = self.paginated.page_image(self.index, self.dpi * ratio)
        image.setDevicePixelRatio(ratio)
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        """A soft shadow, the paper, then the part of the page that needs painting."""
        painter = QPainter(self)
        sheet = QRect(0, 0, self.width() - SHADOW, self.height() - SHADOW)
        for step in range(SHADOW, 0, -1):
            shade = QColor(0, 0, 0, 18 + 10 * (SHADOW - step))
            painter.fillRect(sheet.translated(step, step), shade)
        painter.fillRect(sheet, QColor("white"))
        exposed = event.rect().intersected(sheet)
        if not exposed.isEmpty():
            scale = self.dpi / LAYOUT_DPI
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.setClipRect(exposed)
            painter.scale(scale, scale)
            area = QRectF(exposed)
            area = QRectF(area.topLeft() / scale, area.bottomRight() / scale)
            self.paginated.paint_page(painter, self.index, area)
        painter.end()


class PagePreview(QScrollArea):
    """Shows the pages of a :class:`PaginatedPlan`, fitted to the width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planPreview")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundRole(self.backgroundRole().Dark)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._paginated: PaginatedPlan | None = None
        self._dpi = 0.0
        self.pages: list[PageSheet] = []
        self._sheet = QWidget()
        self._sheet.setBackgroundRole(self._sheet.backgroundRole().Dark)
        self._sheet.setAutoFillBackground(True)
        self._column = QVBoxLayout(self._sheet)
        self._column.setContentsMargins(SIDE_MARGIN, PAGE_GAP, SIDE_MARGIN, PAGE_GAP)
        self._column.setSpacing(PAGE_GAP - SHADOW)
        self._column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.message = QLabel()
        self.message.setObjectName("planPreviewMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setAutoFillBackground(True)  # a card that reads on any palette
        self.message.setBackgroundRole(self.message.backgroundRole().Window)
        self.message.setForegroundRole(self.message.foregroundRole().WindowText)
        self.message.setContentsMargins(18, 14, 18, 14)
        self.message.setMinimumWidth(380)
        self._column.addWidget(self.message)
        self.setWidget(self._sheet)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(RESIZE_DELAY_MS)
        self._resize_timer.timeout.connect(self._on_resized)

    @property
    def page_count(self) -> int:
        """How many pages are shown."""
        return len(self.pages)

    def show_message(self, text: str) -> None:
        """Replace the pages with a sentence (no plan yet, or preparing one)."""
        self._paginated = None
        self._clear_pages()
        self.message.setText(text)
        self.message.show()

    def show_plan(self, paginated: PaginatedPlan) -> None:
        """Show the pages of ``paginated`` (each is painted as it comes into sight)."""
        self._paginated = paginated
        self.message.hide()
        self._clear_pages()
        self._dpi = self._fitting_dpi()
        for index in range(paginated.page_count):
            page = PageSheet(paginated, index)
            page.set_dpi(self._dpi)
            self._column.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self.pages.append(page)

    def _fitting_dpi(self) -> float:
        assert self._paginated is not None
        page_width_in = self._paginated.geometry.page.width() / LAYOUT_DPI
        width = self.viewport().width()
        scroll_bar = self.verticalScrollBar()
        if not scroll_bar.isVisible():  # it appears once the pages are in: leave it room
            width -= scroll_bar.sizeHint().width()
        room = max(100, width - 2 * SIDE_MARGIN - 8 - SHADOW)
        return max(MIN_DPI, min(MAX_DPI, room / page_width_in))

    def _refit(self) -> None:
        if self._paginated is None:
            return
        dpi = self._fitting_dpi()
        if abs(dpi - self._dpi) < 1:
            return
        self._dpi = dpi
        for page in self.pages:
            page.set_dpi(dpi)

    def _clear_pages(self) -> None:
        for page in self.pages:
            self._column.removeWidget(page)
            page.setParent(None)
            page.deleteLater()
        self.pages = []

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Refit the pages to the new width, once the resizing settles."""
        super().resizeEvent(event)
        if self._paginated is not None:
            self._resize_timer.start()

    def _on_resized(self) -> None:
        self._refit()
