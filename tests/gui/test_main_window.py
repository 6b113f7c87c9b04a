"""The main window: navigation, shortcuts, person switching, undo, remembered state."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from planner.gui.main_window import MainWindow
from planner.gui.settings import AppSettings
from planner.gui.views.base import View
from planner.services.records import LearningDraft, PersonDraft
from planner.services.service_set import Services
from planner.vocabulary import LearningKind

VIEW_TITLES = [
    "Dashboard",
    "Skills",
    "Goals",
    "Learning log",
    "Progress",
    "Next steps",
    "Plan",
    "Framework",
]


def make_window(qtbot: QtBot, services: Services, settings: AppSettings) -> MainWindow:
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_side_bar_lists_every_view_and_switches(
    qtbot: QtBot, demo_services: Services, settings: AppSettings
) -> None:
    window = make_window(qtbot, demo_services, settings)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == [*VIEW_TITLES, "Mentees"]
    assert window.sidebar.isRowHidden(len(VIEW_TITLES))  # one person: nobody to mentor yet
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)
    assert window.stack.currentWidget() is window.views[1]


def test_view_shortcuts(qtbot: QtBot, demo_services: Services, settings: AppSettings) -> None:
    window = make_window(qtbot, demo_services, settings)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget().title == "Learning log"
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget().title == "Framework"


def test_everyday_actions_have_their_shortcuts(
    qtbot: QtBot, demo_services: Services, settings: AppSettings
) -> None:
    window = make_window(qtbot, demo_services, settings)
    assert window.log_action.shortcut() == QKeySequence("Ctrl+L")
    assert window.goal_action.shortcut() == QKeySequence("Ctrl+G")
    assert QKeySequence("Ctrl+Y") in window.redo_action.shortcuts()
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)


def test_person_switcher_appears_with_a_second_person(
    qtbot: QtBot, demo_services: Services, settings: AppSettings
) -> None:
    window = make_window(qtbot, demo_services, settings)
    assert not window.person_box.isVisible()
    window.operations.create_person(PersonDraft("Maya Chen", "Data scientist"))
    qtbot.waitUntil(window.person_box.isVisible)
    assert window.person_box.count() == 2
    index = window.person_box.findText("Maya Chen")
    window.person_box.setCurrentIndex(index)
    assert window.person.id == demo_services.people.find("Maya Chen").id


def test_edit_then_undo_and_redo_with_the_keyboard(
    qtbot: QtBot, demo_services: Services, settings: AppSettings, clock: object
) -> None:
    window = make_window(qtbot, demo_services, settings)
    person_id = window.person.id
    assert person_id is not None
    before = demo_services.learning.count(person_id)
    draft = LearningDraft("Read the vLLM paper", LearningKind.PAPER, date(2026, 11, 20), 2.0)
    window.operations.add_learning(person_id, draft)
    assert demo_services.learning.count(person_id) == before + 1
    assert "Log" in window.statusBar().currentMessage()

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert demo_services.learning.count(person_id) == before
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert demo_services.learning.count(person_id) == before + 1


def test_window_geometry_and_last_view_are_remembered(
    qtbot: QtBot, demo_services: Services, settings: AppSettings
) -> None:
    window = make_window(qtbot, demo_services, settings)
    window.sidebar.setCurrentRow(2)
    window.resize(1100, 720)
    goals_splitter = window.views[2].splitter  # type: ignore[attr-defined]
    goals_splitter.setSizes([500, 500])  # the default is 2:1
    window.close()

    again = make_window(qtbot, demo_services, settings)
    assert again.stack.currentWidget().title == "Goals"
    assert settings.window_geometry is not None
    left, right = again.views[2].splitter.sizes()  # type: ignore[attr-defined]
    assert abs(left - right) <= 2


def test_without_a_database_the_window_is_its_frame_with_what_needs_data_disabled(
    qtbot: QtBot, demo_services: Services, settings: AppSettings
) -> None:
    settings.last_view = "learning_view"
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show_opening("planner.sqlite")
    window.show()
    assert not window.is_open and window.views == []
    assert window.windowTitle() == "Learning Path Planner"
    assert window.statusBar().currentMessage() == "Opening planner.sqlite…"
    assert window.sidebar.currentItem().text() == "Learning log"
    assert window.opening_page is not None
    assert window.opening_page.heading.text() == "Learning log"  # the frame of the last view
    window.sidebar.setCurrentRow(2)
    assert window.opening_page.heading.text() == "Goals"
    assert not window.log_action.isEnabled()

    window.complete()  # what the program does just after the first paint
    assert not window.files.import_action.isEnabled() and not window.check_action.isEnabled()
    assert not window.undo_action.isEnabled()
    assert window.goal_action.shortcut() == QKeySequence("Ctrl+G")

    window.attach(demo_services)
    assert window.is_open and window.opening_page is None
    assert window.stack.currentWidget().title == "Goals"
    assert window.log_action.isEnabled() and window.check_action.isEnabled()
    assert window.statusBar().currentMessage() == ""


def test_a_view_is_built_when_first_shown(
    qtbot: QtBot, demo_services: Services, settings: AppSettings
) -> None:
    window = make_window(qtbot, demo_services, settings)
    stack = window.stack

    def built() -> list[bool]:
        return [isinstance(stack.widget(i), View) for i in range(stack.count())]

    assert built() == [True] + [False] * (len(VIEW_TITLES))  # the Dashboard only
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert stack.currentWidget().title == "Progress" and built()[4]
    assert window.view_named("plan").title == "Plan"
    assert [view.title for view in window.views] == [*VIEW_TITLES, "Mentees"]  # all, now
    assert all(built())


def test_the_mentees_view_is_shown_again_when_it_was_the_last(
    qtbot: QtBot, demo_services: Services, settings: AppSettings
) -> None:
    demo_services.people.create(PersonDraft("Maya Chen", "Data scientist"))
    settings.last_view = "mentees"
    window = make_window(qtbot, demo_services, settings)
    assert window.stack.currentWidget().title == "Mentees"
    assert window.sidebar.currentRow() == len(VIEW_TITLES)
