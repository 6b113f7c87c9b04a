"""Words and figures shared by the printed, previewed and Markdown plans, so they read the same."""

from __future__ import annotations

from datetime import date

from planner.analysis.next_steps.summary import MONTHS
from planner.report.plan_model import Changes, Cover, GapRow, PlanGoal, PlanMilestone, PlanStep

DASH = "—"
SIGN_OFF_NOTE = (
    "To be completed in the review meeting by the mentor or manager who went through this plan."
)


def long_date(day: date) -> str:
    """E.g. "21 November 2026" (a printed plan is read by people, not parsed)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date | None, empty: str = DASH) -> str:
    """E.g. "21 Nov 2026", or ``empty`` when there is no date."""
    if day is None:
        return empty
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def month_year(day: date) -> str:
    """E.g. "February 2028" (forecasts are not precise to the day)."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def short_month_year(day: date) -> str:
    """E.g. "Feb 2028"."""
    return f"{MONTHS[day.month - 1][:3]} {day.year}"


def percent(share: float | None) -> str:
    """A share as a whole percentage, e.g. 0.657 -> "66%"."""
    return DASH if share is None else f"{round(share * 100)}%"


def hours(value: float) -> str:
    """E.g. "12.5 h", "3 h"."""
    text = f"{value:.1f}".removesuffix(".0")
    return f"{text} h"


def level_text(level: int | None, name: str) -> str:
    """E.g. "3 · Mid-level", or "Not rated"."""
    return name if level is None else f"{level} · {name}"


def gap_text(row: GapRow) -> str:
    """Levels still to go, or "Met"."""
    return "Met" if row.gap == 0 else str(row.gap)


def delta_text(before: int | None, after: int | None) -> str:
    """E.g. "+1", "−2", "new"."""
    if before is None:
        return "new"
    if after is None:
        return "not rated"
    change = after - before
    return f"+{change}" if change > 0 else f"−{-change}"


def rater_suffix(rater: str | None) -> str:
    """E.g. " (Self)" or " (Priya Shah)"."""
    return f" ({rater})" if rater else ""


def subtitle(cover: Cover) -> str:
    """E.g. "ML Engineer II · toward Senior ML developer"."""
    toward = f"toward {cover.profile_name}"
    return f"{cover.role} · {toward}" if cover.role else toward.capitalize()


def prepared_line(cover: Cover) -> str:
    """E.g. "Prepared 21 November 2026 · framework: Company ladder".

    The framework is named only when it is not also the target profile's name.
    """
    text = f"Prepared {long_date(cover.prepared_on)}"
    if cover.framework_name != cover.profile_name:
        text += f" · framework: {cover.framework_name}"
    return text


def readiness_line(cover: Cover) -> str:
    """How much of the target is reached, and on what evidence."""
    if cover.overall is None:
        return "No assessment yet: readiness appears after the first one."
    rated = f"{cover.rated} of {cover.total} competencies rated"
    when = short_date(cover.latest_assessment)
    return f"{percent(cover.overall)} of the way to {cover.profile_name} ({rated}, {when})"


def projection_text(cover: Cover) -> str:
    """The projected date, or why there is none."""
    if cover.projection.on is not None:
        return month_year(cover.projection.on)
    return cover.projection.text


def projection_figure(cover: Cover) -> tuple[str, str]:
    """The projected date and a note for the cover's figures (a dash and the reason)."""
    projection = cover.projection
    if projection.on is not None:
        return short_month_year(projection.on), projection.note or "at the current pace"
    return DASH, projection.note or projection.text


def changes_intro(changes: Changes) -> str:
    """The sentence that opens the changes section."""
    if changes.latest_on is None:
        return "No assessment yet: changes appear after the second one."
    if changes.previous_on is None:
        latest = short_date(changes.latest_on)
        return f"Only one assessment so far ({latest}); changes appear after the next one."
    previous = short_date(changes.previous_on) + rater_suffix(changes.previous_rater)
    latest = short_date(changes.latest_on) + rater_suffix(changes.latest_rater)
    return (
        f"From the assessment of {previous} to that of {latest}, readiness went from"
        f" {percent(changes.readiness_before)} to {percent(changes.readiness_after)}."
    )


def changes_activity(changes: Changes) -> str:
    """Learning and goals since the previous assessment, in one sentence."""
    if changes.previous_on is None:
        return ""
    since = short_date(changes.previous_on)
    entries = "entry" if changes.entries_logged == 1 else "entries"
    learning = f"{hours(changes.hours_logged)} of learning in {changes.entries_logged} {entries}"
    done = len(changes.goals_completed)
    if done == 0:
        return f"Since {since}: {learning}; no goal completed."
    goals = "goal" if done == 1 else "goals"
    return f"Since {since}: {learning} and {done} {goals} completed:"


def goal_status(goal: PlanGoal) -> str:
    """E.g. "Active", "Planned"."""
    return goal.status.value.capitalize()


def goal_due(goal: PlanGoal) -> str:
    """Due date, marked when overdue."""
    text = short_date(goal.due, "No due date")
    return f"{text} (overdue)" if goal.overdue else text


def milestone_line(milestone: PlanMilestone) -> str:
    """E.g. "Reading list for next quarter · due 3 Nov 2026" (without the box)."""
    if milestone.due is None:
        return milestone.text
    return f"{milestone.text} · due {short_date(milestone.due)}"


def shows_kind(step: PlanStep) -> bool:
    """Whether the step's kind adds anything (its title may already start with it)."""
    return bool(step.kind) and not step.title.casefold().startswith(step.kind.casefold())


def effort_text(value: float | None) -> str:
    """E.g. "about 6 h"."""
    return DASH if value is None else f"about {hours(value)}"
