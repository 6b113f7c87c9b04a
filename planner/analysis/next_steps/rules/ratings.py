"""Plan hygiene for ratings: know where you stand.

"Introduction" of file 000: "Understanding this difference is crucial for your career
development."

- no assessment yet (score 100): every other figure depends on one;
- competencies never rated (66): they count as 0 in readiness;
- stale (58+): the last assessment is over 90 days old, or more than 40 h were logged
  since it; names the competencies that got most of those hours;
- a rating that rose in the latest assessment with no evidence written, no entry
  linked and nothing logged for it since the previous rating (60).
"""

from __future__ import annotations

from planner.analysis.next_steps import wording
from planner.analysis.next_steps.activity_choice import ChosenStep
from planner.analysis.next_steps.candidate import Candidate, RuleContext
from planner.analysis.next_steps.facts import Facts
from planner.analysis.next_steps.log_summary import unbacked_rises
from planner.analysis.next_steps.model import FollowUp, SuggestionKind
from planner.services.records import AssessmentRecord

STALE_DAYS = 90
STALE_HOURS = 40.0
ASSESS_HOURS = 0.5
NAMED = 4


def ratings_rule(ctx: RuleContext) -> list[Candidate]:
    """Candidates about the assessments themselves."""
    facts = ctx.facts
    latest = facts.latest
    if latest is None:
        return [_first_assessment(facts)]
    found = [_unrated(facts), _stale(facts, latest), _unsupported(facts, latest)]
    return [c for c in found if c is not None]


def _assess_step(action: str, detail: str) -> ChosenStep:
    return ChosenStep(None, action, detail, ASSESS_HOURS)


def _first_assessment(facts: Facts) -> Candidate:
    count = len(facts.competencies)
    reasons = [
        "There is no assessment yet, so there is no gap to measure: all"
        f" {count} competencies of {facts.framework.name} are unrated."
    ]
    if facts.last_day is not None:
        logged = facts.total_hours
        reasons.append(f"The {wording.hours(logged)} you logged will serve as evidence.")
    return Candidate(
        key="first-assessment",
        kind=SuggestionKind.FIRST_ASSESSMENT,
        title=f"Rate yourself against {facts.profile.name}",
        step=_assess_step(
            f"Record a first assessment of all {count} competencies",
            "Read each competency's level descriptors and pick the one that describes what"
            " you do today (New assessment, Ctrl+Shift+A); about half an hour.",
        ),
        reasons=tuple(reasons),
        score=100.0,
        fingerprint="none",
        follow_up=FollowUp.ASSESS,
    )


def _unrated(facts: Facts) -> Candidate | None:
    unrated = facts.unrated()
    if not unrated:
        return None
    names = [c.name for c in unrated[:NAMED]]
    if len(unrated) > NAMED:
        names.append(f"{len(unrated) - NAMED} more")
    count = len(unrated)
    return Candidate(
        key="rate-unrated",
        kind=SuggestionKind.REASSESS,
        title=f"Rate the {count} competenc{'y' if count == 1 else 'ies'} not rated yet",
        step=_assess_step(
            f"Rate {wording.names(names)} in a new assessment",
            "Unrated competencies count as level 0, so readiness looks lower than it is.",
        ),
        reasons=(
            f"{wording.names(names)} {'has' if count == 1 else 'have'} never been rated, so"
            f" readiness counts {'it' if count == 1 else 'them'} as 0"
            f" ({wording.percent(facts.overall_readiness)} overall).",
        ),
        score=66.0,
        fingerprint=",".join(sorted(c.id for c in unrated)),
        follow_up=FollowUp.ASSESS,
    )


def _stale(facts: Facts, latest: AssessmentRecord) -> Candidate | None:
    day = latest.assessed_on
    days = (facts.today - day).days
    logged = facts.hours_since(day)
    if days <= STALE_DAYS and logged <= STALE_HOURS:
        return None
    by_competency = facts.competency_hours_since_assessment()
    busiest = sorted(by_competency.items(), key=lambda item: (-item[1], item[0]))[:NAMED]
    names = [facts.competencies[c].name for c, _hours in busiest]
    reasons = []
    if days > STALE_DAYS:
        reasons.append(f"Your last assessment was on {wording.since(day, facts.today)}.")
    if logged > STALE_HOURS:
        spread = wording.names(
            [f"{facts.competencies[c].name} ({wording.hours(h)})" for c, h in busiest]
        )
        reasons.append(
            f"{wording.hours(logged)} of learning has been logged since the assessment of"
            f" {day.isoformat()}, most of it for {spread}."
        )
    action = (
        f"Re-rate {wording.names(names)} in a new assessment"
        if names
        else "Record a new assessment"
    )
    score = 58 + min(12.0, max(0, days - STALE_DAYS) / 15)
    score += min(10.0, max(0.0, logged - STALE_HOURS) / 10)
    return Candidate(
        key="reassess",
        kind=SuggestionKind.REASSESS,
        title="Re-assess where you stand",
        step=_assess_step(action, "Link the entries you logged as evidence where a level rose."),
        reasons=tuple(reasons),
        score=score,
        fingerprint=f"{latest.id}:{int(logged // STALE_HOURS)}:{days // STALE_DAYS}",
        follow_up=FollowUp.ASSESS,
    )


def _unsupported(facts: Facts, latest: AssessmentRecord) -> Candidate | None:
    rises = []
    for rise in unbacked_rises(facts.assessments):
        comp = facts.competencies.get(rise.competency_id)
        if comp is None:
            continue
        last = facts.log.logged_before_assessment.get(rise.competency_id)
        if last is None or last <= rise.prior_day:  # nothing logged since the rating before
            rises.append((comp.name, rise.old_level, rise.new_level, rise.competency_id))
    if not rises:
        return None
    shown = [f"{name} ({old} → {new})" for name, old, new, _id in rises[:NAMED]]
    if len(rises) > NAMED:
        shown.append(f"{len(rises) - NAMED} more")
    single = len(rises) == 1
    what = "a rating" if single else f"{len(rises)} ratings"
    return Candidate(
        key="evidence",
        kind=SuggestionKind.UNSUPPORTED_RATING,
        title=f"Back up {what} that rose without evidence",
        step=_assess_step(
            "Add evidence to the rating, or log the learning behind it"
            if single
            else "Add evidence to these ratings, or log the learning behind them",
            "Write what you did and where; rate again if the level was generous.",
        ),
        reasons=(
            f"In the assessment of {latest.assessed_on.isoformat()}, {wording.names(shown)}"
            f" rose with no evidence written and nothing logged for"
            f" {'it' if single else 'them'} since the rating before.",
        ),
        score=60.0,
        fingerprint=",".join(
            f"{cid}:{new}" for _n, _o, new, cid in sorted(rises, key=lambda r: r[3])
        ),
        follow_up=FollowUp.ASSESS,
    )
