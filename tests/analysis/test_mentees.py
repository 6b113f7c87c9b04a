"""Mentees overview rows: readiness and its trend per person, and when a review is due."""

from __future__ import annotations

from datetime import date

from planner.analysis.mentees import mentee_rows
from planner.analysis.readiness import compute_readiness
from planner.services.records import AssessmentDraft, PersonDraft, RatingDraft
from planner.services.service_set import Services
from planner.vocabulary import RaterKind


def assess(services: Services, person_id: int, day: date, level: int, mentor: str = "") -> None:
    framework = services.people.framework_of(services.people.get(person_id))
    services.assessments.create(
        person_id,
        AssessmentDraft(
            day,
            tuple(RatingDraft(c.id, level) for c in framework.competencies),
            RaterKind.MENTOR if mentor else RaterKind.SELF,
            mentor or None,
        ),
    )


def test_rows_carry_readiness_trend_and_the_last_review(services: Services) -> None:
    ana = services.people.create(PersonDraft("Ana", "ML engineer"))
    services.people.create(PersonDraft("Ben", target_profile_id="ml-engineering-manager"))
    assess(services, ana.id, date(2026, 1, 10), 2)
    assess(services, ana.id, date(2026, 7, 1), 3, mentor="Dana Ortiz")
    framework = services.people.framework_of(ana)
    profile = framework.profile(ana.target_profile_id)
    at = {
        level: compute_readiness(framework, profile, {c.id: level for c in framework.competencies})
        for level in (2, 3)
    }

    ana_row, ben_row = mentee_rows(services)

    assert (ana_row.name, ana_row.role, ana_row.profile_name) == (
        "Ana",
        "ML engineer",
        "Senior ML developer",
    )
    assert ana_row.readiness == at[3].overall
    assert ana_row.trend is not None
    assert round(ana_row.trend, 6) == round((at[3].overall - at[2].overall) * 100, 6)
    assert (ana_row.last_review, ana_row.reviewer) == (date(2026, 7, 1), "Dana Ortiz")
    assert ana_row.review_due(date(2026, 9, 29)) is False
    assert ana_row.review_due(date(2026, 9, 30)) is True
    assert (ben_row.readiness, ben_row.trend, ben_row.last_review) == (None, None, None)
    assert ben_row.review_due(date(2026, 1, 1)) is True
