"""The Learning log view, its table model and filter, and the learning dialog, driven like use."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.errors import FileFormatError
from planner.gui.dialogs.learning_dialog import LearningDialog
from planner.gui.learning_table_model import LearningFilterProxy, LearningTableModel
from planner.gui.main_window import MainWindow
from planner.gui.operations import DataChange, DataKind
from planner.gui.settings import AppSettings
from planner.gui.views.base import ViewContext
from planner.gui.views.learning_view import LearningView
from planner.services.records import LearningDraft, LearningRecord, PersonDraft
from planner.services.service_set import Services
from planner.vocabulary import LearningKind

BOOK_TITLE = "Thinking in Systems (Meadows)"

# The offscreen platform cannot resize a window to new size hints; it says so when a form grows.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


# Helpers ---------------------------------------------------------------------


def show_active(qtbot: QtBot, widget: QWidget) -> None:
    with qtbot.waitExposed(widget):
        widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


@pytest.fixture
def window(qtbot: QtBot, context: ViewContext) -> QMainWindow:
    """The view inside a main window, so its status messages have a status bar to go to."""
    main = QMainWindow()
    qtbot.addWidget(main)
    main.setCentralWidget(LearningView(context))
    main.resize(1024, 700)
    show_active(qtbot, main)
    return main


@pytest.fixture
def view(window: QMainWindow) -> LearningView:
    widget = window.centralWidget()
    assert isinstance(widget, LearningView)
    return widget


def entries_of(context: ViewContext) -> list[LearningRecord]:
    assert context.person.id is not None
    return context.services.learning.list_for(context.person.id)


def entry_titled(context: ViewContext, title: str) -> LearningRecord:
    return next(e for e in entries_of(context) if e.title == title)


def shown_titles(view: LearningView) -> list[str]:
    proxy = view.proxy
    column = LearningTableModel.TITLE
    return [str(proxy.index(row, column).data()) for row in range(proxy.rowCount())]


def click_row(qtbot: QtBot, view: LearningView, title: str) -> None:
    row = shown_titles(view).index(title)
    index = view.proxy.index(row, LearningTableModel.TITLE)
    view.table.scrollTo(index)
    rect = view.table.visualRect(index)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected = view.selected_entry()
    assert selected is not None and selected.title == title


def open_dialog(
    qtbot: QtBot, context: ViewContext, entry: LearningRecord | None = None
) -> LearningDialog:
    dialog = LearningDialog(context, entry)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    return dialog


def replace_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Select what a field holds and type over it."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(widget, text)


def tick_competency(qtbot: QtBot, dialog: LearningDialog, name: str) -> None:
    """Type in the picker's filter, go down into the list and tick the first match."""
    picker = dialog.picker
    replace_text(qtbot, picker.filter_edit, name)
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Down)
    assert picker.tree.hasFocus()
    current = picker.tree.currentItem()
    assert current is not None and current.text(0) == name
    qtbot.keyClick(picker.tree, Qt.Key.Key_Space)


def fill_new_entry(qtbot: QtBot, dialog: LearningDialog, title: str) -> None:
    qtbot.keyClicks(dialog.title_edit, title)
    qtbot.keyClicks(dialog.kind_box, "Paper")
    replace_text(qtbot, dialog.hours_spin, "2.75")
    tick_competency(qtbot, dialog, "Python programming")
    tick_competency(qtbot, dialog, "Model deployment")
    qtbot.keyClicks(dialog.notes_edit, "Read it twice; <b>tags</b> stay text.")
    qtbot.keyClicks(dialog.link_edit, "https://example.org/paper")


# The model and the filter ----------------------------------------------------


