"""Next steps: ranked, explained suggestions traced to the source documents' progression sections.

Public API: :func:`next_steps_for` (from the services) and :func:`compute_next_steps`
(from a :class:`PersonSnapshot`) return :class:`NextSteps`; :func:`goal_draft_for`
turns an accepted :class:`Suggestion` into a goal.
"""

from planner.analysis.next_steps.acceptance import (
    DEFAULT_SNOOZE_DAYS,
    goal_draft_for,
    snooze_until,
)
from planner.analysis.next_steps.engine import (
    DEFAULT_WEEKLY_HOURS,
    MAX_WEEKLY_HOURS,
    MIN_WEEKLY_HOURS,
    catalogue_for,
    check_weekly_hours,
    compute_next_steps,
    next_steps_for,
    weekly_hours_of,
)
from planner.analysis.next_steps.model import (
    FollowUp,
    HiddenSuggestion,
    NextSteps,
    PlannedItem,
    PlannedWeek,
    Projection,
    SourceQuote,
    Suggestion,
    SuggestionKind,
)
from planner.analysis.next_steps.snapshot import LoggedEntry, PersonSnapshot, snapshot_of

__all__ = [
    "DEFAULT_SNOOZE_DAYS",
    "DEFAULT_WEEKLY_HOURS",
    "MAX_WEEKLY_HOURS",
    "MIN_WEEKLY_HOURS",
    "FollowUp",
    "HiddenSuggestion",
    "LoggedEntry",
    "NextSteps",
    "PersonSnapshot",
    "PlannedItem",
    "PlannedWeek",
    "Projection",
    "SourceQuote",
    "Suggestion",
    "SuggestionKind",
    "catalogue_for",
    "check_weekly_hours",
    "compute_next_steps",
    "goal_draft_for",
    "next_steps_for",
    "snapshot_of",
    "snooze_until",
    "weekly_hours_of",
]
