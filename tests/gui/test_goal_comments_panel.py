"""Comments on goals in the Goals view: a mentor adds one, it shows as typed, undo removes it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from planner.gui.dialogs.comment_dialog import CommentDialog
from planner.gui.views.base import ViewContext
from planner.gui.views.goals_view import GoalsView
from planner.services.records import CommentDraft
from tests.gui.conftest import when_modal

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def view(qtbot: QtBot, context: ViewContext) -> GoalsView:
    widget = GoalsView(context)
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def test_a_mentor_comments_on_the_selected_goal(
    qtbot: QtBot, view: GoalsView, context: ViewContext
) -> None:
    goal = view.selected_goal()
    assert goal is not None
    panel = view.details.comments
    assert panel.heading.text() == "Comments" and panel.empty.isVisible()

    def write(dialog: QWidget) -> None:
        assert isinstance(dialog, CommentDialog)
        dialog.author_edit.setText("Priya Shah")
        qtbot.keyClicks(dialog.body_edit, "<b>Great</b> start & keep going")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_modal(CommentDialog, write)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)

    [stored] = context.services.comments.list_for_goal(goal.id)
    assert (stored.author, stored.body) == ("Priya Shah", "<b>Great</b> start & keep going")
    assert panel.heading.text() == "Comments (1)" and not panel.empty.isVisible()
    [shown] = panel.views
    assert shown.body.text() == "<b>Great</b> start & keep going"
    assert shown.body.textFormat() == Qt.TextFormat.PlainText
    assert shown.byline.text() == "Priya Shah · 2026-11-21"

    context.operations.undo_stack.undo()
    assert context.services.comments.list_for_goal(goal.id) == []
    assert panel.views == [] and panel.empty.isVisible()


def test_an_empty_comment_is_told_beside_the_field(
    qtbot: QtBot, view: GoalsView, context: ViewContext
) -> None:
    goal = view.selected_goal()
    assert goal is not None
    dialog = CommentDialog(context, goal)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.author_edit.text() == "Priya Shah"  # the demo's mentor, offered again
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.saved is None
    errors = dialog.findChildren(QLabel, "fieldError")
    assert any(label.isVisible() and "Enter the comment" in label.text() for label in errors)
    assert context.services.comments.list_for_goal(goal.id) == []


def test_deleting_a_goal_and_undoing_it_keeps_its_comments(
    view: GoalsView, context: ViewContext
) -> None:
    goal = view.selected_goal()
    assert goal is not None
    context.services.comments.add(goal.id, CommentDraft("Priya Shah", "Keep it small."))
    context.operations.delete_goal(goal)
    context.operations.undo_stack.undo()

    restored = next(
        g for g in context.services.goals.list_for(goal.person_id) if g.title == goal.title
    )
    assert restored.uid == goal.uid
    assert [c.body for c in context.services.comments.list_for_goal(restored.id)] == [
        "Keep it small."
    ]
