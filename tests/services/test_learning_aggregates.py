"""Grouped figures computed by the database: hours per day and month, goal counts, scores."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

import pytest

from planner.analysis.readiness import compute_readiness
from planner.services.clock import FixedClock
from planner.services.demo_data import seed_demo
from planner.services.learning_aggregates import (
    DayCount,
    DayHours,
    LearningAggregates,
    MonthHours,
)
from planner.services.records import (
    AssessmentDraft,
    GoalCompetencyDraft,
    GoalDraft,
    LearningDraft,
    PersonDraft,
    PersonRecord,
    RatingDraft,
)
from planner.services.service_set import Services
from planner.vocabulary import GoalStatus, LearningKind, RaterKind


@pytest.fixture
def ada(services: Services) -> PersonRecord:
    return services.people.create(PersonDraft("Ada"))


@pytest.fixture
def aggregates(services: Services) -> LearningAggregates:
    return LearningAggregates(services.database)


@pytest.fixture
def demo_services(services: Services, clock: FixedClock) -> Services:
    seed_demo(services.database, clock.today())
    return services


def log(services: Services, person: PersonRecord, day: date, hours: float, *ids: str) -> None:
    services.learning.add(
        person.id, LearningDraft(f"Entry {day} {hours}", LearningKind.COURSE, day, hours, ids)
    )


def test_hours_are_shared_among_competencies(
    services: Services, ada: PersonRecord, aggregates: LearningAggregates
) -> None:
    log(services, ada, date(2026, 9, 3), 6.0, "python-programming", "mentoring", "ml-algorithms")
    log(services, ada, date(2026, 9, 3), 1.0, "python-programming")
    log(services, ada, date(2026, 9, 20), 2.5)  # no competency
    log(services, ada, date(2026, 10, 1), 4.0, "mentoring", "python-programming")
    other = services.people.create(PersonDraft("Bo"))
    log(services, other, date(2026, 9, 3), 9.0, "python-programming")

    assert aggregates.hours_by_month(ada.id) == [
        MonthHours(date(2026, 9, 1), "mentoring", 2.0),
        MonthHours(date(2026, 9, 1), "ml-algorithms", 2.0),
        MonthHours(date(2026, 9, 1), "python-programming", 3.0),
        MonthHours(date(2026, 9, 1), None, 2.5),
        MonthHours(date(2026, 10, 1), "mentoring", 2.0),
        MonthHours(date(2026, 10, 1), "python-programming", 2.0),
    ]
    assert aggregates.hours_by_month(ada.id, date(2026, 9, 4), date(2026, 9, 30)) == [
        MonthHours(date(2026, 9, 1), None, 2.5)
    ]
    assert aggregates.hours_by_day(ada.id) == [
        DayHours(date(2026, 9, 3), 7.0),
        DayHours(date(2026, 9, 20), 2.5),
        DayHours(date(2026, 10, 1), 4.0),
    ]
    # Only the share that went to mentoring: 6/3 on one day, 4/2 on another.
    assert aggregates.hours_by_day(ada.id, competency_ids=["mentoring"]) == [
        DayHours(date(2026, 9, 3), 2.0),
        DayHours(date(2026, 10, 1), 2.0),
    ]
    assert aggregates.hours_by_day(ada.id, date(2026, 9, 4), date(2026, 9, 30)) == [
        DayHours(date(2026, 9, 20), 2.5)
    ]
    assert aggregates.first_activity(ada.id) == date(2026, 9, 3)


def test_an_empty_record(
    services: Services, ada: PersonRecord, aggregates: LearningAggregates
) -> None:
    assert aggregates.hours_by_month(ada.id) == []
    assert aggregates.hours_by_day(ada.id) == []
    assert aggregates.first_activity(ada.id) is None
    counts = aggregates.goal_counts(ada.id)
    assert (counts.created, counts.done, counts.dropped) == ((), (), 0)
    assert aggregates.assessment_scores(ada.id, {"python-programming": 4}) == []


def goal(
    services: Services,
    clock: FixedClock,
    person: PersonRecord,
    when: datetime,
    title: str,
    competency: str,
    status: GoalStatus | None = None,
    finished: datetime | None = None,
) -> None:
    clock.moment = when
    record = services.goals.create(
        person.id, GoalDraft(title, competencies=(GoalCompetencyDraft(competency, 4),))
    )
    if status is not None:
        clock.moment = finished or when
        services.goals.set_status(record.id, status)


def test_goal_counts_per_day_with_dropped_goals_apart(
    services: Services, clock: FixedClock, ada: PersonRecord, aggregates: LearningAggregates
) -> None:
    jan, feb, mar = datetime(2026, 1, 5, 9), datetime(2026, 2, 5, 9), datetime(2026, 3, 5, 9)
    goal(services, clock, ada, jan, "Early", "mentoring", GoalStatus.DONE, datetime(2026, 1, 30))
    goal(services, clock, ada, feb, "Ship", "model-deployment", GoalStatus.DONE, mar)
    goal(services, clock, ada, feb.replace(hour=17), "Talk", "mentoring")
    goal(services, clock, ada, mar, "Dropped", "mentoring", GoalStatus.DROPPED)

    counts = aggregates.goal_counts(ada.id)
    assert counts.created == (DayCount(date(2026, 1, 5), 1), DayCount(date(2026, 2, 5), 2))
    assert counts.done == (DayCount(date(2026, 1, 30), 1), DayCount(date(2026, 3, 5), 1))
    assert (counts.created_before, counts.done_before, counts.dropped) == (0, 0, 1)

    since = aggregates.goal_counts(ada.id, date(2026, 2, 1), date(2026, 2, 28))
    assert since.created == (DayCount(date(2026, 2, 5), 2),)
    assert since.done == ()
    assert (since.created_before, since.done_before) == (1, 1)

    mentoring = aggregates.goal_counts(ada.id, competency_ids=["mentoring"])
    assert mentoring.created == (DayCount(date(2026, 1, 5), 1), DayCount(date(2026, 2, 5), 1))
    assert mentoring.done == (DayCount(date(2026, 1, 30), 1),)
    assert mentoring.dropped == 1


def test_assessment_scores_match_the_readiness_maths(demo_services: Services) -> None:
    person = demo_services.people.list()[0]
    framework = demo_services.people.framework_of(person)
    profile = framework.profile(person.target_profile_id)
    scores = LearningAggregates(demo_services.database).assessment_scores(
        person.id, profile.targets
    )
    assessments = demo_services.assessments.list_for(person.id)
    assert [s.assessment_id for s in scores] == [a.id for a in assessments]
    total = sum(profile.targets.values())
    for found, record in zip(scores, assessments, strict=True):
        expected = compute_readiness(framework, profile, record.levels).overall
        assert found.reached / total == pytest.approx(expected)
        assert found.assessed_on == record.assessed_on
        assert found.rater_kind is record.rater_kind
        assert found.rater_label == record.rater_label
    assert any(s.rater_kind is RaterKind.MENTOR for s in scores)


def test_scores_of_one_area_ignore_other_ratings(
    services: Services, ada: PersonRecord, aggregates: LearningAggregates
) -> None:
    ratings = (
        RatingDraft("mentoring", 5),
        RatingDraft("knowledge-sharing", 2),
        RatingDraft("python-programming", 1),
    )
    services.assessments.create(ada.id, AssessmentDraft(date(2026, 5, 1), ratings))
    (found,) = aggregates.assessment_scores(
        ada.id, {"mentoring": 4, "knowledge-sharing": 4, "project-leadership": 4}
    )
    assert found.reached == 4 + 2 + 0  # capped at the target; unrated counts 0


def test_demo_hours_add_up_to_the_log(demo_services: Services) -> None:
    """The grouped sums agree with adding up every entry one by one."""
    person = demo_services.people.list()[0]
    entries = demo_services.learning.list_for(person.id)
    by_month: dict[date, float] = defaultdict(float)
    by_day: dict[date, float] = defaultdict(float)
    for entry in entries:
        by_month[entry.completed_on.replace(day=1)] += entry.hours
        by_day[entry.completed_on] += entry.hours
    aggregates = LearningAggregates(demo_services.database)
    summed: dict[date, float] = defaultdict(float)
    for row in aggregates.hours_by_month(person.id):
        summed[row.month] += row.hours
    assert summed == pytest.approx(dict(by_month))
    assert {r.day: r.hours for r in aggregates.hours_by_day(person.id)} == pytest.approx(
        dict(by_day)
    )


def test_seeded_demo_first_activity(demo_services: Services, clock: FixedClock) -> None:
    person = demo_services.people.list()[0]
    first = LearningAggregates(demo_services.database).first_activity(person.id)
    entries = demo_services.learning.list_for(person.id)
    goals = demo_services.goals.list_for(person.id)
    assert first == min(
        [e.completed_on for e in entries]
        + [g.created_at.date() for g in goals]
        + [a.assessed_on for a in demo_services.assessments.list_for(person.id)]
    )
    assert first is not None and first < clock.today()
