"""A live preview of the plan's pages: each page painted to an image, stacked in a scroll area.

Pages are drawn by the same code that prints them, at a resolution that fits the
width of the view (and the screen's device pixel ratio, so text stays crisp); the
paper stays white in the dark palette, as paper does.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsDropShadowEffect,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.report.page_setup import LAYOUT_DPI
from planner.report.paginated_plan import PaginatedPlan

PAGE_GAP = 18
SIDE_MARGIN = 24
MAX_DPI = 110.0  # a page is never shown larger than about its real size
MIN_DPI = 30.0
RESIZE_DELAY_MS = 120


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
        self.pages: list[QLabel] = []
        self._sheet = QWidget()
        self._sheet.setBackgroundRole(self._sheet.backgroundRole().Dark)
        self._sheet.setAutoFillBackground(True)
        self._column = QVBoxLayout(self._sheet)
        self._column.setContentsMargins(SIDE_MARGIN, PAGE_GAP, SIDE_MARGIN, PAGE_GAP)
        self._column.setSpacing(PAGE_GAP)
        self._column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setAutoFillBackground(True)  # a card that reads on any palette
        self.message.setBackgroundRole(self.message.backgroundRole().Base)
        self.message.setForegroundRole(self.message.foregroundRole().Text)
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
        """Show the pages of ``paginated``."""
        self._paginated = paginated
        self.message.hide()
        self._render(force=True)

    def _fitting_dpi(self) -> float:
        assert self._paginated is not None
        page_width_in = self._paginated.geometry.page.width() / LAYOUT_DPI
        width = self.viewport().width()
        scroll_bar = self.verticalScrollBar()
        if not scroll_bar.isVisible():  # it appears once the pages are in: leave it room
            width -= scroll_bar.sizeHint().width()
        room = max(100, width - 2 * SIDE_MARGIN - 8)
        return max(MIN_DPI, min(MAX_DPI, room / page_width_in))

    def _render(self, force: bool = False) -> None:
        if self._paginated is None:
            return
        dpi = self._fitting_dpi()
        if not force and abs(dpi - self._dpi) < 1:
            return
        self._dpi = dpi
        ratio = self.devicePixelRatioF()
        self._clear_pages()
        for index in range(self._paginated.page_count):
            image = self._paginated.page_image(index, dpi * ratio)
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            page = QLabel()
            page.setObjectName(f"planPage{index + 1}")
            page.setPixmap(pixmap)
            page.setFixedSize(QSize(round(image.width() / ratio), round(image.height() / ratio)))
            page.setAccessibleName(f"Page {index + 1} of {self._paginated.page_count}")
            shadow = QGraphicsDropShadowEffect(page)
            shadow.setBlurRadius(14)
            shadow.setOffset(0, 2)
            page.setGraphicsEffect(shadow)
            self._column.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self.pages.append(page)

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
        self._render()