def test_model_and_proxy_pass_the_model_tester(
    qtmodeltester: ModelTester, context: ViewContext
) -> None:
    model = LearningTableModel()
    person = context.services.people.list()[0]
    framework = context.services.people.framework_of(person)
    model.set_entries(entries_of(context), framework)
    assert model.rowCount() > 100
    qtmodeltester.check(model)
    proxy = LearningFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_kind(LearningKind.BOOK)
    proxy.set_text("the")
    qtmodeltester.check(proxy)
    # Rows patched in and out one by one keep both models consistent (the tester watches).
    first, second = entries_of(context)[:2]
    model.put_entries([first], [second.id])
    assert model.rowCount() == len(entries_of(context)) - 1
    assert proxy.rowCount() == sum(proxy.matches(row) for row in model.rows())


def test_cells_are_plain_text_and_sort_keys_are_numbers(context: ViewContext) -> None:
    model = LearningTableModel()
    person = context.services.people.list()[0]
    model.set_entries(entries_of(context), context.services.people.framework_of(person))
    row = model.row_of(entry_titled(context, BOOK_TITLE).id)
    assert row is not None
    cells = [model.index(row, c).data() for c in range(model.columnCount())]
    assert cells[LearningTableModel.TITLE] == BOOK_TITLE
    assert cells[LearningTableModel.KIND] == "Book"
    assert "Project strategy and strategic thinking" in cells[LearningTableModel.COMPETENCIES]
    for column in (LearningTableModel.DATE, LearningTableModel.HOURS):
        assert isinstance(model.index(row, column).data(LearningTableModel.SORT_ROLE), int | float)

    # Hours sort as numbers: 10 after 9.5, which text order would not give.
    model.sort(LearningTableModel.HOURS, Qt.SortOrder.AscendingOrder)
    hours = [model.entry_at(r).hours for r in range(model.rowCount())]
    assert hours == sorted(hours)
    model.sort(LearningTableModel.DATE, Qt.SortOrder.DescendingOrder)
    dates = [model.entry_at(r).completed_on for r in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)


def test_view_starts_newest_first_with_a_footer(view: LearningView, context: ViewContext) -> None:
    entries = entries_of(context)
    assert view.proxy.rowCount() == len(entries)
    first = view.proxy.entry_at(0)
    assert first.completed_on == max(e.completed_on for e in entries)
    total = sum(e.hours for e in entries)
    assert view.footer.text() == f"{len(entries)} entries · {total:g} hours shown"
    assert view.from_edit.date().toPython() == min(e.completed_on for e in entries)
    assert view.to_edit.date().toPython() == context.services.clock.today()


# Adding, editing, deleting ---------------------------------------------------


def test_add_an_entry_by_typing(qtbot: QtBot, view: LearningView, context: ViewContext) -> None:
    before = len(entries_of(context))
    dialog = open_dialog(qtbot, context)
    assert dialog.ok_button.isDefault()
    assert dialog.date_edit.date().toPython() == context.services.clock.today()
    fill_new_entry(qtbot, dialog, "Attention is all you need")
    assert dialog.picker.checked_ids() == ("python-programming", "model-deployment")

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = entry_titled(context, "Attention is all you need")
    assert len(entries_of(context)) == before + 1
    assert saved.kind is LearningKind.PAPER
    assert saved.hours == 2.75
    assert saved.completed_on == context.services.clock.today()
    assert set(saved.competency_ids) == {"python-programming", "model-deployment"}
    assert saved.notes == "Read it twice; <b>tags</b> stay text."
    assert saved.link == "https://example.org/paper"
    # The view reloaded on its own: the entry is the newest row, shown as typed.
    assert shown_titles(view)[0] == "Attention is all you need"
    row = view.proxy.row_of(saved.id)
    assert row is not None
    competencies = view.proxy.index(row, LearningTableModel.COMPETENCIES).data()
    assert competencies == "Model deployment, Python programming"


