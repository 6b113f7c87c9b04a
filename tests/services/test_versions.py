"""Two program instances on one database never silently overwrite each other's edits."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text

from planner.errors import ConcurrentEditError
from planner.services.clock import FixedClock
from planner.services.records import (
    GoalDraft,
    LearningDraft,
    MilestoneDraft,
    PersonDraft,
    PersonRecord,
)
from planner.services.service_set import Services
from planner.storage.database import Database
from planner.vocabulary import GoalStatus, LearningKind

GOAL = GoalDraft("Lead a model review", milestones=(MilestoneDraft("Read the guide"),))
ENTRY = LearningDraft("Fluent Python", LearningKind.BOOK, date(2026, 11, 1), 6.0)


@pytest.fixture
def other(services: Services, clock: FixedClock) -> Iterator[Services]:
    """A second program instance on the same database."""
    second = Services.open(services.database.url, clock)
    yield second
    second.close()


@pytest.fixture
def ada(services: Services) -> PersonRecord:
    return services.people.create(PersonDraft("Ada"))


def test_the_later_save_of_a_goal_is_refused_and_the_first_kept(
    services: Services, other: Services, ada: PersonRecord
) -> None:
    mine = services.goals.create(ada.id, GOAL)
    theirs = other.goals.get(mine.id)

    saved = other.goals.update(
        theirs.id, replace(theirs.to_draft(), title="Their title"), expected_version=1
    )
    assert saved.version == 2
    with pytest.raises(ConcurrentEditError, match="“Their title” was changed elsewhere"):
        services.goals.update(
            mine.id, replace(mine.to_draft(), title="My title"), expected_version=mine.version
        )

    assert services.goals.get(mine.id).title == "Their title"
    # After reloading, the same edit goes through.
    fresh = services.goals.get(mine.id)
    assert services.goals.update(fresh.id, GOAL, expected_version=fresh.version).version == 3


def test_every_kind_of_goal_change_counts_as_a_change(
    services: Services, other: Services, ada: PersonRecord
) -> None:
    goal = services.goals.create(ada.id, GOAL)
    [milestone] = goal.milestones
    changes = [
        lambda: other.goals.set_milestone_done(milestone.id, True),
        lambda: other.goals.add_milestone(goal.id, MilestoneDraft("Run one")),
        lambda: other.goals.set_status(goal.id, GoalStatus.ACTIVE),
        lambda: other.goals.update_milestone(milestone.id, MilestoneDraft("Read it twice")),
    ]
    version = goal.version
    for change in changes:
        stale = version
        version = change().version
        assert version == stale + 1
        with pytest.raises(ConcurrentEditError):
            services.goals.set_status(goal.id, GoalStatus.DONE, expected_version=stale)
    assert services.goals.get(goal.id).status is GoalStatus.ACTIVE


def test_a_goal_deleted_elsewhere_is_reported_as_such(
    services: Services, other: Services, ada: PersonRecord
) -> None:
    goal = services.goals.create(ada.id, GOAL)
    other.goals.delete(goal.id, expected_version=goal.version)

    with pytest.raises(ConcurrentEditError, match="deleted elsewhere"):
        services.goals.update(goal.id, GOAL, expected_version=goal.version)
    with pytest.raises(ConcurrentEditError, match="deleted elsewhere"):
        services.goals.delete(goal.id, expected_version=goal.version)


def test_deleting_a_goal_changed_elsewhere_is_refused(
    services: Services, other: Services, ada: PersonRecord
) -> None:
    goal = services.goals.create(ada.id, GOAL)
    other.goals.set_status(goal.id, GoalStatus.ACTIVE)

    with pytest.raises(ConcurrentEditError, match="changed elsewhere"):
        services.goals.delete(goal.id, expected_version=goal.version)
    assert services.goals.get(goal.id).status is GoalStatus.ACTIVE


def test_learning_entries_are_protected_the_same_way(
    services: Services, other: Services, ada: PersonRecord
) -> None:
    entry = services.learning.add(ada.id, ENTRY)
    other.learning.update(entry.id, replace(ENTRY, hours=8.0), expected_version=entry.version)

    with pytest.raises(ConcurrentEditError, match="“Fluent Python” was changed elsewhere"):
        services.learning.update(entry.id, replace(ENTRY, hours=2.0), expected_version=1)
    with pytest.raises(ConcurrentEditError):
        services.learning.delete(entry.id, expected_version=1)
    assert services.learning.get(entry.id).hours == 8.0
    assert services.learning.get(entry.id).version == 2


def test_a_persons_details_are_protected_too(
    services: Services, other: Services, ada: PersonRecord
) -> None:
    other.people.update(ada.id, PersonDraft("Ada L."), expected_version=ada.version)

    with pytest.raises(ConcurrentEditError, match="changed elsewhere"):
        services.people.update(
            ada.id, PersonDraft("Ada", current_role="Lead"), expected_version=ada.version
        )
    assert services.people.get(ada.id).name == "Ada L."


def test_callers_that_give_no_version_keep_the_last_write(
    services: Services, other: Services, ada: PersonRecord
) -> None:
    goal = services.goals.create(ada.id, GOAL)
    other.goals.update(goal.id, replace(GOAL, title="Theirs"))
    assert services.goals.update(goal.id, replace(GOAL, title="Mine")).title == "Mine"


@pytest.mark.postgresql_only
def test_a_save_racing_another_transaction_is_refused(
    services: Services, ada: PersonRecord
) -> None:
    """The version is checked by the UPDATE itself, not only before it."""
    goal = services.goals.create(ada.id, GOAL)
    rival = Database(services.database.url)
    outcome: list[object] = []

    def save() -> None:
        try:
            outcome.append(services.goals.update(goal.id, GOAL, expected_version=goal.version))
        except Exception as exc:  # the assertion below names what came out
            outcome.append(exc)

    with rival.engine.connect() as conn:
        transaction = conn.begin()
        conn.execute(
            text("UPDATE goals SET title = 'Rival', version = version + 1 WHERE id = :id"),
            {"id": goal.id},
        )
        saver = threading.Thread(target=save)
        saver.start()
        _wait_until_blocked(services.database.url, saver)
        transaction.commit()
    saver.join(timeout=30)
    rival.dispose()

    assert len(outcome) == 1 and isinstance(outcome[0], ConcurrentEditError), outcome
    assert services.goals.get(goal.id).title == "Rival"


def _wait_until_blocked(url: str, saver: threading.Thread) -> None:
    """Wait (at most 10 s) until a connection to the database waits for a row lock."""
    probe = Database(url)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and saver.is_alive():
            with probe.engine.connect() as check:
                waiting = check.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity"
                        " WHERE wait_event_type = 'Lock' AND datname = current_database()"
                    )
                ).scalar()
            if waiting:
                return
            time.sleep(0.02)
        pytest.fail("the second save never waited for the first transaction")
    finally:
        probe.dispose()
