"""Mentoring from the window: mentor ratings beside self-ratings, and review packets both ways."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from planner.gui.dialogs.assessment_dialog import AssessmentDialog
from planner.gui.main_window import MainWindow
from planner.gui.mentor_actions import packet_file_name
from planner.gui.settings import AppSettings
from planner.gui.skills_tree_model import SkillsTreeModel
from planner.gui.views.skills_view import SkillsView
from planner.services.clock import FixedClock
from planner.services.records import AssessmentDraft, PersonDraft, RatingDraft
from planner.services.service_set import Services
from planner.vocabulary import RaterKind
from tests.gui.conftest import when_modal

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def choose_file(path: Path) -> None:
    """Answer the next file dialog with ``path``."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(path))
        dialog.accept()

    when_modal(QFileDialog, answer)


def make_window(qtbot: QtBot, services: Services, settings: AppSettings) -> MainWindow:
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    with qtbot.waitExposed(window):
        window.show()
    return window


def mentor_cell(view: SkillsView, competency_id: str) -> QModelIndex:
    return view.model.index_of(competency_id).siblingAtColumn(SkillsTreeModel.COL_MENTOR)


def test_skills_show_the_mentor_beside_the_self_rating(
    qtbot: QtBot, demo_services: Services, settings: AppSettings
) -> None:
    window = make_window(qtbot, demo_services, settings)
    window.show_view("skills_view")
    view = window.stack.currentWidget()
    assert isinstance(view, SkillsView)
    assert not view.tree.isColumnHidden(SkillsTreeModel.COL_MENTOR)
    assert "mentor Priya Shah" in view.summary_label.text()
    rows = [c for area in view.model.areas for c in area.competencies]
    differ = next(c for c in rows if c.mentor_difference)
    agree = next(c for c in rows if c.ratings is not None and c.mentor_difference == 0)
    cell = mentor_cell(view, differ.competency_id)
    assert differ.ratings is not None and differ.ratings.mentor is not None
    difference = differ.mentor_difference or 0
    sign = "+" if difference > 0 else "−"
    assert cell.data() == f"{differ.ratings.mentor.level} ({sign}{abs(difference)})"
    assert "Priya Shah rated" in str(cell.data(Qt.ItemDataRole.ToolTipRole))
    assert cell.data(Qt.ItemDataRole.FontRole).bold()
    assert cell.data(Qt.ItemDataRole.ForegroundRole) is not None
    quiet = mentor_cell(view, agree.competency_id)
    assert agree.ratings is not None and agree.ratings.mentor is not None
    assert quiet.data() == str(agree.ratings.mentor.level)
    assert quiet.data(Qt.ItemDataRole.ForegroundRole) is None
    assert "you agree" in str(quiet.data(Qt.ItemDataRole.ToolTipRole))

    person = window.person.id
    assert person is not None
    own = next(c for c in rows if c.competency_id == "python-programming").level
    window.operations.create_assessment(
        person,
        AssessmentDraft(
            date(2026, 11, 20), (RatingDraft("python-programming", 1),), RaterKind.MENTOR, "Sam"
        ),
    )
    assert own is not None
    assert mentor_cell(view, "python-programming").data() == f"1 (−{own - 1})"
    assert "mentor Sam, 2026-11-20" in view.summary_label.text()


def test_without_a_mentor_rating_the_column_stays_away(
    qtbot: QtBot, demo_services: Services, settings: AppSettings
) -> None:
    ben = demo_services.people.create(PersonDraft("Ben Okafor"))
    demo_services.assessments.create(
        ben.id, AssessmentDraft(date(2026, 11, 1), (RatingDraft("mentoring", 2),))
    )
    window = make_window(qtbot, demo_services, settings)
    window.open_person(ben.id, "skills_view")
    view = window.stack.currentWidget()
    assert isinstance(view, SkillsView)
    assert view.tree.isColumnHidden(SkillsTreeModel.COL_MENTOR)
    assert "mentor" not in view.summary_label.text()


