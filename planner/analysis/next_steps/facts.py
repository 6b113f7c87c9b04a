"""The figures the rules look at, worked out once per run from a snapshot.

Levels are the latest rating of each competency (whoever rated it), so a partial
mentor rating does not hide an older self-rating. The learning figures come from the
snapshot's :class:`~planner.analysis.next_steps.log_summary.LogSummary` (summed from
its entries when it has none): hours of an entry serving several competencies are
split evenly between them; entries with no competency count toward "anything
logged" but toward no area.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.analysis.next_steps.log_summary import (
    LogSummary,
    latest_ratings,
    questions_for,
    summarise,
)
from planner.analysis.next_steps.model import SuggestionKind
from planner.analysis.next_steps.snapshot import PersonSnapshot
from planner.analysis.readiness import compute_readiness
from planner.framework.schema import Area, Competency, Framework, Profile
from planner.services.records import AssessmentRecord, GoalRecord

TECHNICAL_TAGS = frozenset({"technical", "problem-solving"})
# The first tag of an area found in this order decides which growth rule speaks for it.
KIND_BY_TAG: tuple[tuple[str, SuggestionKind], ...] = (
    ("leadership", SuggestionKind.LEADERSHIP),
    ("responsibility", SuggestionKind.RESPONSIBILITY),
    ("strategy", SuggestionKind.STRATEGY),
    ("communication", SuggestionKind.COMMUNICATION),
    ("learning", SuggestionKind.CONTINUOUS_LEARNING),
    ("technical", SuggestionKind.TECHNICAL),
    ("problem-solving", SuggestionKind.TECHNICAL),
)


def growth_kind(area: Area) -> SuggestionKind:
    """The growth rule for an area's gaps; untagged areas count as skills to build on."""
    for tag, kind in KIND_BY_TAG:
        if tag in area.tags:
            return kind
    return SuggestionKind.TECHNICAL


@dataclass(frozen=True)
class CompetencyFacts:
    """One competency's level, target and learning figures."""

    competency: Competency
    area: Area
    kind: SuggestionKind
    level: int | None
    rated_on: date | None
    target: int
    last_logged: date | None
    recent_hours: float
    hours_since_rated: float
    covering_goal: GoalRecord | None

    @property
    def id(self) -> str:
        """The competency's id."""
        return self.competency.id

    @property
    def name(self) -> str:
        """The competency's name."""
        return self.competency.name

    @property
    def gap(self) -> int:
        """Levels still missing to the target (0 when rated at or above it, or unrated)."""
        return 0 if self.level is None else max(0, self.target - self.level)


