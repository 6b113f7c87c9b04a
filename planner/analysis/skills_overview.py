"""What the Skills view shows about one person, read from the services in one call.

The hours come summed by the database (:mod:`planner.services.competency_hours`), never
from a loop over the whole log, so opening the view does not grow with the log.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.framework.schema import Framework, Profile
from planner.services.competency_hours import CompetencyHours, competency_hours
from planner.services.records import AssessmentRecord, PersonRecord
from planner.services.service_set import Services


@dataclass(frozen=True)
class SkillsOverview:
    """A person's framework, target profile, assessments (oldest first) and hours."""

    person: PersonRecord
    framework: Framework
    profile: Profile
    assessments: list[AssessmentRecord]
    hours: CompetencyHours
    """Empty before the first assessment: the view shows no table then."""


def skills_overview(services: Services, person_id: int) -> SkillsOverview:
    """Everything the Skills view needs for ``person_id``."""
    person = services.people.get(person_id)
    framework = services.people.framework_of(person)
    profile = framework.profile(person.target_profile_id)
    assessments = services.assessments.list_for(person_id)
    hours = CompetencyHours({}, {})
    if assessments:
        area_of = {c.id: area.id for area in framework.areas for c in area.competencies}
        hours = competency_hours(services.database, person_id, area_of)
    return SkillsOverview(person, framework, profile, assessments, hours)
