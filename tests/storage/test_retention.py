"""Retention keeps 7 daily, 4 weekly and 12 monthly copies, checked against an injected clock."""

from __future__ import annotations

from datetime import datetime, timedelta

from planner.storage.retention import RetentionPolicy, select_kept

START = datetime(2025, 1, 1, 9, 30)


def simulate_daily_backups(days: int) -> tuple[list[datetime], datetime]:
    """Take one copy a day and prune after each, as the program does; the kept times and now."""
    kept: list[datetime] = []
    now = START
    for day in range(days):
        now = START + timedelta(days=day)
        kept = select_kept([*kept, now], lambda t: t, now)
    return kept, now


def test_two_years_of_daily_copies_end_as_7_daily_4_weekly_12_monthly() -> None:
    kept, now = simulate_daily_backups(730)

    assert len(kept) == 7 + 4 + 12
    assert kept == sorted(kept, reverse=True)  # newest first
    assert kept[:7] == [now - timedelta(days=n) for n in range(7)]
    older = kept[7:]
    # Weekly: the newest copy (a Sunday) of each of the 4 weeks before the daily ones.
    weekly = [t for t in older if t.weekday() == 6 and now - t < timedelta(days=7 + 4 * 7)]
    # Monthly: the newest copy (the last day) of each of 12 months.
    monthly = [t for t in older if (t + timedelta(days=1)).day == 1]
    assert len(weekly) == 4 and len({t.isocalendar()[:2] for t in weekly}) == 4
    assert len(monthly) == 12 and len({(t.year, t.month) for t in monthly}) == 12
    assert set(weekly) | set(monthly) == set(older)
    assert min(kept) == datetime(2025, 12, 31, 9, 30)  # a year back, no further


def test_a_short_history_is_kept_whole() -> None:
    kept, _ = simulate_daily_backups(5)
    assert len(kept) == 5


def test_a_year_away_still_leaves_the_last_copies() -> None:
    kept, now = simulate_daily_backups(60)
    much_later = now + timedelta(days=400)
    after_absence = select_kept(kept, lambda t: t, much_later)
    assert after_absence[0] == now  # the newest copy survives any gap
    assert len(after_absence) == len(kept)  # periods are counted among copies, not back from now


def test_everything_from_the_last_day_is_kept() -> None:
    now = datetime(2026, 11, 21, 12, 0)
    burst = [now - timedelta(minutes=5 * n) for n in range(30)]  # imports and restores today
    yesterday = now - timedelta(hours=23)
    older = now - timedelta(days=3)
    kept = select_kept([*burst, yesterday, older], lambda t: t, now)
    assert set(burst) <= set(kept)
    assert yesterday in kept and older in kept


def test_copies_dated_after_now_are_kept() -> None:
    now = datetime(2026, 11, 21, 12, 0)
    future = [now + timedelta(days=n) for n in range(1, 40)]
    kept = select_kept(future, lambda t: t, now, RetentionPolicy(daily=1, weekly=0, monthly=0))
    assert len(kept) == len(future)


def test_within_a_day_only_the_newest_copy_counts_as_that_days() -> None:
    now = datetime(2026, 11, 21, 12, 0)
    policy = RetentionPolicy(keep_all_within=timedelta(0))
    day_before = [datetime(2026, 11, 20, hour) for hour in (8, 12, 18)]
    kept = select_kept(day_before, lambda t: t, now, policy)
    assert kept == [datetime(2026, 11, 20, 18)]
