"""The .ics export: one all-day event per dated goal and milestone, with UIDs that stay put."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar, Event

from planner.errors import PlannerError
from planner.report.calendar_ics import write_calendar
from planner.services.records import GoalDraft, MilestoneDraft
from planner.services.service_set import Services
from planner.vocabulary import GoalStatus
from tests.report.conftest import INJECTION, add_injected_goal, add_tiny_person


def events(path: Path) -> dict[str, Event]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_one_event_per_dated_goal_and_milestone(demo_db: Services, tmp_path: Path) -> None:
    person_id = demo_db.people.list()[0].id
    goals = demo_db.goals.list_for(person_id)
    dated = sum(1 for g in goals if g.due_date) + sum(
        1 for g in goals for m in g.milestones if m.due_date
    )
    path = tmp_path / "goals.ics"
    assert write_calendar(demo_db, person_id, path) == dated
    found = events(path)
    assert len(found) == dated
    calendar = Calendar.from_ical(path.read_bytes())
    assert str(calendar["VERSION"]) == "2.0" and "Learning Path Planner" in str(calendar["PRODID"])
    reading = next(g for g in goals if g.title == "Start a monthly ML reading group")
    event = next(e for e in found.values() if str(e["SUMMARY"]).endswith(reading.title))
    assert event.decoded("DTSTART") == reading.due_date  # an all-day event on the due date
    assert event.decoded("DTEND") == date(2026, 11, 4)
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "[x] Find four regular participants" in str(event["DESCRIPTION"])


def test_uids_are_stable_across_exports_and_edits(services: Services, tmp_path: Path) -> None:
    person_id = add_tiny_person(services)
    goal = services.goals.create(
        person_id,
        GoalDraft(
            "Give a talk",
            due_date=date(2027, 2, 1),
            milestones=(MilestoneDraft("Outline", due_date=date(2026, 12, 15)),),
        ),
    )
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    write_calendar(services, person_id, first)
    services.goals.update(
        goal.id, replace(goal.to_draft(), title="Give a conference talk", status=GoalStatus.ACTIVE)
    )
    write_calendar(services, person_id, second)
    before, after = events(first), events(second)
    assert set(before) == set(after) and len(after) == 2
    goal_uid = next(uid for uid in after if uid.startswith("goal-"))
    assert goal_uid.endswith(".learning-path-planner")
    assert str(after[goal_uid]["SUMMARY"]) == "Goal due: Give a conference talk"
    assert int(after[goal_uid]["SEQUENCE"]) > int(before[goal_uid]["SEQUENCE"])


def test_dropped_goals_come_out_cancelled_and_undated_ones_not_at_all(
    services: Services, tmp_path: Path
) -> None:
    person_id = add_tiny_person(services)
    services.goals.create(
        person_id, GoalDraft("Old idea", due_date=date(2027, 1, 5), status=GoalStatus.DROPPED)
    )
    services.goals.create(person_id, GoalDraft("Someday"))
    path = tmp_path / "goals.ics"
    assert write_calendar(services, person_id, path) == 1
    (event,) = events(path).values()
    assert str(event["STATUS"]) == "CANCELLED"


def test_user_text_is_carried_verbatim(services: Services, tmp_path: Path) -> None:
    person_id = add_tiny_person(services)
    add_injected_goal(services, person_id)
    path = tmp_path / "goals.ics"
    write_calendar(services, person_id, path)
    summaries = sorted(str(e["SUMMARY"]) for e in events(path).values())
    assert summaries == [f"Goal due: {INJECTION}", f"Milestone: {INJECTION}"]


def test_a_bad_destination_is_explained(services: Services, tmp_path: Path) -> None:
    person_id = add_tiny_person(services)
    with pytest.raises(PlannerError, match="is a folder"):
        write_calendar(services, person_id, tmp_path)
    with pytest.raises(PlannerError, match="Cannot write"):
        write_calendar(services, person_id, tmp_path / "missing" / "goals.ics")
