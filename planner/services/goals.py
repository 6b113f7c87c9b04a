"""Goals and their ordered milestones."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import case, select
from sqlalchemy.orm import Session, selectinload

from planner.errors import NotFoundError
from planner.framework.schema import Framework
from planner.services.clock import Clock
from planner.services.people import PeopleService, get_person_row
from planner.services.records import (
    GoalCompetencyDraft,
    GoalDraft,
    GoalRecord,
    MilestoneDraft,
    MilestoneRecord,
)
from planner.services.validation import MAX_MILESTONE, FieldErrors
from planner.services.versions import bump, check_version, deleted_elsewhere
from planner.storage.database import Database
from planner.storage.models import Goal, GoalCompetency, Milestone, new_uid
from planner.vocabulary import GoalPriority, GoalStatus

OPEN_STATUSES = [s.value for s in GoalStatus if s.is_open]


def goal_record(row: Goal) -> GoalRecord:
    """Plain copy of a stored goal."""
    return GoalRecord(
        id=row.id,
        person_id=row.person_id,
        title=row.title,
        description=row.description,
        due_date=row.due_date,
        priority=GoalPriority(row.priority),
        status=GoalStatus(row.status),
        created_at=row.created_at,
        completed_at=row.completed_at,
        competencies=tuple(
            GoalCompetencyDraft(c.competency_id, c.target_level)
            for c in sorted(row.competencies, key=lambda c: c.competency_id)
        ),
        milestones=tuple(
            MilestoneRecord(m.id, m.goal_id, m.position, m.text, m.done, m.due_date)
            for m in row.milestones
        ),
        uid=row.uid,
        version=row.version,
    )


def validate_goal(draft: GoalDraft, framework: Framework, created_on: date) -> None:
    """Raise a :class:`~planner.errors.ValidationError` naming every bad field of ``draft``."""
    errors = FieldErrors()
    errors.title("title", draft.title)
    errors.text("description", draft.description)
    errors.competencies("competencies", [c.competency_id for c in draft.competencies], framework)
    for link in draft.competencies:
        errors.level(f"competencies.{link.competency_id}", link.target_level, framework)
    errors.date_not_before("due_date", draft.due_date, created_on, "The due date")
    if draft.priority not in set(GoalPriority):
        errors.add("priority", f"Unknown priority '{draft.priority}'.")
    if draft.status not in set(GoalStatus):
        errors.add("status", f"Unknown status '{draft.status}'.")
    for index, milestone in enumerate(draft.milestones):
        check_milestone(errors, f"milestones[{index}]", milestone, created_on)
    errors.raise_if_any()


def check_milestone(
    errors: FieldErrors, field: str, milestone: MilestoneDraft, created_on: date
) -> None:
    """Add problems of one milestone to ``errors``."""
    errors.title(f"{field}.text", milestone.text, "the milestone's text", MAX_MILESTONE)
    errors.date_not_before(
        f"{field}.due_date", milestone.due_date, created_on, "The milestone's due date"
    )


def apply_goal_draft(row: Goal, draft: GoalDraft, now: datetime) -> None:
    """Copy a validated draft onto a row; stamps ``completed_at`` when it becomes done."""
    row.title = draft.title.strip()
    row.description = draft.description
    row.due_date = draft.due_date
    row.priority = GoalPriority(draft.priority).value
    new_status = GoalStatus(draft.status)
    if new_status is GoalStatus.DONE and row.status != GoalStatus.DONE.value:
        row.completed_at = now
    elif new_status is not GoalStatus.DONE:
        row.completed_at = None
    row.status = new_status.value
    row.competencies = [
        GoalCompetency(competency_id=c.competency_id, target_level=c.target_level)
        for c in sorted(draft.competencies, key=lambda c: c.competency_id)
    ]
    existing = {m.id: m for m in row.milestones}
    milestones = []
    for position, draft_milestone in enumerate(draft.milestones):
        # A draft that names a milestone of this goal edits it, so ids follow identity.
        known = draft_milestone.id is not None and draft_milestone.id in existing
        milestone = existing[draft_milestone.id] if known else Milestone()  # type: ignore[index]
        milestone.position = position
        milestone.text = draft_milestone.text.strip()
        milestone.done = draft_milestone.done
        milestone.due_date = draft_milestone.due_date
        milestones.append(milestone)
    row.milestones = milestones


class GoalService:
    """Create, change, complete and remove goals and their milestones."""

    def __init__(self, database: Database, clock: Clock, people: PeopleService) -> None:
        self._db = database
        self._clock = clock
        self._people = people

    def list_for(self, person_id: int, statuses: set[GoalStatus] | None = None) -> list[GoalRecord]:
        """A person's goals: open ones by due date first, then the rest."""
        query = (
            select(Goal)
            .where(Goal.person_id == person_id)
            .options(selectinload(Goal.competencies), selectinload(Goal.milestones))
            .order_by(
                case((Goal.status.in_(OPEN_STATUSES), 0), else_=1),
                Goal.due_date.is_(None),
                Goal.due_date,
                Goal.id,
            )
        )
        if statuses:
            query = query.where(Goal.status.in_([s.value for s in statuses]))
        with self._db.session() as session:
            return [goal_record(row) for row in session.scalars(query)]

    def get(self, goal_id: int) -> GoalRecord:
        """One goal by id."""
        with self._db.session() as session:
            return goal_record(_get_goal(session, goal_id))

    def create(self, person_id: int, draft: GoalDraft) -> GoalRecord:
        """Add a goal with its milestones."""
        framework = self._people.framework_of(self._people.get(person_id))
        now = self._clock.now()
        validate_goal(draft, framework, self._clock.today())
        with self._db.session() as session:
            get_person_row(session, person_id)
            row = Goal(person_id=person_id, created_at=now, status=GoalStatus.PLANNED.value)
            apply_goal_draft(row, draft, now)
            session.add(row)
            session.flush()
            return goal_record(row)

    def restore(self, record: GoalRecord) -> GoalRecord:
        """Re-create a deleted goal as it was (undo of a delete), keeping its own dates.

        Dates are checked against the goal's original creation, not today, so an
        overdue goal comes back overdue rather than being refused.
        """
        framework = self._people.framework_of(self._people.get(record.person_id))
        draft = record.to_draft()
        draft = replace(draft, milestones=tuple(replace(m, id=None) for m in draft.milestones))
        validate_goal(draft, framework, record.created_at.date())
        with self._db.session() as session:
            get_person_row(session, record.person_id)
            row = Goal(
                person_id=record.person_id,
                created_at=record.created_at,
                status="",
                uid=record.uid or new_uid(),  # the same goal again, for review packets
            )
            apply_goal_draft(row, draft, record.completed_at or self._clock.now())
            row.completed_at = record.completed_at
            session.add(row)
            session.flush()
            return goal_record(row)

    def update(
        self, goal_id: int, draft: GoalDraft, *, expected_version: int | None = None
    ) -> GoalRecord:
        """Replace a goal's fields and milestone list.

        With ``expected_version`` (the version the caller read), a change saved
        elsewhere in between is refused with :class:`~planner.errors.ConcurrentEditError`.
        """
        current = self._current(goal_id, expected_version)
        framework = self._people.framework_of(self._people.get(current.person_id))
        validate_goal(draft, framework, current.created_at.date())
        with self._db.session() as session:
            row = _get_goal(session, goal_id, expected_version)
            check_version(row, expected_version, f"The goal “{row.title}”")
            apply_goal_draft(row, draft, self._clock.now())
            bump(row)
            session.flush()
            return goal_record(row)

    def set_status(
        self, goal_id: int, status: GoalStatus, *, expected_version: int | None = None
    ) -> GoalRecord:
        """Move a goal through its life cycle (done stamps the completion time)."""
        current = self._current(goal_id, expected_version)
        draft = replace(current.to_draft(), status=status)
        # Without a version from the caller, at least nothing may change between read and write.
        expected = current.version if expected_version is None else expected_version
        return self.update(goal_id, draft, expected_version=expected)

    def delete(self, goal_id: int, *, expected_version: int | None = None) -> GoalRecord:
        """Remove a goal; returns it so the caller can offer undo."""
        with self._db.session() as session:
            row = _get_goal(session, goal_id, expected_version)
            check_version(row, expected_version, f"The goal “{row.title}”")
            record = goal_record(row)
            session.delete(row)
            return record

    def add_milestone(self, goal_id: int, milestone: MilestoneDraft) -> GoalRecord:
        """Append a milestone to a goal."""
        current = self.get(goal_id)
        draft = current.to_draft()
        draft = replace(draft, milestones=(*draft.milestones, milestone))
        return self.update(goal_id, draft, expected_version=current.version)

    def _current(self, goal_id: int, expected_version: int | None) -> GoalRecord:
        """The stored goal; gone while the caller held a version means deleted elsewhere."""
        with self._db.session() as session:
            return goal_record(_get_goal(session, goal_id, expected_version))

    def update_milestone(self, milestone_id: int, milestone: MilestoneDraft) -> GoalRecord:
        """Change a milestone's text, due date or done flag."""
        with self._db.session() as session:
            row = _get_milestone(session, milestone_id)
            goal = goal_record(row.goal)
        errors = FieldErrors()
        check_milestone(errors, "milestone", milestone, goal.created_at.date())
        errors.raise_if_any()
        with self._db.session() as session:
            row = _get_milestone(session, milestone_id)
            row.text = milestone.text.strip()
            row.done = milestone.done
            row.due_date = milestone.due_date
            bump(row.goal)
            session.flush()
            return goal_record(row.goal)

    def set_milestone_done(self, milestone_id: int, done: bool) -> GoalRecord:
        """Tick or untick a milestone."""
        with self._db.session() as session:
            row = _get_milestone(session, milestone_id)
            row.done = done
            bump(row.goal)
            session.flush()
            return goal_record(row.goal)

    def move_milestone(self, milestone_id: int, new_index: int) -> GoalRecord:
        """Reorder: put a milestone at ``new_index`` (clamped to the list)."""
        with self._db.session() as session:
            row = _get_milestone(session, milestone_id)
            goal = row.goal
            ordered = [m for m in goal.milestones if m.id != milestone_id]
            ordered.insert(max(0, min(new_index, len(ordered))), row)
            for position, milestone in enumerate(ordered):
                milestone.position = position
            bump(goal)
            session.flush()
            session.refresh(goal)
            return goal_record(goal)

    def delete_milestone(self, milestone_id: int) -> GoalRecord:
        """Remove a milestone and close the gap in the order."""
        with self._db.session() as session:
            row = _get_milestone(session, milestone_id)
            goal = row.goal
            goal.milestones.remove(row)
            for position, milestone in enumerate(goal.milestones):
                milestone.position = position
            bump(goal)
            session.flush()
            return goal_record(goal)


def _get_goal(session: Session, goal_id: int, expected_version: int | None = None) -> Goal:
    row = session.get(Goal, goal_id)
    if row is None:
        if expected_version is not None:
            raise deleted_elsewhere("This goal")
        raise NotFoundError(f"No goal with id {goal_id}.")
    return row


def _get_milestone(session: Session, milestone_id: int) -> Milestone:
    row = session.get(Milestone, milestone_id)
    if row is None:
        raise NotFoundError(f"No milestone with id {milestone_id}.")
    return row
