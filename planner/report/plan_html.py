"""The plan as print HTML for a QTextDocument: every user string escaped, breakable by key.

Sizes in the style sheet are points or CSS pixels (1/96 inch); the document is laid
out on a print-resolution device, which scales them. Charts are ``<img>`` elements
pointing at :data:`RADAR_URL` and :data:`PROGRESS_URL`, resources the paginator
registers; nothing else is ever loaded.
"""

from __future__ import annotations

from collections.abc import Iterable

from planner.report import plan_text as words
from planner.report.html_writer import Columns, HtmlWriter, PlanHtml, Row, esc
from planner.report.plan_model import (
    SECTION_TITLES,
    Chart,
    Plan,
    PlanGoal,
    PlanMilestone,
    PlanStep,
)

RADAR_URL = "plan-chart:radar"
PROGRESS_URL = "plan-chart:progress"
CSS_PX_PER_INCH = 96
BOX_OPEN = "\u2610"
BOX_DONE = "\u2611"
NOTE_LINES = 5

ACCENT = "#1d4e89"
TEXT = "#1f2933"
MUTED = "#5b6776"
RULE = "#d5dbe3"
HEADER_FILL = "#edf1f6"
GROUP_FILL = "#f6f8fa"
ALERT = "#a3261b"

STYLE = f"""
<style>
body {{ color: {TEXT}; }}
p {{ margin-top: 0px; margin-bottom: 6px; }}
h1 {{ font-size: 22pt; font-weight: 600; color: {ACCENT}; margin-top: 0px; margin-bottom: 2px; }}
h3 {{ font-size: 10.5pt; font-weight: 600; margin-top: 12px; margin-bottom: 4px; }}
h2 {{ font-size: 14pt; font-weight: 600; color: {ACCENT}; margin-top: 20px; margin-bottom: 8px; }}
p.kicker {{ font-size: 9pt; font-weight: 600; color: {MUTED}; margin-bottom: 4px; }}
p.subtitle {{ font-size: 12pt; margin-bottom: 2px; }}
p.muted, span.muted, div.muted {{ color: {MUTED}; }}
p.note {{ color: {MUTED}; font-style: italic; }}
span.alert {{ color: {ALERT}; font-weight: 600; }}
span.met {{ color: {MUTED}; }}
table.grid {{ border-collapse: collapse; margin-top: 2px; margin-bottom: 10px; }}
table.grid th {{ background-color: {HEADER_FILL}; font-weight: 600; font-size: 9pt;
    padding: 5px 6px; border-bottom: 1px solid #9aa7b7; }}
table.grid td {{ padding: 5px 6px; border-bottom: 1px solid {RULE}; }}
tr.group td {{ background-color: {GROUP_FILL}; font-weight: 600; padding-top: 7px; }}
table.figures {{ border-collapse: collapse; margin-top: 14px; margin-bottom: 6px; }}
table.figures td {{ padding: 8px 10px; background-color: {GROUP_FILL};
    border-top: 2px solid {ACCENT}; }}
div.label {{ font-size: 8pt; font-weight: 600; color: {MUTED}; }}
div.figure {{ font-size: 14pt; font-weight: 600; color: {ACCENT}; }}
div.small {{ font-size: 8.5pt; color: {MUTED}; }}
table.chart {{ margin-top: 4px; margin-bottom: 4px; }}
table.chart td {{ padding: 0px; }}
table.sign {{ border-collapse: collapse; margin-top: 6px; }}
table.sign td {{ padding: 14px 6px 3px 0px; }}
td.line {{ border-bottom: 1px solid {TEXT}; }}
div.title {{ font-weight: 600; }}
div.kind {{ font-size: 7.5pt; font-weight: 600; color: {ACCENT}; }}
div.step-part {{ margin-top: 3px; }}
div.note {{ font-style: italic; margin-top: 1px; }}
div.milestone {{ margin-top: 2px; }}
</style>
"""


def build_plan_html(plan: Plan, breaks: frozenset[str] = frozenset()) -> PlanHtml:
    """The plan as HTML, with a page break before every key in ``breaks``."""
    out = HtmlWriter(breaks)
    _cover(out, plan)
    sections = plan.sections
    if sections.radar:
        _chart(out, "radar", plan.radar, RADAR_URL)
    if sections.gaps:
        _gaps(out, plan)
    if sections.changes:
        _changes(out, plan)
    if sections.goals:
        _goals(out, plan)
    if sections.next_steps:
        _next_steps(out, plan)
    if sections.learning:
        _learning(out, plan)
    if sections.progress:
        _chart(out, "progress", plan.progress, PROGRESS_URL)
    if sections.sign_off:
        _sign_off(out)
    return out.result(STYLE)


def _section(out: HtmlWriter, name: str) -> None:
    out.heading(f"h:{name}", 2, SECTION_TITLES[name])


def _muted(text: str) -> str:
    return f'<span class="muted">{esc(text)}</span>'


