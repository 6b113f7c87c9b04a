"""Readiness toward a target profile: how much of the way to the target levels a person has come.

Readiness of a group of competencies is the sum of the levels reached, each capped
at its target (going beyond the target earns nothing extra), divided by the sum of
the targets. A competency never rated counts as 0: no evidence yet. So a person at
3, 4 and 5 against targets 4, 4 and 4 is (3 + 4 + 4) / 12 = 91.7%.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from planner.framework.schema import Framework, Profile
from planner.services.records import AssessmentRecord


@dataclass(frozen=True)
class CompetencyGap:
    """One competency's level against its target."""

    competency_id: str
    name: str
    level: int | None
    target: int

    @property
    def gap(self) -> int:
        """Levels still missing (0 when at or above target)."""
        return max(0, self.target - (self.level or 0))


@dataclass(frozen=True)
class AreaReadiness:
    """Readiness of one area, with the competencies behind it."""

    area_id: str
    name: str
    readiness: float
    competencies: tuple[CompetencyGap, ...]


@dataclass(frozen=True)
class Readiness:
    """Overall and per-area readiness from one set of levels."""

    profile_id: str
    overall: float
    areas: tuple[AreaReadiness, ...]
    rated: int
    total: int

    def area(self, area_id: str) -> AreaReadiness:
        """One area's figures; ``KeyError`` if unknown."""
        for area in self.areas:
            if area.area_id == area_id:
                return area
        raise KeyError(area_id)


@dataclass(frozen=True)
class ReadinessPoint:
    """Readiness as of one assessment, for the history chart."""

    assessed_on: date
    assessment_id: int
    readiness: Readiness


def _ratio(reached: int, target: int) -> float:
    return 1.0 if target == 0 else reached / target


def compute_readiness(
    framework: Framework, profile: Profile, levels: Mapping[str, int]
) -> Readiness:
    """Readiness for ``levels`` (competency id -> level) toward ``profile``."""
    areas = []
    reached_total = target_total = 0
    for area in framework.areas:
        gaps = tuple(
            CompetencyGap(c.id, c.name, levels.get(c.id), profile.targets[c.id])
            for c in area.competencies
        )
        reached = sum(min(g.level or 0, g.target) for g in gaps)
        target = sum(g.target for g in gaps)
        reached_total += reached
        target_total += target
        areas.append(AreaReadiness(area.id, area.name, _ratio(reached, target), gaps))
    rated = sum(1 for c in framework.competencies if c.id in levels)
    return Readiness(
        profile.id,
        _ratio(reached_total, target_total),
        tuple(areas),
        rated,
        len(framework.competencies),
    )


def overall_readiness(framework: Framework, profile: Profile, levels: Mapping[str, int]) -> float:
    """Just the overall figure of :func:`compute_readiness`, without the per-area detail.

    For overviews of many people, where building every area's rows would be wasted.
    """
    reached = target = 0
    for competency in framework.competencies:
        wanted = profile.targets[competency.id]
        reached += min(levels.get(competency.id) or 0, wanted)
        target += wanted
    return _ratio(reached, target)


def readiness_history(
    framework: Framework, profile: Profile, assessments: Iterable[AssessmentRecord]
) -> list[ReadinessPoint]:
    """Readiness after each assessment, oldest first."""
    ordered = sorted(assessments, key=lambda a: (a.assessed_on, a.id))
    return [
        ReadinessPoint(a.assessed_on, a.id, compute_readiness(framework, profile, a.levels))
        for a in ordered
    ]
