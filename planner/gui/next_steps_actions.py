"""Answering a suggestion from the window: accept, snooze or dismiss, each one undoable.

Accepting creates the goal and remembers the decision in one step, so one Undo removes
the goal and lets the suggestion come back. The commands go on the operations' undo
stack and announce what changed through ``Operations.announce`` like every other edit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QUndoCommand

from planner.analysis.next_steps import Suggestion, goal_draft_for
from planner.gui.operations import DataKind, Operations
from planner.services.records import DecisionRecord, GoalRecord
from planner.services.service_set import Services
from planner.vocabulary import DecisionKind

_DECISIONS = frozenset({DataKind.DECISIONS})
_GOALS_AND_DECISIONS = frozenset({DataKind.GOALS, DataKind.DECISIONS})


class _AnsweredCommand(QUndoCommand):
    """An edit that already ran once before being pushed (so push's first redo is skipped)."""

    def __init__(
        self,
        text: str,
        do: Callable[[], None],
        undo: Callable[[], None],
        announce: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self._do, self._undo, self._announce = do, undo, announce
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._do()
        self._announce()

    def undo(self) -> None:
        self._undo()
        self._announce()


def _previous(services: Services, person_id: int, key: str) -> DecisionRecord | None:
    return next(
        (d for d in services.decisions.list_for(person_id) if d.suggestion_key == key), None
    )


def _restore(services: Services, person_id: int, key: str, before: DecisionRecord | None) -> None:
    if before is None:
        services.decisions.forget(person_id, key)
    else:
        services.decisions.record(
            person_id, key, DecisionKind(before.decision), before.fingerprint, before.until
        )


def accept_suggestion(
    operations: Operations,
    person_id: int,
    suggestion: Suggestion,
    today: date,
    hours_per_week: float,
) -> GoalRecord:
    """Create the suggested goal and remember the acceptance; one Undo reverses both."""
    services = operations.services
    person = services.people.get(person_id)
    draft = goal_draft_for(suggestion, services.people.framework_of(person), today, hours_per_week)
    before = _previous(services, person_id, suggestion.key)
    created: list[GoalRecord] = []

    def do() -> None:
        created.append(services.goals.create(person_id, draft))
        services.decisions.record(
            person_id, suggestion.key, DecisionKind.ACCEPTED, suggestion.fingerprint
        )

    def undo() -> None:
        services.goals.delete(created[-1].id)
        _restore(services, person_id, suggestion.key, before)

    do()
    announce = lambda: operations.announce(_GOALS_AND_DECISIONS, person_id)  # noqa: E731
    operations.undo_stack.push(_AnsweredCommand(f"Accept “{suggestion.title}”", do, undo, announce))
    announce()
    return created[-1]


def decide_suggestion(
    operations: Operations,
    person_id: int,
    suggestion: Suggestion,
    decision: DecisionKind,
    until: date | None = None,
) -> None:
    """Snooze (until a day) or dismiss a suggestion; Undo brings it back."""
    services = operations.services
    before = _previous(services, person_id, suggestion.key)

    def do() -> None:
        services.decisions.record(
            person_id, suggestion.key, decision, suggestion.fingerprint, until
        )

    def undo() -> None:
        _restore(services, person_id, suggestion.key, before)

    do()
    verb = "Snooze" if decision is DecisionKind.SNOOZED else "Dismiss"
    announce = lambda: operations.announce(_DECISIONS, person_id)  # noqa: E731
    operations.undo_stack.push(_AnsweredCommand(f"{verb} “{suggestion.title}”", do, undo, announce))
    announce()


def bring_back(operations: Operations, person_id: int, suggestion: Suggestion) -> None:
    """Forget the decision that hides a suggestion; Undo hides it again."""
    services = operations.services
    before = _previous(services, person_id, suggestion.key)

    def do() -> None:
        services.decisions.forget(person_id, suggestion.key)

    def undo() -> None:
        _restore(services, person_id, suggestion.key, before)

    do()
    announce = lambda: operations.announce(_DECISIONS, person_id)  # noqa: E731
    operations.undo_stack.push(
        _AnsweredCommand(f"Bring back “{suggestion.title}”", do, undo, announce)
    )
    announce()
