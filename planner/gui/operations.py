"""The one way the GUI changes data: run a service call as an undoable command, then announce it.

Every edit is a QUndoCommand on one stack; after it runs (or is undone) a single
``data_changed`` signal carries what kinds of record changed, and each view refreshes
only if it shows them. No view reaches into another to refresh it.

Edits of records read earlier pass the version they saw, so a change saved elsewhere in
the meantime (another window, another person on a shared database) is refused with
:class:`~planner.errors.ConcurrentEditError` instead of being overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.errors import PlannerError
from planner.services.records import (
    AssessmentDraft,
    AssessmentRecord,
    CommentDraft,
    CommentRecord,
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
D = TypeVar("D")


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
    # Learning entries this change added, edited or deleted, when it knows them: a log
    # on screen patches those rows instead of reading thousands again. Empty: unknown.
    learning_ids: frozenset[int] = frozenset()

    def touches(self, *kinds: DataKind) -> bool:
        """Whether any of ``kinds`` changed."""
        return bool(self.kinds.intersection(kinds))


def _entry_id(record: LearningRecord) -> frozenset[int]:
    """The learning entry an edit touched, for :attr:`DataChange.learning_ids`."""
    return frozenset({record.id})


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
        failed: Callable[[PlannerError], None],
    ) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._announce = announce
        self._failed = failed
        self._result = result
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        try:
            self._result = self._do()
        except PlannerError as error:
            self._give_up(error)
            return
        self._announce()

    def undo(self) -> None:
        try:
            self._undo(self._result)
        except PlannerError as error:
            self._give_up(error)
            return
        self._announce()

    def _give_up(self, error: PlannerError) -> None:
        """The record changed elsewhere (or is gone): drop this step, say why, show the truth."""
        self.setObsolete(True)
        self._failed(error)
        self._announce()


class Operations(QObject):
    """Undoable edits over the services.

    Signals: ``data_changed(DataChange)``; ``edit_failed(PlannerError)`` when an undo or
    redo could not be applied (typically: changed elsewhere); the step leaves the stack.
    """

    data_changed = Signal(object)
    edit_failed = Signal(object)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = QUndoStack(self)

    def announce(
        self,
        kinds: frozenset[DataKind],
        person_id: int | None = None,
        learning_ids: frozenset[int] = frozenset(),
    ) -> None:
        """Tell every view that records of ``kinds`` changed."""
        self.data_changed.emit(DataChange(kinds, person_id, learning_ids))

    def _push(
        self,
        text: str,
        do: Callable[[], T],
        undo: Callable[[T], object],
        kinds: frozenset[DataKind],
        person_id: int | None,
        learning_ids: Callable[[T], frozenset[int]] | None = None,
    ) -> T:
        """Run ``do``, put it on the undo stack and announce it.

        Undo and redo announce the kinds only: a redone add is a new entry, so views
        read again rather than patch.
        """
        result = do()
        self.undo_stack.push(
            _ServiceCommand(
                text,
                do,
                undo,
                result,
                lambda: self.announce(kinds, person_id),
                self.edit_failed.emit,
            )
        )
        touched = learning_ids(result) if learning_ids is not None else frozenset()
        self.announce(kinds, person_id, touched)
        return result

    def _push_edit(
        self,
        text: str,
        version: int,
        update: Callable[[D, int], R],
        drafts: tuple[D, D],
        kinds: frozenset[DataKind],
        person_id: int | None,
        learning_ids: Callable[[R], frozenset[int]] | None = None,
    ) -> R:
        """Save ``drafts[1]`` over ``drafts[0]`` with a version check; undo saves the old one.

        Each save passes the version this window last saw, so a change saved elsewhere in
        between is refused rather than overwritten, on redo and undo too.
        """
        before, wanted = drafts
        seen = _Seen(version)

        def save(draft: D) -> R:
            return seen.note(update(draft, seen.version))

        return self._push(
            text, lambda: save(wanted), lambda _rec: save(before), kinds, person_id, learning_ids
        )

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
        return self._push_edit(
            f"Edit {person.name}",
            person.version,
            lambda wanted, version: people.update(person.id, wanted, expected_version=version),
            (before, draft),
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
            _entry_id,
        )

    def update_learning(self, entry: LearningRecord, draft: LearningDraft) -> LearningRecord:
        """Edit an entry (undo restores the old fields)."""
        log = self.services.learning
        return self._push_edit(
            f"Edit “{entry.title}”",
            entry.version,
            lambda wanted, version: log.update(entry.id, wanted, expected_version=version),
            (entry.to_draft(), draft),
            frozenset({DataKind.LEARNING}),
            entry.person_id,
            _entry_id,
        )

    def delete_learning(self, entry: LearningRecord) -> LearningRecord:
        """Delete an entry (undo adds it back)."""
        log = self.services.learning
        holder = _IdHolder(entry.id, entry.version)
        links: list[int] = []

        def delete() -> LearningRecord:
            links[:] = log.rating_links(holder.id)
            return log.delete(holder.id, expected_version=holder.version)

        def restore(rec: LearningRecord) -> None:
            holder.note(log.restore(rec, links))

        return self._push(
            f"Delete “{entry.title}”",
            delete,
            restore,
            frozenset({DataKind.LEARNING}),
            entry.person_id,
            _entry_id,
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
        return self._push_edit(
            f"Edit goal “{goal.title}”",
            goal.version,
            lambda wanted, version: goals.update(goal.id, wanted, expected_version=version),
            (goal.to_draft(), draft),
            frozenset({DataKind.GOALS}),
            goal.person_id,
        )

    def set_goal_status(self, goal: GoalRecord, status: GoalStatus) -> GoalRecord:
        """Move a goal to another status (undo moves it back)."""
        goals = self.services.goals
        before = goal.status
        seen = _Seen(goal.version)

        def move(wanted: GoalStatus) -> GoalRecord:
            return seen.note(goals.set_status(goal.id, wanted, expected_version=seen.version))

        return self._push(
            f"Mark “{goal.title}” {status.value}",
            lambda: move(status),
            lambda _rec: move(before),
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
        goals, comments = self.services.goals, self.services.comments
        holder = _IdHolder(goal.id, goal.version)
        remarks: list[CommentRecord] = []

        def delete() -> GoalRecord:
            remarks[:] = comments.list_for_goal(holder.id)
            return goals.delete(holder.id, expected_version=holder.version)

        def restore(rec: GoalRecord) -> None:
            holder.note(goals.restore(rec))
            comments.restore(holder.id, remarks)

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

    # Comments ---------------------------------------------------------------

    def add_comment(self, goal: GoalRecord, draft: CommentDraft) -> CommentRecord:
        """Comment on a goal (undo removes the comment)."""
        comments = self.services.comments
        holder = _IdHolder(0)

        def add() -> CommentRecord:
            record = comments.add(goal.id, draft)
            holder.id = record.id
            return record

        return self._push(
            f"Comment on “{goal.title}”",
            add,
            lambda _rec: comments.delete(holder.id),
            frozenset({DataKind.GOALS}),
            goal.person_id,
        )


class _Versioned(Protocol):
    """A record with an id and a version (people, goals, learning entries)."""

    @property
    def id(self) -> int: ...

    @property
    def version(self) -> int: ...


R = TypeVar("R", bound=_Versioned)


@dataclass
class _Seen:
    """The version of a record as this window last saved it (undo and redo save again)."""

    version: int

    def note(self, record: R) -> R:
        """Remember the version ``record`` was saved with; returns it."""
        self.version = record.version
        return record


@dataclass
class _IdHolder:
    """The current id (and version) of a record that undo may recreate under a new id."""

    id: int
    version: int | None = None

    def note(self, record: R) -> R:
        """Remember the id and version of a (re)created record; returns it."""
        self.id = record.id
        self.version = record.version
        return record
