"""The projection and efforts in words, shared by the window, the command line and the plan."""

from __future__ import annotations

from datetime import date

from planner.analysis.next_steps.model import Projection

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def effort_text(hours: float) -> str:
    """E.g. "30 min", "2 h", "7.5 h"."""
    if hours < 1:
        return f"{round(hours * 60)} min"
    rounded = round(hours * 2) / 2
    return f"{rounded:.0f} h" if rounded == int(rounded) else f"{rounded:.1f} h"


def month_text(day: date) -> str:
    """E.g. "June 2029" (a projection is not precise to the day)."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def projected_date_text(projection: Projection) -> str:
    """The headline: "around June 2029", "reached", or "rate yourself first"."""
    if projection.reached_on is None or projection.weeks is None:
        return "no date yet: rate yourself first"
    if projection.weeks == 0:
        return "every target is met"
    return f"around {month_text(projection.reached_on)}"


def projection_sentences(projection: Projection) -> list[str]:
    """A few sentences on when the target is reached at the budget, and against the target date."""
    if projection.reached_on is None or projection.weeks is None:
        return ["No projected date yet: record an assessment first, so the gaps can be measured."]
    if projection.weeks == 0:
        return [f"Every target of {projection.profile_name} is met."]
    budget = effort_text(projection.hours_per_week)
    sentences = [
        f"At {budget} a week you reach {projection.profile_name} around"
        f" {month_text(projection.reached_on)}: {projection.weeks} weeks for about"
        f" {projection.remaining_hours:.0f} h of work, by the activity catalogue's estimates."
    ]
    target = projection.target_date
    needed = projection.hours_per_week_for_target_date
    if target is not None and needed is not None:
        if projection.on_track:
            sentences.append(f"That is before your target date, {target.isoformat()}.")
        else:
            sentences.append(
                f"Your target date, {target.isoformat()}, needs about {effort_text(needed)} a week."
            )
    elif target is not None:
        sentences.append(f"Your target date, {target.isoformat()}, has passed; set a new one.")
    if projection.logged_hours_per_week > 0:
        sentences.append(
            f"Over the last 90 days you logged {effort_text(projection.logged_hours_per_week)}"
            " a week."
        )
    return sentences
