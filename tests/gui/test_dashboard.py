"""The Dashboard on the demo person: readiness, deadlines, recent learning, hours, reflow."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QWidget
from pytestqt.qtbot import QtBot

from planner.analysis.learning_stats import comparison_start, monthly_hours
from planner.analysis.person_readiness import person_readiness
from planner.gui.operations import DataChange, DataKind
from planner.gui.views.base import ViewContext
from planner.gui.views.dashboard import DashboardView, percent, upcoming_deadlines, when_text
from planner.services.records import LearningDraft, PersonDraft
from planner.vocabulary import LearningKind

TODAY = date(2026, 11, 21)


@pytest.fixture
def view(qtbot: QtBot, context: ViewContext) -> DashboardView:
    shown = DashboardView(context)
    qtbot.addWidget(shown)
    # An explicit minimum keeps the layout from changing a shown top-level window's size
    # hints, which the offscreen platform reports as a warning.
    shown.setMinimumSize(480, 360)
    shown.resize(1024, 700)
    with qtbot.waitExposed(shown):
        shown.show()
    return shown


def texts(widget: QWidget) -> list[str]:
    """Every label text inside ``widget``."""
    return [label.text() for label in widget.findChildren(QLabel)]


def person_id(context: ViewContext) -> int:
    assert context.person.id is not None
    return context.person.id


def test_title_names_person_and_target(view: DashboardView, context: ViewContext) -> None:
    person = context.services.people.get(person_id(context))
    assert person.target_date is not None
    assert view.title_label.objectName() == "viewTitle"
    assert view.title_label.text() == (
        f"{person.name} — toward Senior ML developer, target date {person.target_date.isoformat()}"
    )


def test_readiness_matches_person_readiness(view: DashboardView, context: ViewContext) -> None:
    readiness = person_readiness(context.services, person_id(context)).readiness
    assert readiness is not None
    assert view.readiness_card.percent_label.text() == f"{round(readiness.overall * 100)}%"
    bars = view.readiness_card.area_bars
    assert list(bars) == [area.name for area in readiness.areas]
    for area in readiness.areas:
        assert bars[area.name].value() == round(area.readiness * 100)
        assert percent(area.readiness) in texts(view.readiness_card)
    assert not view.readiness_card.empty.isVisible()


def test_deadlines_show_the_overdue_goal(view: DashboardView, context: ViewContext) -> None:
    goals = context.services.goals.list_for(person_id(context))
    overdue = [g for g in goals if g.is_overdue(TODAY)]
    assert overdue, "the demo person has an overdue goal"
    shown = texts(view.deadlines_card)
    for goal in overdue:
        assert goal.title in shown
    badges = view.deadlines_card.findChildren(QLabel, "overdueBadge")
    assert [b.text() for b in badges] == [
        when_text(g.due_date, TODAY) for g in overdue if g.due_date
    ]
    assert all(text.endswith("overdue") for text in (b.text() for b in badges))
    for goal in upcoming_deadlines(goals, TODAY)[:6]:
        assert goal.title in shown


def test_recent_learning_lists_the_last_six(view: DashboardView, context: ViewContext) -> None:
    entries = context.services.learning.list_for(person_id(context), limit=6)
    assert len(entries) == 6
    shown = texts(view.learning_card)
    for entry in entries:
        assert entry.title in shown
        assert entry.completed_on.isoformat() in shown
        assert f"{entry.hours:.1f} h" in shown


def test_hours_card_uses_the_monthly_figures(view: DashboardView, context: ViewContext) -> None:
    pid = person_id(context)
    entries = context.services.learning.list_for(pid, since=comparison_start(TODAY))
    person = context.services.people.get(pid)
    figures = monthly_hours(
        [(e.completed_on, e.hours) for e in entries], TODAY, person.created_at.date()
    )
    assert figures.months_averaged == 3
    assert view.hours_label.text() == figures.summary()
    assert view.hours_label.text().endswith("h/month over the last 3 months")


def test_updates_after_learning_is_logged(
    qtbot: QtBot, view: DashboardView, context: ViewContext
) -> None:
    before = view.hours_label.text()
    this_month = float(before.split(" h this month")[0])
    draft = LearningDraft("Read the replication chapter of DDIA", LearningKind.BOOK, TODAY, 2.5)
    context.operations.add_learning(person_id(context), draft)
    qtbot.waitUntil(
        lambda: view.hours_label.text().startswith(f"{this_month + 2.5:.1f} h this month")
    )
    first_row = view.recent.grid.itemAtPosition(0, 1)
    assert first_row is not None
    label = first_row.widget()
    assert isinstance(label, QLabel)
    assert label.text() == draft.title


def test_ignores_changes_of_someone_else(view: DashboardView, context: ViewContext) -> None:
    pid = person_id(context)
    assert view.wants(DataChange(frozenset({DataKind.GOALS}), pid))
    assert view.wants(DataChange(frozenset({DataKind.PEOPLE}), None))
    assert not view.wants(DataChange(frozenset({DataKind.LEARNING}), pid + 1))


def test_person_without_assessment_gets_an_invitation(
    qtbot: QtBot, view: DashboardView, context: ViewContext
) -> None:
    newcomer = context.operations.create_person(PersonDraft("Sam Taylor"))
    context.person.set(newcomer.id)
    qtbot.waitUntil(lambda: view.title_label.text() == "Sam Taylor — toward Senior ML developer")
    card = view.readiness_card
    assert card.empty.isVisible() and not card.filled.isVisible()
    assert "No assessment yet" in card.empty_label.text()
    assert "New assessment" in card.empty_label.text()
    assert card.new_assessment_button.isVisible()
    assert "Nothing logged yet" in " ".join(texts(view.learning_card))
    assert view.hours_label.text() == "0.0 h this month · no earlier month to compare with yet"


def test_reserved_slots_for_later_work(view: DashboardView) -> None:
    radar = view.findChild(QFrame, "radarSlot")
    steps = view.findChild(QFrame, "nextStepsSlot")
    assert radar is view.radar_slot and steps is view.next_steps_slot
    assert radar.isVisible() and steps.isVisible()
    # The radar card holds the charts: a radar by area and the readiness trend.
    charts = view.radar_charts
    assert charts.parent() is radar
    areas = view.readiness_card.area_bars
    assert charts.radar_chart.data.spokes == tuple(areas)
    assert len(charts.trend_chart.data.points) == len(
        view.context.services.assessments.list_for(view.context.person.id)
    )


def test_cards_reflow_with_the_width(qtbot: QtBot, view: DashboardView) -> None:
    assert view.column_count == 2
    assert view.deadlines_card.x() > view.readiness_card.x()
    assert view.radar_slot.x() == view.readiness_card.x()
    view.resize(1920, 1080)
    qtbot.waitUntil(lambda: view.radar_slot.x() > view.deadlines_card.x() > 0)
    assert view.column_count == 3
    # Each card is at least as tall as its content needs (no clipped text).
    for card in view.cards.values():
        assert card.height() >= card.minimumSizeHint().height()
    view.resize(560, 700)
    qtbot.waitUntil(lambda: view.deadlines_card.y() > view.readiness_card.y())
    assert view.column_count == 1


def test_new_assessment_button_opens_the_assessment_dialog(
    qtbot: QtBot, view: DashboardView, context: ViewContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.gui.dialogs import assessment_dialog

    calls: list[tuple[object, object]] = []
    monkeypatch.setattr(
        assessment_dialog.AssessmentDialog,
        "ask",
        classmethod(lambda _cls, parent, ctx: calls.append((parent, ctx))),
    )
    newcomer = context.operations.create_person(PersonDraft("Sam Taylor"))
    context.person.set(newcomer.id)
    button = view.readiness_card.new_assessment_button
    qtbot.waitUntil(button.isVisible)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert calls == [(view, context)]