def test_ask_returns_the_saved_entry(qtbot: QtBot, context: ViewContext) -> None:
    def fill_and_accept() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LearningDialog)
        qtbot.keyClicks(dialog.title_edit, "Pairing on the feature store")
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)  # Enter accepts

    QTimer.singleShot(0, fill_and_accept)
    record = LearningDialog.ask(None, context)

    assert record is not None and record.title == "Pairing on the feature store"
    assert record.kind is LearningKind.COURSE and record.hours == 1.0
    assert entry_titled(context, "Pairing on the feature store").id == record.id


def test_edit_an_entry(qtbot: QtBot, view: LearningView, context: ViewContext) -> None:
    entry = entry_titled(context, BOOK_TITLE)
    dialog = open_dialog(qtbot, context, entry)
    assert dialog.title_edit.text() == BOOK_TITLE
    assert dialog.picker.checked_ids() == tuple(
        c for c in ("system-architecture", "project-strategy") if c in entry.competency_ids
    )
    replace_text(qtbot, dialog.title_edit, "Thinking in Systems, second read")
    replace_text(qtbot, dialog.hours_spin, "4")

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    edited = context.services.learning.get(entry.id)
    assert (edited.title, edited.hours) == ("Thinking in Systems, second read", 4.0)
    assert edited.competency_ids == entry.competency_ids
    assert "Thinking in Systems, second read" in shown_titles(view)
    assert BOOK_TITLE not in shown_titles(view)


def test_enter_and_double_click_open_the_selected_entry(
    qtbot: QtBot, view: LearningView, context: ViewContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[LearningRecord | None] = []

    def fake_ask(
        parent: QWidget | None, ctx: ViewContext, entry: LearningRecord | None = None
    ) -> LearningRecord | None:
        asked.append(entry)
        return None

    monkeypatch.setattr(LearningDialog, "ask", staticmethod(fake_ask))
    click_row(qtbot, view, BOOK_TITLE)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    rect = view.table.visualRect(view.table.currentIndex())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert [e.title if e else None for e in asked] == [BOOK_TITLE, BOOK_TITLE]


def test_delete_key_deletes_and_undo_brings_it_back(
    qtbot: QtBot, window: QMainWindow, view: LearningView, context: ViewContext
) -> None:
    before = len(entries_of(context))
    click_row(qtbot, view, BOOK_TITLE)

    qtbot.keyClick(view.table, Qt.Key.Key_Delete)

    assert BOOK_TITLE not in shown_titles(view)
    assert BOOK_TITLE not in {e.title for e in entries_of(context)}
    assert "Deleted “Thinking in Systems (Meadows)”" in window.statusBar().currentMessage()
    assert view.selected_entry() is not None  # the next row is selected, ready for more

    context.operations.undo_stack.undo()

    assert BOOK_TITLE in shown_titles(view)
    assert len(entries_of(context)) == before
    restored = entry_titled(context, BOOK_TITLE)
    assert restored.kind is LearningKind.BOOK


def test_bad_entry_shows_messages_and_keeps_the_dialog(
    qtbot: QtBot, view: LearningView, context: ViewContext
) -> None:
    before = len(entries_of(context))
    undo_count = context.operations.undo_stack.count()
    dialog = open_dialog(qtbot, context)
    replace_text(qtbot, dialog.hours_spin, "0")
    qtbot.keyClicks(dialog.notes_edit, "Half-typed notes")
    qtbot.keyClicks(dialog.link_edit, "https://example.org")

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    title_error = dialog.error_labels["title"]
    hours_error = dialog.error_labels["hours"]
    assert title_error.isVisible() and "title" in title_error.text()
    assert hours_error.isVisible() and "more than 0" in hours_error.text()
    assert not dialog.error_labels["link"].isVisible()
    assert dialog.title_edit.hasFocus()
    assert dialog.notes_edit.toPlainText() == "Half-typed notes"
    assert dialog.link_edit.text() == "https://example.org"
    assert dialog.hours_spin.value() == 0
    assert len(entries_of(context)) == before
    assert context.operations.undo_stack.count() == undo_count

    # Fixing the fields and pressing OK again saves and clears the messages.
    qtbot.keyClicks(dialog.title_edit, "Now with a title")
    replace_text(qtbot, dialog.hours_spin, "1.5")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert entry_titled(context, "Now with a title").hours == 1.5


# Search and filters ----------------------------------------------------------


def test_search_box_filters_rows(qtbot: QtBot, view: LearningView, context: ViewContext) -> None:
    total = len(entries_of(context))
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search_edit.hasFocus()

    qtbot.keyClicks(view.search_edit, "meadows")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1)
    assert shown_titles(view) == [BOOK_TITLE]
    assert view.footer.text().startswith("1 entry · ")
    assert view.footer.text().endswith(f"(of {total})")

    # Competency names are searched too, and every word must match.
    ethics = sorted(e.title for e in entries_of(context) if "ai-ethics" in e.competency_ids)
    assert len(ethics) > 1
    replace_text(qtbot, view.search_edit, "ETHICS responsible")
    qtbot.waitUntil(lambda: sorted(shown_titles(view)) == ethics)

    replace_text(qtbot, view.search_edit, "no such words anywhere")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 0)
    assert view.empty_label.isVisible()

    replace_text(qtbot, view.search_edit, "")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == total)
    assert not view.empty_label.isVisible()


