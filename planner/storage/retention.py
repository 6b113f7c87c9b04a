"""Which backups to keep: the newest of each of 7 days, 4 weeks and 12 months, like borg's prune.

Periods are counted among the backups that exist, not back from today, so a person
who does not open the program for a year still finds their last copies. A period
only counts for a rule when its newest copy is not already kept by a finer rule,
so a long daily history ends as 7 daily, 4 weekly and 12 monthly copies. On top of
that everything from the last day is kept (undoing a restore must never lose the
copy the restore made), and so is anything dated after "now" (a clock that jumped
back cannot tell how old it is). Times are naive UTC, as backup names are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class RetentionPolicy:
    """How many periods of each length to keep, and how long to keep everything."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    keep_all_within: timedelta = timedelta(days=1)


DEFAULT_POLICY = RetentionPolicy()


def _day(moment: datetime) -> tuple[int, ...]:
    return (moment.year, moment.month, moment.day)


def _week(moment: datetime) -> tuple[int, ...]:
    iso = moment.isocalendar()
    return (iso.year, iso.week)


def _month(moment: datetime) -> tuple[int, ...]:
    return (moment.year, moment.month)


def select_kept(
    items: Sequence[T],
    taken_at: Callable[[T], datetime],
    now: datetime,
    policy: RetentionPolicy = DEFAULT_POLICY,
) -> list[T]:
    """The items to keep, newest first; every other item may be deleted."""
    newest_first = sorted(items, key=taken_at, reverse=True)
    kept: set[int] = set()
    rules = ((policy.daily, _day), (policy.weekly, _week), (policy.monthly, _month))
    for count, period_of in rules:
        chosen = 0
        last_period: tuple[int, ...] | None = None
        for index, item in enumerate(newest_first):
            if chosen >= count:
                break
            period = period_of(taken_at(item))
            if period == last_period:
                continue
            last_period = period
            if index not in kept:
                kept.add(index)
                chosen += 1
    for index, item in enumerate(newest_first):
        moment = taken_at(item)
        if moment > now or now - moment < policy.keep_all_within:
            kept.add(index)
    return [item for index, item in enumerate(newest_first) if index in kept]