class Facts:
    """Derived figures about one person on one day."""

    def __init__(
        self, snapshot: PersonSnapshot, framework: Framework, profile: Profile, today: date
    ) -> None:
        self.snapshot = snapshot
        self.person = snapshot.person
        self.framework = framework
        self.profile = profile
        self.today = today
        self.assessments: list[AssessmentRecord] = sorted(
            (a for a in snapshot.assessments if a.assessed_on <= today),
            key=lambda a: (a.assessed_on, a.id),
        )
        self.open_goals: list[GoalRecord] = sorted(
            (g for g in snapshot.goals if g.status.is_open), key=lambda g: g.id
        )
        self.levels, self.rated_on = latest_ratings(framework, self.assessments)
        self.log = self._log_summary()
        self.recent_start = self.log.questions.recent_start
        self.competencies = self._competency_facts()
        self.area_recent_hours = self._area_recent_hours()

    def _log_summary(self) -> LogSummary:
        """The snapshot's summary, or one made from its entries; it must answer this run."""
        questions = questions_for(self.framework, self.profile, self.assessments, self.today)
        summary = self.snapshot.log
        if summary is None:
            return summarise(self.snapshot.learning, questions)
        if summary.questions != questions:
            raise ValueError(
                "the snapshot's learning figures were read for another day or record;"
                " read the snapshot again"
            )
        return summary

    # Levels and readiness ---------------------------------------------------

    @property
    def latest(self) -> AssessmentRecord | None:
        """The most recent assessment, or None before the first."""
        return self.assessments[-1] if self.assessments else None

    @property
    def overall_readiness(self) -> float:
        """Share of the way to the target profile (unrated competencies count as 0)."""
        return compute_readiness(self.framework, self.profile, self.levels).overall

    @property
    def technical_readiness(self) -> float:
        """Readiness of the technical and problem-solving areas (overall if none is tagged)."""
        technical = [a for a in self.framework.areas if TECHNICAL_TAGS.intersection(a.tags)]
        if not technical:
            return self.overall_readiness
        reached = target = 0
        for area in technical:
            for comp in area.competencies:
                goal = self.profile.targets[comp.id]
                reached += min(self.levels.get(comp.id, 0), goal)
                target += goal
        return 1.0 if target == 0 else reached / target

    @property
    def technical_strength(self) -> float:
        """0 below 60% technical readiness, rising to 1 at 90%: how far to lean to people work."""
        return min(1.0, max(0.0, (self.technical_readiness - 0.6) / 0.3))

    # Learning ---------------------------------------------------------------

    @property
    def last_day(self) -> date | None:
        """The day of the most recent learning entry up to today."""
        return self.log.last_day

    @property
    def total_hours(self) -> float:
        """Hours logged up to today (known only before the first assessment)."""
        return self.hours_since(None)

    def hours_since(self, day: date | None) -> float:
        """Hours logged after ``day``: one of the days the run asked the log about."""
        try:
            return self.log.hours_after[day]
        except KeyError:
            raise ValueError(f"the log was not asked for the hours after {day}") from None

    def competency_hours_since_assessment(self) -> dict[str, float]:
        """Hours per competency logged after the latest assessment."""
        return dict(self.log.hours_since_assessment)

    def _area_recent_hours(self) -> dict[str, float]:
        hours = dict.fromkeys((a.id for a in self.framework.areas), 0.0)
        for comp in self.competencies.values():
            hours[comp.area.id] += comp.recent_hours
        return hours

    @property
    def recent_attributed_hours(self) -> float:
        """Hours of the last 90 days that served some competency."""
        return sum(self.area_recent_hours.values())

    def area_last_logged(self, area: Area) -> date | None:
        """Latest day anything was logged for a competency of ``area``."""
        days = [
            self.competencies[c.id].last_logged
            for c in area.competencies
            if self.competencies[c.id].last_logged is not None
        ]
        return max(days) if days else None  # type: ignore[type-var]

    # Per competency ---------------------------------------------------------

    def _competency_facts(self) -> dict[str, CompetencyFacts]:
        log = self.log
        facts = {}
        for area in self.framework.areas:
            kind = growth_kind(area)
            for comp in area.competencies:
                level = self.levels.get(comp.id)
                facts[comp.id] = CompetencyFacts(
                    competency=comp,
                    area=area,
                    kind=kind,
                    level=level,
                    rated_on=self.rated_on.get(comp.id),
                    target=self.profile.targets[comp.id],
                    last_logged=log.last_logged.get(comp.id),
                    recent_hours=log.recent_hours.get(comp.id, 0.0),
                    hours_since_rated=log.hours_since_rated.get(comp.id, 0.0),
                    covering_goal=self._covering_goal(comp.id, level),
                )
        return facts

    def _covering_goal(self, competency_id: str, level: int | None) -> GoalRecord | None:
        """An open goal already aiming this competency past its current level."""
        if level is None:
            return None
        for goal in self.open_goals:
            for link in goal.competencies:
                if link.competency_id == competency_id and link.target_level > level:
                    return goal
        return None

    def gaps(self) -> list[CompetencyFacts]:
        """Rated competencies below target, in framework order."""
        return [c for c in self.competencies.values() if c.gap > 0]

    def unrated(self) -> list[CompetencyFacts]:
        """Competencies no assessment has rated yet."""
        return [c for c in self.competencies.values() if c.level is None]