def test_kind_filter(qtbot: QtBot, view: LearningView, context: ViewContext) -> None:
    books = [e for e in entries_of(context) if e.kind is LearningKind.BOOK]
    assert books
    view.kind_box.setFocus()
    qtbot.keyClicks(view.kind_box, "Book")

    assert view.kind_box.currentText() == "Book"
    assert sorted(shown_titles(view)) == sorted(e.title for e in books)
    hours = sum(e.hours for e in books)
    assert view.footer.text().startswith(f"{len(books)} entries · {hours:g} hours shown")


def test_area_and_date_filters(qtbot: QtBot, view: LearningView, context: ViewContext) -> None:
    person = context.services.people.list()[0]
    framework = context.services.people.framework_of(person)
    leadership = {c.id for c in framework.area_of("mentoring").competencies}
    view.area_box.setCurrentIndex(view.area_box.findData("leadership-mentorship"))
    expected = [e for e in entries_of(context) if leadership.intersection(e.competency_ids)]
    assert sorted(shown_titles(view)) == sorted(e.title for e in expected)

    view.area_box.setCurrentIndex(0)
    entry = entry_titled(context, BOOK_TITLE)
    view.from_edit.setDate(QDate(entry.completed_on))
    view.to_edit.setDate(QDate(entry.completed_on))
    same_day = [e for e in entries_of(context) if e.completed_on == entry.completed_on]
    assert sorted(shown_titles(view)) == sorted(e.title for e in same_day)


# Files and refreshes ---------------------------------------------------------


def test_export_then_import_csv(view: LearningView, context: ViewContext, tmp_path: Path) -> None:
    before = len(entries_of(context))
    path = tmp_path / "log.csv"
    view.export_csv(path)
    assert path.read_text(encoding="utf-8").startswith("date,title,kind,hours")

    assert view.import_csv(path) == before
    assert view.proxy.rowCount() == 2 * before  # the view reloaded from the announcement

    bad = tmp_path / "bad.csv"
    bad.write_text("date,title\n2026-01-01,x\n", encoding="utf-8")
    with pytest.raises(FileFormatError):
        view.import_csv(bad)
    assert len(entries_of(context)) == 2 * before


def test_reloads_only_for_what_it_shows(view: LearningView, context: ViewContext) -> None:
    person_id = context.person.id
    assert view.wants(DataChange(frozenset({DataKind.LEARNING}), person_id))
    assert view.wants(DataChange(frozenset({DataKind.FRAMEWORKS})))
    assert not view.wants(DataChange(frozenset({DataKind.GOALS}), person_id))
    assert not view.wants(DataChange(frozenset({DataKind.ASSESSMENTS})))


