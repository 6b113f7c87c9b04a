"""Career pathways: what to aim at once the target is (nearly) reached.

"Career Growth and Transition" names them: leading specialised projects, managerial
roles, emerging fields like AI ethics.

At or near the target (90% readiness or more), each pathway profile of the framework
other than the person's own becomes a candidate next target. It starts with the
largest gap among the competencies the pathway raises; pathways the person already
leans toward (recent hours in those competencies) and is closer to rank higher; while
gaps to the target remain, pathways rank below closing them.
"""

from __future__ import annotations

from planner.analysis.next_steps import wording
from planner.analysis.next_steps.candidate import Candidate, RuleContext
from planner.analysis.next_steps.facts import CompetencyFacts, Facts
from planner.analysis.next_steps.model import FollowUp, SuggestionKind
from planner.analysis.readiness import compute_readiness
from planner.framework.schema import Profile

NEAR_TARGET = 0.9
MET = 45.0  # every target met: the pathways are the next step
NEARLY = 25.0  # gaps remain: closing them comes first
SHOWN_RAISES = 3


def pathway_rule(ctx: RuleContext) -> list[Candidate]:
    """One candidate per pathway profile once the target is (nearly) reached."""
    facts = ctx.facts
    if facts.latest is None or facts.overall_readiness < NEAR_TARGET:
        return []
    pathways = [
        p for p in facts.framework.profiles if p.kind == "pathway" and p.id != facts.profile.id
    ]
    found = []
    for pathway in pathways:
        candidate = _pathway_candidate(ctx, pathway)
        if candidate is not None:
            found.append(candidate)
    return found


def _pathway_candidate(ctx: RuleContext, pathway: Profile) -> Candidate | None:
    facts = ctx.facts
    comps = list(facts.competencies.values())
    short = [c for c in comps if c.level is not None and c.level < pathway.targets[c.id]]
    if not short:
        return None
    raised = [c for c in comps if pathway.targets[c.id] > c.target]
    raised_ids = {c.id for c in raised}
    comp = max(
        short,
        key=lambda c: (
            c.id in raised_ids,
            pathway.targets[c.id] - (c.level or 0),
            c.recent_hours,
        ),
    )
    readiness = compute_readiness(facts.framework, pathway, facts.levels).overall
    total = facts.recent_attributed_hours
    leaning = sum(c.recent_hours for c in raised) / total if total > 0 else 0.0
    assert comp.level is not None
    return Candidate(
        key=f"pathway:{pathway.id}",
        kind=SuggestionKind.PATHWAY,
        title=f"Next horizon: {pathway.name}",
        step=ctx.chooser.choose(comp),
        reasons=_reasons(facts, pathway, raised, readiness, leaning, comp),
        score=(MET if facts.overall_readiness >= 1 else NEARLY) + 10 * readiness + 10 * leaning,
        fingerprint=f"{round(readiness * 10)}",
        follow_up=FollowUp.NEW_GOAL,
        competency=comp,
        target_level=comp.level + 1,
    )


def _reasons(
    facts: Facts,
    pathway: Profile,
    raised: list[CompetencyFacts],
    readiness: float,
    leaning: float,
    comp: CompetencyFacts,
) -> tuple[str, ...]:
    assert comp.level is not None
    overall = facts.overall_readiness
    met = "every target is met" if overall >= 1 else "nearly there"
    reasons = [f"You are at {wording.percent(overall)} of {facts.profile.name}: {met}."]
    if raised:
        names = [c.name for c in raised[:SHOWN_RAISES]]
        more = len(raised) - SHOWN_RAISES
        listed = wording.names([*names, f"{more} more"] if more > 0 else names)
        reasons.append(
            f"{pathway.name} raises {listed}; you are at {wording.percent(readiness)} of it."
        )
    if leaning > 0:
        reasons.append(
            f"{wording.percent(leaning)} of your last 90 days of learning already went there."
        )
    target = pathway.targets[comp.id]
    reasons.append(
        f"Start with {comp.name}: {wording.level(facts.framework, comp.level)} against"
        f" {target} on this pathway."
    )
    return tuple(reasons)
