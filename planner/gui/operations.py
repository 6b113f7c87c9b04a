"""The one way the GUI changes data: run a service call as an undoable command, then announce it.

Every edit is a QUndoCommand on one stack; after it runs (or is undone) a single
``data_changed`` signal carries what kinds of record changed, and each view refreshes
only if it shows them. No view reaches into another to refresh it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.services.records import (
    AssessmentDraft,
    AssessmentRecord,
    GoalDraft,
    GoalRecord,
    LearningDraft,
    LearningRecord,
    PersonDraft,
    PersonRecord,
)
from planner.services.service_set import Services
from planner.vocabulary import GoalStatus

T = TypeVar("T")


class DataKind(Enum):
    """Kinds of record a view may show."""

    PEOPLE = "people"
    ASSESSMENTS = "assessments"
    GOALS = "goals"
    LEARNING = "learning"
    DECISIONS = "decisions"
    FRAMEWORKS = "frameworks"


ALL_KINDS = frozenset(DataKind)


@dataclass(frozen=True)
class DataChange:
    """What changed: the kinds of record, and whose record it was (None: anyone's)."""

    kinds: frozenset[DataKind]
    person_id: int | None = None

    def touches(self, *kinds: DataKind) -> bool:
        """Whether any of ``kinds`` changed."""
        return bool(self.kinds.intersection(kinds))


class _ServiceCommand(QUndoCommand, Generic[T]):
    """An undoable edit made of a ``do`` and an ``undo`` service call.

    It is created after ``do`` already ran once (so a rejected edit never reaches the
    stack); the redo that ``QUndoStack.push`` triggers is therefore skipped.
    """

    def __init__(
        self,
        text: str,
        do: Callable[[], T],
        undo: Callable[[T], object],
        result: T,
        announce: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._announce = announce
        self._result = result
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._result = self._do()
        self._announce()

    def undo(self) -> None:
        self._undo(self._result)
        self._announce()


class Operations(QObject):
    """Undoable edits over the services. Signals: ``data_changed(DataChange)``."""

    data_changed = Signal(object)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = QUndoStack(self)

    def announce(self, kinds: frozenset[DataKind], person_id: int | None = None) -> None:
        """Tell every view that records of ``kinds`` changed."""
        self.data_changed.emit(DataChange(kinds, person_id))

    def _push(
        self,
        text: str,
        do: Callable[[], T],
        undo: Callable[[T], object],
        kinds: frozenset[DataKind],
        person_id: int | None,
    ) -> T:
        result = do()
        self.undo_stack.push(
            _ServiceCommand(text, do, undo, result, lambda: self.announce(kinds, person_id))
        )
        self.announce(kinds, person_id)
        return result

    # People -----------------------------------------------------------------

    def create_person(self, draft: PersonDraft) -> PersonRecord:
        """Add a person (undo removes them)."""
        people = self.services.people
        return self._push(
            f"Add {draft.name.strip()}",
            lambda: people.create(draft),
            lambda rec: people.delete(rec.id),
            frozenset({DataKind.PEOPLE}),
            None,
        )

    def update_person(self, person: PersonRecord, draft: PersonDraft) -> PersonRecord:
        """Change a person's details or target."""
        people = self.services.people
        before = PersonDraft(
            person.name,
            person.current_role,
            person.framework_id,
            person.target_profile_id,
            person.target_date,
            person.weekly_hours,
        )
        return self._push(
            f"Edit {person.name}",
            lambda: people.update(person.id, draft),
            lambda rec: people.update(rec.id, before),
            ALL_KINDS,
            person.id,
        )

    # Learning ---------------------------------------------------------------

    def add_learning(self, person_id: int, draft: LearningDraft) -> LearningRecord:
        """Log learning (undo removes the entry)."""
        log = self.services.learning
        return self._push(
            f"Log “{draft.title.strip()}”",
            lambda: log.add(person_id, draft),
            lambda rec: log.delete(rec.id),
            frozenset({DataKind.LEARNING}),
            person_id,
        )

    def update_learning(self, entry: LearningRecord, draft: LearningDraft) -> LearningRecord:
        """Edit an entry (undo restores the old fields)."""
        log = self.services.learning
        before = entry.to_draft()
        return self._push(
            f"Edit “{entry.title}”",
            lambda: log.update(entry.id, draft),
            lambda rec: log.update(rec.id, before),
            frozenset({DataKind.LEARNING}),
            entry.person_id,
        )

    def delete_learning(self, entry: LearningRecord) -> LearningRecord:
        """Delete an entry (undo adds it back)."""
        log = self.services.learning
        holder = _IdHolder(entry.id)
        links: list[int] = []

        def delete() -> LearningRecord:
            links[:] = log.rating_links(holder.id)
            return log.delete(holder.id)

        def restore(rec: LearningRecord) -> None:
            holder.id = log.restore(rec, links).id

        return self._push(
            f"Delete “{entry.title}”",
            delete,
            restore,
            frozenset({DataKind.LEARNING}),
            entry.person_id,
        )

    # Goals ------------------------------------------------------------------

    def create_goal(self, person_id: int, draft: GoalDraft) -> GoalRecord:
        """Add a goal (undo removes it)."""
        goals = self.services.goals
        return self._push(
            f"New goal “{draft.title.strip()}”",
            lambda: goals.create(person_id, draft),
            lambda rec: goals.delete(rec.id),
            frozenset({DataKind.GOALS}),
            person_id,
        )

    def update_goal(self, goal: GoalRecord, draft: GoalDraft) -> GoalRecord:
        """Edit a goal and its milestones (undo restores them)."""
        goals = self.services.goals
        before = goal.to_draft()
        return self._push(
            f"Edit goal “{goal.title}”",
            lambda: goals.update(goal.id, draft),
            lambda rec: goals.update(rec.id, before),
            frozenset({DataKind.GOALS}),
            goal.person_id,
        )

    def set_goal_status(self, goal: GoalRecord, status: GoalStatus) -> GoalRecord:
        """Move a goal to another status (undo moves it back)."""
        goals = self.services.goals
        before = goal.status
        return self._push(
            f"Mark “{goal.title}” {status.value}",
            lambda: goals.set_status(goal.id, status),
            lambda rec: goals.set_status(rec.id, before),
            frozenset({DataKind.GOALS}),
            goal.person_id,
        )

    def set_milestone_done(self, goal: GoalRecord, milestone_id: int, done: bool) -> GoalRecord:
        """Tick or untick a milestone."""
        goals = self.services.goals
        return self._push(
            "Tick milestone" if done else "Untick milestone",
            lambda: goals.set_milestone_done(milestone_id, done),
            lambda _rec: goals.set_milestone_done(milestone_id, not done),
            frozenset({DataKind.GOALS}),
            goal.person_id,
        )

    def delete_goal(self, goal: GoalRecord) -> GoalRecord:
        """Delete a goal (undo adds it back with its milestones)."""
        goals = self.services.goals
        holder = _IdHolder(goal.id)

        def delete() -> GoalRecord:
            return goals.delete(holder.id)

        def restore(rec: GoalRecord) -> None:
            holder.id = goals.restore(rec).id

        return self._push(
            f"Delete goal “{goal.title}”",
            delete,
            restore,
            frozenset({DataKind.GOALS}),
            goal.person_id,
        )

    # Assessments ------------------------------------------------------------

    def create_assessment(self, person_id: int, draft: AssessmentDraft) -> AssessmentRecord:
        """Record an assessment (undo removes it)."""
        assessments = self.services.assessments
        return self._push(
            f"Assessment of {draft.assessed_on.isoformat()}",
            lambda: assessments.create(person_id, draft),
            lambda rec: assessments.delete(rec.id),
            frozenset({DataKind.ASSESSMENTS}),
            person_id,
        )


@dataclass
class _IdHolder:
    """The current id of a record that undo may recreate under a new id."""

    id: int
