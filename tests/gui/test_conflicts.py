"""Two windows on one database: the later save is refused, said, and the person may reload."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from planner.gui.dialogs.goal_dialog import GoalDialog
from planner.gui.dialogs.learning_dialog import LearningDialog
from planner.gui.main_window import MainWindow
from planner.gui.settings import AppSettings
from planner.gui.views.base import ViewContext
from planner.gui.views.goals_view import GoalsView
from planner.services.clock import FixedClock
from planner.services.service_set import Services
from planner.vocabulary import GoalStatus

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def elsewhere(demo_services: Services, clock: FixedClock) -> Iterator[Services]:
    """Another program instance on the same database."""
    other = Services.open(demo_services.database.url, clock)
    yield other
    other.close()


def answer_conflict(qtbot: QtBot, button: str, seen: list[str]) -> None:
    """When the "changed elsewhere" box appears, note its text and press ``button``."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "conflictBox":
            seen.append(box.text())
            choice = box.findChild(QPushButton, button)
            assert choice is not None
            qtbot.mouseClick(choice, Qt.MouseButton.LeftButton)
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)


def test_the_goal_dialog_refuses_a_stale_save_and_reloads_on_request(
    qtbot: QtBot, context: ViewContext, elsewhere: Services
) -> None:
    person = context.person.id
    assert person is not None
    goal = context.services.goals.list_for(person)[0]
    dialog = GoalDialog(context, goal)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("My new title")
    # Meanwhile the other window renames the same goal.
    theirs = elsewhere.goals.get(goal.id)
    elsewhere.goals.update(
        goal.id, replace(theirs.to_draft(), title="Their title"), expected_version=theirs.version
    )

    seen: list[str] = []
    answer_conflict(qtbot, "reloadButton", seen)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert seen and "changed elsewhere" in seen[0] and "“Their title”" in seen[0]
    assert dialog.isVisible() and dialog.saved is None
    assert dialog.title_edit.text() == "Their title"  # reloaded
    assert context.services.goals.get(goal.id).title == "Their title"  # nothing overwritten
    assert "Reloaded" in dialog.general_error.text()

    dialog.title_edit.setText("Agreed title")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None and dialog.saved.title == "Agreed title"


def test_keeping_my_version_leaves_the_text_for_copying(
    qtbot: QtBot, context: ViewContext, elsewhere: Services
) -> None:
    person = context.person.id
    assert person is not None
    entry = context.services.learning.list_for(person)[0]
    dialog = LearningDialog(context, entry)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.notes_edit.setPlainText("My careful notes")
    elsewhere.learning.update(
        entry.id, replace(entry.to_draft(), hours=9.5), expected_version=entry.version
    )

    seen: list[str] = []
    answer_conflict(qtbot, "keepButton", seen)
    dialog.accept()

    assert seen and "changed elsewhere" in seen[0]
    assert dialog.isVisible() and dialog.record is None
    assert dialog.notes_edit.toPlainText() == "My careful notes"
    assert "changed elsewhere" in dialog.general_error.text()
    assert context.services.learning.get(entry.id).hours == 9.5


def test_a_stale_status_change_in_the_goals_view_offers_to_reload(
    qtbot: QtBot, context: ViewContext, elsewhere: Services
) -> None:
    view = GoalsView(context)
    qtbot.addWidget(view)
    view.resize(1024, 700)
    with qtbot.waitExposed(view):
        view.show()
    goal = view.selected_goal()
    assert goal is not None and goal.status is not GoalStatus.DONE
    elsewhere.goals.set_status(goal.id, GoalStatus.DROPPED)

    seen: list[str] = []
    answer_conflict(qtbot, "reloadButton", seen)
    qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)

    assert seen and "changed elsewhere" in seen[0]
    assert context.services.goals.get(goal.id).status is GoalStatus.DROPPED
    assert view.model.goal(view.model.row_of(goal.id) or 0).status is GoalStatus.DROPPED


def test_an_undo_that_would_overwrite_another_change_is_dropped_and_said(
    qtbot: QtBot, demo_services: Services, elsewhere: Services, settings: AppSettings
) -> None:
    window = MainWindow(demo_services, settings)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    person = window.person.id
    assert person is not None
    goal = demo_services.goals.list_for(person)[0]
    window.operations.set_goal_status(goal, GoalStatus.ACTIVE)
    elsewhere.goals.update(goal.id, replace(goal.to_draft(), title="Renamed elsewhere"))

    seen: list[str] = []
    answer_conflict(qtbot, "reloadButton", seen)
    with qtbot.waitSignal(window.operations.edit_failed):
        window.operations.undo_stack.undo()

    assert seen and "changed elsewhere" in seen[0]
    stored = demo_services.goals.get(goal.id)
    assert (stored.title, stored.status) == ("Renamed elsewhere", GoalStatus.ACTIVE)
    assert window.operations.undo_stack.count() == 0  # the step that failed is gone


def test_two_operations_on_one_window_stay_in_step(qtbot: QtBot, context: ViewContext) -> None:
    """Undo and redo of my own edits keep working: each save remembers its new version."""
    person = context.person.id
    assert person is not None
    goal = context.services.goals.list_for(person)[0]
    operations = context.operations
    operations.update_goal(goal, replace(goal.to_draft(), title="First"))
    for _ in range(2):
        operations.undo_stack.undo()
        assert context.services.goals.get(goal.id).title == goal.title
        operations.undo_stack.redo()
        assert context.services.goals.get(goal.id).title == "First"
    assert context.services.goals.get(goal.id).version == goal.version + 5
