"""Goal and milestone due dates as an RFC 5545 calendar (.ics), built with ``icalendar``.

Every dated goal and every dated milestone becomes one all-day event. Each event's
UID is made from stored identities (the goal's and the person's), never from the
export time, so importing a newer export into a calendar updates the events it
already holds instead of adding copies; ``SEQUENCE`` follows the goal's edit
version, and a dropped goal comes out cancelled so the calendar drops it too.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from planner.errors import PlannerError
from planner.services.records import GoalRecord, MilestoneRecord, PersonRecord
from planner.services.service_set import Services
from planner.vocabulary import GoalStatus

PRODUCT_ID = "-//Learning Path Planner//Goal due dates//EN"
UID_DOMAIN = "learning-path-planner"
EVENT_STATUS = {
    GoalStatus.PLANNED: "TENTATIVE",
    GoalStatus.ACTIVE: "CONFIRMED",
    GoalStatus.DONE: "CONFIRMED",
    GoalStatus.DROPPED: "CANCELLED",
}


def person_key(person: PersonRecord) -> str:
    """A stable name for the person: their uid, else their id and creation time."""
    if person.uid:
        return person.uid
    return f"person-{person.id}-{person.created_at:%Y%m%dT%H%M%S}"


def goal_key(goal: GoalRecord) -> str:
    """A stable name for the goal: its uid, else its id."""
    return goal.uid or str(goal.id)


def goal_uid(person: PersonRecord, goal: GoalRecord) -> str:
    """E.g. ``goal-<goal uid>@<person uid>.learning-path-planner``."""
    return f"goal-{goal_key(goal)}@{person_key(person)}.{UID_DOMAIN}"


def milestone_uid(person: PersonRecord, goal: GoalRecord, milestone: MilestoneRecord) -> str:
    """E.g. ``milestone-12.goal-<goal uid>@<person uid>.learning-path-planner``."""
    return f"milestone-{milestone.id}.goal-{goal_key(goal)}@{person_key(person)}.{UID_DOMAIN}"


def _all_day(event: Event, day: date) -> None:
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("transp", "TRANSPARENT")  # a due date does not make anyone busy


def _stamp(event: Event, goal: GoalRecord, uid: str, stamp: datetime) -> None:
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("sequence", max(0, goal.version - 1))
    event.add("status", EVENT_STATUS[goal.status])


def goal_event(person: PersonRecord, goal: GoalRecord, stamp: datetime) -> Event:
    """The event on a goal's due date."""
    assert goal.due_date is not None
    event = Event()
    _stamp(event, goal, goal_uid(person, goal), stamp)
    prefix = "Done: " if goal.status is GoalStatus.DONE else "Goal due: "
    event.add("summary", prefix + goal.title)
    lines = [
        f"Status: {goal.status.value}; priority: {goal.priority.value}.",
        *(f"[{'x' if m.done else ' '}] {m.text}" for m in goal.milestones),
    ]
    if goal.description.strip():
        lines.extend(["", goal.description.strip()])
    event.add("description", "\n".join(lines))
    event.add("categories", ["Learning goal"])
    _all_day(event, goal.due_date)
    return event


def milestone_event(
    person: PersonRecord, goal: GoalRecord, milestone: MilestoneRecord, stamp: datetime
) -> Event:
    """The event on a milestone's due date."""
    assert milestone.due_date is not None
    event = Event()
    _stamp(event, goal, milestone_uid(person, goal, milestone), stamp)
    prefix = "Done: " if milestone.done else "Milestone: "
    event.add("summary", f"{prefix}{milestone.text}")
    state = "done" if milestone.done else "open"
    event.add("description", f"Milestone ({state}) of the goal “{goal.title}”.")
    event.add("categories", ["Learning goal milestone"])
    _all_day(event, milestone.due_date)
    return event


def goals_calendar(person: PersonRecord, goals: list[GoalRecord], now: datetime) -> Calendar:
    """A calendar of ``person``'s dated goals and milestones (``now`` naive UTC)."""
    stamp = now.replace(tzinfo=UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{person.name}: learning goals")
    for goal in sorted(goals, key=lambda g: g.id):
        if goal.due_date is not None:
            calendar.add_component(goal_event(person, goal, stamp))
        for milestone in goal.milestones:
            if milestone.due_date is not None:
                calendar.add_component(milestone_event(person, goal, milestone, stamp))
    return calendar


def write_calendar(services: Services, person_id: int, path: Path) -> int:
    """Write the person's goal and milestone due dates to ``path``; returns the event count."""
    if path.is_dir():
        raise PlannerError(f"{path} is a folder; give the name of the calendar file to write.")
    person = services.people.get(person_id)
    calendar = goals_calendar(person, services.goals.list_for(person_id), services.clock.now())
    try:
        path.write_bytes(calendar.to_ical())
    except OSError as exc:
        raise PlannerError(f"Cannot write {path}: {exc.strerror or exc}") from None
    return len(calendar.walk("VEVENT"))
