"""The first-run welcome wizard, driven through its real widgets from an empty database."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QRadioButton, QWizard
from pytestqt.qtbot import QtBot

from planner.gui.dialogs.welcome_wizard import (
    ABOUT,
    ASSESSMENT,
    DONE,
    TARGET,
    WELCOME,
    WelcomeWizard,
)
from planner.gui.operations import ALL_KINDS, DataKind, Operations
from planner.services.demo_data import DEMO_PERSON_NAME
from planner.services.records import PersonDraft
from planner.services.service_set import Services
from planner.vocabulary import RaterKind


@pytest.fixture
def operations(services: Services, qapp: object) -> Operations:
    return Operations(services)


@pytest.fixture
def wizard(qtbot: QtBot, services: Services, operations: Operations) -> WelcomeWizard:
    shown = WelcomeWizard(None, services, operations)
    qtbot.addWidget(shown)
    with qtbot.waitExposed(shown):
        shown.show()
    return shown


def click_radio(qtbot: QtBot, button: QRadioButton) -> None:
    """Click a radio button on its circle (its centre may be empty space)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def press_enter(qtbot: QtBot, wizard: WelcomeWizard) -> None:
    """Enter where the keyboard is: the focused widget, or the wizard itself."""
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)


def test_own_plan_end_to_end(
    qtbot: QtBot, wizard: WelcomeWizard, services: Services, operations: Operations
) -> None:
    assert wizard.currentId() == WELCOME
    assert wizard.welcome_page.own_plan.isChecked()
    press_enter(qtbot, wizard)
    assert wizard.currentId() == ABOUT

    page = wizard.about_page
    qtbot.keyClicks(page.name_edit, "Sam Taylor")
    qtbot.keyClicks(page.role_edit, "ML Engineer")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    assert wizard.currentId() == TARGET

    target = wizard.target_page
    default = wizard.framework.default_profile
    assert target.profile_buttons[default].isChecked()
    target.profile_buttons[default].setFocus()
    qtbot.keyClick(target.profile_buttons[default], Qt.Key.Key_Down)
    qtbot.keyClick(target.focusWidget(), Qt.Key.Key_Down)
    assert target.profile_buttons["ml-engineering-manager"].isChecked()
    assert target.date_edit.date().toPython() == date(2027, 11, 21)  # today + 12 months
    press_enter(qtbot, wizard)
    assert wizard.currentId() == ASSESSMENT

    ratings = wizard.assessment_page
    first, second, *rest = ratings.selectors
    ratings.selectors[first].setFocus()
    qtbot.keyClick(ratings.selectors[first], Qt.Key.Key_Down)
    qtbot.keyClick(ratings.selectors[first], Qt.Key.Key_Down)
    qtbot.keyClick(ratings.selectors[first], Qt.Key.Key_Tab)
    assert ratings.focusWidget() is ratings.selectors[second]
    qtbot.keyClick(ratings.selectors[second], Qt.Key.Key_Down)
    descriptors = wizard.framework.competency(first).descriptors
    assert ratings.descriptors[first].text() == descriptors[3]
    qtbot.keyClick(ratings.selectors[second], Qt.Key.Key_Return)
    assert wizard.currentId() == DONE
    assert wizard.done_page.name_value.text() == "Sam Taylor"
    assert "ML engineering manager, by 2027-11-21" in wizard.done_page.target_value.text()

    with qtbot.waitSignal(operations.data_changed):
        press_enter(qtbot, wizard)
    assert wizard.result() == QDialog.DialogCode.Accepted

    (person,) = services.people.list()
    assert wizard.person_id == person.id
    assert (person.name, person.current_role) == ("Sam Taylor", "ML Engineer")
    assert person.target_profile_id == "ml-engineering-manager"
    assert person.target_date == date(2027, 11, 21)
    (assessment,) = services.assessments.list_for(person.id)
    assert assessment.assessed_on == services.clock.today()
    assert assessment.rater_kind is RaterKind.SELF
    junior = wizard.framework.scale.junior
    assert assessment.levels == {first: 3, second: 2, **dict.fromkeys(rest, junior)}


