"""The shared next steps: worked out once, dropped when that person's records change."""

from __future__ import annotations

from datetime import date, timedelta

from planner.gui.next_steps_cache import NextStepsCache
from planner.gui.views.base import ViewContext
from planner.services.clock import FixedClock
from planner.services.records import LearningDraft, PersonDraft
from planner.vocabulary import LearningKind


def test_one_cache_per_operations_and_one_reading_per_person(context: ViewContext) -> None:
    cache = NextStepsCache.of(context.operations)
    person_id = context.person.id
    assert person_id is not None

    first = cache.advice(person_id)

    assert NextStepsCache.of(context.operations) is cache
    assert cache.advice(person_id) is first
    assert first.result.suggestions and first.today == date(2026, 11, 21)


def test_an_edit_drops_only_the_person_it_touched(context: ViewContext) -> None:
    cache = NextStepsCache.of(context.operations)
    alex = context.person.id
    assert alex is not None
    bo = context.operations.create_person(PersonDraft("Bo"))  # a change to everyone's list
    before = cache.advice(alex)
    cache.advice(bo.id)

    context.operations.add_learning(
        bo.id, LearningDraft("Read a paper", LearningKind.PAPER, date(2026, 11, 20), 2.0)
    )
    assert cache.advice(alex) is before

    context.operations.add_learning(
        alex, LearningDraft("Paired on drift", LearningKind.ON_THE_JOB, date(2026, 11, 20), 3.0)
    )
    after = cache.advice(alex)
    assert after is not before
    assert after.snapshot.log is not None and after.snapshot.log.last_day == date(2026, 11, 20)


def test_another_day_is_worked_out_again(context: ViewContext, clock: FixedClock) -> None:
    cache = NextStepsCache.of(context.operations)
    person_id = context.person.id
    assert person_id is not None
    before = cache.advice(person_id)

    clock.moment += timedelta(days=1)

    assert cache.advice(person_id).today == before.today + timedelta(days=1)
