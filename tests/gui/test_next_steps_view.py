"""The Next steps view and the Dashboard's top three, driven with the mouse and keyboard."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QWidget
from pytestqt.qtbot import QtBot

from planner.analysis.next_steps import SuggestionKind, next_steps_for
from planner.gui.dialogs.goal_dialog import GoalDialog
from planner.gui.main_window import MainWindow
from planner.gui.next_steps_cache import NextStepsCache
from planner.gui.palette import dark_palette
from planner.gui.settings import AppSettings
from planner.gui.views.base import ViewContext
from planner.gui.views.dashboard import DashboardView
from planner.gui.views.goals_view import GoalsView
from planner.gui.views.next_steps_view import NextStepsView
from planner.gui.views.suggestion_cards import SuggestionCard
from planner.services.clock import FixedClock
from planner.services.records import GoalCompetencyDraft, GoalDraft
from planner.services.service_set import Services
from planner.vocabulary import GoalStatus

TODAY = date(2026, 11, 21)

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def show(qtbot: QtBot, widget: NextStepsView | GoalsView | DashboardView) -> None:
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    with qtbot.waitExposed(widget):
        widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def click(qtbot: QtBot, view: NextStepsView, button: QWidget) -> None:
    """Scroll ``button`` into sight (as a person would) and click it."""

    def in_sight() -> bool:
        view.scroll_area.ensureWidgetVisible(button)
        return not button.visibleRegion().isEmpty()

    qtbot.waitUntil(in_sight)  # new cards are laid out on the next turn of the event loop
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def view(qtbot: QtBot, context: ViewContext) -> NextStepsView:
    widget = NextStepsView(context)
    show(qtbot, widget)
    return widget


def card(view: NextStepsView, key: str) -> SuggestionCard:
    return next(c for c in view.cards if c.suggestion.key == key)


def keys(view: NextStepsView) -> list[str]:
    return [c.suggestion.key for c in view.cards]


def person_id(context: ViewContext) -> int:
    assert context.person.id is not None
    return context.person.id


def test_the_cards_show_the_engines_advice_in_order(
    view: NextStepsView, context: ViewContext
) -> None:
    expected = next_steps_for(context.services, person_id(context))

    assert keys(view) == [s.key for s in expected.suggestions]
    first = view.cards[0]
    assert first.title.text() == "Overdue goal: “Start a monthly ML reading group”"
    assert first.why.text().startswith("It was due on 2026-11-03, 18 days ago")
    assert first.quote.text() == (
        "“It helps you set realistic goals and chart a path in the machine learning field.”"
    )
    assert first.citation.text().startswith("Introduction · Junior vs. Senior")
    assert first.accept_button.text() == "Open goal…"
    mentoring = card(view, "grow:mentoring")
    assert mentoring.action.text() == "Ask your mentees for feedback on your mentoring"
    assert mentoring.accept_button.text() == "Accept as goal"
    for shown in view.cards:
        for label in (shown.title, shown.action, shown.why, shown.quote):
            assert label.textFormat() == Qt.TextFormat.PlainText and label.text()


def test_accept_creates_a_goal_in_the_goals_table_and_undo_removes_it(
    qtbot: QtBot, demo_services: Services, settings: AppSettings
) -> None:
    window = MainWindow(demo_services, settings)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    steps = window.stack.currentWidget()
    assert isinstance(steps, NextStepsView)
    goals = next(v for v in window.views if isinstance(v, GoalsView))

    click(qtbot, steps, card(steps, "grow:mentoring").accept_button)

    assert "grow:mentoring" not in keys(steps)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    titles = [goals.proxy.index(r, 0).data() for r in range(goals.proxy.rowCount())]
    assert "Reach Senior in Mentoring" in titles
    stored = next(
        g for g in demo_services.goals.list_for(person_id(window.context)) if "Mentoring" in g.title
    )
    assert stored.status is GoalStatus.ACTIVE
    assert stored.competencies == (GoalCompetencyDraft("mentoring", 4),)
    assert stored.milestones[0].text.startswith("Ask your mentees for feedback")

    window.undo_action.trigger()

    titles = [goals.proxy.index(r, 0).data() for r in range(goals.proxy.rowCount())]
    assert "Reach Senior in Mentoring" not in titles
    assert demo_services.decisions.list_for(person_id(window.context)) == []
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert "grow:mentoring" in keys(steps)

    window.redo_action.trigger()
    assert "grow:mentoring" not in keys(steps)


def test_snooze_and_dismiss_hide_cards_persist_and_can_be_undone(
    qtbot: QtBot, view: NextStepsView, context: ViewContext
) -> None:
    click(qtbot, view, card(view, "reassess").snooze_button)
    click(qtbot, view, card(view, "grow:ml-algorithms").dismiss_button)

    assert not {"reassess", "grow:ml-algorithms"} & set(keys(view))
    stored = {
        d.suggestion_key: (d.decision, d.until)
        for d in context.services.decisions.list_for(person_id(context))
    }
    assert stored == {
        "reassess": ("snoozed", TODAY + timedelta(days=30)),
        "grow:ml-algorithms": ("dismissed", None),
    }
    again = NextStepsView(context)  # a fresh view reads the decisions back
    show(qtbot, again)
    assert not {"reassess", "grow:ml-algorithms"} & set(keys(again))
    assert again.hidden_list.isVisible()
    assert again.hidden_list.toggle.text() == "Hidden by your decisions (2)"

    context.operations.undo_stack.undo()

    assert "grow:ml-algorithms" in keys(view) and "reassess" not in keys(view)


def test_a_hidden_suggestion_can_be_brought_back(
    qtbot: QtBot, view: NextStepsView, context: ViewContext
) -> None:
    click(qtbot, view, card(view, "grow:mentoring").dismiss_button)
    click(qtbot, view, view.hidden_list.toggle)
    assert view.hidden_list.rows.isVisible()

    click(qtbot, view, view.hidden_list.bring_back_buttons[0])

    assert "grow:mentoring" in keys(view)
    assert context.services.decisions.list_for(person_id(context)) == []
    assert not view.hidden_list.isVisible()


def test_keyboard_focus_moves_to_the_next_card_after_an_answer(
    qtbot: QtBot, view: NextStepsView
) -> None:
    third = view.cards[2]
    view.scroll_area.ensureWidgetVisible(third.dismiss_button)
    third.dismiss_button.setFocus()
    dismissed = third.suggestion.key

    qtbot.keyClick(third.dismiss_button, Qt.Key.Key_Space)

    assert dismissed not in keys(view)
    assert QApplication.focusWidget() is view.cards[2].accept_button


def test_the_budget_changes_the_plan_and_date_and_is_stored_on_the_person(
    qtbot: QtBot, view: NextStepsView, context: ViewContext
) -> None:
    box = view.panel.hours_box
    assert box.value() == 6.0
    before = view.panel.date_label.text()
    assert before == "Around June 2029"
    weeks_before = len(view.result.weeks) if view.result else 0

    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "12")
    qtbot.keyClick(box, Qt.Key.Key_Return)

    assert view.result is not None and view.result.hours_per_week == 12.0
    assert view.panel.date_label.text() != before
    assert "At 12 h a week you reach Senior ML developer" in view.panel.projection_label.text()
    assert view.result.projection.reached_on is not None
    assert view.result.projection.reached_on < date(2029, 6, 1)
    assert len(view.result.weeks) != weeks_before or view.result.weeks[0].items
    qtbot.waitUntil(
        lambda: context.services.people.get(person_id(context)).weekly_hours == 12.0, timeout=3000
    )
    assert box.value() == 12.0  # the reload after saving keeps the new figure

    context.operations.undo_stack.undo()

    assert context.services.people.get(person_id(context)).weekly_hours == 6.0
    assert box.value() == 6.0 and view.panel.date_label.text() == before


def test_alt_w_reaches_the_weekly_budget(qtbot: QtBot, view: NextStepsView) -> None:
    label = next(w for w in view.panel.findChildren(QLabel) if w.buddy() is view.panel.hours_box)
    assert label.text() == "&Weekly budget"  # Alt+W: not taken by the menus (Alt+H is Help)
    view.cards[0].accept_button.setFocus()

    qtbot.keyClick(view, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)

    assert view.panel.hours_box.hasFocus()


def test_open_goal_shows_the_goal_concerned(qtbot: QtBot, view: NextStepsView) -> None:
    seen: list[str] = []

    def look_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, GoalDialog)
        seen.append(dialog.title_edit.text())
        dialog.reject()

    QTimer.singleShot(0, look_and_close)
    click(qtbot, view, view.cards[0].accept_button)

    assert seen == ["Start a monthly ML reading group"]


def test_user_text_on_a_card_stays_plain(
    qtbot: QtBot, view: NextStepsView, context: ViewContext
) -> None:
    title = '<b>Ship</b><img src="file:///etc/passwd">'
    context.operations.create_goal(
        person_id(context),
        GoalDraft(
            title, competencies=(GoalCompetencyDraft("mentoring", 4),), status=GoalStatus.ACTIVE
        ),
    )
    shown = next(
        c for c in view.cards if c.suggestion.kind is SuggestionKind.GOAL_WITHOUT_MILESTONES
    )
    assert shown.title.text() == f"Add milestones to “{title}”"
    assert shown.title.textFormat() == Qt.TextFormat.PlainText


def test_wide_windows_put_the_plan_beside_the_cards(qtbot: QtBot, view: NextStepsView) -> None:
    assert not view.side_scroll.isVisible()
    assert view.weeks_panel.y() > view.cards[-1].y()  # narrow: the plan follows the cards
    view.resize(1740, 1000)
    qtbot.waitUntil(view.side_scroll.isVisible)
    assert view.panel.parentWidget() is view.side and view.side_scroll.isVisible()
    first = view.cards[0]
    right_edge = first.mapTo(view, QPoint(first.width(), 0)).x()
    assert view.weeks_panel.mapTo(view, QPoint(0, 0)).x() > right_edge


def test_the_view_follows_the_palette(qtbot: QtBot, view: NextStepsView) -> None:
    light = view.styleSheet()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.palette()
    try:
        app.setPalette(dark_palette())
        qtbot.waitUntil(lambda: view.styleSheet() != light)
        assert "#1e1e1e" in view.styleSheet()  # the dark base colour behind the cards
    finally:
        app.setPalette(original)
    qtbot.waitUntil(lambda: view.styleSheet() == light)


def test_dashboard_shows_the_top_three(qtbot: QtBot, context: ViewContext) -> None:
    dashboard = DashboardView(context)
    show(qtbot, dashboard)
    expected = next_steps_for(context.services, person_id(context))

    slot = dashboard.findChild(QFrame, "nextStepsSlot")

    assert slot is dashboard.next_steps_slot and slot.isVisible()
    titles = [label.text() for label in dashboard.top_next_steps.titles]
    assert titles == [s.title for s in expected.suggestions[:3]]
    hint = f"{len(expected.suggestions) - 3} more in Next steps (Ctrl+6)"
    assert any(hint in label.text() for label in slot.findChildren(QLabel))

    context.operations.create_goal(
        person_id(context),
        GoalDraft(
            "Mentor two juniors",
            competencies=(GoalCompetencyDraft("mentoring", 4),),
            status=GoalStatus.ACTIVE,
            milestones=(),
        ),
    )
    titles = [label.text() for label in dashboard.top_next_steps.titles]
    assert "Mentoring: Mid-level → Senior" not in titles
    # Let the dashboard's charts finish the redraw the change queued before the view goes.
    QApplication.processEvents()


def test_ctrl_c_copies_the_focused_cards_text(qtbot: QtBot, view: NextStepsView) -> None:
    first = view.cards[0]
    first.accept_button.setFocus()
    QApplication.clipboard().clear()

    qtbot.keyClick(first.accept_button, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    copied = QApplication.clipboard().text()
    suggestion = first.suggestion
    assert copied.startswith(f"{suggestion.title}\n")
    assert f"Why: {suggestion.rationale}" in copied
    assert f"“{suggestion.source.quote}”" in copied


def test_the_views_share_the_advice_until_the_record_changes(
    qtbot: QtBot, context: ViewContext
) -> None:
    dashboard = DashboardView(context)
    show(qtbot, dashboard)
    view = NextStepsView(context)
    show(qtbot, view)
    shared = NextStepsCache.of(context.operations).advice(person_id(context))
    assert view.result is shared.result  # worked out once, for the Dashboard

    click(qtbot, view, card(view, "grow:mentoring").dismiss_button)

    assert "grow:mentoring" not in keys(view)
    assert view.result is not shared.result
    assert dashboard.top_next_steps.titles  # the Dashboard read the new advice as well
    fresh = next_steps_for(context.services, person_id(context))
    assert [t.text() for t in dashboard.top_next_steps.titles] == [
        s.title for s in fresh.suggestions[:3]
    ]


def test_a_new_day_is_read_again(qtbot: QtBot, view: NextStepsView, clock: FixedClock) -> None:
    assert view.result is not None and view.result.today == TODAY
    clock.moment += timedelta(days=1)

    view.panel.hours_box.setValue(view.panel.hours_box.value() + 1)

    assert view.result.today == TODAY + timedelta(days=1)
