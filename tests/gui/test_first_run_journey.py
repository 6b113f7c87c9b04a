"""A new user's first session, end to end, through the main window and the keyboard.

From an empty database: the welcome wizard, logging learning (Ctrl+L), a goal with
milestones (Ctrl+G), ticking the milestones and completing the goal, and a second
assessment a week later (Ctrl+Shift+A). Every step is checked in the database.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from planner.gui.dialogs.assessment_dialog import AssessmentDialog
from planner.gui.dialogs.goal_dialog import GoalDialog
from planner.gui.dialogs.learning_dialog import LearningDialog
from planner.gui.dialogs.welcome_wizard import WelcomeWizard
from planner.gui.main_window import MainWindow
from planner.gui.settings import AppSettings
from planner.services.clock import FixedClock
from planner.services.service_set import Services
from planner.vocabulary import GoalStatus, LearningKind

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def modal(expected: type[QWidget]) -> QWidget:
    """The dialog the program has just opened."""
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, expected), f"expected {expected.__name__}, got {dialog!r}"
    return dialog


def when_shown(steps: Callable[[], None]) -> None:
    """Run ``steps`` once the modal dialog about to open is showing."""
    QTimer.singleShot(0, steps)


def refocus(qtbot: QtBot, window: QWidget) -> None:
    """Give the main window the focus back once a closed dialog is gone, as a desktop does."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def enter(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)


def test_a_new_user_gets_from_wizard_to_a_second_assessment_by_keyboard(
    qtbot: QtBot, services: Services, settings: AppSettings, clock: FixedClock
) -> None:
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    with qtbot.waitExposed(window):
        window.show()

    # 1. The welcome wizard: name and role, default target, a quick self-assessment.
    def wizard_steps() -> None:
        wizard = modal(WelcomeWizard)
        assert isinstance(wizard, WelcomeWizard)
        enter(qtbot, wizard)  # "Start my own plan" is the default choice
        qtbot.keyClicks(wizard.about_page.name_edit, "Sam Taylor")
        qtbot.keyClicks(wizard.about_page.role_edit, "ML Engineer")
        enter(qtbot, wizard)
        enter(qtbot, wizard)  # keep the default target profile and date
        ratings = wizard.assessment_page
        first = next(iter(ratings.selectors))
        ratings.selectors[first].setFocus()
        qtbot.keyClick(ratings.selectors[first], Qt.Key.Key_Down)
        enter(qtbot, wizard)
        enter(qtbot, wizard)  # Finish

    when_shown(wizard_steps)
    window.run_welcome_if_empty()
    (person,) = services.people.list()
    assert person.name == "Sam Taylor"
    assert window.person.id == person.id
    assert window.stack.currentWidget().title == "Dashboard"
    assert len(services.assessments.list_for(person.id)) == 1
    refocus(qtbot, window)

    # 2. Log learning with Ctrl+L: type, pick a competency, save with Enter.
    def learning_steps() -> None:
        dialog = modal(LearningDialog)
        assert isinstance(dialog, LearningDialog)
        qtbot.keyClicks(dialog.title_edit, "Designing Machine Learning Systems, ch. 1-3")
        qtbot.keyClicks(dialog.kind_box, "Book")
        dialog.hours_spin.setFocus()
        qtbot.keyClick(dialog.hours_spin, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(dialog.hours_spin, "4")
        qtbot.keyClicks(dialog.picker.filter_edit, "Model deployment")
        qtbot.keyClick(dialog.picker.filter_edit, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.picker.tree, Qt.Key.Key_Space)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_shown(learning_steps)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    refocus(qtbot, window)
    (entry,) = services.learning.list_for(person.id)
    assert (entry.kind, entry.hours, entry.competency_ids) == (
        LearningKind.BOOK,
        4.0,
        ("model-deployment",),
    )
    assert "Learning logged" in window.statusBar().currentMessage()

    # 3. A goal with two milestones with Ctrl+G.
    def goal_steps() -> None:
        dialog = modal(GoalDialog)
        assert isinstance(dialog, GoalDialog)
        qtbot.keyClicks(dialog.title_edit, "Ship a model behind a canary release")
        editor = dialog.milestone_editor
        for text in ("Write the rollout plan", "Run the canary for a week"):
            qtbot.keyClicks(editor.new_edit, text)
            qtbot.keyClick(editor.new_edit, Qt.Key.Key_Return)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_shown(goal_steps)
    qtbot.keyClick(window, Qt.Key.Key_G, CTRL)
    refocus(qtbot, window)
    (goal,) = services.goals.list_for(person.id)
    assert [m.text for m in goal.milestones] == [
        "Write the rollout plan",
        "Run the canary for a week",
    ]

    # 4. In the Goals view (Ctrl+3), tick both milestones with Space, then mark it done.
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    goals_view = window.stack.currentWidget()
    assert goals_view.title == "Goals"
    qtbot.waitUntil(lambda: goals_view.selected_goal() is not None)  # type: ignore[attr-defined]
    for position in range(2):
        box = goals_view.details.checks[position].checkbox  # type: ignore[attr-defined]
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    assert all(m.done for m in services.goals.get(goal.id).milestones)
    qtbot.keyClick(goals_view.done_button, Qt.Key.Key_Space)  # type: ignore[attr-defined]
    assert services.goals.get(goal.id).status is GoalStatus.DONE

    # 5. A week later, a second assessment with Ctrl+Shift+A, prefilled from the first.
    clock.moment += timedelta(days=7)
    first = services.assessments.latest(person.id)
    assert first is not None

    def assessment_steps() -> None:
        dialog = modal(AssessmentDialog)
        assert isinstance(dialog, AssessmentDialog)
        box = dialog.level_boxes["model-deployment"]
        assert box.currentData() == first.levels["model-deployment"]
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Down)
        qtbot.mouseClick(
            dialog.button_box.button(dialog.button_box.StandardButton.Save)
            or dialog.button_box.buttons()[0],
            Qt.MouseButton.LeftButton,
        )

    when_shown(assessment_steps)
    qtbot.keyClick(window, Qt.Key.Key_A, CTRL | SHIFT)
    refocus(qtbot, window)
    history = services.assessments.list_for(person.id)
    assert len(history) == 2
    second = services.assessments.latest(person.id)
    assert second is not None and second.assessed_on == first.assessed_on + timedelta(days=7)
    assert second.levels["model-deployment"] == first.levels["model-deployment"] + 1

    # Everything is undoable, newest first: the assessment goes, then the goal's status.
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert len(services.assessments.list_for(person.id)) == 1
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert services.goals.get(goal.id).status is not GoalStatus.DONE
