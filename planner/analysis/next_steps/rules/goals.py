"""Plan hygiene for goals: realistic goals that move ("It helps you set realistic goals").

One suggestion per open goal with something wrong, naming every problem it has:

- overdue (score 80+): the goal's due date has passed;
- a slipped milestone (74+): an open milestone's date has passed;
- stalled (70+): created 60 days ago or more and nothing logged for its competencies
  in the last 60 days (nor since it was created);
- no milestones (56): an active goal with nothing to tick off.

The most serious problem names the suggestion; priority adds up to 4 points.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from planner.analysis.next_steps import wording
from planner.analysis.next_steps.activity_choice import ChosenStep
from planner.analysis.next_steps.candidate import Candidate, RuleContext
from planner.analysis.next_steps.facts import Facts
from planner.analysis.next_steps.log_summary import STALLED_DAYS
from planner.analysis.next_steps.model import FollowUp, SuggestionKind
from planner.services.records import GoalRecord, MilestoneRecord
from planner.vocabulary import GoalPriority, GoalStatus

PRIORITY_POINTS = {GoalPriority.HIGH: 4.0, GoalPriority.MEDIUM: 2.0, GoalPriority.LOW: 0.0}
REVIEW_HOURS = 1.0


@dataclass(frozen=True)
class _Problem:
    """One thing wrong with a goal: its sentence, its advice, its weight."""

    kind: SuggestionKind
    title: str
    reason: str
    advice: str
    score: float
    fingerprint: str


def goal_rule(ctx: RuleContext) -> list[Candidate]:
    """A candidate for every open goal with a problem."""
    facts = ctx.facts
    found = []
    for goal in facts.open_goals:
        problems = _problems(goal, facts)
        if not problems:
            continue
        first = max(problems, key=lambda p: p.score)
        others = [p for p in problems if p is not first]
        detail = " ".join(p.advice for p in others)
        found.append(
            Candidate(
                key=f"goal:{goal.id}",
                kind=first.kind,
                title=first.title,
                step=ChosenStep(None, first.advice, detail, REVIEW_HOURS),
                reasons=tuple(p.reason for p in [first, *others]),
                score=first.score + PRIORITY_POINTS[goal.priority],
                fingerprint=first.fingerprint,
                follow_up=FollowUp.EDIT_GOAL,
                goal_id=goal.id,
            )
        )
    return found


def _problems(goal: GoalRecord, facts: Facts) -> list[_Problem]:
    overdue = _overdue(goal, facts.today)
    # An overdue goal's advice already names its next milestone; slipped ones would repeat it.
    slipped = None if overdue else _slipped_milestones(goal, facts.today)
    problems = [overdue, slipped, _stalled(goal, facts), _without_milestones(goal)]
    return [p for p in problems if p is not None]


def _next_milestone(goal: GoalRecord) -> MilestoneRecord | None:
    return next((m for m in goal.milestones if not m.done), None)


def _overdue(goal: GoalRecord, today: date) -> _Problem | None:
    if goal.due_date is None or goal.due_date >= today:
        return None
    days = (today - goal.due_date).days
    done = sum(1 for m in goal.milestones if m.done)
    reason = f"It was due on {wording.since(goal.due_date, today)}"
    if goal.priority is GoalPriority.HIGH:
        reason += ", with high priority"
    if goal.milestones:
        reason += f"; {done} of {len(goal.milestones)} milestones are done"
    nxt = _next_milestone(goal)
    advice = (
        f"Finish {wording.quoted(nxt.text)} or move the due date to one you can keep;"
        " drop the goal if it no longer matters."
        if nxt
        else "Mark it done if it is, or set a due date you can keep."
    )
    return _Problem(
        SuggestionKind.OVERDUE_GOAL,
        f"Overdue goal: {wording.quoted(goal.title)}",
        reason + ".",
        advice,
        80 + min(10.0, days / 7),
        f"overdue:{goal.due_date.isoformat()}",
    )


def _slipped_milestones(goal: GoalRecord, today: date) -> _Problem | None:
    slipped = [m for m in goal.milestones if not m.done and m.due_date and m.due_date < today]
    if not slipped:
        return None
    oldest = min(slipped, key=lambda m: (m.due_date, m.position))
    assert oldest.due_date is not None
    days = (today - oldest.due_date).days
    if len(slipped) == 1:
        reason = (
            f"Its milestone {wording.quoted(oldest.text)} was due on"
            f" {wording.since(oldest.due_date, today)}"
        )
    else:
        reason = (
            f"{len(slipped)} of its milestones are past their dates, the oldest"
            f" {wording.quoted(oldest.text)} since {oldest.due_date.isoformat()}"
        )
    if goal.due_date is not None:
        reason += f"; the goal itself is due on {goal.due_date.isoformat()}"
    return _Problem(
        SuggestionKind.OVERDUE_GOAL,
        f"Slipped milestone in {wording.quoted(goal.title)}",
        reason + ".",
        f"Get {wording.quoted(oldest.text)} done next, or give it a date you can keep.",
        74 + min(6.0, days / 7),
        f"milestone:{oldest.id}:{oldest.due_date.isoformat()}",
    )


def _stalled(goal: GoalRecord, facts: Facts) -> _Problem | None:
    created = goal.created_at.date()
    if not goal.competencies or (facts.today - created).days < STALLED_DAYS:
        return None
    comps = [facts.competencies[c.competency_id] for c in goal.competencies]
    logged = [c.last_logged for c in comps if c.last_logged is not None]
    last = max(logged) if logged else None
    quiet_since = max(last, created) if last else created
    days = (facts.today - quiet_since).days
    if days < STALLED_DAYS:
        return None
    names = wording.names([c.name for c in comps])
    if last is not None and last >= created:
        reason = f"Nothing has been logged for {names} since {wording.since(last, facts.today)}."
    else:
        reason = (
            f"Nothing has been logged for {names} since the goal was created on"
            f" {created.isoformat()}."
        )
    other = facts.hours_since(facts.today - timedelta(days=STALLED_DAYS))
    if other > 0:
        reason += (
            f" You did log {wording.hours(other)} of other learning in the last {STALLED_DAYS}"
            f" days; tag what served this goal with {names}."
        )
    return _Problem(
        SuggestionKind.STALLED_GOAL,
        f"Stalled goal: {wording.quoted(goal.title)}",
        reason,
        "Log the work you have done toward it with its competencies, or plan the next small"
        " piece; drop the goal if it no longer matters.",
        70 + min(8.0, (days - STALLED_DAYS) / 15),
        f"stalled:{quiet_since.isoformat()}",
    )


def _without_milestones(goal: GoalRecord) -> _Problem | None:
    if goal.status is not GoalStatus.ACTIVE or goal.milestones:
        return None
    return _Problem(
        SuggestionKind.GOAL_WITHOUT_MILESTONES,
        f"Add milestones to {wording.quoted(goal.title)}",
        f"It has been open since {goal.created_at.date().isoformat()} with no milestones.",
        "Break it into two to four dated milestones, so progress shows.",
        56.0,
        "no-milestones",
    )