def test_demo_choice_seeds_the_demo_person(
    qtbot: QtBot, wizard: WelcomeWizard, services: Services, operations: Operations
) -> None:
    page = wizard.welcome_page
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    click_radio(qtbot, page.demo)
    assert finish.isVisible() and not next_button.isVisible()
    assert finish.text() == "&Open the demo"
    click_radio(qtbot, page.own_plan)
    assert next_button.isVisible() and not finish.isVisible()

    page.own_plan.setFocus()
    qtbot.keyClick(page.own_plan, Qt.Key.Key_Down)  # arrows move between the choices
    assert page.demo.isChecked()
    with qtbot.waitSignal(operations.data_changed) as blocker:
        qtbot.keyClick(page.demo, Qt.Key.Key_Return)
    assert blocker.args[0].kinds == ALL_KINDS
    assert wizard.result() == QDialog.DialogCode.Accepted
    (person,) = services.people.list()
    assert person.name == DEMO_PERSON_NAME
    assert wizard.person_id == person.id
    assert services.learning.count(person.id) > 0


def test_duplicate_name_is_refused_on_about_page(
    qtbot: QtBot, wizard: WelcomeWizard, services: Services
) -> None:
    services.people.create(PersonDraft("Sam Taylor"))
    press_enter(qtbot, wizard)
    page = wizard.about_page
    qtbot.keyClicks(page.name_edit, "sam taylor")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    assert wizard.currentId() == ABOUT
    assert page.name_error.isVisible()
    assert "already a person called 'sam taylor'" in page.name_error.text()
    assert page.name_edit.text() == "sam taylor"

    qtbot.keyClicks(page.name_edit, " 2")
    assert not page.name_error.isVisible()
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    assert wizard.currentId() == TARGET


def test_blank_name_cannot_go_on(qtbot: QtBot, wizard: WelcomeWizard) -> None:
    press_enter(qtbot, wizard)
    page = wizard.about_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # "name*"
    qtbot.keyClicks(page.name_edit, "   ")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    assert wizard.currentId() == ABOUT
    assert page.name_error.text() == "Enter your name."


def test_name_taken_before_finish_returns_to_about_page(
    qtbot: QtBot, wizard: WelcomeWizard, services: Services
) -> None:
    press_enter(qtbot, wizard)
    qtbot.keyClicks(wizard.about_page.name_edit, "Sam Taylor")
    for _ in (ABOUT, TARGET, ASSESSMENT):
        press_enter(qtbot, wizard)
    assert wizard.currentId() == DONE
    services.people.create(PersonDraft("Sam Taylor"))  # someone else on a shared database
    press_enter(qtbot, wizard)
    assert wizard.isVisible()
    assert wizard.currentId() == ABOUT
    assert "already a person called 'Sam Taylor'" in wizard.about_page.name_error.text()
    assert len(services.people.list()) == 1


def test_run_returns_none_when_cancelled(
    qtbot: QtBot, services: Services, operations: Operations
) -> None:
    def cancel() -> None:
        active = QApplication.activeModalWidget()
        assert isinstance(active, WelcomeWizard)
        qtbot.mouseClick(
            active.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton
        )

    QTimer.singleShot(0, cancel)
    assert WelcomeWizard.run(None, services, operations) is None
    assert services.people.count() == 0


def test_run_returns_the_demo_person(
    qtbot: QtBot, services: Services, operations: Operations
) -> None:
    def choose_demo() -> None:
        active = QApplication.activeModalWidget()
        assert isinstance(active, WelcomeWizard)
        click_radio(qtbot, active.welcome_page.demo)
        qtbot.mouseClick(
            active.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )

    QTimer.singleShot(0, choose_demo)
    with qtbot.waitSignal(operations.data_changed) as blocker:
        person_id = WelcomeWizard.run(None, services, operations)
    assert DataKind.PEOPLE in blocker.args[0].kinds
    assert person_id == services.people.find(DEMO_PERSON_NAME).id
