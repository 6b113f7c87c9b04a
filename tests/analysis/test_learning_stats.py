"""Hours this month against the monthly average of the three months before, by hand."""

from __future__ import annotations

from datetime import date

from planner.analysis.learning_stats import MonthlyHours, comparison_start, monthly_hours

TODAY = date(2026, 11, 21)
ENTRIES = [
    (date(2026, 11, 1), 2.0),
    (date(2026, 11, 21), 1.5),
    (date(2026, 11, 22), 9.0),  # after today: ignored
    (date(2026, 10, 31), 4.0),
    (date(2026, 9, 15), 3.0),
    (date(2026, 8, 1), 2.0),
    (date(2026, 7, 31), 100.0),  # before August: outside the three months
]


def test_this_month_and_the_three_months_before() -> None:
    figures = monthly_hours(ENTRIES, TODAY)
    # November: 2.0 + 1.5; August to October: (2.0 + 3.0 + 4.0) / 3.
    assert figures == MonthlyHours(this_month=3.5, average=3.0, months_averaged=3)
    assert figures.summary() == "3.5 h this month · 3.0 h/month over the last 3 months"


def test_empty_months_count_as_zero() -> None:
    figures = monthly_hours([(date(2026, 10, 3), 9.0)], TODAY)
    assert figures.average == 3.0  # 9 h in October, none in August or September
    assert figures.summary() == "0.0 h this month · 3.0 h/month over the last 3 months"


def test_months_before_tracking_began_are_left_out() -> None:
    # Started in mid-September: September and October count, (3.0 + 4.0) / 2.
    assert monthly_hours(ENTRIES, TODAY, date(2026, 9, 20)).summary() == (
        "3.5 h this month · 3.5 h/month over the last 2 months"
    )
    assert monthly_hours(ENTRIES, TODAY, date(2026, 10, 5)).summary() == (
        "3.5 h this month · 4.0 h/month over the last month"
    )
    # Started long ago: all three months count.
    assert monthly_hours(ENTRIES, TODAY, date(2020, 1, 1)).months_averaged == 3


def test_no_earlier_month_yet() -> None:
    figures = monthly_hours(ENTRIES, TODAY, date(2026, 11, 3))
    assert figures == MonthlyHours(3.5, None, 0)
    assert figures.summary() == "3.5 h this month · no earlier month to compare with yet"


def test_year_boundary() -> None:
    today = date(2027, 1, 10)
    assert comparison_start(today) == date(2026, 10, 1)
    entries = [(date(2026, 10, 1), 6.0), (date(2026, 12, 31), 3.0), (date(2027, 1, 10), 1.25)]
    assert monthly_hours(entries, today) == MonthlyHours(1.25, 3.0, 3)
