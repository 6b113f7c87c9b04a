"""People: adding, changing, finding and removing the people whose paths are planned."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from planner.errors import NotFoundError, ValidationError
from planner.services.clock import FixedClock
from planner.services.records import (
    AssessmentDraft,
    GoalDraft,
    LearningDraft,
    PersonDraft,
    RatingDraft,
)
from planner.services.service_set import Services
from planner.vocabulary import DecisionKind, LearningKind

TODAY = date(2026, 11, 21)


def test_a_new_person_gets_the_builtin_framework_and_is_stamped(services: Services) -> None:
    ada = services.people.create(PersonDraft("  Ada Lovelace ", current_role=" ML engineer "))

    assert ada.name == "Ada Lovelace"
    assert ada.current_role == "ML engineer"
    assert ada.framework_id == "senior-ml-developer"
    assert ada.target_profile_id == "senior-ml-developer"
    assert ada.created_at == datetime(2026, 11, 21, 12, 0)
    assert services.people.get(ada.id) == ada
    assert services.people.framework_of(ada).id == "senior-ml-developer"


def test_people_are_listed_by_name_and_counted(services: Services) -> None:
    for name in ("Grace", "Ada", "Linus"):
        services.people.create(PersonDraft(name))

    assert [p.name for p in services.people.list()] == ["Ada", "Grace", "Linus"]
    assert services.people.count() == 3


def test_a_person_is_found_by_name_in_any_case_or_alone_without_one(services: Services) -> None:
    with pytest.raises(NotFoundError, match="no person yet"):
        services.people.find(None)
    ada = services.people.create(PersonDraft("Ada"))
    assert services.people.find(None) == ada
    grace = services.people.create(PersonDraft("Grace"))

    assert services.people.find("  gRACE ") == grace
    with pytest.raises(NotFoundError, match="choose one of: Ada, Grace"):
        services.people.find(None)
    with pytest.raises(NotFoundError, match="No person called 'Linus'"):
        services.people.find("Linus")


def test_a_person_changes_target_profile_and_weekly_hours(services: Services) -> None:
    ada = services.people.create(PersonDraft("Ada"))
    draft = PersonDraft(
        "Ada King",
        current_role="Staff engineer",
        target_profile_id="ml-engineering-manager",
        target_date=date(2027, 6, 30),
        weekly_hours=4.5,
    )

    changed = services.people.update(ada.id, draft)

    assert changed.id == ada.id
    assert changed.created_at == ada.created_at
    assert (changed.name, changed.target_profile_id) == ("Ada King", "ml-engineering-manager")
    assert (changed.target_date, changed.weekly_hours) == (date(2027, 6, 30), 4.5)
    assert services.people.get(ada.id) == changed


def test_a_target_date_that_has_passed_may_be_kept_but_not_newly_chosen(
    services: Services, clock: FixedClock
) -> None:
    ada = services.people.create(PersonDraft("Ada", target_date=TODAY))
    clock.moment = datetime(2027, 1, 10, 9, 0)

    kept = services.people.update(ada.id, PersonDraft("Ada Lovelace", target_date=TODAY))
    assert kept.target_date == TODAY
    with pytest.raises(ValidationError) as caught:
        services.people.update(ada.id, PersonDraft("Ada", target_date=date(2027, 1, 9)))
    assert set(caught.value.field_errors) == {"target_date"}


@pytest.mark.parametrize(
    ("draft", "fields"),
    [
        (PersonDraft(""), {"name"}),
        (PersonDraft(" \t "), {"name"}),
        (PersonDraft("x" * 201), {"name"}),
        (PersonDraft("Ada", current_role="r" * 201), {"current_role"}),
        (PersonDraft("Ada", target_profile_id="astronaut"), {"target_profile_id"}),
        (PersonDraft("Ada", framework_id="company-ladder"), {"framework_id"}),
        (PersonDraft("Ada", target_date=date(2026, 11, 20)), {"target_date"}),
        (PersonDraft("Ada", weekly_hours=0), {"weekly_hours"}),
        (PersonDraft("Ada", weekly_hours=80.5), {"weekly_hours"}),
        (PersonDraft("Ada", weekly_hours=float("nan")), {"weekly_hours"}),
        (
            PersonDraft("", target_profile_id="astronaut", weekly_hours=-1),
            {"name", "target_profile_id", "weekly_hours"},
        ),
    ],
)
def test_a_bad_person_is_refused_field_by_field_and_nothing_is_stored(
    services: Services, draft: PersonDraft, fields: set[str]
) -> None:
    with pytest.raises(ValidationError) as caught:
        services.people.create(draft)

    assert set(caught.value.field_errors) == fields
    assert services.people.count() == 0


def test_the_limits_themselves_are_accepted(services: Services) -> None:
    draft = PersonDraft("x" * 200, current_role="r" * 200, target_date=TODAY, weekly_hours=80)

    assert services.people.create(draft).name == "x" * 200


def test_two_people_cannot_share_a_name(services: Services) -> None:
    ada = services.people.create(PersonDraft("Ada"))
    grace = services.people.create(PersonDraft("Grace"))

    for name in ("Ada", "  Ada  "):
        with pytest.raises(ValidationError) as caught:
            services.people.create(PersonDraft(name))
        assert set(caught.value.field_errors) == {"name"}
        assert "already a person called 'Ada'" in caught.value.field_errors["name"]
    with pytest.raises(ValidationError) as caught:
        services.people.update(grace.id, PersonDraft("Ada", weekly_hours=3))
    assert set(caught.value.field_errors) == {"name"}

    assert services.people.count() == 2
    assert services.people.get(grace.id) == grace
    assert services.people.update(ada.id, PersonDraft("Ada", weekly_hours=2)).weekly_hours == 2


def test_a_refused_update_leaves_the_person_as_they_were(services: Services) -> None:
    ada = services.people.create(PersonDraft("Ada", weekly_hours=5))

    with pytest.raises(ValidationError) as caught:
        services.people.update(ada.id, PersonDraft("Ada Lovelace", weekly_hours=500))

    assert set(caught.value.field_errors) == {"weekly_hours"}
    assert services.people.get(ada.id) == ada


def test_deleting_a_person_removes_everything_recorded_for_them(services: Services) -> None:
    ada = services.people.create(PersonDraft("Ada"))
    grace = services.people.create(PersonDraft("Grace"))
    for person in (ada, grace):
        entry = services.learning.add(
            person.id, LearningDraft("Book", LearningKind.BOOK, TODAY, 3, ("ml-algorithms",))
        )
        rating = RatingDraft("ml-algorithms", 3, learning_entry_ids=(entry.id,))
        services.assessments.create(person.id, AssessmentDraft(TODAY, (rating,)))
        services.goals.create(person.id, GoalDraft("Ship a model"))
        services.decisions.record(person.id, "next-step", DecisionKind.DISMISSED)

    removed = services.people.delete(ada.id)

    assert removed == ada
    assert services.people.list() == [grace]
    assert services.learning.count(ada.id) == 0
    assert services.goals.list_for(ada.id) == []
    assert services.assessments.list_for(ada.id) == []
    assert services.decisions.list_for(ada.id) == []
    assert services.learning.count(grace.id) == 1
    assert len(services.goals.list_for(grace.id)) == 1
    assert services.assessments.list_for(grace.id)[0].ratings[0].learning_entry_ids != ()
    assert len(services.decisions.list_for(grace.id)) == 1


def test_unknown_people_are_not_found(services: Services) -> None:
    with pytest.raises(NotFoundError, match="No person with id 42"):
        services.people.get(42)
    with pytest.raises(NotFoundError):
        services.people.update(42, PersonDraft("Ada"))
    with pytest.raises(NotFoundError):
        services.people.delete(42)
    assert services.people.count() == 0


def test_names_differing_only_in_case_are_the_same_person(services: Services) -> None:
    services.people.create(PersonDraft("Ada"))
    with pytest.raises(ValidationError) as info:
        services.people.create(PersonDraft("ADA "))
    assert "already a person called" in info.value.field_errors["name"]
    assert services.people.count() == 1
