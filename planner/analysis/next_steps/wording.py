"""How figures are put into words in titles and rationales, the same way everywhere."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from planner.framework.schema import Framework


def hours(value: float) -> str:
    """E.g. "6 h", "12.5 h"."""
    rounded = round(value * 2) / 2
    text = f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"
    return f"{text} h"


def level(framework: Framework, number: int) -> str:
    """E.g. "level 3 (Mid-level)"."""
    try:
        return f"level {number} ({framework.scale.name_of(number)})"
    except IndexError:
        return f"level {number}"


def level_name(framework: Framework, number: int) -> str:
    """E.g. "Mid-level" (or "level 7" off the scale)."""
    try:
        return framework.scale.name_of(number)
    except IndexError:
        return f"level {number}"


def span(days: int) -> str:
    """A stretch of time the way people say it: "62 days", "5 months", "over a year"."""
    if days < 90:
        return f"{days} day{'s' if days != 1 else ''}"
    months = round(days / 30.44)
    if months < 12:
        return f"{months} months"
    years, rest = divmod(months, 12)
    if years == 1 and rest == 0:
        return "a year"
    if years == 1:
        return f"a year and {rest} month{'s' if rest != 1 else ''}"
    return f"{years} years" if rest < 6 else f"over {years} years"


def since(day: date, today: date) -> str:
    """E.g. "2026-06-15, 5 months ago"."""
    return f"{day.isoformat()}, {span((today - day).days)} ago"


def names(items: Sequence[str]) -> str:
    """E.g. "A", "A and B", "A, B and C"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def technical_standing(readiness: float) -> str:
    """E.g. "at 83% of target", or "at target"."""
    return "at target" if readiness >= 1 else f"at {percent(readiness)} of target"


def percent(share: float) -> str:
    """E.g. "83%"."""
    return f"{round(share * 100)}%"


def quoted(title: str) -> str:
    """A user's title in typographic quotes."""
    return f"“{title}”"
