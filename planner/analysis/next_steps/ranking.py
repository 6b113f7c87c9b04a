"""From candidates to the list a person reads: merged, filtered by their decisions, ranked.

- Candidates with the same key propose the same thing: the highest-scoring one keeps
  its framing and gains the others' rule sentences (and 2 points for each).
- A dismissed or accepted suggestion stays hidden while its fingerprint (the figures
  that triggered it) is unchanged; a snoozed one until its date as well.
- Order is by score, then framework order and key, so the same input always gives the
  same list; no more than two plan check-ups follow each other, so the top always holds
  a step forward.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from planner.analysis.next_steps.candidate import Candidate
from planner.analysis.next_steps.model import HiddenSuggestion, Suggestion
from planner.services.records import DecisionRecord
from planner.vocabulary import DecisionKind

MERGE_BONUS = 2.0
MAX_HYGIENE_RUN = 2


def merge(candidates: Iterable[Candidate]) -> list[Candidate]:
    """One candidate per key, keeping the best framing and every rule's reason."""
    groups: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        groups.setdefault(candidate.key, []).append(candidate)
    merged = []
    for group in groups.values():
        ordered = sorted(group, key=lambda c: -c.score)
        best = ordered[0]
        extra = [
            c.rule_reason
            for c in ordered[1:]
            if c.rule_reason and c.rule_reason not in best.reasons
        ]
        if extra:
            best = replace(
                best,
                reasons=(*best.reasons, *dict.fromkeys(extra)),
                score=best.score + MERGE_BONUS * len(extra),
            )
        merged.append(best)
    return merged


def hiding_decision(
    suggestion: Suggestion, decision: DecisionRecord | None, today: date
) -> DecisionRecord | None:
    """The decision that keeps ``suggestion`` out of the list today, if any."""
    if decision is None or decision.fingerprint != suggestion.fingerprint:
        return None
    if decision.decision == DecisionKind.SNOOZED.value:
        return decision if decision.until is None or today < decision.until else None
    return decision


def split_by_decisions(
    suggestions: Iterable[Suggestion], decisions: Sequence[DecisionRecord], today: date
) -> tuple[list[Suggestion], list[HiddenSuggestion]]:
    """(visible, hidden) according to the person's remembered decisions."""
    by_key = {d.suggestion_key: d for d in decisions}
    visible: list[Suggestion] = []
    hidden: list[HiddenSuggestion] = []
    for suggestion in suggestions:
        decision = hiding_decision(suggestion, by_key.get(suggestion.key), today)
        if decision is None:
            visible.append(suggestion)
        else:
            hidden.append(HiddenSuggestion(suggestion, decision.decision, decision.until))
    return visible, hidden


def rank(suggestions: Iterable[Suggestion], order: Sequence[str] = ()) -> list[Suggestion]:
    """By score, with at most two plan check-ups in a row.

    Equal scores follow ``order`` (competency ids in framework order), then the key.
    """
    position = {competency_id: index for index, competency_id in enumerate(order)}
    pending = sorted(
        suggestions,
        key=lambda s: (-s.score, position.get(s.competency_id or "", len(position)), s.key),
    )
    ranked: list[Suggestion] = []
    while pending:
        run = ranked[-MAX_HYGIENE_RUN:]
        crowded = len(run) == MAX_HYGIENE_RUN and all(s.kind.is_hygiene for s in run)
        index = 0
        if crowded and pending[0].kind.is_hygiene:
            index = next((i for i, s in enumerate(pending) if not s.kind.is_hygiene), 0)
        ranked.append(pending.pop(index))
    return ranked
