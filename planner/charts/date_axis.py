"""Dates on a chart axis: conversion to matplotlib's day numbers and readable tick labels.

``matplotlib.dates`` has no type hints; its few calls are kept here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from matplotlib import dates as mdates
from matplotlib.axis import Axis


def day_number(day: date) -> float:
    """Matplotlib's number for ``day`` (days since its epoch)."""
    return float(mdates.date2num(day))  # type: ignore[no-untyped-call]


def date_of(number: float) -> date:
    """The day a matplotlib day number falls on."""
    moment = mdates.num2date(number)  # type: ignore[no-untyped-call]
    return date(moment.year, moment.month, moment.day)


def concise_dates(axis: Axis, minticks: int = 3, maxticks: int = 8) -> None:
    """Automatic date ticks labelled briefly ("Jul", "2026", "Oct")."""
    locator = mdates.AutoDateLocator(minticks=minticks, maxticks=maxticks)  # type: ignore[no-untyped-call]
    axis.set_major_locator(locator)
    formatter = mdates.ConciseDateFormatter(locator, show_offset=False)  # type: ignore[no-untyped-call]
    axis.set_major_formatter(formatter)


def yearly_ticks(axis: Axis) -> None:
    """A labelled tick each January, unlabelled ones each quarter."""
    axis.set_major_locator(mdates.YearLocator())  # type: ignore[no-untyped-call]
    axis.set_major_formatter(mdates.DateFormatter("%Y"))  # type: ignore[no-untyped-call]
    axis.set_minor_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))  # type: ignore[no-untyped-call]


def month_labels(months: Sequence[date], separator: str = " ") -> list[str]:
    """Short month names, with the year on each January (or on the first, if none follows).

    ``separator`` goes between month and year: a newline keeps narrow bars' labels apart.
    """
    january_later = any(m.month == 1 for m in months[1:])
    return [
        f"{m:%b}{separator}{m:%Y}" if m.month == 1 or (i == 0 and not january_later) else f"{m:%b}"
        for i, m in enumerate(months)
    ]
