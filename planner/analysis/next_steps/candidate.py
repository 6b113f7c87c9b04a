"""What a rule proposes before ranking, and what every rule is given to look at."""

from __future__ import annotations

from dataclasses import dataclass

from planner.analysis.next_steps.activity_choice import ActivityChooser, ChosenStep
from planner.analysis.next_steps.facts import CompetencyFacts, Facts
from planner.analysis.next_steps.model import FollowUp, Suggestion, SuggestionKind
from planner.analysis.next_steps.sources import source_for
from planner.framework.activities import ActivityCatalogue


@dataclass(frozen=True)
class RuleContext:
    """The inputs of one run, shared by every rule."""

    facts: Facts
    catalogue: ActivityCatalogue
    chooser: ActivityChooser
    hours_per_week: float


@dataclass(frozen=True)
class Candidate:
    """A proposed suggestion.

    ``reasons`` are the sentences of its rationale, figures first; ``rule_reason`` is
    the one sentence only its rule would say, added to another rule's suggestion when
    both propose the same thing (same ``key``).
    """

    key: str
    kind: SuggestionKind
    title: str
    step: ChosenStep
    reasons: tuple[str, ...]
    score: float
    fingerprint: str
    follow_up: FollowUp
    competency: CompetencyFacts | None = None
    target_level: int | None = None
    goal_id: int | None = None
    rule_reason: str = ""

    def suggestion(self) -> Suggestion:
        """The finished suggestion."""
        comp = self.competency
        return Suggestion(
            key=self.key,
            kind=self.kind,
            title=self.title,
            action=self.step.action,
            action_detail=self.step.detail,
            rationale=" ".join(r for r in self.reasons if r),
            source=source_for(self.kind),
            effort_hours=self.step.hours,
            score=round(self.score, 2),
            fingerprint=self.fingerprint,
            follow_up=self.follow_up,
            competency_id=comp.id if comp else None,
            competency_name=comp.name if comp else None,
            area_id=comp.area.id if comp else None,
            area_name=comp.area.name if comp else None,
            current_level=comp.level if comp else None,
            target_level=self.target_level,
            activity=self.step.activity,
            goal_id=self.goal_id,
        )
