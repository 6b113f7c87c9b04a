"""A person's readiness now and over time, read from the services in one call."""

from __future__ import annotations

from datetime import date

from planner.analysis.person_readiness import person_readiness
from planner.analysis.readiness import compute_readiness
from planner.services.records import AssessmentDraft, PersonDraft, RatingDraft
from planner.services.service_set import Services
from planner.vocabulary import RaterKind


def test_readiness_now_and_after_each_assessment(services: Services) -> None:
    ada = services.people.create(PersonDraft("Ada"))
    for day, level, mentor in (
        (date(2026, 3, 1), 2, None),
        (date(2026, 6, 1), 4, "Grace"),
        (date(2026, 9, 1), 3, None),
    ):
        services.assessments.create(
            ada.id,
            AssessmentDraft(
                day,
                (RatingDraft("mentoring", level), RatingDraft("python-programming", level)),
                RaterKind.MENTOR if mentor else RaterKind.SELF,
                mentor,
            ),
        )

    state = person_readiness(services, ada.id)
    own = person_readiness(services, ada.id, RaterKind.SELF)

    assert state.latest is not None and state.latest.assessed_on == date(2026, 9, 1)
    assert state.readiness == compute_readiness(state.framework, state.profile, state.latest.levels)
    assert [p.assessed_on for p in state.history] == [
        date(2026, 3, 1),
        date(2026, 6, 1),
        date(2026, 9, 1),
    ]
    assert state.history[-1].readiness == state.readiness
    assert [p.assessed_on for p in own.history] == [date(2026, 3, 1), date(2026, 9, 1)]
    assert state.history is state.history  # worked out once


def test_before_any_assessment_there_is_no_readiness(services: Services) -> None:
    ada = services.people.create(PersonDraft("Ada"))

    state = person_readiness(services, ada.id)

    assert (state.latest, state.readiness, state.history) == (None, None, ())
    assert state.profile.id == ada.target_profile_id
