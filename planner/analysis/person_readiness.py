"""A person's current readiness, gathered from the services in one call for views and commands."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from planner.analysis.readiness import (
    Readiness,
    ReadinessPoint,
    compute_readiness,
    readiness_history,
)
from planner.framework.schema import Framework, Profile
from planner.services.records import AssessmentRecord, PersonRecord
from planner.services.service_set import Services
from planner.vocabulary import RaterKind


@dataclass(frozen=True)
class PersonReadiness:
    """Readiness of one person from their latest assessment (None before the first one)."""

    person: PersonRecord
    framework: Framework
    profile: Profile
    latest: AssessmentRecord | None
    readiness: Readiness | None
    assessments: tuple[AssessmentRecord, ...] = field(default=(), repr=False)
    """The assessments counted, oldest first."""

    @cached_property
    def history(self) -> tuple[ReadinessPoint, ...]:
        """Readiness after each assessment, oldest first.

        Worked out when first asked for: the Dashboard shows only the latest, and a
        career of assessments makes the whole history the larger part of the work.
        """
        return tuple(readiness_history(self.framework, self.profile, self.assessments))


def person_readiness(
    services: Services, person_id: int, rater_kind: RaterKind | None = None
) -> PersonReadiness:
    """Readiness now and over time, from the assessments of ``rater_kind`` (all when None)."""
    person = services.people.get(person_id)
    framework = services.people.framework_of(person)
    profile = framework.profile(person.target_profile_id)
    assessments = [
        a
        for a in services.assessments.list_for(person_id)
        if rater_kind is None or a.rater_kind is rater_kind
    ]
    latest = assessments[-1] if assessments else None
    readiness = compute_readiness(framework, profile, latest.levels) if latest else None
    return PersonReadiness(person, framework, profile, latest, readiness, tuple(assessments))
