"""Remembered answers to suggested next steps: dismissed, snoozed until a date, accepted."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from planner.errors import NotFoundError
from planner.services.clock import FixedClock
from planner.services.records import PersonDraft, PersonRecord
from planner.services.service_set import Services
from planner.vocabulary import DecisionKind

KEY = "raise:mentoring"


@pytest.fixture
def ada(services: Services) -> PersonRecord:
    return services.people.create(PersonDraft("Ada"))


def test_a_dismissal_is_remembered(services: Services, ada: PersonRecord) -> None:
    decision = services.decisions.record(ada.id, KEY, DecisionKind.DISMISSED, fingerprint="lvl2")

    assert decision.person_id == ada.id
    assert (decision.suggestion_key, decision.decision) == (KEY, "dismissed")
    assert (decision.fingerprint, decision.until) == ("lvl2", None)
    assert decision.decided_at == datetime(2026, 11, 21, 12, 0)
    assert services.decisions.list_for(ada.id) == [decision]


def test_deciding_again_replaces_the_earlier_decision(
    services: Services, ada: PersonRecord, clock: FixedClock
) -> None:
    first = services.decisions.record(ada.id, KEY, DecisionKind.DISMISSED, "lvl2")
    clock.moment = datetime(2026, 12, 1, 9, 0)

    snoozed = services.decisions.record(ada.id, KEY, DecisionKind.SNOOZED, until=date(2027, 1, 1))

    assert snoozed.id == first.id
    assert (snoozed.decision, snoozed.until, snoozed.fingerprint) == (
        "snoozed",
        date(2027, 1, 1),
        "",
    )
    assert snoozed.decided_at == datetime(2026, 12, 1, 9, 0)
    assert services.decisions.list_for(ada.id) == [snoozed]


def test_decisions_are_kept_per_suggestion_and_per_person(
    services: Services, ada: PersonRecord
) -> None:
    grace = services.people.create(PersonDraft("Grace"))
    mine = services.decisions.record(ada.id, KEY, DecisionKind.ACCEPTED)
    other = services.decisions.record(ada.id, "learn:ai-ethics", DecisionKind.DISMISSED)
    theirs = services.decisions.record(grace.id, KEY, DecisionKind.DISMISSED)

    assert services.decisions.list_for(ada.id) == [mine, other]
    assert services.decisions.list_for(grace.id) == [theirs]


def test_forgetting_lets_the_suggestion_come_back(services: Services, ada: PersonRecord) -> None:
    grace = services.people.create(PersonDraft("Grace"))
    services.decisions.record(ada.id, KEY, DecisionKind.DISMISSED)
    theirs = services.decisions.record(grace.id, KEY, DecisionKind.DISMISSED)

    services.decisions.forget(ada.id, KEY)
    services.decisions.forget(ada.id, KEY)
    services.decisions.forget(ada.id, "never-decided")

    assert services.decisions.list_for(ada.id) == []
    assert services.decisions.list_for(grace.id) == [theirs]


def test_a_decision_needs_a_known_person(services: Services) -> None:
    with pytest.raises(NotFoundError, match="No person with id 999"):
        services.decisions.record(999, KEY, DecisionKind.DISMISSED)
    assert services.decisions.list_for(999) == []
