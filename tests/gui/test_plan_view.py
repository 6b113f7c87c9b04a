"""The Plan view: live preview of the pages, options, print and exports; File > Print plan."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from planner.gui import plan_printing
from planner.gui.main_window import MainWindow
from planner.gui.plan_preview import SHADOW
from planner.gui.settings import AppSettings
from planner.gui.views import plan_view
from planner.gui.views.base import ViewContext
from planner.gui.views.plan_view import PlanView
from planner.report.page_setup import Paper
from planner.report.prepared_plan import PreparedPlan
from planner.services.records import PersonDraft
from planner.services.service_set import Services


@pytest.fixture
def view(qtbot: QtBot, context: ViewContext) -> PlanView:
    shown = PlanView(context)
    qtbot.addWidget(shown)
    shown.resize(1024, 700)
    with qtbot.waitSignal(shown.plan_shown, timeout=20000):
        shown.show()
    return shown


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """Answer every save dialog with a file in tmp_path named after the suggestion."""
    asked: list[Path] = []

    def answer(_parent: object, _title: str, suggested: str, _filter: str) -> Path:
        asked.append(tmp_path / suggested)
        return asked[-1]

    monkeypatch.setattr(plan_printing, "ask_save_path", answer)
    return asked


def test_preview_shows_every_page_of_the_plan(view: PlanView) -> None:
    assert view.paginated is not None
    assert view.preview.page_count == view.paginated.page_count >= 4
    assert view.info_label.text() == f"{view.paginated.page_count} pages on A4 paper."
    first = view.preview.pages[0].image()
    assert not first.isNull() and first.width() > first.height() * 0.6
    assert view.person_box.currentText() == "Alex Rivera"


def test_unticking_a_section_lays_the_plan_out_without_it(qtbot: QtBot, view: PlanView) -> None:
    assert view.paginated is not None
    assert "Review and sign-off" in view.paginated.document.toPlainText()
    box = view.section_boxes["sign_off"]
    with qtbot.waitSignal(view.plan_shown, timeout=10000):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert not box.isChecked()
    assert "Review and sign-off" not in view.paginated.document.toPlainText()
    assert view.paginated.plan.sections.sign_off is False


def test_choosing_letter_paper_relays_the_pages(qtbot: QtBot, view: PlanView) -> None:
    view.paper_box.setFocus()
    with qtbot.waitSignal(view.plan_shown, timeout=10000):
        qtbot.keyClick(view.paper_box, Qt.Key.Key_Down)
    assert view.paper is Paper.LETTER
    assert view.paginated is not None and view.paginated.paper is Paper.LETTER
    assert "Letter paper" in view.info_label.text()


def test_export_pdf_markdown_and_calendar(
    qtbot: QtBot, view: PlanView, save_to: list[Path]
) -> None:
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    pdf = save_to[-1]
    assert pdf.name == "Development plan - Alex Rivera - 2026-11-21.pdf"
    assert view.paginated is not None
    assert len(PdfReader(pdf).pages) == view.paginated.page_count
    assert view.status_label.text() == f"Saved {pdf.name}"

    qtbot.mouseClick(view.markdown_button, Qt.MouseButton.LeftButton)
    assert save_to[-1].read_text(encoding="utf-8").startswith("# Development plan: Alex Rivera")

    qtbot.mouseClick(view.calendar_button, Qt.MouseButton.LeftButton)
    calendar = Calendar.from_ical(save_to[-1].read_bytes())
    assert save_to[-1].suffix == ".ics" and len(calendar.walk("VEVENT")) > 10


def test_a_failed_export_says_why_and_keeps_going(
    qtbot: QtBot, view: PlanView, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        plan_printing, "ask_save_path", lambda *_args: tmp_path / "missing" / "plan.pdf"
    )
    monkeypatch.setattr(
        plan_printing.QMessageBox, "warning", lambda _p, _t, text: warnings.append(text)
    )
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    assert warnings and "does not exist" in warnings[0]
    assert view.status_label.text() == ""


def test_print_sends_the_chosen_pages_to_the_printer(
    qtbot: QtBot, view: PlanView, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "printed.pdf"

    def accept(dialog: QDialog) -> bool:
        printer = dialog.printer()  # type: ignore[attr-defined]
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setFromTo(2, 3)
        return True

    monkeypatch.setattr(plan_printing, "run_dialog", accept)
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    reader = PdfReader(target)
    assert len(reader.pages) == 2
    assert "Page 2 of" in " ".join((reader.pages[0].extract_text() or "").split())
    assert view.status_label.text() == "Sent to the printer."


def test_the_view_follows_the_window_person_and_can_pick_another(
    qtbot: QtBot, view: PlanView, context: ViewContext
) -> None:
    other = context.services.people.create(PersonDraft("Bea Newcomer"))
    with qtbot.waitSignal(view.plan_shown, timeout=10000):
        context.person.set(other.id)
    assert view.person_box.currentText() == "Bea Newcomer" and view.person_box.isEnabled()
    assert view.paginated is not None and view.paginated.plan.cover.name == "Bea Newcomer"
    with qtbot.waitSignal(view.plan_shown, timeout=10000):
        view.person_box.setCurrentIndex(view.person_box.findText("Alex Rivera"))
    assert view.paginated.plan.cover.name == "Alex Rivera"


def test_file_print_plan_opens_a_print_preview(
    qtbot: QtBot, demo_services: object, settings: AppSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(demo_services, settings)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    shown: list[QDialog] = []

    def show(dialog: QDialog) -> bool:
        shown.append(dialog)
        dialog.open()
        return False

    monkeypatch.setattr(plan_printing, "run_dialog", show)
    assert window.print_action.shortcut() == QKeySequence("Ctrl+P")
    assert window.print_action.isEnabled()
    file_menu = window.menuBar().actions()[0].menu()
    assert window.print_action in file_menu.actions()  # type: ignore[union-attr]
    assert window.calendar_action in file_menu.actions()  # type: ignore[union-attr]
    window.print_action.trigger()
    (dialog,) = shown
    assert isinstance(dialog, QPrintPreviewDialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    plan = next(v for v in window.views if isinstance(v, PlanView)).paginated
    assert plan is not None
    qtbot.waitUntil(lambda: preview.pageCount() == plan.page_count, timeout=20000)
    dialog.close()


def test_importing_the_view_does_not_load_matplotlib() -> None:
    code = "import sys, planner.gui.views.plan_view; print('matplotlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "False"


def test_an_empty_database_shows_a_sentence_and_no_actions(
    qtbot: QtBot, services: Services
) -> None:
    from planner.gui.operations import Operations
    from planner.gui.views.base import CurrentPerson

    empty = PlanView(ViewContext(services, Operations(services), CurrentPerson()))
    qtbot.addWidget(empty)
    empty.show()
    qtbot.waitUntil(lambda: not empty.preview.message.isHidden())
    qtbot.waitUntil(lambda: "Nobody is recorded yet" in empty.preview.message.text())
    assert empty.preview.page_count == 0 and empty.paginated is None
    assert not empty.pdf_button.isEnabled() and not empty.calendar_button.isEnabled()


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Hold the worker preparing the plan until the event is set."""
    release = threading.Event()
    real = plan_view.prepare_plan

    def prepare(*args: Any) -> PreparedPlan:
        release.wait(20)
        return real(*args)

    monkeypatch.setattr(plan_view, "prepare_plan", prepare)
    yield release
    release.set()