def _cover(out: HtmlWriter, plan: Plan) -> None:
    cover = plan.cover
    out.paragraph("DEVELOPMENT PLAN", "kicker")
    out.heading("h:cover", 1, cover.name)
    out.paragraph(esc(words.subtitle(cover)), "subtitle")
    out.paragraph(esc(words.prepared_line(cover)), "muted")
    readiness = words.percent(cover.overall)
    rated = (
        f"{cover.rated} of {cover.total} rated"
        if cover.overall is not None
        else "No assessment yet"
    )
    latest = words.short_date(cover.latest_assessment, "None yet")
    figures = [
        ("READINESS", readiness, rated),
        ("TARGET DATE", words.short_date(cover.target_date, "Not set"), cover.profile_name),
        ("PROJECTED", *words.projection_figure(cover)),
        ("LAST ASSESSMENT", latest, cover.latest_rater or ""),
    ]
    cells = tuple(
        f'<div class="label">{esc(label)}</div><div class="figure">{esc(value)}</div>'
        f'<div class="small">{esc(note)}</div>'
        for label, value, note in figures
    )
    spacer = Columns((25, 25, 25, 25), css_class="figures")
    out.table("t:figures", (), [Row(cells)], spacer)
    out.paragraph(esc(words.readiness_line(cover)), "muted")


def _chart(out: HtmlWriter, name: str, chart: Chart, url: str) -> None:
    _section(out, name)
    image = chart.image
    if image is None:
        out.paragraph(esc(chart.note or "No chart to show."), "note")
        return
    width = round(image.width_in * CSS_PX_PER_INCH)
    height = round(image.height_in * CSS_PX_PER_INCH)
    picture = f'<img src="{url}" width="{width}" height="{height}">'
    caption = f'<div class="small">{esc(image.description)}</div>'
    out.table(f"t:{name}", (), [Row((picture + caption,))], Columns((100,), ("center",), "chart"))


def _gaps(out: HtmlWriter, plan: Plan) -> None:
    _section(out, "gaps")
    rows: list[Row] = []
    for area in plan.gaps:
        share = words.percent(area.readiness)
        rows.append(Row((esc(area.name), esc(share)), True, "group", (4, 1)))
        for gap in area.rows:
            gap_cell = (
                f'<span class="met">{esc(words.gap_text(gap))}</span>'
                if gap.gap == 0
                else esc(words.gap_text(gap))
            )
            rows.append(
                Row(
                    (
                        esc(gap.competency),
                        esc(words.level_text(gap.level, gap.level_name)),
                        esc(words.level_text(gap.target, gap.target_name)),
                        gap_cell,
                        esc(words.short_date(gap.last_assessed, "Never")),
                    )
                )
            )
    header = ("Competency", "Current", "Target", "Gap", "Last assessed")
    shape = Columns((38, 19, 17, 8, 18), ("left", "left", "left", "center", "right"))
    out.table("t:gaps", header, rows, shape)
    scale = " · ".join(f"{level} {name}" for level, name in sorted(plan.level_names.items()))
    if scale:
        out.paragraph(esc(f"Levels: {scale}."), "muted")


def _changes(out: HtmlWriter, plan: Plan) -> None:
    _section(out, "changes")
    changes = plan.changes
    out.paragraph(esc(words.changes_intro(changes)))
    if changes.previous_on is None:
        return
    if changes.level_changes:
        rows = [
            Row(
                (
                    esc(move.competency),
                    esc(move.area),
                    esc(str(move.before) if move.before is not None else words.DASH),
                    esc(str(move.after) if move.after is not None else words.DASH),
                    esc(words.delta_text(move.before, move.after)),
                )
            )
            for move in changes.level_changes
        ]
        header = ("Competency", "Area", "Before", "After", "Change")
        shape = Columns((34, 34, 10, 10, 12), ("left", "left", "center", "center", "center"))
        out.table("t:changes", header, rows, shape)
        if changes.unchanged:
            out.paragraph(_muted(f"{changes.unchanged} other competencies kept their level."))
    else:
        out.paragraph(esc("No competency changed level between these two assessments."))
    out.paragraph(esc(words.changes_activity(changes)))
    if changes.goals_completed:
        items = "".join(f"<li>{esc(title)}</li>" for title in changes.goals_completed)
        out.raw(f"<ul>{items}</ul>")


def _goals(out: HtmlWriter, plan: Plan) -> None:
    _section(out, "goals")
    if not plan.goals:
        out.paragraph(esc("No open goals at the moment."), "note")
        return
    rows = [
        Row(
            (
                _goal_cell(goal),
                _due_cell(goal),
                esc(words.goal_status(goal)),
                esc(goal.priority.value.capitalize()),
            )
        )
        for goal in plan.goals
    ]
    header = ("Goal and milestones", "Due", "Status", "Priority")
    out.table("t:goals", header, rows, Columns((58, 18, 12, 12)))


