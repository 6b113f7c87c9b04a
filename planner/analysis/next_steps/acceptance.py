"""What the person's answers to a suggestion do: accept creates a goal, snooze hides it a while.

Accepting creates an active goal that aims the competency at the suggested level,
carries the reason and the source in its description, and has the activity as its
first milestone, due when the weekly budget would finish it (at least a week out).
Snoozing hides a suggestion for 30 days unless its figures change first.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from planner.analysis.next_steps import wording
from planner.analysis.next_steps.model import Suggestion
from planner.framework.schema import Framework
from planner.services.records import GoalCompetencyDraft, GoalDraft, MilestoneDraft
from planner.services.validation import MAX_MILESTONE, MAX_TITLE
from planner.vocabulary import GoalPriority, GoalStatus

HIGH_PRIORITY_SCORE = 70.0
DEFAULT_SNOOZE_DAYS = 30


def snooze_until(today: date, days: int = DEFAULT_SNOOZE_DAYS) -> date:
    """The day a snoozed suggestion may come back."""
    return today + timedelta(days=days)


def goal_draft_for(
    suggestion: Suggestion, framework: Framework, today: date, hours_per_week: float
) -> GoalDraft:
    """The goal that accepting ``suggestion`` creates; ``ValueError`` if it names no competency."""
    if suggestion.competency_id is None or suggestion.target_level is None:
        raise ValueError(f"suggestion '{suggestion.key}' does not name a competency to aim at")
    name = suggestion.competency_name or suggestion.competency_id
    level = wording.level_name(framework, suggestion.target_level)
    weeks = max(1, math.ceil(suggestion.effort_hours / hours_per_week))
    milestone = suggestion.action
    if suggestion.activity is not None:
        milestone = (
            f"{suggestion.activity.title} (about {wording.hours(suggestion.activity.hours)})"
        )
    source = suggestion.source
    description = (
        f"{suggestion.rationale}\n\n{suggestion.action}: {suggestion.action_detail}\n\n"
        f"Suggested by Next steps on {today.isoformat()} ({suggestion.kind.label}),"
        f" from “{source.section}”: “{source.quote}”"
    )
    return GoalDraft(
        title=f"Reach {level} in {name}"[:MAX_TITLE],
        description=description,
        competencies=(GoalCompetencyDraft(suggestion.competency_id, suggestion.target_level),),
        priority=GoalPriority.HIGH
        if suggestion.score >= HIGH_PRIORITY_SCORE
        else GoalPriority.MEDIUM,
        status=GoalStatus.ACTIVE,
        milestones=(
            MilestoneDraft(milestone[:MAX_MILESTONE], False, today + timedelta(weeks=weeks)),
        ),
    )