def test_a_mentor_rating_from_the_edit_menu(
    qtbot: QtBot, demo_services: Services, settings: AppSettings
) -> None:
    window = make_window(qtbot, demo_services, settings)
    person = window.person.id
    assert person is not None
    before = len(demo_services.assessments.list_for(person))

    def rate(dialog: QWidget) -> None:
        assert isinstance(dialog, AssessmentDialog)
        assert dialog.rater_box.currentData() == RaterKind.MENTOR
        assert dialog.rater_name_edit.text() == "Priya Shah"
        dialog.rater_name_edit.setText("Sam Lee")
        dialog.button_box.accepted.emit()

    when_modal(AssessmentDialog, rate)
    window.mentoring.mentor_assessment_action.trigger()

    stored = demo_services.assessments.list_for(person)
    assert len(stored) == before + 1
    latest = demo_services.assessments.latest(person, RaterKind.MENTOR)
    assert latest is not None and latest.rater_name == "Sam Lee"


@pytest.fixture
def mentor_services(tmp_path: Path, clock: FixedClock) -> Iterator[Services]:
    services = Services.open(f"sqlite:///{tmp_path / 'mentor.sqlite'}", clock)
    yield services
    services.close()


def test_a_review_packet_goes_out_and_comes_back_through_the_menus(
    qtbot: QtBot,
    demo_services: Services,
    mentor_services: Services,
    settings: AppSettings,
    tmp_path: Path,
) -> None:
    home = make_window(qtbot, demo_services, settings)
    packet = tmp_path / "alex.json"
    choose_file(packet)
    home.mentoring.export_review_action.trigger()
    assert packet.exists()
    assert "send it to your mentor" in home.statusBar().currentMessage()

    mentor = make_window(qtbot, mentor_services, settings)
    choose_file(packet)
    mentor.mentoring.import_review_action.trigger()
    copy = mentor_services.people.find("Alex Rivera")
    assert copy.is_review_copy and mentor.person.id == copy.id
    assert mentor.statusBar().currentMessage().startswith("Added a copy of Alex Rivera's record")

    mentor_services.assessments.create(
        copy.id,
        AssessmentDraft(
            date(2026, 11, 21), (RatingDraft("mentoring", 4),), RaterKind.MENTOR, "Sam Lee"
        ),
    )
    answer = tmp_path / "answer.json"
    choose_file(answer)
    mentor.mentoring.export_review_action.trigger()
    assert "send it back to them" in mentor.statusBar().currentMessage()

    choose_file(answer)
    home.mentoring.import_review_action.trigger()
    assert home.statusBar().currentMessage() == (
        "Added 1 mentor assessment to Alex Rivera's record."
    )
    person = home.person.id
    assert person is not None
    latest = demo_services.assessments.latest(person, RaterKind.MENTOR)
    assert latest is not None and latest.rater_name == "Sam Lee"


def test_packet_file_names_say_whose_and_which_way() -> None:
    assert packet_file_name("Ana Lima", "2026-11-21", False) == "ana-lima-record-2026-11-21.json"
    assert packet_file_name("Zoë O'Neil", "2026-11-21", True) == "zo-o-neil-review-2026-11-21.json"
    assert packet_file_name("???", "2026-11-21", True) == "person-review-2026-11-21.json"


def test_the_menus_hold_the_mentor_actions(
    qtbot: QtBot, demo_services: Services, settings: AppSettings
) -> None:
    window = make_window(qtbot, demo_services, settings)
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    edit, file = menus["&Edit"], menus["&File"]
    assert isinstance(edit, QMenu) and isinstance(file, QMenu)
    assert {"New &mentor assessment…", "New &person…"} <= {a.text() for a in edit.actions()}
    assert {"Export re&view packet…", "Import review pac&ket…"} <= {
        a.text() for a in file.actions()
    }


def test_open_shared_database_asks_for_the_server_address(
    qtbot: QtBot, demo_services: Services, settings: AppSettings
) -> None:
    window = make_window(qtbot, demo_services, settings)

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        assert dialog.textValue() == "postgresql+psycopg://planner@DBHOST/planner"
        dialog.setTextValue("postgres://ana@db:5433/team")
        dialog.accept()

    when_modal(QInputDialog, answer)
    with qtbot.waitSignal(window.database_requested) as requested:
        window.mentoring.open_shared_action.trigger()
    assert requested.args == ["postgresql+psycopg://ana@db:5433/team"]
