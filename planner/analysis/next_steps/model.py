"""What the next-step engine hands out: ranked suggestions, a weekly plan and a projected date.

Plain frozen data, so the window, the command line and the printed plan read the
same thing and nothing holds a database session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from planner.framework.activities import Activity


class SuggestionKind(StrEnum):
    """Which rule a suggestion comes from; each is traced to a section of the source documents."""

    FIRST_ASSESSMENT = "first-assessment"
    TECHNICAL = "technical"
    DIVERSE_EXPERIENCE = "diverse-experience"
    LEADERSHIP = "leadership"
    STRATEGY = "strategy"
    RESPONSIBILITY = "responsibility"
    COMMUNICATION = "communication"
    CONTINUOUS_LEARNING = "continuous-learning"
    PATHWAY = "pathway"
    OVERDUE_GOAL = "overdue-goal"
    STALLED_GOAL = "stalled-goal"
    GOAL_WITHOUT_MILESTONES = "goal-without-milestones"
    REASSESS = "reassess"
    UNSUPPORTED_RATING = "unsupported-rating"

    @property
    def label(self) -> str:
        """Short name shown on a card, e.g. "Embrace leadership"."""
        return _KIND_LABELS[self]

    @property
    def is_hygiene(self) -> bool:
        """Whether it tidies the plan itself rather than growing a competency."""
        return self in _HYGIENE


_KIND_LABELS = {
    SuggestionKind.FIRST_ASSESSMENT: "Know where you stand",
    SuggestionKind.TECHNICAL: "Build on technical skills",
    SuggestionKind.DIVERSE_EXPERIENCE: "Gain diverse experience",
    SuggestionKind.LEADERSHIP: "Embrace leadership",
    SuggestionKind.STRATEGY: "Think strategically",
    SuggestionKind.RESPONSIBILITY: "Take on more responsibility",
    SuggestionKind.COMMUNICATION: "Communicate across teams",
    SuggestionKind.CONTINUOUS_LEARNING: "Keep learning",
    SuggestionKind.PATHWAY: "Career pathway",
    SuggestionKind.OVERDUE_GOAL: "Overdue goal",
    SuggestionKind.STALLED_GOAL: "Stalled goal",
    SuggestionKind.GOAL_WITHOUT_MILESTONES: "Goal without milestones",
    SuggestionKind.REASSESS: "Re-assess",
    SuggestionKind.UNSUPPORTED_RATING: "Back up a rating",
}
_HYGIENE = frozenset(
    {
        SuggestionKind.FIRST_ASSESSMENT,
        SuggestionKind.OVERDUE_GOAL,
        SuggestionKind.STALLED_GOAL,
        SuggestionKind.GOAL_WITHOUT_MILESTONES,
        SuggestionKind.REASSESS,
        SuggestionKind.UNSUPPORTED_RATING,
    }
)


class FollowUp(StrEnum):
    """What accepting a suggestion does."""

    NEW_GOAL = "new-goal"  # create a goal for the competency, the activity as first milestone
    EDIT_GOAL = "edit-goal"  # open the goal concerned (``goal_id``)
    ASSESS = "assess"  # record a new assessment
    LOG_LEARNING = "log-learning"  # log a piece of learning


@dataclass(frozen=True)
class SourceQuote:
    """Where a rule comes from: a seed file, its section heading and words copied from it."""

    file: str
    document: str
    section: str
    quote: str

    def citation(self) -> str:
        """E.g. "Career Growth and Transition — Junior vs. Senior in …"."""
        return f"{self.section} — {self.document}"


@dataclass(frozen=True)
class Suggestion:
    """One ranked, explained next step.

    ``key`` names the suggestion for remembered decisions; ``fingerprint`` holds the
    coarse figures that triggered it, so a dismissed suggestion comes back when they
    change. Competency fields are None for suggestions about the plan itself.
    """

    key: str
    kind: SuggestionKind
    title: str
    action: str
    action_detail: str
    rationale: str
    source: SourceQuote
    effort_hours: float
    score: float
    fingerprint: str
    follow_up: FollowUp
    competency_id: str | None = None
    competency_name: str | None = None
    area_id: str | None = None
    area_name: str | None = None
    current_level: int | None = None
    target_level: int | None = None
    activity: Activity | None = None
    goal_id: int | None = None

    @property
    def accepts_as_goal(self) -> bool:
        """Whether Accept turns it into a new goal."""
        return self.follow_up is FollowUp.NEW_GOAL and self.competency_id is not None


@dataclass(frozen=True)
class HiddenSuggestion:
    """A suggestion kept out of the list by a remembered decision."""

    suggestion: Suggestion
    decision: str
    until: date | None


@dataclass(frozen=True)
class PlannedItem:
    """Hours of one suggestion placed in one week.

    ``label`` is what to do that week: the activity for a growth step, else the title.
    """

    key: str
    title: str
    label: str
    hours: float
    finishes: bool


@dataclass(frozen=True)
class PlannedWeek:
    """One week of the plan, starting on ``starts``."""

    number: int
    starts: date
    items: tuple[PlannedItem, ...]

    @property
    def hours(self) -> float:
        """Hours planned in this week."""
        return sum(item.hours for item in self.items)


@dataclass(frozen=True)
class Projection:
    """When the target profile is reached at the weekly budget, from the catalogue's estimates.

    ``remaining_hours`` is the effort of every level step still missing, less the hours
    already logged toward them since they were last rated. ``reached_on`` is None when
    nothing is rated yet; it is ``today`` when every target is met.
    ``logged_hours_per_week`` is the pace of the last 90 days, to compare the budget with.
    """

    profile_name: str
    remaining_hours: float
    hours_per_week: float
    weeks: int | None
    reached_on: date | None
    target_date: date | None
    hours_per_week_for_target_date: float | None
    logged_hours_per_week: float

    @property
    def on_track(self) -> bool | None:
        """Whether the projected date is on or before the target date (None without both)."""
        if self.reached_on is None or self.target_date is None:
            return None
        return self.reached_on <= self.target_date


@dataclass(frozen=True)
class NextSteps:
    """Everything the engine worked out for one person on one day."""

    person_id: int
    today: date
    hours_per_week: float
    suggestions: tuple[Suggestion, ...]
    hidden: tuple[HiddenSuggestion, ...]
    weeks: tuple[PlannedWeek, ...]
    projection: Projection

    def top(self, count: int = 3) -> tuple[Suggestion, ...]:
        """The ``count`` highest-ranked visible suggestions."""
        return self.suggestions[:count]

    def find(self, key: str) -> Suggestion | None:
        """The visible or hidden suggestion with ``key``."""
        for suggestion in self.suggestions:
            if suggestion.key == key:
                return suggestion
        for hidden in self.hidden:
            if hidden.suggestion.key == key:
                return hidden.suggestion
        return None
