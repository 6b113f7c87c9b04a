"""Figures for the next steps, summed by the database: hours, shares, last days, kinds, ratings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from planner.services.next_steps_inputs import NextStepsInputs
from planner.services.records import (
    AssessmentDraft,
    LearningDraft,
    PersonDraft,
    PersonRecord,
    RatingDraft,
)
from planner.services.service_set import Services
from planner.storage.models import LearningCompetency
from planner.vocabulary import LearningKind

TODAY = date(2026, 11, 21)
COUNTED = frozenset({"python-programming", "mentoring", "ml-algorithms"})


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


@pytest.fixture
def ada(services: Services) -> PersonRecord:
    return services.people.create(PersonDraft("Ada"))


class FreshReads:
    """:class:`NextStepsInputs` whose every call reads in a session of its own.

    A session holds one transaction; opened per call, it sees what the test wrote.
    """

    def __init__(self, services: Services) -> None:
        self._database = services.database

    def __getattr__(self, name: str) -> Callable[..., Any]:
        def read(*args: Any, **kwargs: Any) -> Any:
            with NextStepsInputs.reading(self._database) as inputs:
                return getattr(inputs, name)(*args, **kwargs)

        return read


@pytest.fixture
def inputs(services: Services) -> FreshReads:
    return FreshReads(services)


def log(
    services: Services,
    person: PersonRecord,
    day: date,
    hours: float,
    *ids: str,
    title: str = "Entry",
    kind: LearningKind = LearningKind.COURSE,
) -> int:
    draft = LearningDraft(title, kind, day, hours, ids)
    return services.learning.add(person.id, draft).id


def test_hours_after_each_day_count_only_up_to_until(
    services: Services, ada: PersonRecord, inputs: FreshReads
) -> None:
    log(services, ada, ago(100), 4.0)
    log(services, ada, ago(50), 2.5, "mentoring")
    log(services, ada, ago(10), 1.0)
    log(services, ada, ago(10), 0.5)
    bo = services.people.create(PersonDraft("Bo"))
    log(services, bo, ago(10), 9.0)

    assert inputs.hours_after(ada.id, [ago(60), ago(10), None], TODAY) == {
        ago(60): 4.0,
        ago(10): 0.0,  # strictly after the day
        None: 8.0,
    }
    assert inputs.hours_after(ada.id, [ago(200)], ago(20)) == {ago(200): 6.5}
    assert inputs.hours_after(ada.id, [], TODAY) == {}
    assert inputs.last_day(ada.id, TODAY) == ago(10)
    assert inputs.last_day(ada.id, ago(11)) == ago(50)
    assert inputs.last_day(ada.id, ago(101)) is None


def test_hours_are_shared_among_the_counted_competencies_after_each_cut_off(
    services: Services, ada: PersonRecord, inputs: FreshReads
) -> None:
    log(services, ada, ago(40), 6.0, "python-programming", "mentoring", "ml-algorithms")
    shared = log(services, ada, ago(20), 3.0, "python-programming", "mentoring")
    log(services, ada, ago(5), 2.0, "mentoring", kind=LearningKind.ON_THE_JOB)
    log(services, ada, ago(5), 7.0, "model-deployment")  # not counted here
    with services.database.session() as session:  # a competency of another framework
        session.add(LearningCompetency(learning_entry_id=shared, competency_id="retired-skill"))

    every_30, own_days = dict.fromkeys(COUNTED, ago(30)), {"mentoring": ago(10)}
    found = inputs.window_figures(ada.id, COUNTED, [every_30, own_days, {}], ago(25), TODAY)

    # The 3 h entry is split between its two counted competencies only.
    assert found.hours == [{"python-programming": 1.5, "mentoring": 3.5}, {"mentoring": 2.0}, {}]
    assert found.since == ago(30)
    assert found.last_days == {
        "python-programming": ago(20),
        "mentoring": ago(5),
        "retired-skill": ago(20),
        "model-deployment": ago(5),
    }
    assert found.kinds == {
        "python-programming": frozenset({LearningKind.COURSE}),
        "mentoring": frozenset({LearningKind.COURSE, LearningKind.ON_THE_JOB}),
        "retired-skill": frozenset({LearningKind.COURSE}),
        "model-deployment": frozenset({LearningKind.COURSE}),
    }
    everything = dict.fromkeys(COUNTED, ago(365))
    earlier = inputs.window_figures(ada.id, COUNTED, [everything], ago(365), ago(10))
    assert earlier.hours == [{"python-programming": 3.5, "mentoring": 3.5, "ml-algorithms": 2.0}]
    assert inputs.window_figures(ada.id, frozenset(), [everything], ago(365), TODAY).hours == [{}]


def test_thirds_of_an_hour_add_up_without_float_noise(
    services: Services, ada: PersonRecord, inputs: FreshReads
) -> None:
    for day in range(1, 11):
        log(services, ada, ago(day), 1.0, *sorted(COUNTED))
        log(services, ada, ago(day), 1.0, *sorted(COUNTED), kind=LearningKind.BOOK)

    found = inputs.window_figures(
        ada.id, COUNTED, [dict.fromkeys(COUNTED, ago(30))], ago(30), TODAY
    )

    assert found.hours == [dict.fromkeys(COUNTED, round(20 / 3, 9))]


def test_last_days_look_back_as_far_as_needed(
    services: Services, ada: PersonRecord, inputs: FreshReads
) -> None:
    log(services, ada, ago(3), 1.0, "python-programming")
    log(services, ada, ago(200), 1.0, "mentoring")
    log(services, ada, ago(6 * 365), 1.0, "ml-algorithms", "mentoring")
    log(services, ada, ago(1), 1.0, "ml-algorithms")

    wanted = ["python-programming", "mentoring", "ml-algorithms", "ai-ethics"]
    assert inputs.last_days(ada.id, wanted, TODAY) == {
        "python-programming": ago(3),
        "mentoring": ago(200),
        "ml-algorithms": ago(1),
    }
    assert inputs.last_days(ada.id, wanted, ago(2)) == {
        "python-programming": ago(3),
        "mentoring": ago(200),
        "ml-algorithms": ago(6 * 365),
    }
    assert inputs.last_days(ada.id, [], TODAY) == {}


def test_titles_are_distinct_and_end_on_until(
    services: Services, ada: PersonRecord, inputs: FreshReads
) -> None:
    log(services, ada, ago(300), 1.0, "mentoring", title="Old course")
    log(services, ada, ago(30), 1.0, "mentoring", title="Paired")
    log(services, ada, ago(20), 1.0, title="Paired")
    log(services, ada, ago(2), 1.0, title="A talk")

    assert inputs.titles(ada.id, TODAY) == {"A talk", "Old course", "Paired"}
    assert inputs.titles(ada.id, ago(25)) == {"Old course", "Paired"}


def assess(services: Services, person: PersonRecord, day: date, levels: dict[str, int]) -> int:
    ratings = tuple(RatingDraft(c, level) for c, level in levels.items())
    return services.assessments.create(person.id, AssessmentDraft(day, ratings)).id


def test_newest_assessments_hold_the_two_newest_ratings_of_each_competency(
    services: Services, ada: PersonRecord, inputs: FreshReads
) -> None:
    entry = log(services, ada, ago(400), 2.0, "mentoring")
    first = services.assessments.create(
        ada.id,
        AssessmentDraft(ago(300), (RatingDraft("ai-ethics", 2, "", (entry,)),)),
    ).id
    older = [
        assess(services, ada, ago(day), {"mentoring": 3, "ml-algorithms": 3}) for day in (90, 60)
    ]
    newer = [
        assess(services, ada, ago(day), {"mentoring": 4, "ml-algorithms": 3}) for day in (30, 5)
    ]
    future = assess(services, ada, ago(0), {"mentoring": 5})
    bo = services.people.create(PersonDraft("Bo"))
    assess(services, bo, ago(1), {"mentoring": 2})
    competencies = ["mentoring", "ml-algorithms", "ai-ethics"]

    found = inputs.newest_assessments(ada.id, ago(1), competencies)

    # ai-ethics was rated once, long ago; the others twice lately; today's is after "until".
    assert [a.id for a in found] == [first, *newer]
    assert found[0].ratings[0].learning_entry_ids == (entry,)
    assert {a.id for a in inputs.newest_assessments(ada.id, TODAY, ["mentoring"])} == {
        newer[1],
        future,
    }
    # The newest assessment always comes, even when no competency is asked about.
    assert [a.id for a in inputs.newest_assessments(ada.id, TODAY, [])] == [future]
    assert all(a.id not in older for a in found)
    assert inputs.newest_assessments(bo.id, ago(2), competencies) == []
