"""The log summary: the database's sums equal the rules' own, on any day of a varied record."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from planner.analysis.next_steps import compute_next_steps, snapshot_of
from planner.analysis.next_steps.log_summary import (
    LoggedEntry,
    latest_ratings,
    questions_for,
    summarise,
    target_profile,
    unbacked_rises,
)
from planner.framework.loader import builtin_activities, builtin_framework
from planner.services.records import AssessmentDraft, LearningDraft, PersonDraft, RatingDraft
from planner.services.service_set import Services
from planner.storage.models import LearningCompetency
from planner.vocabulary import LearningKind

TODAY = date(2026, 11, 21)
TITLES = ("Read a paper on {}", "Course: {} basics", "Paired on {}", "{} reading group")


def random_record(services: Services, seed: int) -> int:
    """A person with three years of varied log and assessments; returns their id."""
    rng = random.Random(seed)
    competencies = [c.id for c in builtin_framework().competencies]
    person = services.people.create(PersonDraft(f"Person {seed}", weekly_hours=4.0))
    for number in range(160):
        served = rng.sample(competencies, rng.choice((0, 1, 1, 2, 3)))
        title = rng.choice(TITLES).format(rng.choice(("ranking", "drift", "serving")))
        entry = services.learning.add(
            person.id,
            LearningDraft(
                title if number % 7 else f"{title} #{number}",
                rng.choice(list(LearningKind)),
                TODAY - timedelta(days=rng.randrange(3 * 365)),
                rng.choice((0.5, 1.0, 1.0 / 3, 2.0, 6.0)),
                tuple(served),
            ),
        )
        if number % 23 == 0:  # a competency another framework knew
            with services.database.session() as session:
                session.add(LearningCompetency(learning_entry_id=entry.id, competency_id="old"))
    for _ in range(9):
        rated = rng.sample(competencies, rng.randrange(1, len(competencies)))
        ratings = tuple(
            RatingDraft(c, rng.randint(1, 5), rng.choice(("", "", "Shipped it."))) for c in rated
        )
        day = TODAY - timedelta(days=rng.randrange(3 * 365))
        services.assessments.create(person.id, AssessmentDraft(day, ratings))
    return person.id


def check_every_month(services: Services, seed: int) -> None:
    """Read and compute a random record about monthly over its history, both ways."""
    person_id = random_record(services, seed)
    framework, catalogue = builtin_framework(), builtin_activities()
    person = services.people.get(person_id)
    every_entry = tuple(LoggedEntry.of(e) for e in services.learning.list_for(person_id))
    every_assessment = services.assessments.list_for(person_id)

    for back in range(0, 3 * 365 + 60, 29):
        day = TODAY - timedelta(days=back)
        snapshot = snapshot_of(services, person_id, day)
        assessments = [a for a in every_assessment if a.assessed_on <= day]
        questions = questions_for(framework, target_profile(framework, person), assessments, day)
        kept = [a for a in snapshot.assessments if a.assessed_on <= day]

        assert snapshot.log is not None and snapshot.log.questions == questions
        assert snapshot.log == summarise(every_entry, questions), day
        assert latest_ratings(framework, kept) == latest_ratings(framework, assessments)
        assert unbacked_rises(kept) == unbacked_rises(assessments)
        full = replace(
            snapshot, assessments=tuple(every_assessment), learning=every_entry, log=None
        )
        assert compute_next_steps(snapshot, framework, catalogue, day) == compute_next_steps(
            full, framework, catalogue, day
        ), day


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_database_sums_what_the_rules_would_on_any_day(services: Services, seed: int) -> None:
    check_every_month(services, seed)


@pytest.mark.postgresql_only
def test_postgresql_sums_what_the_rules_would(services: Services) -> None:
    check_every_month(services, 5)


def test_a_snapshot_read_for_one_day_is_refused_on_another(services: Services) -> None:
    person_id = random_record(services, 4)
    snapshot = snapshot_of(services, person_id, TODAY - timedelta(days=1))
    framework = builtin_framework()

    with pytest.raises(ValueError, match="read for another day"):
        compute_next_steps(snapshot, framework, builtin_activities(), TODAY)
