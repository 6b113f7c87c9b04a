"""The next steps of the people the window has shown, shared by the Dashboard and Next steps.

Working them out reads a person's record and runs the rules; the Dashboard shows the
top three and the Next steps view all of them, so whichever opens second reuses the
first one's work. A person's entry is dropped as soon as ``Operations.data_changed``
announces a change to their records (or to anyone's), and is not used on another day.

There is one cache per :class:`~planner.gui.operations.Operations`, kept as its child
(:meth:`NextStepsCache.of`). It must exist before a view connects to ``data_changed``
(views ask for it before their base class connects), so that Qt, which calls slots in
the order they were connected, drops a changed person before any view reloads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from planner.analysis.next_steps import NextSteps, PersonSnapshot
    from planner.framework.activities import ActivityCatalogue
    from planner.framework.schema import Framework
    from planner.gui.operations import DataChange, Operations

OBJECT_NAME = "nextStepsCache"


@dataclass(frozen=True)
class PersonAdvice:
    """One person's engine inputs on one day, and the advice at their stored weekly budget."""

    snapshot: PersonSnapshot
    framework: Framework
    catalogue: ActivityCatalogue
    today: date
    result: NextSteps


class NextStepsCache(QObject):
    """The latest :class:`PersonAdvice` of each person, until their records change."""

    def __init__(self, operations: Operations) -> None:
        super().__init__(operations)
        self.setObjectName(OBJECT_NAME)
        self._operations = operations
        self._advice: dict[int, PersonAdvice] = {}
        operations.data_changed.connect(self._on_data_changed)

    @classmethod
    def of(cls, operations: Operations) -> NextStepsCache:
        """The cache of ``operations``, created on first use."""
        found = operations.findChild(NextStepsCache, OBJECT_NAME)
        return found if isinstance(found, NextStepsCache) else cls(operations)

    def advice(self, person_id: int) -> PersonAdvice:
        """The person's advice today, worked out now unless it is already known.

        Raises :class:`~planner.errors.NotFoundError` for a person who is gone.
        """
        from planner.analysis.next_steps import catalogue_for, compute_next_steps, snapshot_of

        services = self._operations.services
        today = services.clock.today()
        known = self._advice.get(person_id)
        if known is not None and known.today == today:
            return known
        snapshot = snapshot_of(services, person_id, today)
        framework = services.people.framework_of(snapshot.person)
        catalogue = catalogue_for(framework)
        result = compute_next_steps(snapshot, framework, catalogue, today)
        advice = PersonAdvice(snapshot, framework, catalogue, today, result)
        self._advice[person_id] = advice
        return advice

    def forget(self, person_id: int | None = None) -> None:
        """Drop what is known of one person (of everyone with None)."""
        if person_id is None:
            self._advice.clear()
        else:
            self._advice.pop(person_id, None)

    def _on_data_changed(self, change: DataChange) -> None:
        self.forget(change.person_id)
