"""The Goals view, its table model and filters, and the goal dialog, driven like a person would."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from planner.errors import NotFoundError
from planner.gui.dialogs.goal_dialog import GoalDialog
from planner.gui.goal_table_model import (
    DUE,
    MILESTONES,
    OVERDUE_ROLE,
    PRIORITY,
    SORT_ROLE,
    TITLE,
    DueFilter,
    GoalFilterProxy,
    GoalTableModel,
)
from planner.gui.operations import DataKind
from planner.gui.views.base import ViewContext
from planner.gui.views.goals_view import GoalsView
from planner.services.records import GoalDraft, GoalRecord, MilestoneDraft
from planner.vocabulary import GoalPriority, GoalStatus

OVERDUE_TITLE = "Start a monthly ML reading group"
ACTIVE_TITLE = "Present model impact to product leadership every quarter"
FIVE_STEPS_TITLE = "Lead the search-ranking re-platforming end to end"
FUTURE_TITLE = "Draft an ML strategy proposal for the recommendations team"  # no past dates
DONE_TITLE = "Mentor the intern through their project"

# The offscreen platform cannot resize a window to new size hints; it says so when a form grows.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


# Helpers ---------------------------------------------------------------------


@pytest.fixture
def view(qtbot: QtBot, context: ViewContext) -> GoalsView:
    widget = GoalsView(context)
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    show_active(qtbot, widget)
    return widget


def show_active(qtbot: QtBot, widget: QWidget) -> None:
    with qtbot.waitExposed(widget):
        widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def goals_of(context: ViewContext) -> list[GoalRecord]:
    assert context.person.id is not None
    return context.services.goals.list_for(context.person.id)


def goal_titled(context: ViewContext, title: str) -> GoalRecord:
    return next(g for g in goals_of(context) if g.title == title)


def shown_titles(view: GoalsView) -> list[str]:
    proxy = view.proxy
    return [str(proxy.index(row, TITLE).data()) for row in range(proxy.rowCount())]


def click_row(qtbot: QtBot, view: GoalsView, title: str) -> None:
    row = shown_titles(view).index(title)
    rect = view.table.visualRect(view.proxy.index(row, TITLE))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected = view.selected_goal()
    assert selected is not None and selected.title == title


def choose(qtbot: QtBot, combo: QWidget, text: str) -> None:
    """Pick a combo box entry by typing its first letters, as a keyboard user does."""
    combo.setFocus()
    qtbot.keyClicks(combo, text)


def make_dialog(qtbot: QtBot, context: ViewContext, goal: GoalRecord | None = None) -> GoalDialog:
    dialog = GoalDialog(context, goal)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    return dialog


# The table model ---------------------------------------------------------------


def test_goal_table_model_passes_the_model_tester(
    qtmodeltester: object, context: ViewContext
) -> None:
    model = GoalTableModel()
    model.set_goals(goals_of(context), context.services.clock.today(), {})
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    proxy = GoalFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_statuses(frozenset({GoalStatus.ACTIVE}))
    qtmodeltester.check(proxy)  # type: ignore[attr-defined]


def test_overdue_demo_goal_is_flagged(qapp: QApplication, context: ViewContext) -> None:
    model = GoalTableModel()
    model.set_goals(goals_of(context), context.services.clock.today(), {})
    rows = {str(model.index(r, TITLE).data()): r for r in range(model.rowCount())}
    overdue = model.index(rows[OVERDUE_TITLE], DUE)
    on_time = model.index(rows[ACTIVE_TITLE], DUE)
    assert overdue.data(OVERDUE_ROLE) is True
    assert overdue.data(Qt.ItemDataRole.FontRole).bold()
    assert overdue.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "Overdue" in overdue.data(Qt.ItemDataRole.ToolTipRole)
    assert on_time.data(OVERDUE_ROLE) is False
    assert on_time.data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(rows[FIVE_STEPS_TITLE], MILESTONES).data() == "2/5"


def test_due_dates_sort_chronologically_with_undated_last(
    qapp: QApplication, context: ViewContext
) -> None:
    person_id = context.person.id
    assert person_id is not None
    context.services.goals.create(person_id, GoalDraft("Someday, maybe"))
    model = GoalTableModel()
    model.set_goals(goals_of(context), context.services.clock.today(), {})
    proxy = GoalFilterProxy()
    proxy.setSourceModel(model)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        proxy.sort(DUE, order)
        keys = [proxy.index(r, DUE).data(SORT_ROLE) for r in range(proxy.rowCount())]
        dated = keys[:-1]
        assert proxy.index(proxy.rowCount() - 1, TITLE).data() == "Someday, maybe"
        assert dated == sorted(dated, reverse=order is Qt.SortOrder.DescendingOrder)
    proxy.sort(PRIORITY, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, PRIORITY).data() == "High"
    assert proxy.index(proxy.rowCount() - 1, PRIORITY).data() == "Low"


# Filters -----------------------------------------------------------------------


def test_status_filter_open_hides_done_goals(qtbot: QtBot, view: GoalsView) -> None:
    assert view.status_box.currentText() == "Open"
    assert DONE_TITLE not in shown_titles(view)
    statuses = {str(view.proxy.index(r, 1).data()) for r in range(view.proxy.rowCount())}
    assert statuses == {"Planned", "Active"}
    choose(qtbot, view.status_box, "All")
    assert DONE_TITLE in shown_titles(view)
    view.status_box.setCurrentIndex(view.status_box.findText("Done"))
    statuses = {str(view.proxy.index(r, 1).data()) for r in range(view.proxy.rowCount())}
    assert statuses == {"Done"}
    assert view.count_label.text().startswith(f"{view.proxy.rowCount()} of 14")


def test_sorting_by_a_header_click_keeps_the_selection(qtbot: QtBot, view: GoalsView) -> None:
    click_row(qtbot, view, ACTIVE_TITLE)
    header = view.table.horizontalHeader()
    pos = header.sectionViewportPosition(TITLE) + header.sectionSize(TITLE) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos, 5))
    titles = shown_titles(view)
    assert titles == sorted(titles, key=str.casefold)
    selected = view.selected_goal()
    assert selected is not None and selected.title == ACTIVE_TITLE
    assert view.details.title.text() == ACTIVE_TITLE


def test_area_due_and_search_filters(qtbot: QtBot, view: GoalsView) -> None:
    view.area_box.setCurrentIndex(view.area_box.findText("Leadership and mentorship"))
    assert set(shown_titles(view)) == {FIVE_STEPS_TITLE, OVERDUE_TITLE}  # knowledge sharing
    view.area_box.setCurrentIndex(view.area_box.findText("Deployment and system architecture"))
    assert shown_titles(view) == ["Design a multi-region serving architecture for ranking"]
    view.area_box.setCurrentIndex(0)
    view.due_box.setCurrentIndex(view.due_box.findText(DueFilter.OVERDUE.value))
    assert shown_titles(view) == [OVERDUE_TITLE]
    view.due_box.setCurrentIndex(view.due_box.findText(DueFilter.ANY.value))
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search_edit.hasFocus()
    qtbot.keyClicks(view.search_edit, "quarterly")  # a milestone's text
    assert shown_titles(view) == [ACTIVE_TITLE]


# Creating, editing, ticking ------------------------------------------------------


def test_create_a_goal_with_two_milestones_by_typing_and_clicking(
    qtbot: QtBot, view: GoalsView, context: ViewContext
) -> None:
    dialog = make_dialog(qtbot, context)
    qtbot.keyClicks(dialog.title_edit, "Give a talk on model monitoring")
    qtbot.keyClicks(dialog.description_edit, "At the internal ML guild.")
    qtbot.mouseClick(dialog.competency_editor.add_button, Qt.MouseButton.LeftButton)
    row = dialog.competency_editor.rows[0]
    choose(qtbot, row.combo, "Mentoring")
    row.level.selectAll()
    qtbot.keyClicks(row.level, "4")
    qtbot.mouseClick(dialog.due_check, Qt.MouseButton.LeftButton)
    choose(qtbot, dialog.priority_box, "High")
    editor = dialog.milestone_editor
    qtbot.keyClicks(editor.new_edit, "Outline the talk")
    qtbot.keyClick(editor.new_edit, Qt.Key.Key_Return)  # adds, does not close the dialog
    assert dialog.isVisible()
    qtbot.keyClicks(editor.new_edit, "Dry run with the team")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.list.count() == 2

    with qtbot.waitSignal(context.operations.data_changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted

    stored = goal_titled(context, "Give a talk on model monitoring")
    assert dialog.saved == stored
    assert stored.description == "At the internal ML guild."
    assert [(c.competency_id, c.target_level) for c in stored.competencies] == [("mentoring", 4)]
    assert stored.due_date == context.services.clock.today() + timedelta(days=90)
    assert stored.priority is GoalPriority.HIGH
    assert stored.status is GoalStatus.PLANNED
    assert [m.text for m in stored.milestones] == ["Outline the talk", "Dry run with the team"]
    assert "Give a talk on model monitoring" in shown_titles(view)


def test_new_goal_button_asks_and_selects_the_new_goal(
    qtbot: QtBot, view: GoalsView, context: ViewContext
) -> None:
    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, GoalDialog)
        qtbot.keyClicks(dialog.title_edit, "Read Designing ML Systems")
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)  # Enter accepts

    QTimer.singleShot(0, fill_in)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    selected = view.selected_goal()
    assert selected is not None and selected.title == "Read Designing ML Systems"
    assert view.details.title.text() == "Read Designing ML Systems"


def test_tick_a_milestone_in_the_details(
    qtbot: QtBot, view: GoalsView, context: ViewContext
) -> None:
    click_row(qtbot, view, ACTIVE_TITLE)
    goal = goal_titled(context, ACTIVE_TITLE)
    assert [m.done for m in goal.milestones] == [True, False, False]
    assert view.details.checks[0].label.text().startswith("First quarterly review")
    with qtbot.waitSignal(context.operations.data_changed):
        qtbot.mouseClick(view.details.checks[1].checkbox, Qt.MouseButton.LeftButton)
    assert [m.done for m in goal_titled(context, ACTIVE_TITLE).milestones] == [True, True, False]
    assert view.details.milestones_heading.text() == "Milestones (2 of 3 done)"

    # By keyboard: Space ticks the focused box, which keeps the focus after the refresh.
    third = view.details.checks[2].checkbox
    third.setFocus()
    qtbot.keyClick(third, Qt.Key.Key_Space)
    assert [m.done for m in goal_titled(context, ACTIVE_TITLE).milestones] == [True, True, True]
    assert view.details.checks[2].checkbox.hasFocus()
    assert view.model.index(view.model.row_of(goal.id) or 0, MILESTONES).data() == "3/3"


def test_reorder_edit_and_remove_milestones_in_the_editor(
    qtbot: QtBot, context: ViewContext
) -> None:
    goal = goal_titled(context, FIVE_STEPS_TITLE)
    ids = [m.id for m in goal.milestones]
    texts = [m.text for m in goal.milestones]
    dialog = make_dialog(qtbot, context, goal)
    editor = dialog.milestone_editor
    editor.list.setFocus()
    editor.list.setCurrentRow(2)
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)  # 2 -> 1
    assert editor.list.currentRow() == 1
    editor.list.setFocus()  # back from the button to the list, for its keys
    editor.list.setCurrentRow(0)
    qtbot.keyClick(editor.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)  # 0 -> 1
    editor.list.setCurrentRow(4)
    qtbot.keyClick(editor.list, Qt.Key.Key_Delete)  # removes the last one
    assert not editor.down_button.isEnabled() or editor.list.currentRow() < 3

    editor.list.setCurrentRow(0)
    qtbot.keyClick(editor.list, Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert field is not None and field is not editor.list
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, "Offline evaluation on the new stack")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # commits the text, the dialog stays open
    qtbot.waitUntil(lambda: editor.list.item(0).text() == "Offline evaluation on the new stack")
    assert dialog.isVisible()
    qtbot.keyClick(editor.list, Qt.Key.Key_Space)  # ticks it
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    stored = context.services.goals.get(goal.id)
    assert [m.id for m in stored.milestones] == [ids[2], ids[0], ids[1], ids[3]]
    assert [m.text for m in stored.milestones] == [
        "Offline evaluation on the new stack",
        texts[0],
        texts[1],
        texts[3],
    ]
    assert stored.milestones[0].done is True


def test_an_empty_title_is_shown_next_to_the_field_and_nothing_is_saved(
    qtbot: QtBot, context: ViewContext
) -> None:
    before = goals_of(context)
    dialog = make_dialog(qtbot, context)
    qtbot.keyClicks(dialog.title_edit, "   ")
    qtbot.keyClicks(dialog.milestone_editor.new_edit, "A first step")
    qtbot.keyClick(dialog.milestone_editor.new_edit, Qt.Key.Key_Return)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    message = dialog.error_labels["title"]
    assert message.isVisible() and "cannot be empty" in message.text()
    assert message.textFormat() == Qt.TextFormat.PlainText
    assert message.parentWidget() is dialog.title_edit.parentWidget()  # right under the field
    assert dialog.title_edit.hasFocus()
    assert dialog.milestone_editor.list.count() == 1  # the input is intact
    assert goals_of(context) == before
    assert context.operations.undo_stack.count() == 0

    qtbot.keyClicks(dialog.title_edit, "Now with a title")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(goals_of(context)) == len(before) + 1


def test_an_empty_milestone_is_named_next_to_the_milestones(
    qtbot: QtBot, context: ViewContext
) -> None:
    goal = goal_titled(context, ACTIVE_TITLE)
    dialog = make_dialog(qtbot, context, goal)
    dialog.milestone_editor.list.item(1).setText("  ")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    message = dialog.error_labels["milestones"]
    assert dialog.isVisible()
    assert message.text().startswith("Milestone 2: ")
    assert dialog.milestone_editor.list.currentRow() == 1
    assert context.services.goals.get(goal.id) == goal


# Status changes, deletion, undo --------------------------------------------------


def test_mark_done_sets_completed_at_and_undo_reopens(
    qtbot: QtBot, view: GoalsView, context: ViewContext
) -> None:
    click_row(qtbot, view, ACTIVE_TITLE)
    goal_id = goal_titled(context, ACTIVE_TITLE).id
    qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    done = context.services.goals.get(goal_id)
    assert done.status is GoalStatus.DONE
    assert done.completed_at == context.services.clock.now()
    assert ACTIVE_TITLE not in shown_titles(view)  # the Open filter hides it now
    assert view.selected_goal() is not None  # the neighbour is selected

    context.operations.undo_stack.undo()
    reopened = context.services.goals.get(goal_id)
    assert reopened.status is GoalStatus.ACTIVE and reopened.completed_at is None
    assert ACTIVE_TITLE in shown_titles(view)


def test_drop_moves_the_goal_to_dropped(
    qtbot: QtBot, view: GoalsView, context: ViewContext
) -> None:
    click_row(qtbot, view, OVERDUE_TITLE)
    qtbot.mouseClick(view.drop_button, Qt.MouseButton.LeftButton)
    assert goal_titled(context, OVERDUE_TITLE).status is GoalStatus.DROPPED


def test_delete_and_undo_brings_the_goal_back(
    qtbot: QtBot, view: GoalsView, context: ViewContext
) -> None:
    click_row(qtbot, view, FUTURE_TITLE)
    goal = goal_titled(context, FUTURE_TITLE)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    with pytest.raises(NotFoundError):
        context.services.goals.get(goal.id)
    assert FUTURE_TITLE not in shown_titles(view)

    context.operations.undo_stack.undo()
    back = goal_titled(context, FUTURE_TITLE)
    assert back.competencies == goal.competencies
    assert (back.due_date, back.priority, back.status) == (
        goal.due_date,
        goal.priority,
        goal.status,
    )
    assert [(m.text, m.done, m.due_date) for m in back.milestones] == [
        (m.text, m.done, m.due_date) for m in goal.milestones
    ]
    assert FUTURE_TITLE in shown_titles(view)


def test_undo_delete_of_an_overdue_goal(view: GoalsView, context: ViewContext) -> None:
    goal = goal_titled(context, OVERDUE_TITLE)
    context.operations.delete_goal(goal)
    context.operations.undo_stack.undo()
    restored = goal_titled(context, OVERDUE_TITLE)
    assert restored.due_date == goal.due_date
    assert (restored.created_at, restored.completed_at) == (goal.created_at, goal.completed_at)
    assert [m.text for m in restored.milestones] == [m.text for m in goal.milestones]


def test_buttons_follow_the_selected_goal(qtbot: QtBot, view: GoalsView) -> None:
    view.status_box.setCurrentIndex(view.status_box.findText("All"))
    click_row(qtbot, view, DONE_TITLE)
    assert view.edit_button.isEnabled() and view.delete_button.isEnabled()
    assert not view.done_button.isEnabled() and not view.drop_button.isEnabled()
    click_row(qtbot, view, ACTIVE_TITLE)
    assert view.done_button.isEnabled() and view.drop_button.isEnabled()


# Keyboard, refresh, details ------------------------------------------------------


def test_enter_and_double_click_edit_the_goal(
    qtbot: QtBot, view: GoalsView, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[GoalRecord | None] = []

    def fake_ask(
        parent: QWidget | None, context: ViewContext, goal: GoalRecord | None = None
    ) -> None:
        asked.append(goal)

    monkeypatch.setattr(GoalDialog, "ask", staticmethod(fake_ask))
    click_row(qtbot, view, ACTIVE_TITLE)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    row = shown_titles(view).index(OVERDUE_TITLE)
    rect = view.table.visualRect(view.proxy.index(row, TITLE))
    # A double click is a press and release, then the double-click event.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [g.title if g else None for g in asked] == [ACTIVE_TITLE, OVERDUE_TITLE]


def test_reloads_only_for_goals_people_and_frameworks(
    qtbot: QtBot, view: GoalsView, context: ViewContext
) -> None:
    with qtbot.assertNotEmitted(view.model.modelReset):
        context.operations.announce(frozenset({DataKind.LEARNING, DataKind.ASSESSMENTS}))
    with qtbot.waitSignal(view.model.modelReset):
        context.operations.announce(frozenset({DataKind.FRAMEWORKS}))


def test_details_show_plain_text_and_framework_names(
    qtbot: QtBot, view: GoalsView, context: ViewContext
) -> None:
    person_id = context.person.id
    assert person_id is not None
    title = "<b>Not bold</b> & friends"
    goal = context.operations.create_goal(
        person_id,
        GoalDraft(title, status=GoalStatus.ACTIVE, milestones=(MilestoneDraft("R&D spike"),)),
    )
    assert view.select_goal(goal.id)
    details = view.details
    assert details.title.text() == title
    assert details.title.textFormat() == Qt.TextFormat.PlainText
    assert details.checks[0].label.text() == "R&D spike"
    assert details.checks[0].label.textFormat() == Qt.TextFormat.PlainText
    click_row(qtbot, view, ACTIVE_TITLE)
    assert "Business alignment — target level 3 (Mid-level)" in details.competencies.text()


def test_dialog_tab_order_runs_through_the_competency_rows(
    qtbot: QtBot, context: ViewContext
) -> None:
    dialog = make_dialog(qtbot, context, goal_titled(context, FIVE_STEPS_TITLE))
    editor = dialog.competency_editor
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)  # a row added later
    expected: list[QWidget] = [dialog.description_edit]
    for row in editor.rows:
        expected += [row.combo, row.level, row.remove_button]
    expected += [editor.add_button, dialog.due_check]
    dialog.description_edit.setFocus()
    visited = [QApplication.focusWidget()]
    while len(visited) < len(expected):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        visited.append(now.parentWidget() if isinstance(now, QLineEdit) else now)
    assert visited == expected


def test_no_selection_shows_a_hint(qtbot: QtBot, view: GoalsView) -> None:
    qtbot.keyClicks(view.search_edit, "no goal has this text")
    assert view.detail_stack.currentIndex() == 0
    assert view.empty.text() == "No goal matches these filters."
    assert not view.edit_button.isEnabled()
    assert view.table.model().index(0, 0, QModelIndex()).isValid() is False
