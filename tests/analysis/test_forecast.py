"""The readiness forecast: a least-squares line, worked out by hand for small cases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from planner.analysis.forecast import (
    HORIZON_YEARS,
    ForecastStatus,
    TrendLine,
    fit_trend,
    forecast,
    month_name,
)

DAY0 = date(2026, 1, 1)


def on(days: int) -> date:
    return DAY0 + timedelta(days=days)


def test_two_points_give_their_own_line() -> None:
    # 50% on day 0 and 60% on day 100: 0.1 points per 100 days, 100% on day 500.
    result = forecast([(on(0), 0.5), (on(100), 0.6)])
    assert result.status is ForecastStatus.PROJECTED
    assert result.trend is not None
    assert result.trend.intercept == pytest.approx(0.5)
    assert result.trend.slope_per_day == pytest.approx(0.001)
    assert result.projected_on == date(2027, 5, 16)  # 2026-01-01 + 500 days
    assert result.latest == 0.6


def test_three_points_least_squares() -> None:
    # x = 0, 10, 20; y = 0.4, 0.6, 0.5. Means 10 and 0.5; Sxy = (-10)(-0.1) + 0 + 10(0) = 1,
    # Sxx = 200, so the slope is 0.005 a day and the intercept 0.5 - 0.05 = 0.45.
    # 1.0 = 0.45 + 0.005 x gives x = 110.
    trend = fit_trend([(on(0), 0.4), (on(10), 0.6), (on(20), 0.5)])
    assert trend is not None and trend.origin == DAY0
    assert trend.intercept == pytest.approx(0.45)
    assert trend.slope_per_day == pytest.approx(0.005)
    assert trend.value_at(on(30)) == pytest.approx(0.6)
    result = forecast([(on(20), 0.5), (on(0), 0.4), (on(10), 0.6)])  # order does not matter
    assert result.projected_on == on(110)


def test_pace_in_points_a_month() -> None:
    # 0.001 a day is 0.1 percentage points a day; a month is 365.25 / 12 = 30.4375 days.
    trend = TrendLine(DAY0, 0.5, 0.001)
    assert trend.points_per_month == pytest.approx(3.04375)


@pytest.mark.parametrize(
    "points",
    [
        [],
        [(DAY0, 0.4)],
        [(DAY0, 0.4), (DAY0, 0.6)],  # two assessments on one day: no pace to see
    ],
)
def test_not_enough_data(points: list[tuple[date, float]]) -> None:
    result = forecast(points)
    assert result.status is ForecastStatus.NOT_ENOUGH_DATA
    assert result.trend is None and result.projected_on is None
    assert "Not enough data" in result.summary()


def test_flat_or_falling_readiness_projects_no_date() -> None:
    flat = forecast([(on(0), 0.5), (on(30), 0.5)])
    falling = forecast([(on(0), 0.6), (on(30), 0.5)])
    for result in (flat, falling):
        assert result.status is ForecastStatus.NOT_IMPROVING
        assert result.projected_on is None
    assert falling.trend is not None
    assert falling.trend.slope_per_day == pytest.approx(-0.1 / 30)
    assert "not rising" in falling.summary()


def test_reached_target_needs_no_forecast() -> None:
    result = forecast([(on(0), 0.8), (on(40), 1.0)])
    assert result.status is ForecastStatus.REACHED
    assert result.projected_on is None
    assert result.summary() == "Target profile reached: readiness is at 100%."
    # One assessment at the goal is enough to say so.
    assert forecast([(on(0), 1.0)]).status is ForecastStatus.REACHED


def test_a_very_slow_pace_is_beyond_the_horizon() -> None:
    # 1 point a year from 10%: 89 years to go.
    result = forecast([(on(0), 0.10), (on(365), 0.11)])
    assert result.status is ForecastStatus.BEYOND_HORIZON
    assert result.projected_on is None
    assert f"more than {HORIZON_YEARS} years" in result.summary()


def test_a_line_already_past_the_goal_projects_the_latest_day() -> None:
    # x = 0, 10, 20; y = 0.5, 0.98, 0.95: mean y 0.81, Sxy = 3.1 + 1.4 = 4.5, slope
    # 4.5 / 200 = 0.0225, intercept 0.81 - 0.225 = 0.585; the line reaches 1.0 on day
    # 18, before the last point, which is still below 100%: "about now", its day.
    result = forecast([(on(0), 0.5), (on(10), 0.98), (on(20), 0.95)])
    assert result.status is ForecastStatus.PROJECTED
    assert result.projected_on == on(20)


def test_summary_compares_with_the_target_date() -> None:
    result = forecast([(on(0), 0.5), (on(100), 0.6)])  # 100% on 2027-05-16
    assert result.summary() == ("At the current pace (+3.0 points a month): 100% around May 2027.")
    assert result.summary(date(2027, 9, 30)).endswith(
        "100% around May 2027, before the target date (September 2027)."
    )
    assert result.summary(date(2027, 1, 31)).endswith("after the target date (January 2027).")


def test_month_name() -> None:
    assert month_name(date(2028, 2, 14)) == "February 2028"
