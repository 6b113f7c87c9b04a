"""The weekly plan and the projected date, both at the person's weekly budget.

The plan lays the top suggestions, in rank order, onto the coming weeks: each week
holds ``hours_per_week`` hours, and a suggestion larger than what is left of a week
carries over into the next. Week 1 starts today.

The projection asks how long every missing level step takes. One step's effort is
the sum of the catalogue's activities for it (what the catalogue lists as moving a
competency one level), less the hours already logged for that competency since it
was last rated (at most the first step's effort). Unrated competencies start from
the junior level.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from planner.analysis.next_steps.activity_choice import step_hours
from planner.analysis.next_steps.facts import Facts
from planner.analysis.next_steps.log_summary import RECENT_DAYS
from planner.analysis.next_steps.model import PlannedItem, PlannedWeek, Projection, Suggestion
from planner.framework.activities import ActivityCatalogue

PLANNED_SUGGESTIONS = 10
MAX_WEEKS = 26
_EPSILON = 1e-9


def lay_out_weeks(
    suggestions: Sequence[Suggestion], hours_per_week: float, today: date
) -> tuple[PlannedWeek, ...]:
    """The top suggestions placed week by week within the budget (at most 26 weeks)."""
    queue = [(s, s.effort_hours) for s in suggestions[:PLANNED_SUGGESTIONS]]
    weeks: list[PlannedWeek] = []
    while queue and len(weeks) < MAX_WEEKS:
        room = hours_per_week
        items: list[PlannedItem] = []
        while queue and room > _EPSILON:
            suggestion, left = queue[0]
            hours = min(room, left)
            finishes = left - hours <= _EPSILON
            label = suggestion.action if suggestion.activity is not None else suggestion.title
            items.append(PlannedItem(suggestion.key, suggestion.title, label, hours, finishes))
            room -= hours
            if finishes:
                queue.pop(0)
            else:
                queue[0] = (suggestion, left - hours)
        number = len(weeks) + 1
        weeks.append(PlannedWeek(number, today + timedelta(weeks=number - 1), tuple(items)))
    return tuple(weeks)


def remaining_hours(facts: Facts, catalogue: ActivityCatalogue) -> float:
    """Effort of every missing level step, less hours logged toward them since rated."""
    total = 0.0
    junior = facts.framework.scale.junior
    for comp in facts.competencies.values():
        start = comp.level if comp.level is not None else junior
        if start >= comp.target:
            continue
        steps = [step_hours(catalogue, comp.id, level) for level in range(start, comp.target)]
        credit = min(comp.hours_since_rated, steps[0]) if comp.level is not None else 0.0
        total += sum(steps) - credit
    return total


def project(facts: Facts, catalogue: ActivityCatalogue, hours_per_week: float) -> Projection:
    """When the target profile is reached at ``hours_per_week``."""
    target_date = facts.person.target_date
    recent = facts.hours_since(facts.recent_start) / (RECENT_DAYS / 7)
    if facts.latest is None:
        return Projection(
            facts.profile.name, 0.0, hours_per_week, None, None, target_date, None, recent
        )
    remaining = remaining_hours(facts, catalogue)
    weeks = math.ceil(remaining / hours_per_week - _EPSILON) if remaining > 0 else 0
    reached = facts.today + timedelta(weeks=weeks)
    needed = None
    if target_date is not None and target_date > facts.today:
        needed = remaining / ((target_date - facts.today).days / 7)
    return Projection(
        facts.profile.name, remaining, hours_per_week, weeks, reached, target_date, needed, recent
    )
