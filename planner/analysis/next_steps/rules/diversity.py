"""Gain diverse experience ("Career Growth and Transition": "gaining diverse experiences").

Two triggers, both over the last 90 days and only for someone who logged something
in that time (nothing at all is the learning-habit rule's business):

- more than 60% of the hours in one area (at least 10 h logged): suggest the largest
  open gap elsewhere, preferring the areas that got the fewest hours;
- an area with a gap that got no learning at all: suggest its largest open gap, for
  the two such areas that matter most (more would repeat the same advice; the others
  keep their own rule's framing, which still says how long they have been quiet).

The suggestion is the same step the growth rule would propose for that competency
(same key), scored higher so that its framing wins when both apply.
"""

from __future__ import annotations

from planner.analysis.next_steps import wording
from planner.analysis.next_steps.candidate import Candidate, RuleContext
from planner.analysis.next_steps.facts import CompetencyFacts
from planner.analysis.next_steps.model import SuggestionKind
from planner.analysis.next_steps.rules.growth import growth_candidate, growth_score, is_open_gap

CONCENTRATION = 0.6
CONCENTRATION_MIN_HOURS = 10.0
NEGLECT_BOOST = (1.1, 2.0)
CONCENTRATION_BOOST = (1.2, 6.0)
MAX_NEGLECTED = 2


def diversity_rule(ctx: RuleContext) -> list[Candidate]:
    """Candidates for neglected areas and for a log concentrated in one area."""
    facts = ctx.facts
    total = facts.recent_attributed_hours
    if total <= 0:
        return []
    concentrated = _concentration(ctx, total)
    if concentrated is None:
        return _neglected_areas(ctx, total, set())
    assert concentrated.competency is not None
    return [concentrated, *_neglected_areas(ctx, total, {concentrated.competency.area.id})]


def _largest_open_gap(ctx: RuleContext, comps: list[CompetencyFacts]) -> CompetencyFacts | None:
    open_gaps = [c for c in comps if is_open_gap(c, ctx.facts)]
    return max(open_gaps, key=lambda c: c.gap, default=None)  # first of equals: framework order


def _neglected_areas(ctx: RuleContext, total: float, named: set[str]) -> list[Candidate]:
    facts = ctx.facts
    found = []
    for area in facts.framework.areas:
        if facts.area_recent_hours[area.id] > 0 or area.id in named:
            continue
        comp = _largest_open_gap(ctx, [facts.competencies[c.id] for c in area.competencies])
        if comp is None:
            continue
        reason = (
            f"Nothing was logged in {area.name} in the last 90 days, while you logged"
            f" {wording.hours(total)} in other areas."
        )
        factor, bonus = NEGLECT_BOOST
        score = growth_score(comp, facts) * factor + bonus
        found.append(growth_candidate(ctx, comp, SuggestionKind.DIVERSE_EXPERIENCE, score, reason))
    found.sort(key=lambda c: -c.score)  # stable: equal scores keep framework order
    return found[:MAX_NEGLECTED]


def _concentration(ctx: RuleContext, total: float) -> Candidate | None:
    facts = ctx.facts
    if total < CONCENTRATION_MIN_HOURS:
        return None
    hours = facts.area_recent_hours
    dominant = max(facts.framework.areas, key=lambda a: hours[a.id])
    share = hours[dominant.id] / total
    if share <= CONCENTRATION:
        return None
    others = [
        c for c in facts.competencies.values() if c.area.id != dominant.id and is_open_gap(c, facts)
    ]
    if not others:
        return None
    comp = max(others, key=lambda c: (c.gap, -hours[c.area.id]))
    reason = (
        f"{wording.percent(share)} of the {wording.hours(total)} you logged in the last 90 days"
        f" went to {dominant.name}; {comp.area.name} got {wording.hours(hours[comp.area.id])}."
    )
    factor, bonus = CONCENTRATION_BOOST
    score = growth_score(comp, facts) * factor + bonus
    return growth_candidate(ctx, comp, SuggestionKind.DIVERSE_EXPERIENCE, score, reason)