def test_the_view_opens_at_once_and_says_the_preview_is_coming(
    qtbot: QtBot, context: ViewContext, held: threading.Event
) -> None:
    view = PlanView(context)
    qtbot.addWidget(view)
    view.resize(1024, 700)
    with qtbot.waitExposed(view):
        view.show()
    qtbot.waitUntil(lambda: view.loader.busy)
    assert view.preview.message.isVisible()
    assert view.preview.message.text() == plan_view.PREPARING
    assert view.preview.page_count == 0 and view.paginated is None
    assert view.person_box.currentText() == "Alex Rivera"
    assert view.pdf_button.isEnabled()  # it waits for the plan when clicked
    with qtbot.waitSignal(view.plan_shown, timeout=20000):
        held.set()
    assert not view.preview.message.isVisible() and view.preview.page_count >= 4


def test_exporting_before_the_preview_is_ready_waits_for_it(
    qtbot: QtBot, context: ViewContext, held: threading.Event, save_to: list[Path]
) -> None:
    view = PlanView(context)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.loader.busy)
    threading.Timer(0.3, held.set).start()
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    assert view.paginated is not None
    assert len(PdfReader(save_to[-1]).pages) == view.paginated.page_count >= 4
    assert view.preview.page_count == view.paginated.page_count


def test_toggling_a_section_keeps_the_pages_until_the_new_ones_come(
    qtbot: QtBot, view: PlanView, held: threading.Event
) -> None:
    pages = view.preview.page_count
    view.section_boxes["gaps"].setChecked(False)
    qtbot.waitUntil(lambda: view.loader.busy)
    assert view.preview.page_count == pages and view.info_label.text() == plan_view.UPDATING
    with qtbot.waitSignal(view.plan_shown, timeout=20000):
        held.set()
    assert view.paginated is not None and not view.paginated.plan.sections.gaps


def test_sheets_paint_the_printed_page(view: PlanView) -> None:
    sheet = view.preview.pages[1]
    shown = sheet.grab().toImage()
    page = sheet.image()
    width, height = page.width(), page.height()
    assert (shown.width(), shown.height()) == (width + SHADOW, height + SHADOW)
    region = shown.copy(0, 0, width, height).convertToFormat(page.format())
    worst = max(
        abs(QColor(region.pixel(x, y)).value() - QColor(page.pixel(x, y)).value())
        for y in range(0, height, 3)
        for x in range(0, width, 3)
    )
    assert worst <= 2  # the same page; antialiasing may differ by a shade at a clip edge
