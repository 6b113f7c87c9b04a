"""The plan as Markdown: the same sections as the printed plan, for a wiki, a repository or email.

User text is escaped so that it reads literally: Markdown punctuation gets a
backslash and ``<``, ``>`` and ``&`` become entities, so a title such as
``<b>x</b>`` shows those characters in any renderer instead of turning bold.
Charts are described in words (a Markdown file carries no pictures of its own).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from planner.errors import PlannerError
from planner.report import plan_text as words
from planner.report.plan_model import SECTION_TITLES, Chart, Plan, PlanGoal

_INLINE = re.compile(r"([\\`*_\[\]|~])")
_LINE_START = re.compile(r"^(#|-|\+|=)")
_NUMBERED = re.compile(r"^(\d+)([.)])(?=\s|$)")


def md(text: str) -> str:
    """``text`` as literal Markdown text on one line, wherever on a line it goes.

    Only what Markdown would act on is escaped, so the file stays pleasant to read.
    """
    flat = " ".join(text.split())
    escaped = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = _INLINE.sub(r"\\\1", escaped)
    escaped = _LINE_START.sub(r"\\\1", escaped)
    return _NUMBERED.sub(r"\1\\\2", escaped)


def md_lines(text: str) -> str:
    """Several lines of user text, each literal, joined by hard line breaks."""
    lines = [md(line) for line in text.strip().splitlines() if line.strip()]
    return "\\\n".join(lines)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> list[str]:
    """A pipe table; cells are already escaped. ``align`` is one of l, c, r per column."""
    marks = {"l": ":---", "c": ":---:", "r": "---:"}
    rule = [marks.get(align[i] if i < len(align) else "l", "---") for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return [*lines, ""]


def plan_markdown(plan: Plan) -> str:
    """The whole plan as one Markdown document."""
    lines = _cover(plan)
    sections = plan.sections
    writers = {
        "radar": lambda: _chart(plan.radar, "radar"),
        "gaps": lambda: _gaps(plan),
        "changes": lambda: _changes(plan),
        "goals": lambda: _goals(plan),
        "next_steps": lambda: _next_steps(plan),
        "learning": lambda: _learning(plan),
        "progress": lambda: _progress(plan),
        "sign_off": _sign_off,
    }
    for name in sections.names():
        if sections.enabled(name):
            lines.extend([f"## {SECTION_TITLES[name]}", ""])
            lines.extend(writers[name]())
    return "\n".join(lines).rstrip() + "\n"


def write_markdown(plan: Plan, path: Path) -> None:
    """Write the plan's Markdown to ``path`` (UTF-8)."""
    if path.is_dir():
        raise PlannerError(f"{path} is a folder; give the name of the Markdown file to write.")
    try:
        path.write_text(plan_markdown(plan), encoding="utf-8")
    except OSError as exc:
        raise PlannerError(f"Cannot write {path}: {exc.strerror or exc}") from None


def _cover(plan: Plan) -> list[str]:
    cover = plan.cover
    projected, note = words.projection_figure(cover)
    return [
        f"# Development plan: {md(cover.name)}",
        "",
        md(words.subtitle(cover)),
        "",
        f"- **Prepared:** {md(words.long_date(cover.prepared_on))}",
        f"- **Framework:** {md(cover.framework_name)}",
        f"- **Target profile:** {md(cover.profile_name)}",
        f"- **Target date:** {md(words.short_date(cover.target_date, 'Not set'))}",
        f"- **Readiness:** {md(words.readiness_line(cover))}",
        f"- **Projected:** {md(f'{projected}, {note}' if note else projected)}",
        "",
    ]


def _chart(chart: Chart, name: str) -> list[str]:
    """A chart in words: what the printed plan draws, or why there is nothing to draw."""
    if chart.image is not None:
        return [f"_{md('Drawn in the printed plan: ' + chart.image.description)}_", ""]
    note = chart.note or "No chart to show."
    if name == "radar" and "printed plan" in note:
        note += " The gap table below holds the same levels."
    return [f"_{md(note)}_", ""]


def _progress(plan: Plan) -> list[str]:
    """The readiness history as a table, with the forecast sentence."""
    lines = _chart(plan.progress, "progress")
    if not plan.history:
        return lines
    lines.extend([md(plan.cover.projection.text), ""])
    rows = [
        (md(words.short_date(p.assessed_on)), md(p.rater), words.percent(p.overall))
        for p in plan.history
    ]
    return lines + _table(("Assessment", "Rated by", "Readiness"), rows, "llr")


