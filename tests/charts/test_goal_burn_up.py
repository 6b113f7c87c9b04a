"""Goal burn-up: steps of goals created and done, with the open and dropped counts."""

from __future__ import annotations

from datetime import date

from planner.analysis.chart_data import goal_burn_up
from planner.charts.date_axis import date_of
from planner.charts.figure_style import message_of
from planner.charts.goal_burn_up import build_goal_burn_up, note_text
from planner.charts.theme import ChartTheme
from planner.services.learning_aggregates import DayCount, GoalCounts
from tests.charts.conftest import draw


def counts(dropped: int = 1) -> GoalCounts:
    return GoalCounts(
        created=(DayCount(date(2026, 2, 1), 2), DayCount(date(2026, 3, 1), 1)),
        done=(DayCount(date(2026, 4, 15), 2),),
        created_before=1,
        done_before=0,
        dropped=dropped,
    )


def test_steps_of_created_and_done(theme: ChartTheme) -> None:
    data = goal_burn_up(counts(), date(2026, 1, 1), date(2026, 6, 30))
    figure = build_goal_burn_up(data, theme)
    draw(figure)
    lines = {line.get_gid(): line for line in figure.axes[0].get_lines()}
    created, done = lines["created"], lines["done"]
    days = [
        date(2026, 1, 1),
        date(2026, 2, 1),
        date(2026, 3, 1),
        date(2026, 4, 15),
        date(2026, 6, 30),
    ]
    assert [date_of(float(x)) for x in created.get_xdata()] == days
    assert list(created.get_ydata()) == [1, 3, 4, 4, 4]
    assert list(done.get_ydata()) == [0, 0, 0, 2, 2]
    assert created.get_drawstyle() == "steps-post"
    assert [t.get_text() for t in figure.axes[0].get_legend().get_texts()] == [
        "Goals created",
        "Goals done",
    ]
    title = figure.axes[0].get_title(loc="left")
    assert title == note_text(data) == "2 of 4 goals done · 2 open · 1 dropped goal not counted"


def test_a_single_goal_created_today() -> None:
    day = date(2026, 11, 21)
    data = goal_burn_up(GoalCounts((DayCount(day, 1),), (), 0, 0, 0), day, day)
    figure = build_goal_burn_up(data)
    draw(figure)
    low, high = figure.axes[0].get_xlim()
    assert (high - low) >= 30  # one day is shown within a readable span
    assert note_text(data) == "0 of 1 goals done · 1 open"


def test_no_goals_is_an_empty_state() -> None:
    day = date(2026, 11, 21)
    figure = build_goal_burn_up(goal_burn_up(GoalCounts((), (), 0, 0, 0), day, day))
    draw(figure)
    message = message_of(figure)
    assert message is not None and message.startswith("No goals yet")
