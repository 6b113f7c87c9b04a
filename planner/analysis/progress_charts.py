"""The data of every progress chart for one person, read through a few grouped queries.

Views and the printed plan create a :class:`ProgressData` per reload and ask it for
the charts they show; it reads the person and framework once and leaves the heavy
lifting (sums over years of log entries) to :class:`LearningAggregates`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from planner.analysis.chart_data import (
    OVERALL,
    ActivityCalendar,
    BurnUp,
    HoursByMonth,
    RadarData,
    RadarGrouping,
    ReadinessTimeline,
    activity_calendar,
    goal_burn_up,
    hours_by_month,
    radar_data,
    readiness_timeline,
)
from planner.services.learning_aggregates import AssessmentScore, LearningAggregates
from planner.services.service_set import Services


@dataclass(frozen=True)
class ChartPeriod:
    """The days a chart covers; ``first`` None means from the person's first record."""

    first: date | None
    last: date


class ProgressData:
    """Chart data for one person; each method reads only what its chart needs."""

    def __init__(self, services: Services, person_id: int) -> None:
        self.services = services
        self.person = services.people.get(person_id)
        self.framework = services.people.framework_of(self.person)
        self.profile = self.framework.profile(self.person.target_profile_id)
        self.today = services.clock.today()
        self.aggregates = LearningAggregates(services.database)
        self._scores: dict[str | None, list[AssessmentScore]] = {}

    # Helpers ----------------------------------------------------------------

    def area_name(self, area_id: str | None) -> str:
        """The area's name, or "All areas"."""
        if area_id is None:
            return "All areas"
        return next(a.name for a in self.framework.areas if a.id == area_id)

    def competency_ids(self, area_id: str | None) -> list[str] | None:
        """The competencies of one area (None: no filter)."""
        if area_id is None:
            return None
        area = next(a for a in self.framework.areas if a.id == area_id)
        return [c.id for c in area.competencies]

    def resolve(self, period: ChartPeriod) -> tuple[date, date]:
        """The period's days, "from the start" replaced by the first recorded day."""
        first = period.first
        if first is None:
            first = self.aggregates.first_activity(self.person.id)
        if first is None:
            first = min(self.person.created_at.date(), period.last)
        return min(first, period.last), period.last

    def scores(self, area_id: str | None = None) -> list[AssessmentScore]:
        """Every assessment, oldest first, scored toward the target (of one area)."""
        if area_id not in self._scores:
            wanted = self.competency_ids(area_id)
            targets = {
                c: t for c, t in self.profile.targets.items() if wanted is None or c in wanted
            }
            self._scores[area_id] = self.aggregates.assessment_scores(self.person.id, targets)
        return self._scores[area_id]

    def assessment_choices(self) -> list[AssessmentScore]:
        """Every assessment but the latest, newest first: what the radar can compare with."""
        return list(reversed(self.scores()[:-1]))

    def default_comparison(self, first: date | None = None) -> int | None:
        """The assessment to compare the latest with.

        With a period start: the last one on or before it, else the first after it
        (so the radar shows the change over the period). Without: the previous one
        by the same kind of rater, else simply the previous one.
        """
        earlier = self.scores()[:-1]
        if not earlier:
            return None
        if first is not None:
            before = [s for s in earlier if s.assessed_on <= first]
            return (before[-1] if before else earlier[0]).assessment_id
        latest = self.scores()[-1]
        same = [s for s in earlier if s.rater_kind is latest.rater_kind]
        return (same or earlier)[-1].assessment_id

    # Charts -----------------------------------------------------------------

    def radar(
        self,
        compare_with: Sequence[int] = (),
        grouping: RadarGrouping = RadarGrouping.COMPETENCY,
        highlight_area: str | None = None,
    ) -> RadarData:
        """Latest levels against the target, with the assessments ``compare_with``."""
        scores = self.scores()
        get = self.services.assessments.get
        current = get(scores[-1].assessment_id) if scores else None
        comparisons = [get(i) for i in compare_with]
        return radar_data(
            self.framework, self.profile, current, comparisons, grouping, highlight_area
        )

    def timeline(self, period: ChartPeriod, area_id: str | None = None) -> ReadinessTimeline:
        """Readiness over the period (of one area), with the forecast from all assessments."""
        first, last = self.resolve(period)
        wanted = self.competency_ids(area_id)
        total = sum(t for c, t in self.profile.targets.items() if wanted is None or c in wanted)
        return readiness_timeline(
            self.scores(area_id),
            total,
            subject=OVERALL if area_id is None else self.area_name(area_id),
            profile_name=self.profile.name,
            target_date=self.person.target_date,
            today=self.today,
            first=first if period.first is not None else None,
            last=last,
        )

    def hours(self, period: ChartPeriod, area_id: str | None = None) -> HoursByMonth:
        """Hours per month and area (or per competency of one area)."""
        first, last = self.resolve(period)
        rows = self.aggregates.hours_by_month(self.person.id, first, last)
        return hours_by_month(self.framework, rows, first, last, area_id)

    def calendar(self, last: date, area_id: str | None = None) -> ActivityCalendar:
        """Hours per day over the twelve months up to ``last``."""
        shown = activity_calendar((), last)
        rows = self.aggregates.hours_by_day(
            self.person.id, shown.first, last, self.competency_ids(area_id)
        )
        return activity_calendar(rows, last, self.area_name(area_id))

    def burn_up(self, period: ChartPeriod, area_id: str | None = None) -> BurnUp:
        """Goals created and done over the period (of goals serving one area)."""
        first, last = self.resolve(period)
        counts = self.aggregates.goal_counts(
            self.person.id, first, last, self.competency_ids(area_id)
        )
        return goal_burn_up(counts, first, last, self.area_name(area_id))