def _gaps(plan: Plan) -> list[str]:
    rows = []
    for area in plan.gaps:
        rows.append((f"**{md(area.name)}**", "", "", "", f"**{words.percent(area.readiness)}**"))
        rows.extend(
            (
                md(gap.competency),
                md(words.level_text(gap.level, gap.level_name)),
                md(words.level_text(gap.target, gap.target_name)),
                md(words.gap_text(gap)),
                md(words.short_date(gap.last_assessed, "Never")),
            )
            for gap in area.rows
        )
    header = ("Competency", "Current", "Target", "Gap", "Last assessed")
    return _table(header, rows, "lllcr")


def _changes(plan: Plan) -> list[str]:
    changes = plan.changes
    lines = [md(words.changes_intro(changes)), ""]
    if changes.previous_on is None:
        return lines
    if changes.level_changes:
        rows = [
            (
                md(move.competency),
                md(move.area),
                str(move.before) if move.before is not None else words.DASH,
                str(move.after) if move.after is not None else words.DASH,
                words.delta_text(move.before, move.after),  # our own words: "+1", "new"
            )
            for move in changes.level_changes
        ]
        lines.extend(_table(("Competency", "Area", "Before", "After", "Change"), rows, "llccc"))
        if changes.unchanged:
            lines.extend([f"{changes.unchanged} other competencies kept their level.", ""])
    else:
        lines.extend(["No competency changed level between these two assessments.", ""])
    lines.append(md(words.changes_activity(changes)))
    lines.extend(f"- {md(title)}" for title in changes.goals_completed)
    return [*lines, ""]


def _goals(plan: Plan) -> list[str]:
    if not plan.goals:
        return ["_No open goals at the moment._", ""]
    lines: list[str] = []
    for goal in plan.goals:
        lines.extend(_goal(goal))
    return lines


def _goal(goal: PlanGoal) -> list[str]:
    facts = (
        f"Due {words.goal_due(goal)} · {words.goal_status(goal)}"
        f" · {goal.priority.value.capitalize()} priority"
    )
    lines = [f"### {md(goal.title)}", "", md(facts), ""]
    if goal.competencies:
        lines.extend([md("Serves: " + ", ".join(goal.competencies)), ""])
    if goal.description.strip():
        lines.extend([md_lines(goal.description), ""])
    for milestone in goal.milestones:
        box = "x" if milestone.done else " "
        lines.append(f"- [{box}] {md(words.milestone_line(milestone))}")
    if goal.milestones:
        lines.append("")
    return lines


def _next_steps(plan: Plan) -> list[str]:
    steps = plan.next_steps
    if not steps.steps:
        return [f"_{md(steps.note or 'No suggestions at the moment.')}_", ""]
    lines: list[str] = []
    for number, step in enumerate(steps.steps, start=1):
        kind = f" ({md(step.kind)})" if words.shows_kind(step) else ""
        lines.append(f"{number}. **{md(step.title)}**{kind}")
        if step.action:
            lines.append(f"   {md(step.action)}")
        if step.rationale:
            lines.append(f"   _Why:_ {md(step.rationale)}")
        if step.source:
            lines.append(f"   Source: {md(step.source)}")
        lines.append(f"   Effort: {md(words.effort_text(step.effort_hours))}")
        lines.append("")
    if steps.note:
        lines.extend([md(steps.note), ""])
    return lines


def _learning(plan: Plan) -> list[str]:
    summary = plan.learning
    period = f"{words.short_date(summary.since)} to {words.short_date(summary.until)}"
    if not summary.entry_count:
        lines = [md(f"Nothing logged from {period}."), ""]
    else:
        entries = "entry" if summary.entry_count == 1 else "entries"
        total = words.hours(summary.total_hours)
        lines = [md(f"From {period}: {total} in {summary.entry_count} {entries}."), ""]
        rows = [
            (
                md(area.area),
                md(words.hours(area.hours)),
                md(words.percent(area.hours / summary.total_hours)),
            )
            for area in summary.by_area
        ]
        lines.extend(_table(("Area", "Hours", "Share"), rows, "lrr"))
    if summary.recent:
        lines.extend(["### Most recent entries", ""])
        recent: list[tuple[str, ...]] = [
            (
                md(words.short_date(entry.completed_on)),
                md(
                    entry.title
                    + (f" ({', '.join(entry.competencies)})" if entry.competencies else "")
                ),
                md(entry.kind),
                md(words.hours(entry.hours)),
            )
            for entry in summary.recent
        ]
        lines.extend(_table(("Date", "Entry", "Kind", "Hours"), recent, "lllr"))
    return lines


def _sign_off() -> list[str]:
    blank = "_" * 28
    return [
        md(words.SIGN_OFF_NOTE),
        "",
        f"- Reviewer: {blank}",
        f"- Role: {blank}",
        f"- Date: {blank}",
        f"- Signature: {blank}",
        f"- Next review: {blank}",
        "",
        "Notes:",
        "",
        *([blank * 2 + "  ", ""] * 3),
    ]
