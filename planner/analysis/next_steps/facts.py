"""The figures the rules look at, worked out once per run from a snapshot.

Levels are the latest rating of each competency (whoever rated it), so a partial
mentor rating does not hide an older self-rating. Hours of an entry serving several
competencies are split evenly between them; entries with no competency count toward
"anything logged" but toward no area.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from planner.analysis.next_steps.model import SuggestionKind
from planner.analysis.next_steps.snapshot import LoggedEntry, PersonSnapshot
from planner.analysis.readiness import compute_readiness
from planner.framework.schema import Area, Competency, Framework, Profile
from planner.services.records import AssessmentRecord, GoalRecord

RECENT_DAYS = 90
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
        self.recent_start = today - timedelta(days=RECENT_DAYS)
        self.assessments: list[AssessmentRecord] = sorted(
            (a for a in snapshot.assessments if a.assessed_on <= today),
            key=lambda a: (a.assessed_on, a.id),
        )
        self.entries: list[LoggedEntry] = sorted(
            (e for e in snapshot.learning if e.completed_on <= today),
            key=lambda e: (e.completed_on, e.id),
        )
        self._days = [e.completed_on for e in self.entries]  # for windows by bisection
        self.open_goals: list[GoalRecord] = sorted(
            (g for g in snapshot.goals if g.status.is_open), key=lambda g: g.id
        )
        self.levels, self.rated_on = self._latest_levels()
        self.competencies = self._competency_facts()
        self.area_recent_hours = self._area_recent_hours()

    # Levels and readiness ---------------------------------------------------

    def _latest_levels(self) -> tuple[dict[str, int], dict[str, date]]:
        levels: dict[str, int] = {}
        rated_on: dict[str, date] = {}
        known = {c.id for c in self.framework.competencies}
        for assessment in self.assessments:
            for rating in assessment.ratings:
                if rating.competency_id in known:
                    levels[rating.competency_id] = rating.level
                    rated_on[rating.competency_id] = assessment.assessed_on
        return levels, rated_on

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
    def last_entry(self) -> LoggedEntry | None:
        """The most recent learning entry up to today."""
        return self.entries[-1] if self.entries else None

    def entries_after(self, day: date, until: date | None = None) -> list[LoggedEntry]:
        """Entries completed after ``day`` (and on or before ``until``), oldest first."""
        first = bisect_right(self._days, day)
        last = len(self._days) if until is None else bisect_right(self._days, until)
        return self.entries[first:last]

    def recent_entries(self, days: int = RECENT_DAYS) -> list[LoggedEntry]:
        """Entries completed in the last ``days`` days."""
        return self.entries_after(self.today - timedelta(days=days))

    def shares(self, entry: LoggedEntry) -> list[tuple[str, float]]:
        """(competency id, hours) for each known competency an entry served."""
        served = [c for c in entry.competency_ids if c in self.profile.targets]
        return [(c, entry.hours / len(served)) for c in served] if served else []

    def hours_since(self, day: date) -> float:
        """Hours logged after ``day``."""
        return sum(e.hours for e in self.entries_after(day))

    def competency_hours_since(self, day: date) -> dict[str, float]:
        """Hours per competency logged after ``day``."""
        hours: dict[str, float] = defaultdict(float)
        for entry in self.entries_after(day):
            for competency_id, share in self.shares(entry):
                hours[competency_id] += share
        return dict(hours)

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
        last_logged: dict[str, date] = {}
        recent: dict[str, float] = defaultdict(float)
        since_rated: dict[str, float] = defaultdict(float)
        for entry in self.entries:
            for competency_id, share in self.shares(entry):
                last_logged[competency_id] = entry.completed_on
                if entry.completed_on > self.recent_start:
                    recent[competency_id] += share
                rated = self.rated_on.get(competency_id)
                if rated is not None and entry.completed_on > rated:
                    since_rated[competency_id] += share
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
                    last_logged=last_logged.get(comp.id),
                    recent_hours=recent[comp.id],
                    hours_since_rated=since_rated[comp.id],
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
