"""Optimistic concurrency: an edit made from a stale read is refused, never silently applied.

People, goals and learning entries carry a version counter. A caller that read a
record passes the version it saw as ``expected_version``; the service refuses the
change with :class:`~planner.errors.ConcurrentEditError` when the stored version
moved on (another window or person saved first) or the record is gone. Every saved
change raises the counter, and SQLAlchemy's version check on the UPDATE catches the
race between our read and our write (see :meth:`Database.session`).
"""

from __future__ import annotations

from planner.errors import ConcurrentEditError
from planner.storage.models import Goal, LearningEntry, Person

Versioned = Goal | LearningEntry | Person


def changed_elsewhere(what: str) -> ConcurrentEditError:
    """The error for a record someone else saved since the caller read it."""
    return ConcurrentEditError(
        f"{what} was changed elsewhere (in another window or by someone else) since you"
        " opened it. Nothing was saved; reload to see the other change."
    )


def deleted_elsewhere(what: str) -> ConcurrentEditError:
    """The error for a record someone else deleted since the caller read it."""
    return ConcurrentEditError(
        f"{what} was deleted elsewhere (in another window or by someone else) since you"
        " opened it. Nothing was saved."
    )


def check_version(row: Versioned, expected: int | None, what: str) -> None:
    """Refuse the change when ``expected`` is given and the row has moved on."""
    if expected is not None and row.version != expected:
        raise changed_elsewhere(what)


def bump(row: Versioned) -> None:
    """Count a change; the UPDATE then also checks that nobody saved in between."""
    row.version = row.version + 1
