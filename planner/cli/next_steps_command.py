"""The ``next-steps`` command: ranked advice, weekly plan and projected date, as text or JSON.

``--accept``, ``--snooze`` and ``--dismiss`` answer one suggestion by its key (shown in
the JSON and after each suggestion in the text) the way the window's buttons do.
"""

from __future__ import annotations

import argparse
import json
import textwrap
from typing import TextIO

from planner.analysis.next_steps import (
    NextSteps,
    Suggestion,
    goal_draft_for,
    next_steps_for,
    snooze_until,
)
from planner.analysis.next_steps.summary import effort_text, projection_sentences
from planner.errors import PlannerError
from planner.services.records import PersonRecord
from planner.services.service_set import Services
from planner.vocabulary import DecisionKind

TOP = 10
WIDTH = 100
INDENT = "     "


def next_steps(args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Print (or answer) a person's next steps."""
    person = services.people.find(args.person)
    result = next_steps_for(services, person.id, args.hours_per_week)
    for option, kind in (
        ("accept", DecisionKind.ACCEPTED),
        ("snooze", DecisionKind.SNOOZED),
        ("dismiss", DecisionKind.DISMISSED),
    ):
        key = getattr(args, option, None)
        if key:
            out.write(answer(services, person, result, key, kind) + "\n")
            return 0
    if args.json:
        json.dump(next_steps_json(person, result), out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(next_steps_text(person, result, everything=args.all))
    return 0


def answer(
    services: Services, person: PersonRecord, result: NextSteps, key: str, kind: DecisionKind
) -> str:
    """Accept, snooze or dismiss the suggestion ``key``; returns what was done, in words."""
    suggestion = result.find(key)
    if suggestion is None:
        shown = ", ".join(s.key for s in result.suggestions[:TOP])
        raise PlannerError(f"no suggestion '{key}' for {person.name}; try one of: {shown}")
    today = services.clock.today()
    if kind is DecisionKind.ACCEPTED:
        if not suggestion.accepts_as_goal:
            raise PlannerError(
                f"'{key}' is about your plan itself ({suggestion.action.rstrip('.')});"
                " it does not become a goal. Snooze or dismiss it instead."
            )
        framework = services.people.framework_of(person)
        draft = goal_draft_for(suggestion, framework, today, result.hours_per_week)
        goal = services.goals.create(person.id, draft)
        services.decisions.record(person.id, key, kind, suggestion.fingerprint)
        return (
            f"Created the goal “{goal.title}” with the first milestone “{draft.milestones[0].text}”"
        )
    until = snooze_until(today) if kind is DecisionKind.SNOOZED else None
    services.decisions.record(person.id, key, kind, suggestion.fingerprint, until)
    if until is not None:
        return f"Snoozed “{suggestion.title}” until {until.isoformat()}"
    return f"Dismissed “{suggestion.title}” (it comes back if its figures change)"


def _wrapped(label: str, text: str) -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=f"{INDENT}{label:<6}",
        subsequent_indent=INDENT + " " * 6,
        break_on_hyphens=False,
    )


def suggestion_lines(rank: int, suggestion: Suggestion) -> list[str]:
    """One suggestion as a numbered block: title, what to do, why, where it comes from."""
    head = f"{rank:>3}. {suggestion.title}"
    tag = f"[{suggestion.kind.label} · {effort_text(suggestion.effort_hours)}]"
    lines = [head if len(head) + len(tag) + 2 > WIDTH else f"{head}  {tag}"]
    if len(head) + len(tag) + 2 > WIDTH:
        lines.append(f"{INDENT}{tag}")
    action = suggestion.action
    if suggestion.action_detail:
        action = f"{action.rstrip('.')}. {suggestion.action_detail}"
    lines += _wrapped("Do:", action)
    lines += _wrapped("Why:", suggestion.rationale)
    source = suggestion.source
    lines += _wrapped("From:", f"“{source.quote}” ({source.section}, {source.document})")
    lines.append(f"{INDENT}{'Key:':<6}{suggestion.key}")
    return lines


def next_steps_text(person: PersonRecord, result: NextSteps, *, everything: bool = False) -> str:
    """The advice as readable text: suggestions, weekly plan, projection."""
    projection = result.projection
    hours = effort_text(result.hours_per_week)
    lines = [
        f"{person.name}: next steps toward {projection.profile_name}"
        f" ({result.today.isoformat()}, {hours} a week)",
        "",
    ]
    shown = result.suggestions if everything else result.suggestions[:TOP]
    if not shown:
        lines.append("Nothing to suggest: every target is met and nothing in the plan needs care.")
    for rank, suggestion in enumerate(shown, 1):
        lines += [*suggestion_lines(rank, suggestion), ""]
    more = len(result.suggestions) - len(shown)
    if more > 0:
        lines += [f"… and {more} more (--all lists them).", ""]
    if result.weeks:
        lines.append(f"Weekly plan at {hours} a week")
        for week in result.weeks:
            items = "; ".join(
                f"{item.label} ({effort_text(item.hours)}{'' if item.finishes else ', continues'})"
                for item in week.items
            )
            lines += textwrap.wrap(
                f"Week {week.number} (from {week.starts.isoformat()}): {items}",
                WIDTH,
                initial_indent="  ",
                subsequent_indent="      ",
                break_on_hyphens=False,
            )
        lines.append("")
    for sentence in projection_sentences(projection):
        lines += textwrap.wrap(sentence, WIDTH)
    if result.hidden:
        count = len(result.hidden)
        lines.append(
            f"{count} suggestion{'s are' if count != 1 else ' is'} hidden by your decisions"
            " (snoozed, dismissed or accepted)."
        )
    return "\n".join(lines) + "\n"


def suggestion_json(rank: int, suggestion: Suggestion) -> dict[str, object]:
    """One suggestion as plain JSON data."""
    competency = None
    if suggestion.competency_id is not None:
        competency = {
            "id": suggestion.competency_id,
            "name": suggestion.competency_name,
            "area": suggestion.area_name,
            "current_level": suggestion.current_level,
            "target_level": suggestion.target_level,
        }
    source = suggestion.source
    return {
        "rank": rank,
        "key": suggestion.key,
        "kind": suggestion.kind.value,
        "kind_label": suggestion.kind.label,
        "title": suggestion.title,
        "action": suggestion.action,
        "action_detail": suggestion.action_detail,
        "rationale": suggestion.rationale,
        "source": {
            "file": source.file,
            "document": source.document,
            "section": source.section,
            "quote": source.quote,
        },
        "effort_hours": suggestion.effort_hours,
        "score": suggestion.score,
        "competency": competency,
        "goal_id": suggestion.goal_id,
        "accept": suggestion.follow_up.value,
        "fingerprint": suggestion.fingerprint,
    }


def next_steps_json(person: PersonRecord, result: NextSteps) -> dict[str, object]:
    """Everything the engine worked out, as plain JSON data."""
    projection = result.projection
    return {
        "person": person.name,
        "date": result.today.isoformat(),
        "hours_per_week": result.hours_per_week,
        "suggestions": [suggestion_json(r, s) for r, s in enumerate(result.suggestions, 1)],
        "hidden": [
            {
                "key": h.suggestion.key,
                "title": h.suggestion.title,
                "decision": h.decision,
                "until": h.until.isoformat() if h.until else None,
            }
            for h in result.hidden
        ],
        "weekly_plan": [
            {
                "week": week.number,
                "starts": week.starts.isoformat(),
                "hours": week.hours,
                "items": [
                    {
                        "key": i.key,
                        "title": i.title,
                        "label": i.label,
                        "hours": i.hours,
                        "finishes": i.finishes,
                    }
                    for i in week.items
                ],
            }
            for week in result.weeks
        ],
        "projection": {
            "profile": projection.profile_name,
            "remaining_hours": round(projection.remaining_hours, 1),
            "weeks": projection.weeks,
            "reached_on": projection.reached_on.isoformat() if projection.reached_on else None,
            "target_date": projection.target_date.isoformat() if projection.target_date else None,
            "hours_per_week_for_target_date": (
                round(projection.hours_per_week_for_target_date, 1)
                if projection.hours_per_week_for_target_date is not None
                else None
            ),
            "logged_hours_per_week": round(projection.logged_hours_per_week, 1),
        },
    }
