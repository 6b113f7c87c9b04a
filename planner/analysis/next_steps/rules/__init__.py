"""The rules, one module per family; each takes a :class:`RuleContext` and returns candidates."""

from __future__ import annotations

from collections.abc import Callable

from planner.analysis.next_steps.candidate import Candidate, RuleContext
from planner.analysis.next_steps.rules.diversity import diversity_rule
from planner.analysis.next_steps.rules.goals import goal_rule
from planner.analysis.next_steps.rules.growth import growth_rule
from planner.analysis.next_steps.rules.learning_habit import learning_habit_rule
from planner.analysis.next_steps.rules.pathways import pathway_rule
from planner.analysis.next_steps.rules.ratings import ratings_rule

Rule = Callable[[RuleContext], list[Candidate]]

RULES: tuple[Rule, ...] = (
    ratings_rule,
    goal_rule,
    learning_habit_rule,
    growth_rule,
    diversity_rule,
    pathway_rule,
)
