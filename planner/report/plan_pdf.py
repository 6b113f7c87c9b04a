"""Put a paginated plan on paper: a PDF file, or any paged device a printer dialog hands over."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QPagedPaintDevice, QPainter, QPdfWriter

from planner.errors import PlannerError
from planner.report.page_setup import LAYOUT_DPI, page_layout
from planner.report.paginated_plan import PaginatedPlan

PDF_DPI = 1200


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new one; fonts and text layout need one.

    With no platform chosen (``QT_QPA_PLATFORM``) the new one is offscreen, so the
    command line prints plans on machines without a display.
    """
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([])


def print_pages(
    paginated: PaginatedPlan, device: QPagedPaintDevice, pages: Iterable[int] | None = None
) -> int:
    """Paint ``pages`` (all by default) onto ``device``, one device page each; returns the count.

    The device's painter origin must be the paper's corner (a PDF writer with zero
    margins, a printer in full-page mode).
    """
    painter = QPainter()
    if not painter.begin(device):
        raise PlannerError("The plan could not be printed: the printer or file refused it.")
    count = 0
    try:
        scale_x = device.logicalDpiX() / LAYOUT_DPI
        scale_y = device.logicalDpiY() / LAYOUT_DPI
        for index in range(paginated.page_count) if pages is None else pages:
            if count and not device.newPage():
                raise PlannerError("The plan could not be printed: no room for another page.")
            painter.save()
            painter.scale(scale_x, scale_y)
            paginated.paint_page(painter, index)
            painter.restore()
            count += 1
    finally:
        painter.end()
    return count


def write_pdf(paginated: PaginatedPlan, path: Path) -> int:
    """Write the plan to ``path`` as PDF (replacing it only once complete); returns pages."""
    if path.is_dir():
        raise PlannerError(f"{path} is a folder; give the name of the PDF file to write.")
    if not path.parent.is_dir():
        raise PlannerError(f"Cannot write {path}: the folder {path.parent} does not exist.")
    partial = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(partial))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(paginated.paper))
    writer.setTitle(paginated.plan.title)
    writer.setCreator("Learning Path Planner")
    try:
        pages = print_pages(paginated, writer)
    except PlannerError:
        partial.unlink(missing_ok=True)
        raise PlannerError(f"Cannot write {path}: the file could not be created.") from None
    del writer  # closes the file
    os.replace(partial, path)
    return pages
