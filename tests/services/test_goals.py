"""Goals and their ordered milestones: planning, editing, completing, reordering."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest

from planner.errors import NotFoundError, ValidationError
from planner.services.clock import FixedClock
from planner.services.records import (
    GoalCompetencyDraft,
    GoalDraft,
    GoalRecord,
    MilestoneDraft,
    PersonDraft,
    PersonRecord,
)
from planner.services.service_set import Services
from planner.vocabulary import GoalPriority, GoalStatus

NOW = datetime(2026, 11, 21, 12, 0)
GOAL = GoalDraft(
    "Lead a model review",
    competencies=(GoalCompetencyDraft("model-design-review", 4),),
    due_date=date(2027, 3, 1),
    milestones=(MilestoneDraft("Read the review guide"), MilestoneDraft("Shadow a review")),
)


@pytest.fixture
def ada(services: Services) -> PersonRecord:
    return services.people.create(PersonDraft("Ada"))


def texts(goal: GoalRecord) -> list[str]:
    assert [m.position for m in goal.milestones] == list(range(len(goal.milestones)))
    return [m.text for m in goal.milestones]


def test_a_goal_is_stored_with_its_competencies_and_milestones(
    services: Services, ada: PersonRecord
) -> None:
    goal = services.goals.create(ada.id, replace(GOAL, title="  Lead a model review "))

    assert goal.title == "Lead a model review"
    assert (goal.status, goal.priority) == (GoalStatus.PLANNED, GoalPriority.MEDIUM)
    assert (goal.created_at, goal.completed_at) == (NOW, None)
    assert goal.competencies == (GoalCompetencyDraft("model-design-review", 4),)
    assert texts(goal) == ["Read the review guide", "Shadow a review"]
    assert all(m.goal_id == goal.id and not m.done for m in goal.milestones)
    assert services.goals.get(goal.id) == goal
    draft = goal.to_draft()
    assert [m.id for m in draft.milestones] == [m.id for m in goal.milestones]
    assert replace(draft, milestones=GOAL.milestones) == GOAL


def test_the_record_returned_by_create_is_the_one_stored(
    services: Services, ada: PersonRecord
) -> None:
    two = (GoalCompetencyDraft("mentoring", 4), GoalCompetencyDraft("ai-ethics", 3))

    goal = services.goals.create(ada.id, replace(GOAL, competencies=two))

    assert services.goals.get(goal.id) == goal


def test_goals_are_listed_by_due_date_with_undated_last(
    services: Services, ada: PersonRecord
) -> None:
    for title, due in (("undated", None), ("later", date(2027, 6, 1)), ("soon", date(2027, 1, 1))):
        services.goals.create(ada.id, replace(GOAL, title=title, due_date=due))
    services.goals.create(services.people.create(PersonDraft("Grace")).id, GOAL)

    assert [g.title for g in services.goals.list_for(ada.id)] == ["soon", "later", "undated"]
    soon = services.goals.list_for(ada.id)[0]
    services.goals.set_status(soon.id, GoalStatus.DROPPED)
    open_goals = services.goals.list_for(ada.id, {GoalStatus.PLANNED, GoalStatus.ACTIVE})
    assert [g.title for g in open_goals] == ["later", "undated"]


def test_open_goals_are_listed_before_finished_ones(services: Services, ada: PersonRecord) -> None:
    services.goals.create(ada.id, replace(GOAL, title="done", status=GoalStatus.DONE))
    services.goals.create(ada.id, replace(GOAL, title="open", due_date=date(2027, 9, 1)))

    assert [g.title for g in services.goals.list_for(ada.id)] == ["open", "done"]


def test_editing_a_goal_keeps_its_id_creation_and_milestone_ids(
    services: Services, ada: PersonRecord
) -> None:
    goal = services.goals.create(ada.id, GOAL)
    ids = [m.id for m in goal.milestones]
    draft = replace(
        goal.to_draft(),
        title="Run a model review",
        priority=GoalPriority.HIGH,
        status=GoalStatus.ACTIVE,
        milestones=(*goal.to_draft().milestones, MilestoneDraft("Lead one")),
    )

    edited = services.goals.update(goal.id, draft)

    assert (edited.id, edited.created_at, edited.title) == (goal.id, NOW, "Run a model review")
    assert (edited.priority, edited.status) == (GoalPriority.HIGH, GoalStatus.ACTIVE)
    assert [m.id for m in edited.milestones][:2] == ids
    assert texts(edited) == ["Read the review guide", "Shadow a review", "Lead one"]
    assert [m.id for m in services.goals.set_status(goal.id, GoalStatus.DONE).milestones][:2] == ids


def test_completion_is_stamped_when_done_and_cleared_when_reopened(
    services: Services, ada: PersonRecord, clock: FixedClock
) -> None:
    goal = services.goals.create(ada.id, GOAL)
    clock.moment = datetime(2026, 12, 5, 17, 30)
    done = services.goals.set_status(goal.id, GoalStatus.DONE)
    assert (done.status, done.completed_at) == (GoalStatus.DONE, datetime(2026, 12, 5, 17, 30))

    clock.moment = datetime(2026, 12, 9, 8, 0)
    retitled = services.goals.update(goal.id, replace(done.to_draft(), title="Reviewed"))
    assert retitled.completed_at == datetime(2026, 12, 5, 17, 30)

    reopened = services.goals.set_status(goal.id, GoalStatus.ACTIVE)
    assert reopened.completed_at is None
    assert services.goals.create(ada.id, replace(GOAL, status=GoalStatus.DONE)).completed_at == (
        datetime(2026, 12, 9, 8, 0)
    )


def test_milestones_are_added_changed_ticked_moved_and_deleted(
    services: Services, ada: PersonRecord
) -> None:
    goal = services.goals.create(ada.id, GOAL)
    goal = services.goals.add_milestone(
        goal.id, MilestoneDraft("Lead one", False, date(2027, 2, 1))
    )
    read, shadow, lead = (m.id for m in goal.milestones)
    assert texts(goal) == ["Read the review guide", "Shadow a review", "Lead one"]

    goal = services.goals.update_milestone(shadow, MilestoneDraft(" Shadow two ", True))
    assert (goal.milestones[1].text, goal.milestones[1].done) == ("Shadow two", True)
    goal = services.goals.set_milestone_done(read, True)
    assert [m.done for m in goal.milestones] == [True, True, False]

    goal = services.goals.move_milestone(lead, 0)
    assert [m.id for m in goal.milestones] == [lead, read, shadow]
    goal = services.goals.move_milestone(lead, 99)
    assert [m.id for m in goal.milestones] == [read, shadow, lead]
    goal = services.goals.move_milestone(shadow, -3)
    assert [m.id for m in goal.milestones] == [shadow, read, lead]
    assert services.goals.get(goal.id) == goal

    goal = services.goals.delete_milestone(read)
    assert [m.id for m in goal.milestones] == [shadow, lead]
    assert texts(goal) == ["Shadow two", "Lead one"]
    assert services.goals.get(goal.id) == goal


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"title": ""}, {"title"}),
        ({"title": " \t"}, {"title"}),
        ({"title": "g" * 201}, {"title"}),
        ({"due_date": date(2026, 11, 20)}, {"due_date"}),
        ({"competencies": (GoalCompetencyDraft("alchemy", 3),)}, {"competencies"}),
        (
            {"competencies": (GoalCompetencyDraft("mentoring", 3),) * 2},
            {"competencies"},
        ),
        ({"competencies": (GoalCompetencyDraft("mentoring", 0),)}, {"competencies.mentoring"}),
        ({"competencies": (GoalCompetencyDraft("mentoring", 6),)}, {"competencies.mentoring"}),
        ({"competencies": (GoalCompetencyDraft("mentoring", True),)}, {"competencies.mentoring"}),
        ({"priority": "urgent"}, {"priority"}),
        ({"status": "paused"}, {"status"}),
        ({"milestones": (MilestoneDraft(" "),)}, {"milestones[0].text"}),
        ({"milestones": (MilestoneDraft("ok"), MilestoneDraft("m" * 501))}, {"milestones[1].text"}),
        (
            {"milestones": (MilestoneDraft("early", due_date=date(2026, 1, 1)),)},
            {"milestones[0].due_date"},
        ),
        ({"title": "", "due_date": date(2020, 1, 1)}, {"title", "due_date"}),
    ],
)
def test_bad_goals_are_refused_field_by_field_and_nothing_is_written(
    services: Services, ada: PersonRecord, changes: dict[str, Any], fields: set[str]
) -> None:
    kept = services.goals.create(ada.id, GOAL)
    bad = replace(GOAL, **changes)

    with pytest.raises(ValidationError) as on_create:
        services.goals.create(ada.id, bad)
    with pytest.raises(ValidationError) as on_update:
        services.goals.update(kept.id, bad)

    assert set(on_create.value.field_errors) == fields
    assert set(on_update.value.field_errors) == fields
    assert services.goals.list_for(ada.id) == [kept]


def test_the_limits_themselves_are_accepted(services: Services, ada: PersonRecord) -> None:
    goal = services.goals.create(
        ada.id,
        GoalDraft(
            "g" * 200,
            competencies=(GoalCompetencyDraft("mentoring", 1), GoalCompetencyDraft("ai-ethics", 5)),
            due_date=date(2026, 11, 21),
            milestones=(MilestoneDraft("m" * 500, due_date=date(2026, 11, 21)),),
        ),
    )

    assert goal.title == "g" * 200
    assert {c.target_level for c in goal.competencies} == {1, 5}


def test_due_dates_are_checked_against_the_goal_s_creation_not_today(
    services: Services, ada: PersonRecord, clock: FixedClock
) -> None:
    goal = services.goals.create(ada.id, replace(GOAL, due_date=date(2026, 11, 25)))
    clock.moment = datetime(2027, 1, 15, 9, 0)

    overdue = services.goals.update(goal.id, replace(goal.to_draft(), title="Still on it"))
    assert overdue.is_overdue(clock.today())
    with pytest.raises(ValidationError) as caught:
        services.goals.update(goal.id, replace(goal.to_draft(), due_date=date(2026, 11, 20)))
    assert set(caught.value.field_errors) == {"due_date"}


def test_bad_milestone_changes_are_refused_and_nothing_is_written(
    services: Services, ada: PersonRecord
) -> None:
    goal = services.goals.create(ada.id, GOAL)
    first = goal.milestones[0].id

    with pytest.raises(ValidationError) as on_add:
        services.goals.add_milestone(goal.id, MilestoneDraft(""))
    assert set(on_add.value.field_errors) == {"milestones[2].text"}
    with pytest.raises(ValidationError) as on_update:
        services.goals.update_milestone(first, MilestoneDraft("", due_date=date(2026, 11, 1)))
    assert set(on_update.value.field_errors) == {"milestone.text", "milestone.due_date"}

    assert services.goals.get(goal.id) == goal


def test_a_deleted_goal_takes_its_milestones_along(services: Services, ada: PersonRecord) -> None:
    goal = services.goals.create(ada.id, GOAL)

    assert services.goals.delete(goal.id) == goal
    assert services.goals.list_for(ada.id) == []
    with pytest.raises(NotFoundError, match="No milestone with id"):
        services.goals.set_milestone_done(goal.milestones[0].id, True)


def test_unknown_goals_and_milestones_are_not_found(services: Services, ada: PersonRecord) -> None:
    unknown_goal_calls: list[Callable[[], object]] = [
        lambda: services.goals.create(999, GOAL),
        lambda: services.goals.get(999),
        lambda: services.goals.update(999, GOAL),
        lambda: services.goals.set_status(999, GoalStatus.DONE),
        lambda: services.goals.delete(999),
        lambda: services.goals.add_milestone(999, MilestoneDraft("x")),
        lambda: services.goals.update_milestone(999, MilestoneDraft("x")),
        lambda: services.goals.set_milestone_done(999, True),
        lambda: services.goals.move_milestone(999, 0),
        lambda: services.goals.delete_milestone(999),
    ]
    for call in unknown_goal_calls:
        with pytest.raises(NotFoundError):
            call()
    assert services.goals.list_for(ada.id) == []


def test_milestone_ids_follow_the_milestone_not_its_position(
    services: Services, ada: PersonRecord
) -> None:
    goal = services.goals.create(ada.id, GOAL)
    first, second = goal.milestones
    draft = goal.to_draft()

    edited = services.goals.update(goal.id, replace(draft, milestones=draft.milestones[1:]))

    [kept] = edited.milestones
    assert (kept.id, kept.text, kept.position) == (second.id, second.text, 0)
    assert first.id not in {m.id for m in edited.milestones}
