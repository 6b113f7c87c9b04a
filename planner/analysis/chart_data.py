"""Plain series for the progress charts, made from records and the SQL aggregates.

Each chart gets one frozen value holding exactly what it draws, so chart builders
never compute and tests can pin a chart's content without drawing it. Conventions:

* An unrated competency is ``None`` in a radar series (drawn at 0, the way readiness
  counts it) so the chart can say it was not rated.
* Hours of an entry are shared evenly among its competencies (see
  :mod:`planner.services.learning_aggregates`), so stacked hours add up to the hours logged.
* Months are named by their first day; a period's months are listed even when empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

from planner.analysis.forecast import Forecast, forecast
from planner.analysis.learning_stats import month_start
from planner.framework.schema import Framework, Profile
from planner.services.learning_aggregates import (
    AssessmentScore,
    DayHours,
    GoalCounts,
    MonthHours,
)
from planner.services.records import AssessmentRecord
from planner.vocabulary import RaterKind

UNASSIGNED_LABEL = "No competency"
OVERALL = "Overall"


class RadarGrouping(Enum):
    """One spoke per competency, or one per area (the mean level of its competencies)."""

    COMPETENCY = "competency"
    AREA = "area"


# Radar ---------------------------------------------------------------------


@dataclass(frozen=True)
class RadarSeries:
    """One outline on the radar: a value per spoke (None where nothing was rated)."""

    label: str
    values: tuple[float | None, ...]
    mentor: bool = False


@dataclass(frozen=True)
class RadarData:
    """Spokes, the target outline, the current levels and any earlier ones to compare."""

    spokes: tuple[str, ...]
    target: RadarSeries
    current: RadarSeries | None
    comparisons: tuple[RadarSeries, ...]
    scale_min: int
    scale_max: int
    level_names: tuple[str, ...]
    grouping: RadarGrouping
    highlighted: frozenset[int] = frozenset()
    empty_message: str = ""

    @property
    def series(self) -> tuple[RadarSeries, ...]:
        """Every outline drawn: target, current, then the comparisons."""
        current = (self.current,) if self.current is not None else ()
        return (self.target, *current, *self.comparisons)


def assessment_label(assessment: AssessmentRecord | AssessmentScore) -> str:
    """E.g. "Self, 2026-11-02" or "Priya Shah (mentor), 2026-06-10"."""
    who = "Self"
    if assessment.rater_kind is RaterKind.MENTOR:
        who = f"{assessment.rater_name or 'Mentor'} (mentor)"
    return f"{who}, {assessment.assessed_on.isoformat()}"


def _competency_values(framework: Framework, levels: dict[str, int]) -> tuple[float | None, ...]:
    return tuple(float(levels[c.id]) if c.id in levels else None for c in framework.competencies)


def _area_values(framework: Framework, levels: dict[str, int]) -> tuple[float | None, ...]:
    """Mean level per area, unrated competencies counting 0; None for an area not rated at all."""
    values: list[float | None] = []
    for area in framework.areas:
        ids = [c.id for c in area.competencies]
        rated = [levels[c] for c in ids if c in levels]
        values.append(sum(rated) / len(ids) if rated else None)
    return tuple(values)


def radar_data(
    framework: Framework,
    profile: Profile,
    current: AssessmentRecord | None,
    comparisons: Sequence[AssessmentRecord] = (),
    grouping: RadarGrouping = RadarGrouping.COMPETENCY,
    highlight_area: str | None = None,
) -> RadarData:
    """The radar of ``current`` against ``profile`` (and ``comparisons``), per competency or area.

    ``highlight_area`` marks the spokes of one area (its competencies, or itself).
    """
    by_area = grouping is RadarGrouping.AREA
    values = _area_values if by_area else _competency_values
    if by_area:
        spokes = tuple(a.name for a in framework.areas)
        targets = tuple(
            sum(profile.targets[c.id] for c in a.competencies) / len(a.competencies)
            for a in framework.areas
        )
        highlighted = {i for i, a in enumerate(framework.areas) if a.id == highlight_area}
    else:
        spokes = tuple(c.name for c in framework.competencies)
        targets = tuple(float(profile.targets[c.id]) for c in framework.competencies)
        highlighted = {
            i
            for i, c in enumerate(framework.competencies)
            if highlight_area is not None and framework.area_of(c.id).id == highlight_area
        }

    def series(assessment: AssessmentRecord) -> RadarSeries:
        mentor = assessment.rater_kind is RaterKind.MENTOR
        return RadarSeries(
            assessment_label(assessment), values(framework, assessment.levels), mentor
        )

    return RadarData(
        spokes=spokes,
        target=RadarSeries(f"Target: {profile.name}", targets),
        current=series(current) if current is not None else None,
        comparisons=tuple(series(a) for a in comparisons if current is None or a.id != current.id),
        scale_min=framework.scale.minimum,
        scale_max=framework.scale.maximum,
        level_names=tuple(level.name for level in framework.scale.levels),
        grouping=grouping,
        highlighted=frozenset(highlighted),
        empty_message=(
            ""
            if current is not None
            else "No assessment yet. Rate your competencies (New assessment, Ctrl+Shift+A)"
            f" to see your levels against {profile.name}."
        ),
    )


# Readiness over time --------------------------------------------------------


@dataclass(frozen=True)
class TimelinePoint:
    """Readiness as of one assessment."""

    day: date
    value: float
    rater: str
    mentor: bool
    assessment_id: int


@dataclass(frozen=True)
class ReadinessTimeline:
    """Readiness points in a period, the forecast from all of them, and the dates to mark."""

    subject: str
    profile_name: str
    points: tuple[TimelinePoint, ...]
    forecast: Forecast
    target_date: date | None
    today: date
    first: date
    last: date
    earlier_points: int = 0

    def point_on(self, day: date) -> TimelinePoint | None:
        """The latest point of ``day`` (None when no assessment is dated so)."""
        found = [p for p in self.points if p.day == day]
        return found[-1] if found else None


def readiness_timeline(
    scores: Sequence[AssessmentScore],
    total_target: int,
    *,
    subject: str,
    profile_name: str,
    target_date: date | None,
    today: date,
    first: date | None = None,
    last: date | None = None,
) -> ReadinessTimeline:
    """Readiness after each assessment (``reached / total_target``), shown from ``first``.

    The forecast uses every assessment, not only those in the period, so the
    projected date does not depend on the range a person looks at.
    """
    every = [
        TimelinePoint(
            s.assessed_on,
            1.0 if total_target == 0 else s.reached / total_target,
            s.rater_label,
            s.rater_kind is RaterKind.MENTOR,
            s.assessment_id,
        )
        for s in scores
    ]
    end = last or today
    start = first or (every[0].day if every else end)
    shown = tuple(p for p in every if start <= p.day <= end)
    return ReadinessTimeline(
        subject=subject,
        profile_name=profile_name,
        points=shown,
        forecast=forecast([(p.day, p.value) for p in every if p.day <= end]),
        target_date=target_date,
        today=today,
        first=start,
        last=end,
        earlier_points=sum(1 for p in every if p.day < start),
    )


# Hours per area per month ----------------------------------------------------


@dataclass(frozen=True)
class HoursSeries:
    """Hours per month of one area (or one competency, or nothing named)."""

    key: str
    label: str
    hours: tuple[float, ...]

    @property
    def total(self) -> float:
        """Hours over the whole period."""
        return sum(self.hours)


@dataclass(frozen=True)
class HoursByMonth:
    """Stacked hours per month: one series per area, or per competency of one area."""

    subject: str
    months: tuple[date, ...]
    series: tuple[HoursSeries, ...]
    by_competency: bool = False
    keys: tuple[str, ...] = ()  # every possible series key in order, for stable colours

    @property
    def totals(self) -> tuple[float, ...]:
        """Hours per month, all series together."""
        return tuple(sum(column) for column in zip(*(s.hours for s in self.series), strict=True))

    @property
    def total(self) -> float:
        """Hours over the period."""
        return sum(s.total for s in self.series)


def months_between(first: date, last: date) -> tuple[date, ...]:
    """The first day of every month from ``first``'s to ``last``'s, inclusive."""
    months = []
    month = month_start(first)
    while month <= last:
        months.append(month)
        month = month_start(month + timedelta(days=31))
    return tuple(months)


def hours_by_month(
    framework: Framework,
    rows: Iterable[MonthHours],
    first: date,
    last: date,
    area_id: str | None = None,
) -> HoursByMonth:
    """Hours per month and area (or per competency of ``area_id``), for the stacked bars.

    Series with no hours in the period are left out. Hours for no competency, or for
    one the framework does not know, form the last series (not shown for one area).
    """
    months = months_between(first, last)
    column = {month: index for index, month in enumerate(months)}
    if area_id is None:
        keys = {c.id: a.id for a in framework.areas for c in a.competencies}
        order = [(a.id, a.name) for a in framework.areas]
        subject = "All areas"
    else:
        area = next(a for a in framework.areas if a.id == area_id)
        keys = {c.id: c.id for c in area.competencies}
        order = [(c.id, c.name) for c in area.competencies]
        subject = area.name
    sums: dict[str, list[float]] = {key: [0.0] * len(months) for key, _label in order}
    unassigned = [0.0] * len(months)
    for row in rows:
        index = column.get(row.month)
        if index is None:
            continue
        key = keys.get(row.competency_id or "")
        if key is not None:
            sums[key][index] += row.hours
        elif area_id is None:
            unassigned[index] += row.hours
    series = [HoursSeries(key, label, tuple(sums[key])) for key, label in order]
    series.append(HoursSeries("", UNASSIGNED_LABEL, tuple(unassigned)))
    kept = tuple(s for s in series if s.total > 0)
    return HoursByMonth(
        subject, months, kept, area_id is not None, tuple(key for key, _label in order)
    )


# Activity calendar -----------------------------------------------------------

HEAT_BOUNDS = (1.0, 2.0, 4.0)  # hours: none, under 1, 1 to 2, 2 to 4, 4 and more


@dataclass(frozen=True)
class ActivityCalendar:
    """Hours per day over (about) twelve months, one value per day from ``first`` to ``last``."""

    first: date
    last: date
    hours: tuple[float, ...]
    subject: str = "All areas"

    @property
    def total(self) -> float:
        """Hours over the calendar."""
        return sum(self.hours)

    @property
    def active_days(self) -> int:
        """Days with anything logged."""
        return sum(1 for h in self.hours if h > 0)

    def hours_on(self, day: date) -> float:
        """Hours of one day of the calendar."""
        return self.hours[(day - self.first).days]


def year_before(last: date) -> date:
    """The day after the same date a year earlier: 2026-11-21 -> 2025-11-22."""
    try:
        start = last.replace(year=last.year - 1)
    except ValueError:  # 29 February
        start = last.replace(year=last.year - 1, day=28)
    return start + timedelta(days=1)


def heat_level(hours: float) -> int:
    """0 for nothing, 1 under 1 h, 2 under 2 h, 3 under 4 h, 4 from 4 h."""
    if hours <= 0:
        return 0
    return 1 + sum(1 for bound in HEAT_BOUNDS if hours >= bound)


def activity_calendar(
    rows: Iterable[DayHours], last: date, subject: str = "All areas"
) -> ActivityCalendar:
    """The twelve months up to ``last``: hours per day, 0 where nothing was logged."""
    first = year_before(last)
    hours = [0.0] * ((last - first).days + 1)
    for row in rows:
        if first <= row.day <= last:
            hours[(row.day - first).days] += row.hours
    return ActivityCalendar(first, last, tuple(hours), subject)


# Goal burn-up ---------------------------------------------------------------


@dataclass(frozen=True)
class BurnUp:
    """Cumulative goals created (not dropped) and done, as steps on the given days."""

    days: tuple[date, ...]
    created: tuple[int, ...]
    done: tuple[int, ...]
    dropped: int
    first: date
    last: date
    subject: str = "All areas"
    events: int = field(default=0)

    @property
    def open_now(self) -> int:
        """Goals created and not yet done at the end of the period."""
        return self.created[-1] - self.done[-1] if self.created else 0


def goal_burn_up(counts: GoalCounts, first: date, last: date, subject: str = "All areas") -> BurnUp:
    """Cumulative counts starting from those before ``first``, a step per day with a change."""
    created = {c.day: c.count for c in counts.created if first <= c.day <= last}
    done = {c.day: c.count for c in counts.done if first <= c.day <= last}
    days = sorted({first, last, *created, *done})
    total_created, total_done = counts.created_before, counts.done_before
    created_steps, done_steps = [], []
    for day in days:
        total_created += created.get(day, 0)
        total_done += done.get(day, 0)
        created_steps.append(total_created)
        done_steps.append(total_done)
    return BurnUp(
        days=tuple(days),
        created=tuple(created_steps),
        done=tuple(done_steps),
        dropped=counts.dropped,
        first=first,
        last=last,
        subject=subject,
        events=sum(created.values()) + sum(done.values()),
    )
