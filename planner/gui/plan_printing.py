"""Printing and exporting the plan from the window: print dialog, print preview, files.

Each function is one user action; the Plan view and the File menu share them. The
file and print dialogs are asked through :func:`ask_save_path` and
:func:`run_dialog`, which tests replace.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from planner.errors import PlannerError
from planner.report.page_setup import page_layout
from planner.report.paginated_plan import PaginatedPlan

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from planner.services.service_set import Services


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> Path | None:
    """Where to save, or None when the person cancels."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return Path(path) if path else None


def run_dialog(dialog: QDialog) -> bool:
    """Show a modal dialog; True when accepted."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def file_stem(name: str, today: date) -> str:
    """E.g. "Development plan - Alex Rivera - 2026-11-21" (safe as a file name)."""
    safe = "".join(ch if ch.isalnum() or ch in " -_." else "_" for ch in name).strip() or "plan"
    return f"Development plan - {safe} - {today.isoformat()}"


def set_up_printer(printer: QPrinter, paginated: PaginatedPlan) -> QPrinter:
    """Set ``printer`` to the plan's paper, drawing from the paper's corner; returns it."""
    printer.setPageLayout(page_layout(paginated.paper))
    printer.setFullPage(True)
    printer.setDocName(paginated.plan.title)
    printer.setFromTo(1, paginated.page_count)
    return printer


def print_to(paginated: PaginatedPlan, printer: QPrinter) -> int:
    """Print the pages the printer asks for (all by default); returns how many."""
    from planner.report.plan_pdf import print_pages

    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        first, last = 1, paginated.page_count
    pages = range(first - 1, min(last, paginated.page_count))
    return print_pages(paginated, printer, pages)


def print_with_dialog(parent: QWidget, paginated: PaginatedPlan) -> bool:
    """Print… : the system print dialog, then the pages chosen there; True when printed."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter

    printer = set_up_printer(QPrinter(QPrinter.PrinterMode.HighResolution), paginated)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print plan")
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setMinMax(1, paginated.page_count)
    if not run_dialog(dialog):
        return False
    return _guarded(parent, "Print plan", lambda: print_to(paginated, printer))


def preview_dialog(parent: QWidget, paginated: PaginatedPlan) -> QDialog:
    """A print preview of the plan, with the printer's own zoom, layout and Print buttons."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    dialog = QPrintPreviewDialog(parent)  # it owns its printer, so the printer lives as long
    set_up_printer(dialog.printer(), paginated)
    dialog.setWindowTitle(f"Print preview — {paginated.plan.title}")
    dialog.paintRequested.connect(lambda target: print_to(paginated, target))
    dialog.resize(900, 1000)
    return dialog


def export_pdf(parent: QWidget, paginated: PaginatedPlan) -> Path | None:
    """Export PDF… : ask where, write the file; returns it (None when cancelled or failed)."""
    from planner.report.plan_pdf import write_pdf

    cover = paginated.plan.cover
    suggested = file_stem(cover.name, cover.prepared_on) + ".pdf"
    path = ask_save_path(parent, "Export plan as PDF", suggested, "PDF files (*.pdf)")
    if path is None:
        return None
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    return path if _guarded(parent, "Export PDF", lambda: write_pdf(paginated, path)) else None


def export_markdown(parent: QWidget, paginated: PaginatedPlan) -> Path | None:
    """Export Markdown… : the same plan and sections as a Markdown file."""
    from planner.report.plan_markdown import write_markdown

    cover = paginated.plan.cover
    suggested = file_stem(cover.name, cover.prepared_on) + ".md"
    path = ask_save_path(parent, "Export plan as Markdown", suggested, "Markdown (*.md)")
    if path is None:
        return None
    done = _guarded(parent, "Export Markdown", lambda: write_markdown(paginated.plan, path))
    return path if done else None


def export_calendar(parent: QWidget, services: Services, person_id: int) -> Path | None:
    """Export calendar… : goal and milestone due dates as an .ics file."""
    from planner.report.calendar_ics import write_calendar

    person = services.people.get(person_id)
    today = services.clock.today()
    suggested = file_stem(person.name, today).replace("Development plan", "Goal due dates") + ".ics"
    path = ask_save_path(parent, "Export calendar", suggested, "iCalendar files (*.ics)")
    if path is None:
        return None
    done = _guarded(parent, "Export calendar", lambda: write_calendar(services, person_id, path))
    return path if done else None


def _guarded(parent: QWidget, title: str, action: Callable[[], object]) -> bool:
    """Run ``action``; tell the person in words if it fails. True when it worked."""
    try:
        action()
    except (PlannerError, OSError) as exc:
        QMessageBox.warning(parent, title, str(exc))
        return False
    return True
