"""Continuous learning: restart after a month with nothing logged.

"Career Progression and Growth": "Continuous learning and embracing new challenges are
crucial for this transition."

When nothing has been logged for 30 days (counting from the person's start when the
log is empty), suggest restarting with one small step in the most useful open gap.
Score 75, rising to 90 after three months.
"""

from __future__ import annotations

from datetime import timedelta

from planner.analysis.next_steps import wording
from planner.analysis.next_steps.activity_choice import ChosenStep
from planner.analysis.next_steps.candidate import Candidate, RuleContext
from planner.analysis.next_steps.log_summary import PACE_DAYS
from planner.analysis.next_steps.model import FollowUp, SuggestionKind
from planner.analysis.next_steps.rules.growth import gap_sentence, growth_score, is_open_gap

QUIET_DAYS = 30


def learning_habit_rule(ctx: RuleContext) -> list[Candidate]:
    """A "restart" candidate after 30 quiet days."""
    facts = ctx.facts
    last = facts.last_day
    quiet_since = last or facts.person.created_at.date()
    days = (facts.today - quiet_since).days
    if days < QUIET_DAYS:
        return []
    if last is None:
        reasons = [f"Nothing has been logged since you started on {quiet_since.isoformat()}."]
    else:
        reasons = [f"Nothing has been logged since {wording.since(quiet_since, facts.today)}."]
        # Nothing was logged after the last entry, so "after the start" ends on it.
        before = facts.hours_since(quiet_since - timedelta(days=PACE_DAYS))
        if before > 0:
            weekly = before / (PACE_DAYS / 7)
            reasons.append(f"Before that you logged about {wording.hours(weekly)} a week.")
    open_gaps = [c for c in facts.gaps() if is_open_gap(c, facts)]
    comp = max(open_gaps, key=lambda c: growth_score(c, facts), default=None)
    if comp is None:
        step = ChosenStep(
            None,
            "Log one piece of learning this week",
            "A paper, a course session or a piece of on-the-job work that taught you"
            " something; a small entry restarts the habit.",
            2.0,
        )
        follow_up = FollowUp.LOG_LEARNING
    else:
        step = ctx.chooser.choose(comp)
        reasons.append(f"A small step restarts the habit: {gap_sentence(comp, facts)}")
        follow_up = FollowUp.NEW_GOAL
    return [
        Candidate(
            key="restart-learning",
            kind=SuggestionKind.CONTINUOUS_LEARNING,
            title=f"Restart your learning: nothing logged for {wording.span(days)}",
            step=step,
            reasons=tuple(reasons),
            score=75 + min(15.0, (days - QUIET_DAYS) / 4),
            fingerprint=quiet_since.isoformat(),
            follow_up=follow_up,
            competency=comp,
            target_level=comp.level + 1 if comp and comp.level is not None else None,
        )
    ]