def _goal_cell(goal: PlanGoal) -> str:
    parts = [f'<div class="title">{esc(goal.title)}</div>']
    if goal.description.strip():
        parts.append(f'<div class="note">{esc(goal.description.strip())}</div>')
    if goal.competencies:
        parts.append(f'<div class="muted">{esc("Serves: " + ", ".join(goal.competencies))}</div>')
    parts.extend(_milestone(m) for m in goal.milestones)
    return "".join(parts)


def _milestone(milestone: PlanMilestone) -> str:
    box = BOX_DONE if milestone.done else BOX_OPEN
    due = ""
    if milestone.due is not None:  # a date never breaks across lines
        day = esc(words.short_date(milestone.due)).replace(" ", "&nbsp;")
        due = f' <span class="muted">·&nbsp;due&nbsp;{day}</span>'
    return f'<div class="milestone">{box}&nbsp;{esc(milestone.text)}{due}</div>'


def _due_cell(goal: PlanGoal) -> str:
    text = esc(words.goal_due(goal))
    return f'<span class="alert">{text}</span>' if goal.overdue else text


def _next_steps(out: HtmlWriter, plan: Plan) -> None:
    _section(out, "next_steps")
    steps = plan.next_steps
    if not steps.steps:
        out.paragraph(esc(steps.note or "No suggestions at the moment."), "note")
        return
    rows = [
        Row((esc(f"{number}."), _step_cell(step), esc(words.effort_text(step.effort_hours))))
        for number, step in enumerate(steps.steps, start=1)
    ]
    shape = Columns((5, 81, 14), ("left", "left", "right"))
    out.table("t:steps", ("", "Step and why", "Effort"), rows, shape)
    if steps.note:
        out.paragraph(esc(steps.note))


def _step_cell(step: PlanStep) -> str:
    parts = [f'<div class="kind">{esc(step.kind.upper())}</div>'] if words.shows_kind(step) else []
    parts.append(f'<div class="title">{esc(step.title)}</div>')
    if step.action:
        parts.append(f'<div class="step-part">{esc(step.action)}</div>')
    if step.rationale:
        parts.append(f'<div class="step-part"><i>Why:</i> {esc(step.rationale)}</div>')
    if step.source:
        parts.append(f'<div class="step-part muted">Source: {esc(step.source)}</div>')
    return "".join(parts)


def _learning(out: HtmlWriter, plan: Plan) -> None:
    _section(out, "learning")
    summary = plan.learning
    period = f"{words.short_date(summary.since)} to {words.short_date(summary.until)}"
    if not summary.entry_count:
        out.paragraph(esc(f"Nothing logged from {period}."))
    else:
        entries = "entry" if summary.entry_count == 1 else "entries"
        out.paragraph(
            esc(
                f"From {period}: {words.hours(summary.total_hours)} in"
                f" {summary.entry_count} {entries}."
            )
        )
        rows = [
            Row(
                (
                    esc(area.area),
                    esc(words.hours(area.hours)),
                    esc(words.percent(area.hours / summary.total_hours)),
                ),
                keep_with_next=index < len(summary.by_area) - 1,  # a short table stays whole
            )
            for index, area in enumerate(summary.by_area)
        ]
        shape = Columns((64, 18, 18), ("left", "right", "right"))
        out.table("t:hours", ("Area", "Hours", "Share"), rows, shape)
    if summary.recent:
        out.heading("h:recent", 3, "Most recent entries")
        rows = [
            Row(
                (
                    esc(words.short_date(entry.completed_on)),
                    _entry_cell(entry.title, entry.competencies),
                    esc(entry.kind),
                    esc(words.hours(entry.hours)),
                )
            )
            for entry in summary.recent
        ]
        shape = Columns((15, 55, 18, 12), ("left", "left", "left", "right"))
        out.table("t:recent", ("Date", "Entry", "Kind", "Hours"), rows, shape)


def _entry_cell(title: str, competencies: Iterable[str]) -> str:
    names = ", ".join(competencies)
    if not names:
        return esc(title)
    return f'{esc(title)}<div class="muted">{esc(names)}</div>'


def _sign_off(out: HtmlWriter) -> None:
    _section(out, "sign_off")
    blank = "&nbsp;"
    pair = ("", "line", "", "line")
    wide = ("", "line")
    rows = [
        Row((esc("Reviewer"), blank, esc("Date"), blank), True, "", (), pair),
        Row((esc("Role"), blank, esc("Signature"), blank), True, "", (), pair),
        Row((esc("Next review"), blank), True, "", (1, 3), wide),
        Row((esc("Notes"), blank), True, "", (1, 3), wide),
    ]
    rows.extend(Row((blank,), True, "", (4,), ("line",)) for _ in range(NOTE_LINES))
    rows[-1] = Row((blank,), False, "", (4,), ("line",))
    out.paragraph(esc(words.SIGN_OFF_NOTE), "muted")
    out.table("t:sign", (), rows, Columns((14, 44, 12, 30), css_class="sign"))
