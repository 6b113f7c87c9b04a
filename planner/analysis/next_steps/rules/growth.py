"""Growth rules: one suggestion per competency gap, framed by the rule of its area.

From "Career Growth and Transition" (building on technical skills, embracing
leadership opportunities) and "Career Progression and Growth" (strategic thinking,
the shift from task execution to strategic orchestration, taking on more
responsibility, continuous learning):

- technical gaps: the largest first;
- leadership, strategy and communication gaps weigh more as technical readiness
  rises (a junior's first job is technical; a strong technician's next step is people
  and strategy);
- responsibility gaps only once the technical areas are near target;
- a gap an open goal already aims past is left to that goal.

Score: 30 + 12 per missing level, + up to 8 when the competency has had no learning
for months, times the rule's weight.
"""

from __future__ import annotations

from collections.abc import Callable

from planner.analysis.next_steps import wording
from planner.analysis.next_steps.candidate import Candidate, RuleContext
from planner.analysis.next_steps.facts import CompetencyFacts, Facts
from planner.analysis.next_steps.model import FollowUp, SuggestionKind

NEAR_TARGET = 0.75
STRONG = 0.6  # technical strength (78% readiness) from which people work is "the" next step
QUIET_DAYS = 60

WEIGHTS: dict[SuggestionKind, Callable[[float], float]] = {
    SuggestionKind.TECHNICAL: lambda strength: 1.0 - 0.2 * strength,
    SuggestionKind.LEADERSHIP: lambda strength: 0.7 + 0.6 * strength,
    SuggestionKind.STRATEGY: lambda strength: 0.65 + 0.55 * strength,
    SuggestionKind.RESPONSIBILITY: lambda strength: 0.8 + 0.35 * strength,
    SuggestionKind.COMMUNICATION: lambda strength: 0.8 + 0.3 * strength,
    SuggestionKind.CONTINUOUS_LEARNING: lambda strength: 0.8,
}


def neglect_bonus(comp: CompetencyFacts, facts: Facts) -> float:
    """Up to 8 points for a competency nobody has logged learning for in months."""
    if comp.last_logged is None:
        return 8.0
    days = (facts.today - comp.last_logged).days
    return min(8.0, days / 30) if days > QUIET_DAYS else 0.0


def growth_score(comp: CompetencyFacts, facts: Facts) -> float:
    """How much a competency's next step matters, under its own area's rule."""
    base = 30 + 12 * comp.gap + neglect_bonus(comp, facts)
    return base * WEIGHTS[comp.kind](facts.technical_strength)


def is_open_gap(comp: CompetencyFacts, facts: Facts) -> bool:
    """A gap this run may suggest: below target, no goal on it, its rule not held back."""
    if comp.gap <= 0 or comp.covering_goal is not None:
        return False
    return not (
        comp.kind is SuggestionKind.RESPONSIBILITY and facts.technical_readiness < NEAR_TARGET
    )


def gap_sentence(comp: CompetencyFacts, facts: Facts) -> str:
    """E.g. "Mentoring is at level 3 (Mid-level) against a target of 4 (Senior)."."""
    assert comp.level is not None
    framework = facts.framework
    return (
        f"{comp.name} is at {wording.level(framework, comp.level)} against a target of"
        f" {comp.target} ({wording.level_name(framework, comp.target)})."
    )


def learning_sentence(comp: CompetencyFacts, facts: Facts) -> str:
    """What the log says about a competency: never, not for months, or recent hours."""
    if comp.last_logged is None:
        return "Nothing has been logged for it yet."
    days = (facts.today - comp.last_logged).days
    if days > QUIET_DAYS:
        return f"No learning logged for it since {wording.since(comp.last_logged, facts.today)}."
    return (
        f"You logged {wording.hours(comp.recent_hours)} for it in the last 90 days;"
        " this is the next step up."
    )


def step_title(comp: CompetencyFacts, facts: Facts, to_level: int | None = None) -> str:
    """E.g. "Mentoring: Mid-level → Senior"."""
    assert comp.level is not None
    framework = facts.framework
    to = comp.level + 1 if to_level is None else to_level
    return (
        f"{comp.name}: {wording.level_name(framework, comp.level)}"
        f" → {wording.level_name(framework, to)}"
    )


def growth_candidate(
    ctx: RuleContext,
    comp: CompetencyFacts,
    kind: SuggestionKind,
    score: float,
    rule_reason: str,
) -> Candidate:
    """A suggestion to move ``comp`` up one level, explained with its figures."""
    facts = ctx.facts
    assert comp.level is not None
    return Candidate(
        key=f"grow:{comp.id}",
        kind=kind,
        title=step_title(comp, facts),
        step=ctx.chooser.choose(comp),
        reasons=(gap_sentence(comp, facts), learning_sentence(comp, facts), rule_reason),
        score=score,
        fingerprint=f"{comp.level}/{comp.target}",
        follow_up=FollowUp.NEW_GOAL,
        competency=comp,
        target_level=comp.level + 1,
        rule_reason=rule_reason,
    )


def growth_rule(ctx: RuleContext) -> list[Candidate]:
    """One candidate per open gap, under its area's rule."""
    facts = ctx.facts
    gaps = [c for c in facts.gaps() if is_open_gap(c, facts)]
    technical = [c.gap for c in facts.gaps() if c.kind is SuggestionKind.TECHNICAL]
    largest = max(technical, default=0)
    if len(technical) > 1 and min(technical) == largest:
        largest = 0  # all technical gaps are equal: "largest" would say nothing
    return [
        growth_candidate(
            ctx,
            comp,
            comp.kind,
            growth_score(comp, facts),
            _rule_reason(comp, facts, technical.count(largest) if comp.gap == largest else 0),
        )
        for comp in gaps
    ]


def _rule_reason(comp: CompetencyFacts, facts: Facts, tied_largest: int) -> str:
    standing = wording.technical_standing(facts.technical_readiness)
    strong = facts.technical_strength >= STRONG
    kind = comp.kind
    if kind is SuggestionKind.TECHNICAL:
        if tied_largest == 1:
            return "It is your largest technical gap."
        if tied_largest > 1:
            return f"It is one of your {tied_largest} largest technical gaps ({comp.gap} levels)."
        return ""
    if kind is SuggestionKind.LEADERSHIP and strong:
        return (
            f"Your technical areas are {standing}, so leading and guiding"
            " others is where the step to senior now lies."
        )
    if kind is SuggestionKind.STRATEGY and strong:
        return (
            f"With your technical areas {standing}, the next shift is from"
            " executing tasks to orchestrating them."
        )
    if kind is SuggestionKind.RESPONSIBILITY:
        return f"Your technical areas are {standing}: the point to take on more responsibility."
    return ""
