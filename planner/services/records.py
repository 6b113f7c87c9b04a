"""Plain, frozen data handed out by the services: what views, reports and exports read.

Drafts are what callers hand in to create or change a record; records are what
comes back. Neither holds a database session, so nothing expires in the GUI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from planner.vocabulary import GoalPriority, GoalStatus, LearningKind, RaterKind


@dataclass(frozen=True)
class PersonDraft:
    """Fields of a person a caller can set."""

    name: str
    current_role: str = ""
    framework_id: str = "senior-ml-developer"
    target_profile_id: str = "senior-ml-developer"
    target_date: date | None = None
    weekly_hours: float | None = None


@dataclass(frozen=True)
class PersonRecord:
    """A stored person."""

    id: int
    name: str
    current_role: str
    framework_id: str
    target_profile_id: str
    target_date: date | None
    weekly_hours: float | None
    created_at: datetime
    uid: str = ""
    version: int = 1
    received_at: datetime | None = None
    """Set when this record is a mentor's copy that came in a review packet."""

    @property
    def is_review_copy(self) -> bool:
        """Whether this database holds a mentor's copy of someone who records elsewhere."""
        return self.received_at is not None


@dataclass(frozen=True)
class RatingDraft:
    """One competency's level in a new assessment."""

    competency_id: str
    level: int
    evidence: str = ""
    learning_entry_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class AssessmentDraft:
    """A new assessment: a date, who rated, and a level per competency."""

    assessed_on: date
    ratings: tuple[RatingDraft, ...]
    rater_kind: RaterKind = RaterKind.SELF
    rater_name: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class RatingRecord:
    """A stored rating."""

    competency_id: str
    level: int
    evidence: str
    learning_entry_ids: tuple[int, ...]


@dataclass(frozen=True)
class AssessmentRecord:
    """A stored assessment with its ratings."""

    id: int
    person_id: int
    assessed_on: date
    rater_kind: RaterKind
    rater_name: str | None
    notes: str
    created_at: datetime
    ratings: tuple[RatingRecord, ...]
    uid: str = ""

    @property
    def levels(self) -> dict[str, int]:
        """Level per competency id."""
        return {r.competency_id: r.level for r in self.ratings}

    @property
    def rater_label(self) -> str:
        """Self, or the mentor's name, for tables and reports."""
        if self.rater_kind is RaterKind.MENTOR:
            return self.rater_name or "Mentor"
        return "Self"


@dataclass(frozen=True)
class GoalCompetencyDraft:
    """A competency a goal serves and the level it aims for."""

    competency_id: str
    target_level: int


@dataclass(frozen=True)
class MilestoneDraft:
    """An ordered step of a goal."""

    text: str
    done: bool = False
    due_date: date | None = None
    id: int | None = None  # set to edit an existing milestone; None adds a new one


@dataclass(frozen=True)
class GoalDraft:
    """Fields of a goal a caller can set; milestones are given in order."""

    title: str
    description: str = ""
    competencies: tuple[GoalCompetencyDraft, ...] = ()
    due_date: date | None = None
    priority: GoalPriority = GoalPriority.MEDIUM
    status: GoalStatus = GoalStatus.PLANNED
    milestones: tuple[MilestoneDraft, ...] = ()


@dataclass(frozen=True)
class MilestoneRecord:
    """A stored milestone."""

    id: int
    goal_id: int
    position: int
    text: str
    done: bool
    due_date: date | None


@dataclass(frozen=True)
class GoalRecord:
    """A stored goal with its competencies and milestones."""

    id: int
    person_id: int
    title: str
    description: str
    due_date: date | None
    priority: GoalPriority
    status: GoalStatus
    created_at: datetime
    completed_at: datetime | None
    competencies: tuple[GoalCompetencyDraft, ...]
    milestones: tuple[MilestoneRecord, ...]
    uid: str = ""
    version: int = 1

    def is_overdue(self, today: date) -> bool:
        """Open and past its due date."""
        return self.status.is_open and self.due_date is not None and self.due_date < today

    def to_draft(self) -> GoalDraft:
        """The draft that would recreate this goal (for edits and undo)."""
        return GoalDraft(
            title=self.title,
            description=self.description,
            competencies=self.competencies,
            due_date=self.due_date,
            priority=self.priority,
            status=self.status,
            milestones=tuple(
                MilestoneDraft(m.text, m.done, m.due_date, m.id) for m in self.milestones
            ),
        )


@dataclass(frozen=True)
class LearningDraft:
    """Fields of a learning log entry a caller can set."""

    title: str
    kind: LearningKind
    completed_on: date
    hours: float
    competency_ids: tuple[str, ...] = ()
    notes: str = ""
    link: str = ""


@dataclass(frozen=True)
class LearningRecord:
    """A stored learning log entry."""

    id: int
    person_id: int
    title: str
    kind: LearningKind
    completed_on: date
    hours: float
    notes: str
    link: str
    created_at: datetime
    competency_ids: tuple[str, ...] = field(default=())
    version: int = 1

    def to_draft(self) -> LearningDraft:
        """The draft that would recreate this entry (for edits and undo)."""
        return LearningDraft(
            self.title,
            self.kind,
            self.completed_on,
            self.hours,
            self.competency_ids,
            self.notes,
            self.link,
        )


@dataclass(frozen=True)
class CommentDraft:
    """A remark on a goal and who makes it."""

    author: str
    body: str


@dataclass(frozen=True)
class CommentRecord:
    """A stored remark on a goal."""

    id: int
    uid: str
    goal_id: int
    author: str
    body: str
    created_at: datetime


@dataclass(frozen=True)
class DecisionRecord:
    """A remembered answer to a suggested next step."""

    id: int
    person_id: int
    suggestion_key: str
    decision: str
    fingerprint: str
    decided_at: datetime
    until: date | None
