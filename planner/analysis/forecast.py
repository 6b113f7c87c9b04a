"""When will the target be reached at the current pace? A straight-line fit over readiness.

The pace is the slope of the least-squares line through every (date, readiness)
point: with points at day 0 = 40%, day 10 = 60% and day 20 = 50% the line is
45% + 0.5 points a day, so 100% is reached on day 110. The projection is only made
when it can be honest:

* fewer than two points, or all on one day: not enough data to see a pace;
* the latest readiness already at the goal: reached;
* a flat or falling line: no date, since at this pace the goal is never reached;
* a date further out than :data:`HORIZON_YEARS`: said so, rather than a silly date.

A line that says the goal was already passed while the latest point is still
below it projects the latest point's date: the pace says "about now".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

HORIZON_YEARS = 25
DAYS_PER_MONTH = 365.25 / 12


class ForecastStatus(Enum):
    """What the forecast could say."""

    NOT_ENOUGH_DATA = "not_enough_data"
    REACHED = "reached"
    NOT_IMPROVING = "not_improving"
    PROJECTED = "projected"
    BEYOND_HORIZON = "beyond_horizon"


@dataclass(frozen=True)
class TrendLine:
    """``value = intercept + slope_per_day * (day - origin)``."""

    origin: date
    intercept: float
    slope_per_day: float

    def value_at(self, day: date) -> float:
        """The line's value on ``day``."""
        return self.intercept + self.slope_per_day * (day - self.origin).days

    def day_reaching(self, value: float) -> date | None:
        """The first day the line reaches ``value`` (None when it never rises)."""
        if self.slope_per_day <= 0:
            return None
        days = (value - self.intercept) / self.slope_per_day
        return self.origin + timedelta(days=round(days))

    @property
    def points_per_month(self) -> float:
        """The pace in percentage points a month."""
        return self.slope_per_day * DAYS_PER_MONTH * 100


@dataclass(frozen=True)
class Forecast:
    """The fitted pace and what it says about reaching ``goal``."""

    status: ForecastStatus
    goal: float
    trend: TrendLine | None = None
    projected_on: date | None = None
    latest: float | None = None

    def summary(self, target_date: date | None = None) -> str:
        """One sentence for a chart or a plan, e.g. "At the current pace: 100% by May 2027."."""
        goal = f"{round(self.goal * 100)}%"
        if self.status is ForecastStatus.NOT_ENOUGH_DATA:
            return "Not enough data for a forecast yet: it needs assessments on two dates."
        if self.status is ForecastStatus.REACHED:
            return f"Target profile reached: readiness is at {goal}."
        assert self.trend is not None
        pace = f"{self.trend.points_per_month:+.1f} points a month"
        if self.status is ForecastStatus.NOT_IMPROVING:
            return f"Readiness is not rising ({pace}): no date can be projected at this pace."
        if self.status is ForecastStatus.BEYOND_HORIZON:
            return f"At the current pace ({pace}) {goal} is more than {HORIZON_YEARS} years away."
        assert self.projected_on is not None
        text = f"At the current pace ({pace}): {goal} around {month_name(self.projected_on)}"
        if target_date is None:
            return text + "."
        verdict = "before" if self.projected_on <= target_date else "after"
        return f"{text}, {verdict} the target date ({month_name(target_date)})."


def month_name(day: date) -> str:
    """E.g. "May 2027"."""
    return day.strftime("%B %Y")


def fit_trend(points: Sequence[tuple[date, float]]) -> TrendLine | None:
    """The least-squares line through ``points`` (None with fewer than two distinct days)."""
    if len({day for day, _value in points}) < 2:
        return None
    origin = min(day for day, _value in points)
    xs = [float((day - origin).days) for day, _value in points]
    ys = [value for _day, value in points]
    mean_x = sum(xs) / len(xs)
    mean_y = sum(ys) / len(ys)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    slope = sxy / sxx
    return TrendLine(origin, mean_y - slope * mean_x, slope)


def forecast(points: Sequence[tuple[date, float]], goal: float = 1.0) -> Forecast:
    """When ``points`` (date, readiness 0..1) reach ``goal`` at their fitted pace."""
    ordered = sorted(points)
    latest = ordered[-1][1] if ordered else None
    if latest is not None and latest >= goal:
        return Forecast(ForecastStatus.REACHED, goal, fit_trend(ordered), None, latest)
    trend = fit_trend(ordered)
    if trend is None:
        return Forecast(ForecastStatus.NOT_ENOUGH_DATA, goal, None, None, latest)
    reached = trend.day_reaching(goal)
    if reached is None:
        return Forecast(ForecastStatus.NOT_IMPROVING, goal, trend, None, latest)
    last_day = ordered[-1][0]
    if (reached - last_day).days > HORIZON_YEARS * 365.25:
        return Forecast(ForecastStatus.BEYOND_HORIZON, goal, trend, None, latest)
    return Forecast(ForecastStatus.PROJECTED, goal, trend, max(reached, last_day), latest)
