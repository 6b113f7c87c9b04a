"""The Mentees overview as plain rows: readiness, its trend, activity, overdue goals, reviews.

Readiness is taken from each person's latest assessment (whoever rated it), against
their own framework and target profile; the trend is the change since the assessment
before it, in percentage points.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from planner.analysis.readiness import overall_readiness
from planner.services.mentees import MenteeFacts
from planner.services.service_set import Services

REVIEW_DUE_AFTER = timedelta(days=90)
"""A mentor's last rating older than this asks for a new review (plan hygiene's 90 days)."""


@dataclass(frozen=True)
class MenteeRow:
    """One person in the Mentees overview."""

    person_id: int
    name: str
    role: str
    profile_name: str
    readiness: float | None
    trend: float | None
    """Readiness now minus readiness at the assessment before, in points (None: too few)."""
    assessed_on: date | None
    last_activity: date | None
    open_goals: int
    overdue_goals: int
    last_review: date | None
    reviewer: str | None
    copy_as_of: datetime | None
    """For a mentor's copy from a review packet: the moment the packet was written."""

    def review_due(self, today: date) -> bool:
        """No mentor rating yet, or the last one is more than 90 days old."""
        return self.last_review is None or today - self.last_review > REVIEW_DUE_AFTER


def mentee_rows(services: Services) -> list[MenteeRow]:
    """Everyone in the database, by name."""
    return [_row(services, facts) for facts in services.mentees.facts()]


def _row(services: Services, facts: MenteeFacts) -> MenteeRow:
    person = facts.person
    framework = services.people.framework_of(person)
    try:
        profile = framework.profile(person.target_profile_id)
    except KeyError:
        profile = framework.profile(framework.default_profile)
    levels = [overall_readiness(framework, profile, a.levels) for a in facts.recent]
    readiness = levels[-1] if levels else None
    trend = (levels[-1] - levels[-2]) * 100 if len(levels) == 2 else None
    review = facts.last_review
    return MenteeRow(
        person_id=person.id,
        name=person.name,
        role=person.current_role,
        profile_name=profile.name,
        readiness=readiness,
        trend=trend,
        assessed_on=facts.recent[-1].assessed_on if facts.recent else None,
        last_activity=facts.last_activity,
        open_goals=facts.open_goals,
        overdue_goals=facts.overdue_goals,
        last_review=review.assessed_on if review else None,
        reviewer=review.rater_label if review else None,
        copy_as_of=person.received_at,
    )
