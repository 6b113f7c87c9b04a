"""The Mentees overview: a mentor following three people in one database, from the window."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.gui.main_window import MainWindow
from planner.gui.mentee_table_model import (
    ACTIVITY,
    AIM,
    ATTENTION_ROLE,
    OVERDUE,
    PERSON,
    READINESS,
    REVIEW,
    TREND,
    MenteeTableModel,
    trend_text,
)
from planner.gui.settings import AppSettings
from planner.gui.views.mentees_view import MenteesView
from planner.services.records import (
    AssessmentDraft,
    GoalDraft,
    LearningDraft,
    PersonDraft,
    RatingDraft,
)
from planner.services.service_set import Services
from planner.vocabulary import LearningKind, RaterKind

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def team(demo_services: Services) -> Services:
    """The demo person plus Ben (an overdue goal, nothing rated) and Cleo (reviewed)."""
    services = demo_services
    today = services.clock.today()
    ben = services.people.create(PersonDraft("Ben Okafor", "Junior ML engineer"))
    services.goals.create(ben.id, GoalDraft("Finish the SQL course", due_date=today))
    services.clock.moment += timedelta(days=3)  # type: ignore[attr-defined]
    cleo = services.people.create(PersonDraft("Cleo <b>Park</b>"))
    for day, level, mentor in ((date(2026, 5, 1), 2, None), (date(2026, 10, 1), 3, "Dana")):
        services.assessments.create(
            cleo.id,
            AssessmentDraft(
                day,
                (RatingDraft("python-programming", level), RatingDraft("mentoring", level)),
                RaterKind.MENTOR if mentor else RaterKind.SELF,
                mentor,
            ),
        )
    services.learning.add(cleo.id, LearningDraft("Pairing", LearningKind.ON_THE_JOB, today, 2))
    return services


def make_window(qtbot: QtBot, services: Services, settings: AppSettings) -> MainWindow:
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def mentees_of(window: MainWindow) -> MenteesView:
    view = next(v for v in window.views if isinstance(v, MenteesView))
    return view


def cells(view: MenteesView, name: str) -> dict[int, str]:
    model = view.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).name == name)
    return {c: str(model.index(row, c).data()) for c in range(model.columnCount())}


def test_the_overview_lists_everyone_with_what_needs_attention(
    qtbot: QtBot, qtmodeltester: ModelTester, team: Services, settings: AppSettings
) -> None:
    window = make_window(qtbot, team, settings)
    assert not window.sidebar.isRowHidden(8)  # three people: the Mentees entry shows
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    view = mentees_of(window)
    assert window.stack.currentWidget() is view
    qtmodeltester.check(view.model)

    names = [view.proxy.index(r, PERSON).data() for r in range(view.proxy.rowCount())]
    assert names == ["Alex Rivera", "Ben Okafor", "Cleo <b>Park</b>"]
    assert view.summary_label.text() == ("3 people · 2 with overdue goals · 2 due for a review")
    ben = cells(view, "Ben Okafor")
    assert (ben[READINESS], ben[TREND], ben[OVERDUE]) == ("Not rated", "—", "1")
    assert ben[REVIEW] == "Never (due)"
    assert ben[ACTIVITY] == "2026-11-21"  # the day the goal was set
    cleo = cells(view, "Cleo <b>Park</b>")
    assert cleo[TREND].startswith("▲ ") and cleo[TREND].endswith(" pts")
    assert cleo[REVIEW] == "2026-10-01 · Dana"
    assert cleo[OVERDUE] == "None"
    model = view.model
    ben_row = next(r for r in range(model.rowCount()) if model.row_at(r).name == "Ben Okafor")
    assert model.index(ben_row, OVERDUE).data(ATTENTION_ROLE) is True
    assert model.index(ben_row, OVERDUE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert view.note_label.isHidden()


def test_enter_opens_the_persons_plan_and_the_buttons_other_views(
    qtbot: QtBot, team: Services, settings: AppSettings
) -> None:
    window = make_window(qtbot, team, settings)
    window.show_view("mentees")
    view = mentees_of(window)
    ben = team.people.find("Ben Okafor")
    view.select_person(ben.id)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)

    assert window.person.id == ben.id
    assert window.person_box.currentText() == "Ben Okafor"
    assert window.stack.currentWidget().name == "plan"

    window.show_view("mentees")
    cleo = team.people.find("Cleo <b>Park</b>")
    view.select_person(cleo.id)
    qtbot.mouseClick(view.goals_button, Qt.MouseButton.LeftButton)
    assert window.person.id == cleo.id and window.stack.currentWidget().name == "goals_view"
    window.show_view("mentees")
    qtbot.mouseClick(view.skills_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget().name == "skills_view"


def test_switching_person_moves_the_selection_and_a_change_reads_the_rows_again(
    qtbot: QtBot, team: Services, settings: AppSettings
) -> None:
    window = make_window(qtbot, team, settings)
    window.show_view("mentees")
    view = mentees_of(window)
    window.show_view("dashboard")
    reads: list[int] = []
    reload = view.reload
    view.reload = lambda: (reads.append(1), reload())  # type: ignore[method-assign]
    ben = team.people.find("Ben Okafor")
    window.person_box.setCurrentText("Ben Okafor")
    window.show_view("mentees")
    assert view.selected_person_id() == ben.id and reads == []  # same figures, not read again

    window.show_view("goals_view")
    window.operations.create_goal(ben.id, GoalDraft("Read the attention paper"))
    window.show_view("mentees")
    assert reads == [1] and view.selected_person_id() == ben.id
    assert cells(view, "Ben Okafor")[ACTIVITY] == team.clock.today().isoformat()


def test_columns_fit_their_contents_again_after_a_change(
    qtbot: QtBot, team: Services, settings: AppSettings
) -> None:
    window = make_window(qtbot, team, settings)
    window.show_view("mentees")
    view = mentees_of(window)
    table, header = view.table, view.table.horizontalHeader()

    def fitted() -> bool:
        return all(
            header.sectionSize(c) == max(table.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in range(header.count())
            if c != AIM
        )

    assert fitted()
    before = header.sectionSize(PERSON)
    window.operations.create_person(PersonDraft("Maximiliana Wolkenstein-Trostberg"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)
    assert fitted() and header.sectionSize(PERSON) > before


def test_with_one_person_the_entry_hides_and_comes_back_with_a_second(
    qtbot: QtBot, demo_services: Services, settings: AppSettings
) -> None:
    window = make_window(qtbot, demo_services, settings)
    assert window.sidebar.isRowHidden(8)
    assert not window.view_actions["mentees"].isEnabled()

    window.operations.create_person(PersonDraft("Ben Okafor"))

    assert not window.sidebar.isRowHidden(8)
    assert window.view_actions["mentees"].isEnabled()
    window.operations.undo_stack.undo()
    assert window.sidebar.isRowHidden(8)


def test_trend_words() -> None:
    assert [trend_text(t) for t in (None, 0.2, -0.4, 6.4, -2.0)] == [
        "—",
        "steady",
        "steady",
        "▲ 6 pts",
        "▼ 2 pts",
    ]
    assert MenteeTableModel().rowCount() == 0