def test_in_the_main_window_keys_reach_the_log(
    qtbot: QtBot, demo_services: Services, settings: AppSettings
) -> None:
    main = MainWindow(demo_services, settings)
    qtbot.addWidget(main)
    main.resize(1024, 700)
    show_active(qtbot, main)
    qtbot.keyClick(main, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    view = main.stack.currentWidget()
    assert isinstance(view, LearningView)

    main.sidebar.setFocus()
    qtbot.keyClick(main.sidebar, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search_edit.hasFocus()

    click_row(qtbot, view, BOOK_TITLE)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert BOOK_TITLE not in shown_titles(view)
    assert "Undo" in main.statusBar().currentMessage()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert BOOK_TITLE in shown_titles(view)


def test_switching_person_shows_their_log(view: LearningView, context: ViewContext) -> None:
    demo_id = context.person.id
    other = context.operations.create_person(PersonDraft("Sam Okafor"))
    context.person.set(other.id)

    assert view.proxy.rowCount() == 0
    assert view.footer.text() == "0 entries · 0 hours shown"
    assert view.empty_label.isVisible() and "Nothing logged yet" in view.empty_label.text()
    assert not view.edit_button.isEnabled() and view.add_button.isEnabled()

    context.person.set(demo_id)
    assert view.proxy.rowCount() == len(entries_of(context))
    assert not view.empty_label.isVisible()


def test_header_click_sorts_and_keeps_filter_and_selection(
    qtbot: QtBot, view: LearningView, context: ViewContext
) -> None:
    qtbot.keyClicks(view.kind_box, "Book")
    click_row(qtbot, view, BOOK_TITLE)
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(LearningTableModel.HOURS) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    hours = [view.proxy.entry_at(r).hours for r in range(view.proxy.rowCount())]
    assert len(hours) == len([e for e in entries_of(context) if e.kind is LearningKind.BOOK])
    assert hours in (sorted(hours), sorted(hours, reverse=True))
    assert hours != sorted(hours, key=str)  # numeric, not text, order
    selected = view.selected_entry()
    assert selected is not None and selected.title == BOOK_TITLE


def snapshot(view: LearningView) -> tuple[list[str], str, list[int]]:
    """What the view shows: titles in order, the footer, and the model's ids in order."""
    model_ids = [row.entry.id for row in view.model.rows()]
    return shown_titles(view), view.footer.text(), model_ids


@pytest.mark.parametrize("sort_column", [LearningTableModel.DATE, LearningTableModel.TITLE])
def test_edits_patch_the_rows_exactly_as_a_reload_would_show_them(
    view: LearningView, context: ViewContext, sort_column: int
) -> None:
    """Logging, editing and deleting update rows in place; the result equals a full read."""
    view.table.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    view.search_edit.setText("a")  # a filter that keeps some entries and hides others
    view.search_edit.returnPressed.emit()
    person_id = context.person.id
    assert person_id is not None
    operations = context.operations
    resets: list[object] = []
    view.model.modelReset.connect(lambda: resets.append(True))
    book = entry_titled(context, BOOK_TITLE)

    day = book.completed_on
    added = operations.add_learning(
        person_id, LearningDraft("A new talk", LearningKind.TALK, day, 1.25)
    )
    hidden = LearningDraft("Zzz hidden by the filter", LearningKind.BOOK, day, 2.0)
    operations.add_learning(person_id, hidden)
    moved = LearningDraft("Another talk", LearningKind.TALK, date(2024, 3, 1), 3.0)
    operations.update_learning(added, moved)
    operations.delete_learning(book)
    patched = snapshot(view)
    assert resets == []  # every change above was patched in, not reloaded

    assert "Another talk" in patched[0] and BOOK_TITLE not in patched[0]
    assert "Zzz hidden by the filter" not in patched[0]
    view.reload()
    assert snapshot(view) == patched
