"""Small figures about the learning log: hours this month against the usual pace.

"The last three months" are the three whole calendar months before the current one,
so on 21 November they are August, September and October. A month with nothing
logged counts as 0 h. Months that ended before the person started planning
(``tracking_since``) are left out of the average, so a newcomer is not compared with
empty months from before they began; with no such month there is no average yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

COMPARED_MONTHS = 3


@dataclass(frozen=True)
class MonthlyHours:
    """Hours logged this month and the monthly average of the months before it."""

    this_month: float
    average: float | None
    months_averaged: int

    def summary(self) -> str:
        """E.g. "12.5 h this month · 9.0 h/month over the last 3 months"."""
        text = f"{self.this_month:.1f} h this month"
        if self.average is None:
            return f"{text} · no earlier month to compare with yet"
        months = "month" if self.months_averaged == 1 else f"{self.months_averaged} months"
        return f"{text} · {self.average:.1f} h/month over the last {months}"


def month_start(day: date, months_back: int = 0) -> date:
    """The first day of ``day``'s month, ``months_back`` calendar months earlier."""
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def comparison_start(today: date, months: int = COMPARED_MONTHS) -> date:
    """The earliest day :func:`monthly_hours` looks at (to fetch only those entries)."""
    return month_start(today, months)


def monthly_hours(
    entries: Iterable[tuple[date, float]],
    today: date,
    tracking_since: date | None = None,
    months: int = COMPARED_MONTHS,
) -> MonthlyHours:
    """Hours of this month up to ``today``, and the average of the ``months`` before it.

    ``entries`` are (completed on, hours) pairs; those outside the window are ignored.
    """
    this_start = month_start(today)
    window_start = month_start(today, months)
    first_counted = window_start
    if tracking_since is not None:
        first_counted = max(window_start, month_start(tracking_since))
    this_month = 0.0
    earlier = 0.0
    for day, hours in entries:
        if this_start <= day <= today:
            this_month += hours
        elif first_counted <= day < this_start:
            earlier += hours
    counted = _months_between(first_counted, this_start)
    average = earlier / counted if counted > 0 else None
    return MonthlyHours(this_month, average, max(counted, 0))


def _months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month
