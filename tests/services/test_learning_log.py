"""The learning log: what a person completed, when, for how long, for which competencies."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.errors import NotFoundError, ValidationError
from planner.services.clock import FixedClock
from planner.services.records import LearningDraft, PersonDraft, PersonRecord
from planner.services.service_set import Services
from planner.vocabulary import LearningKind

TODAY = date(2026, 11, 21)
COURSE = LearningDraft(
    "Fast.ai part 1", LearningKind.COURSE, date(2026, 10, 1), 12.5, ("ml-algorithms",)
)


@pytest.fixture
def ada(services: Services) -> PersonRecord:
    return services.people.create(PersonDraft("Ada"))


def test_logged_learning_is_stored_as_given(services: Services, ada: PersonRecord) -> None:
    draft = LearningDraft(
        "  Designing ML Systems ",
        LearningKind.BOOK,
        date(2026, 9, 30),
        20,
        ("system-architecture", "model-deployment"),
        notes="Chapters 1-6\n",
        link=" https://example.org/book ",
    )

    entry = services.learning.add(ada.id, draft)

    assert entry.person_id == ada.id
    assert entry.title == "Designing ML Systems"
    assert entry.link == "https://example.org/book"
    assert entry.notes == "Chapters 1-6\n"
    assert entry.hours == 20.0
    assert set(entry.competency_ids) == {"system-architecture", "model-deployment"}
    assert entry.created_at == datetime(2026, 11, 21, 12, 0)
    stored = services.learning.get(entry.id)
    assert replace(stored, competency_ids=entry.competency_ids) == entry
    assert services.learning.count(ada.id) == 1


def test_the_record_returned_by_add_is_the_one_stored(
    services: Services, ada: PersonRecord
) -> None:
    draft = replace(COURSE, competency_ids=("system-architecture", "model-deployment"))

    entry = services.learning.add(ada.id, draft)

    assert services.learning.get(entry.id) == entry


def test_the_log_lists_newest_first_within_dates(services: Services, ada: PersonRecord) -> None:
    for day in (date(2026, 3, 1), date(2026, 5, 1), date(2026, 4, 1), date(2026, 5, 1)):
        services.learning.add(ada.id, replace(COURSE, title=f"On {day}", completed_on=day))
    grace = services.people.create(PersonDraft("Grace"))
    services.learning.add(grace.id, COURSE)

    log = services.learning.list_for(ada.id)
    assert [e.completed_on.month for e in log] == [5, 5, 4, 3]
    assert log[0].id > log[1].id
    spring = services.learning.list_for(ada.id, since=date(2026, 4, 1), until=date(2026, 4, 30))
    assert [e.completed_on for e in spring] == [date(2026, 4, 1)]
    assert len(services.learning.list_for(ada.id, limit=2)) == 2
    assert services.learning.count(grace.id) == 1


def test_an_entry_is_edited_in_place_and_deleted_with_undo_data(
    services: Services, ada: PersonRecord
) -> None:
    entry = services.learning.add(ada.id, COURSE)

    edited = services.learning.update(
        entry.id, replace(entry.to_draft(), hours=14, competency_ids=("mentoring",))
    )
    assert (edited.id, edited.created_at, edited.hours) == (entry.id, entry.created_at, 14)
    assert edited.competency_ids == ("mentoring",)

    removed = services.learning.delete(entry.id)
    assert removed == edited
    assert services.learning.count(ada.id) == 0
    assert services.learning.add(ada.id, removed.to_draft()).title == COURSE.title


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"title": ""}, {"title"}),
        ({"title": "   \n"}, {"title"}),
        ({"title": "t" * 201}, {"title"}),
        ({"hours": 0}, {"hours"}),
        ({"hours": -1}, {"hours"}),
        ({"hours": 1000.5}, {"hours"}),
        ({"hours": math.nan}, {"hours"}),
        ({"hours": math.inf}, {"hours"}),
        ({"completed_on": date(2026, 11, 22)}, {"completed_on"}),
        ({"completed_on": date(1969, 12, 31)}, {"completed_on"}),
        ({"competency_ids": ("ml-algorithms", "alchemy")}, {"competency_ids"}),
        ({"competency_ids": ("mentoring", "mentoring")}, {"competency_ids"}),
        ({"kind": "podcast"}, {"kind"}),
        ({"link": "l" * 2001}, {"link"}),
        (
            {"title": " ", "hours": 0, "completed_on": date(2030, 1, 1), "competency_ids": ("x",)},
            {"title", "hours", "completed_on", "competency_ids"},
        ),
    ],
)
def test_bad_entries_are_refused_field_by_field_and_nothing_is_written(
    services: Services, ada: PersonRecord, changes: dict[str, Any], fields: set[str]
) -> None:
    kept = services.learning.add(ada.id, COURSE)
    bad = replace(COURSE, **changes)

    with pytest.raises(ValidationError) as on_add:
        services.learning.add(ada.id, bad)
    with pytest.raises(ValidationError) as on_update:
        services.learning.update(kept.id, bad)
    with pytest.raises(ValidationError):
        services.learning.add_many(ada.id, [COURSE, bad])

    assert set(on_add.value.field_errors) == fields
    assert set(on_update.value.field_errors) == fields
    assert services.learning.list_for(ada.id) == [kept]


def test_the_limits_themselves_are_accepted(services: Services, ada: PersonRecord) -> None:
    for draft in (
        replace(COURSE, title="t" * 200),
        replace(COURSE, hours=1000),
        replace(COURSE, hours=0.01),
        replace(COURSE, completed_on=date(1970, 1, 1)),
        replace(COURSE, completed_on=TODAY),
        replace(COURSE, competency_ids=()),
    ):
        services.learning.add(ada.id, draft)

    assert services.learning.count(ada.id) == 6


def test_the_fixed_clock_decides_what_is_in_the_future(
    services: Services, ada: PersonRecord, clock: FixedClock
) -> None:
    tomorrow = replace(COURSE, completed_on=date(2026, 11, 22))
    with pytest.raises(ValidationError):
        services.learning.add(ada.id, tomorrow)

    clock.moment = datetime(2026, 11, 22, 8, 0)
    assert services.learning.add(ada.id, tomorrow).completed_on == date(2026, 11, 22)


def test_several_entries_are_added_together(services: Services, ada: PersonRecord) -> None:
    added = services.learning.add_many(
        ada.id, [COURSE, replace(COURSE, title="Paper", kind=LearningKind.PAPER, hours=2)]
    )

    assert [e.title for e in added] == ["Fast.ai part 1", "Paper"]
    assert services.learning.count(ada.id) == 2


def test_a_kind_given_as_its_string_value_is_stored(services: Services, ada: PersonRecord) -> None:
    entry = services.learning.add(ada.id, replace(COURSE, kind="book"))  # type: ignore[arg-type]

    assert entry.kind is LearningKind.BOOK


def test_unknown_people_and_entries_are_not_found(services: Services, ada: PersonRecord) -> None:
    with pytest.raises(NotFoundError):
        services.learning.add(999, COURSE)
    with pytest.raises(NotFoundError):
        services.learning.add_many(999, [COURSE])
    with pytest.raises(NotFoundError, match="No learning entry with id 999"):
        services.learning.get(999)
    with pytest.raises(NotFoundError):
        services.learning.update(999, COURSE)
    with pytest.raises(NotFoundError):
        services.learning.delete(999)
    assert services.learning.count(ada.id) == 0


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, int]]:
    """One database for every hypothesis example (function fixtures are not reset between)."""
    folder = tmp_path_factory.mktemp("learning-property")
    opened = Services.open(
        f"sqlite:///{folder / 'planner.sqlite'}", FixedClock(datetime(2026, 11, 21, 12))
    )
    try:
        yield opened, opened.people.create(PersonDraft("Property")).id
    finally:
        opened.close()


@settings(max_examples=50, deadline=None)
@given(
    hours=st.one_of(
        st.floats(allow_nan=True, allow_infinity=True),
        st.floats(min_value=-2, max_value=1002),
        st.sampled_from([0.0, -0.0, 1e-9, 1000.0, math.nextafter(1000.0, math.inf)]),
        st.integers(min_value=-5, max_value=1005),
    ),
    title=st.one_of(
        st.text(max_size=210),
        st.text(alphabet=" \t\n\u00a0\u2003", max_size=5),
        st.integers(min_value=195, max_value=205).map(lambda n: "é" * n),
    ),
)
def test_hours_and_titles_are_accepted_exactly_within_their_limits(
    shared: tuple[Services, int], hours: float, title: str
) -> None:
    services, person_id = shared
    hours_ok = math.isfinite(hours) and 0 < hours <= 1000
    title_ok = bool(title.strip()) and "\x00" not in title and len(title) <= 200
    before = services.learning.count(person_id)
    draft = replace(COURSE, title=title, hours=hours)

    if hours_ok and title_ok:
        entry = services.learning.add(person_id, draft)
        assert (entry.title, entry.hours) == (title.strip(), hours)
        assert services.learning.get(entry.id) == entry
        assert services.learning.count(person_id) == before + 1
    else:
        with pytest.raises(ValidationError) as caught:
            services.learning.add(person_id, draft)
        expected = {name for name, ok in (("hours", hours_ok), ("title", title_ok)) if not ok}
        assert set(caught.value.field_errors) == expected
        assert services.learning.count(person_id) == before


def test_restore_brings_back_the_entry_and_its_evidence_links(
    services: Services, ada: PersonRecord
) -> None:
    from planner.services.records import AssessmentDraft, RatingDraft

    course = services.learning.add(ada.id, COURSE)
    rating = RatingDraft("ml-algorithms", 3, learning_entry_ids=(course.id,))
    assessment = services.assessments.create(ada.id, AssessmentDraft(TODAY, (rating,)))
    links = services.learning.rating_links(course.id)
    assert len(links) == 1

    deleted = services.learning.delete(course.id)
    assert services.assessments.get(assessment.id).ratings[0].learning_entry_ids == ()
    restored = services.learning.restore(deleted, links)

    assert replace(restored, id=course.id) == course  # same fields, same creation time
    assert services.assessments.get(assessment.id).ratings[0].learning_entry_ids == (restored.id,)


def test_restore_skips_links_to_ratings_gone_since(services: Services, ada: PersonRecord) -> None:
    course = services.learning.add(ada.id, COURSE)
    deleted = services.learning.delete(course.id)
    restored = services.learning.restore(deleted, (987654,))
    assert services.learning.rating_links(restored.id) == ()
