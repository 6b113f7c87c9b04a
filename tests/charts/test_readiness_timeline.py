"""Readiness over time: the points, the fitted pace, the marked dates, and the hover value."""

from __future__ import annotations

from datetime import date

import pytest
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from planner.analysis.chart_data import ReadinessTimeline, readiness_timeline
from planner.charts.date_axis import date_of, day_number
from planner.charts.figure_style import message_of
from planner.charts.readiness_timeline import (
    MAX_LOOKAHEAD_DAYS,
    build_readiness_timeline,
    value_under_mouse,
    x_limits,
)
from planner.charts.theme import ChartTheme
from planner.services.learning_aggregates import AssessmentScore
from planner.vocabulary import RaterKind
from tests.charts.conftest import draw, extents

TODAY = date(2026, 11, 21)


def timeline(
    points: list[tuple[date, int]], target_date: date | None = date(2027, 6, 30)
) -> ReadinessTimeline:
    scores = [
        AssessmentScore(
            i + 1,
            day,
            RaterKind.MENTOR if i == 1 else RaterKind.SELF,
            "Priya Shah" if i == 1 else None,
            reached,
        )
        for i, (day, reached) in enumerate(points)
    ]
    return readiness_timeline(
        scores,
        100,
        subject="Overall",
        profile_name="Senior ML developer",
        target_date=target_date,
        today=TODAY,
    )


# 50% on 2026-01-01, 60% after 100 days, 70% after 200: 100% on day 500 (2027-05-16).
STEADY = [(date(2026, 1, 1), 50), (date(2026, 4, 11), 60), (date(2026, 7, 20), 70)]


def line(figure: Figure, gid: str) -> Line2D:
    return next(ln for ln in figure.axes[0].get_lines() if ln.get_gid() == gid)


def xs(artist: Line2D) -> list[date]:
    return [date_of(float(x)) for x in artist.get_xdata()]


def test_points_trend_and_projection(theme: ChartTheme) -> None:
    data = timeline(STEADY)
    figure = build_readiness_timeline(data, theme)
    draw(figure)
    readiness = line(figure, "readiness")
    assert xs(readiness) == [day for day, _ in STEADY]
    assert list(readiness.get_ydata()) == pytest.approx([0.5, 0.6, 0.7])
    mentor = line(figure, "mentor-points")
    assert xs(mentor) == [date(2026, 4, 11)]
    trend = line(figure, "trend")
    assert xs(trend) == [date(2026, 1, 1), date(2027, 5, 16)]
    assert list(trend.get_ydata()) == pytest.approx([0.5, 1.0])
    projected = line(figure, "projected")
    assert xs(projected) == [date(2027, 5, 16)] and list(projected.get_ydata()) == [1.0]
    assert xs(line(figure, "target-date")) == [date(2027, 6, 30)] * 2
    assert list(line(figure, "target-level").get_ydata()) == [1.0, 1.0]
    assert figure.axes[0].get_title(loc="left").replace("\n", " ") == (
        "At the current pace (+3.0 points a month): 100% around May 2027,"
        " before the target date (June 2027)."
    )
    legend = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert legend == ["Readiness", "Mentor rating", "Trend at the current pace"]


def test_one_assessment_draws_no_line_and_says_why() -> None:
    figure = build_readiness_timeline(timeline([(date(2026, 10, 1), 40)]))
    draw(figure)
    gids = {ln.get_gid() for ln in figure.axes[0].get_lines()}
    assert "readiness" in gids
    assert "trend" not in gids and "projected" not in gids
    title = figure.axes[0].get_title(loc="left").replace("\n", " ")
    assert title.startswith("Not enough data for a forecast yet")


def test_no_assessment_is_an_empty_state() -> None:
    figure = build_readiness_timeline(timeline([]))
    draw(figure)
    message = message_of(figure)
    assert message is not None and message.startswith("No assessment yet")


def test_falling_readiness_has_a_trend_but_no_date() -> None:
    figure = build_readiness_timeline(timeline([(date(2026, 1, 1), 60), (date(2026, 6, 1), 50)]))
    draw(figure)
    gids = {ln.get_gid() for ln in figure.axes[0].get_lines()}
    assert "trend" in gids and "projected" not in gids
    assert "not rising" in figure.axes[0].get_title(loc="left").replace("\n", " ")


def test_a_far_projection_does_not_squash_the_history() -> None:
    # 10 points in 200 days: 100% in 1,600 more days (2031), past the look-ahead.
    data = timeline([(date(2026, 1, 1), 10), (date(2026, 7, 20), 20)], target_date=None)
    assert data.forecast.projected_on == date(2030, 12, 6)
    _start, end = x_limits(data)
    assert end < data.forecast.projected_on
    assert (end - TODAY).days <= MAX_LOOKAHEAD_DAYS + 60
    figure = build_readiness_timeline(data)
    draw(figure)
    assert xs(line(figure, "trend"))[-1] <= end
    notes = [t.get_text() for t in figure.axes[0].texts]
    assert "100% around December 2030 →" in notes


def test_ten_years_of_assessments() -> None:
    points = [(date(2016 + i // 4, 1 + 3 * (i % 4), 15), 20 + i) for i in range(40)]
    figure = build_readiness_timeline(timeline(points))
    draw(figure)
    assert len(line(figure, "readiness").get_xdata()) == 40
    low, high = figure.axes[0].get_xlim()
    assert date_of(low) < date(2016, 1, 15) and date_of(high) > date(2026, 10, 15)


def test_compact_has_no_legend_or_line_labels() -> None:
    figure = build_readiness_timeline(timeline(STEADY), compact=True)
    draw(figure)
    assert figure.axes[0].get_legend() is None
    assert [t.get_text() for t in figure.axes[0].texts] == []
    assert figure.axes[0].get_title(loc="left").startswith("At the current pace")


def test_value_under_the_mouse() -> None:
    data = timeline(STEADY)
    figure = build_readiness_timeline(data, size=(7.2, 3.6))
    draw(figure)
    ax = figure.axes[0]
    x, y = ax.transData.transform((day_number(date(2026, 4, 11)), 0.6))
    found = value_under_mouse(figure, data, float(x) + 5, float(y) + 40)  # near in x is enough
    assert found is not None and found.point is data.points[1]
    assert found.text == "2026-04-11 · Readiness 60% · Priya Shah"
    # After the last assessment the trend answers: 2027-01-07 is day 371, 0.5 + 0.371.
    x, y = ax.transData.transform((day_number(date(2027, 1, 7)), 0.5))
    later = value_under_mouse(figure, data, float(x), float(y))
    assert later is not None and later.point is None
    assert later.text == "2027-01-07 · at the current pace 87%"
    # Outside the plot there is nothing to read.
    assert value_under_mouse(figure, data, 1.0, 1.0) is None


@pytest.mark.parametrize("target", [date(2027, 3, 1), date(2026, 6, 1), date(2028, 6, 1)])
def test_today_and_target_date_labels_never_collide(target: date) -> None:
    points = [(date(2016 + i, 6, 1), 20 + 5 * i) for i in range(10)]
    figure = build_readiness_timeline(timeline(points, target_date=target), size=(7.2, 3.0))
    (today,) = extents(figure, "today-label")
    (due,) = extents(figure, "target-date-label")
    assert not today.overlaps(due)
    for box in (today, due):
        assert box.x0 >= 0 and box.x1 <= figure.bbox.width
