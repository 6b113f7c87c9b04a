"""Assessments: dated snapshots of levels that are kept as history, never overwritten."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest

from planner.errors import NotFoundError, ValidationError
from planner.services.assessments import read_assessments
from planner.services.records import (
    AssessmentDraft,
    LearningDraft,
    PersonDraft,
    PersonRecord,
    RatingDraft,
)
from planner.services.service_set import Services
from planner.storage.models import Assessment
from planner.vocabulary import LearningKind, RaterKind

TODAY = date(2026, 11, 21)
SELF_CHECK = AssessmentDraft(
    date(2026, 6, 1),
    (RatingDraft("python-programming", 3), RatingDraft("mentoring", 2, evidence="One intern")),
)


@pytest.fixture
def ada(services: Services) -> PersonRecord:
    return services.people.create(PersonDraft("Ada"))


def test_a_self_assessment_is_stored_with_its_ratings(
    services: Services, ada: PersonRecord
) -> None:
    assessment = services.assessments.create(ada.id, replace(SELF_CHECK, notes="Mid-year"))

    assert assessment.person_id == ada.id
    assert (assessment.assessed_on, assessment.notes) == (date(2026, 6, 1), "Mid-year")
    assert (assessment.rater_kind, assessment.rater_name) == (RaterKind.SELF, None)
    assert assessment.rater_label == "Self"
    assert assessment.created_at == datetime(2026, 11, 21, 12, 0)
    assert assessment.levels == {"python-programming": 3, "mentoring": 2}
    assert assessment.ratings[1].evidence == "One intern"
    assert services.assessments.get(assessment.id) == assessment


def test_a_mentor_assessment_carries_the_mentor_s_name(
    services: Services, ada: PersonRecord
) -> None:
    draft = replace(SELF_CHECK, rater_kind=RaterKind.MENTOR, rater_name="  Grace Hopper ")

    assessment = services.assessments.create(ada.id, draft)

    assert (assessment.rater_kind, assessment.rater_name) == (RaterKind.MENTOR, "Grace Hopper")
    assert assessment.rater_label == "Grace Hopper"


def test_a_new_assessment_leaves_earlier_ones_as_they_were(
    services: Services, ada: PersonRecord
) -> None:
    first = services.assessments.create(ada.id, SELF_CHECK)
    second = services.assessments.create(
        ada.id, AssessmentDraft(date(2026, 11, 1), (RatingDraft("python-programming", 4),))
    )

    assert services.assessments.get(first.id) == first
    assert services.assessments.list_for(ada.id) == [first, second]
    assert services.assessments.latest(ada.id) == second
    assert services.assessments.get(first.id).levels["python-programming"] == 3


def test_latest_follows_the_assessment_date_and_the_rater(
    services: Services, ada: PersonRecord
) -> None:
    assert services.assessments.latest(ada.id) is None
    recent = services.assessments.create(ada.id, replace(SELF_CHECK, assessed_on=date(2026, 10, 1)))
    mentor = services.assessments.create(
        ada.id, replace(SELF_CHECK, rater_kind=RaterKind.MENTOR, rater_name="Grace")
    )
    backdated = services.assessments.create(
        ada.id, replace(SELF_CHECK, assessed_on=date(2025, 1, 1))
    )

    assert [a.id for a in services.assessments.list_for(ada.id)] == [
        backdated.id,
        mentor.id,
        recent.id,
    ]
    assert services.assessments.latest(ada.id) == recent
    assert services.assessments.latest(ada.id, RaterKind.MENTOR) == mentor
    assert services.assessments.latest(ada.id, RaterKind.SELF) == recent


def test_a_rating_links_the_learning_that_backs_it(services: Services, ada: PersonRecord) -> None:
    course, talk = (
        services.learning.add(ada.id, LearningDraft(title, LearningKind.COURSE, TODAY, 3))
        for title in ("Course", "Talk")
    )
    rating = RatingDraft("python-programming", 4, learning_entry_ids=(talk.id, course.id))

    assessment = services.assessments.create(ada.id, replace(SELF_CHECK, ratings=(rating,)))

    assert set(assessment.ratings[0].learning_entry_ids) == {course.id, talk.id}
    services.learning.delete(talk.id)
    kept = services.assessments.get(assessment.id)
    assert kept.levels == {"python-programming": 4}
    assert kept.ratings[0].learning_entry_ids == (course.id,)


def test_a_rating_cannot_link_learning_that_is_not_the_person_s(
    services: Services, ada: PersonRecord
) -> None:
    grace = services.people.create(PersonDraft("Grace"))
    theirs = services.learning.add(grace.id, LearningDraft("Book", LearningKind.BOOK, TODAY, 3))

    for ids in ((theirs.id,), (999,)):
        rating = RatingDraft("mentoring", 3, learning_entry_ids=ids)
        with pytest.raises(NotFoundError, match="No learning entries"):
            services.assessments.create(ada.id, replace(SELF_CHECK, ratings=(rating,)))

    assert services.assessments.list_for(ada.id) == []


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"assessed_on": date(2026, 11, 22)}, {"assessed_on"}),
        ({"assessed_on": date(1969, 12, 31)}, {"assessed_on"}),
        ({"rater_kind": RaterKind.MENTOR}, {"rater_name"}),
        ({"rater_kind": RaterKind.MENTOR, "rater_name": "  "}, {"rater_name"}),
        ({"rater_kind": RaterKind.MENTOR, "rater_name": "n" * 201}, {"rater_name"}),
        ({"rater_kind": "peer"}, {"rater_kind"}),
        ({"ratings": ()}, {"ratings"}),
        ({"ratings": (RatingDraft("alchemy", 3),)}, {"ratings"}),
        ({"ratings": (RatingDraft("mentoring", 3), RatingDraft("mentoring", 4))}, {"ratings"}),
        ({"ratings": (RatingDraft("mentoring", 0),)}, {"ratings.mentoring"}),
        ({"ratings": (RatingDraft("mentoring", 6),)}, {"ratings.mentoring"}),
        ({"ratings": (RatingDraft("mentoring", True),)}, {"ratings.mentoring"}),
        ({"ratings": (RatingDraft("mentoring", 3.0),)}, {"ratings.mentoring"}),  # type: ignore[arg-type]
        (
            {"assessed_on": date(2027, 1, 1), "rater_kind": RaterKind.MENTOR, "ratings": ()},
            {"assessed_on", "rater_name", "ratings"},
        ),
    ],
)
def test_bad_assessments_are_refused_field_by_field_and_nothing_is_written(
    services: Services, ada: PersonRecord, changes: dict[str, Any], fields: set[str]
) -> None:
    kept = services.assessments.create(ada.id, SELF_CHECK)

    with pytest.raises(ValidationError) as caught:
        services.assessments.create(ada.id, replace(SELF_CHECK, **changes))

    assert set(caught.value.field_errors) == fields
    assert services.assessments.list_for(ada.id) == [kept]


def test_the_limits_themselves_are_accepted(services: Services, ada: PersonRecord) -> None:
    for day in (date(1970, 1, 1), TODAY):
        ratings = (RatingDraft("mentoring", 1), RatingDraft("project-strategy", 5))
        services.assessments.create(ada.id, AssessmentDraft(day, ratings, RaterKind.MENTOR, "G"))

    assert [a.assessed_on for a in services.assessments.list_for(ada.id)] == [
        date(1970, 1, 1),
        TODAY,
    ]


def test_an_assessment_made_by_mistake_is_deleted(services: Services, ada: PersonRecord) -> None:
    kept = services.assessments.create(ada.id, SELF_CHECK)
    mistake = services.assessments.create(ada.id, replace(SELF_CHECK, assessed_on=TODAY))

    assert services.assessments.delete(mistake.id) == mistake
    assert services.assessments.list_for(ada.id) == [kept]
    assert services.assessments.latest(ada.id) == kept


def test_unknown_people_and_assessments_are_not_found(
    services: Services, ada: PersonRecord
) -> None:
    with pytest.raises(NotFoundError):
        services.assessments.create(999, SELF_CHECK)
    with pytest.raises(NotFoundError, match="No assessment with id 999"):
        services.assessments.get(999)
    with pytest.raises(NotFoundError):
        services.assessments.delete(999)
    assert services.assessments.list_for(ada.id) == []


def test_the_list_reads_exactly_what_one_assessment_at_a_time_reads(
    services: Services, ada: PersonRecord
) -> None:
    grace = services.people.create(PersonDraft("Grace"))
    course, talk = (
        services.learning.add(ada.id, LearningDraft(title, LearningKind.COURSE, TODAY, 3))
        for title in ("Course", "Talk")
    )
    linked = RatingDraft("python-programming", 4, "Shipped it", (talk.id, course.id))
    mentor = replace(SELF_CHECK, rater_kind=RaterKind.MENTOR, rater_name="Grace", notes="Q3")
    created = [
        services.assessments.create(ada.id, draft)
        for draft in (replace(SELF_CHECK, ratings=(linked, RatingDraft("mentoring", 1))), mentor)
    ]
    services.assessments.create(grace.id, SELF_CHECK)

    listed = services.assessments.list_for(ada.id)

    assert listed == created  # plain-column reads equal the records made from ORM rows
    assert listed == [services.assessments.get(a.id) for a in listed]
    assert [a.rater_label for a in listed] == ["Self", "Grace"]
    assert listed[0].ratings[0].learning_entry_ids == (course.id, talk.id)
    assert listed[0].ratings[1].learning_entry_ids == ()
    assert [a.person_id for a in services.assessments.list_for(grace.id)] == [grace.id]
    # Both on one day: the one recorded later is the latest.
    assert services.assessments.latest(ada.id) == listed[-1]
    assert services.assessments.latest(ada.id, RaterKind.SELF) == listed[0]


def test_read_assessments_orders_by_person_then_date(services: Services, ada: PersonRecord) -> None:
    grace = services.people.create(PersonDraft("Grace"))
    late = services.assessments.create(grace.id, replace(SELF_CHECK, assessed_on=date(2026, 9, 1)))
    early = services.assessments.create(grace.id, SELF_CHECK)
    own = services.assessments.create(ada.id, SELF_CHECK)

    with services.database.session() as session:
        everyone = read_assessments(session, Assessment.id.is_not(None))
        none = read_assessments(session, Assessment.id.in_([]))

    assert [a.id for a in everyone] == [own.id, early.id, late.id]
    assert everyone[1] == services.assessments.get(early.id)
    assert none == []
