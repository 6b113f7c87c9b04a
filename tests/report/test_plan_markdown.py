"""The plan as Markdown: every section, tables, checkboxes, and user text that reads literally."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.errors import PlannerError
from planner.report.plan_data import build_plan
from planner.report.plan_markdown import md, plan_markdown, write_markdown
from planner.report.plan_model import SECTION_TITLES, Plan, PlanSections
from planner.services.service_set import Services
from tests.report.conftest import INJECTION, add_injected_goal, add_tiny_person


def test_every_section_is_there_in_order(demo_plan: Plan) -> None:
    text = plan_markdown(demo_plan)
    assert text.startswith("# Development plan: Alex Rivera\n")
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings == list(SECTION_TITLES.values())


def test_sections_hold_the_plan_content(demo_plan: Plan) -> None:
    text = plan_markdown(demo_plan)
    assert "| Competency | Current | Target | Gap | Last assessed |" in text
    assert "| Mentoring | 3 · Mid-level | 4 · Senior | 1 | 8 Oct 2026 |" in text
    assert "| Mentoring | Leadership and mentorship | 2 | 3 | +1 |" in text
    assert "### Start a monthly ML reading group" in text
    assert "- [x] Find four regular participants · due 4 Sep 2026" in text
    assert "- [ ] Reading list for next quarter · due 3 Nov 2026" in text
    assert "Due 3 Nov 2026 (overdue) · Active · Medium priority" in text
    assert re.search(r"^1\. \*\*.+\*\*", text, flags=re.M)  # the first next step
    assert "_Why:_" in text and "Source: " in text
    assert "### Most recent entries" in text and "| Date | Entry | Kind | Hours |" in text
    assert "- Reviewer: ____" in text
    assert "| Assessment | Rated by | Readiness |" in text and "| 8 Oct 2026 | Self | 73% |" in text
    assert "_Drawn in the printed plan: Levels of the latest assessment" in text  # the radar


def test_left_out_sections_are_left_out(demo_plan: Plan) -> None:
    from dataclasses import replace

    text = plan_markdown(replace(demo_plan, sections=PlanSections(goals=False, sign_off=False)))
    assert "## Active goals" not in text and "## Review and sign-off" not in text
    assert "## Gaps by area" in text


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
        ("a *b* _c_ `d` [e](f) | g", r"a \*b\* \_c\_ \`d\` \[e\](f) \| g"),
        ("# not a heading", r"\# not a heading"),
        ("1. not a list", r"1\. not a list"),
        ("14.5 h", "14.5 h"),
        ("- not a bullet", r"\- not a bullet"),
        ("AT&T", "AT&amp;T"),
        ("two\nlines", "two lines"),
        ("plain (v1.2) + notes - fine", "plain (v1.2) + notes - fine"),
    ],
)
def test_md_escapes_only_what_markdown_would_act_on(text: str, escaped: str) -> None:
    assert md(text) == escaped


def test_html_in_user_text_stays_text(services: Services) -> None:
    person_id = add_tiny_person(services)
    add_injected_goal(services, person_id)
    text = plan_markdown(build_plan(services, person_id, charts=False))
    assert "<img" not in text and "<b>" not in text
    assert '### &lt;b&gt;x&lt;/b&gt;&lt;img src="file:///etc/passwd"&gt;' in text
    assert INJECTION not in text


def test_a_tiny_person_gets_every_section_with_its_empty_state(services: Services) -> None:
    text = plan_markdown(build_plan(services, add_tiny_person(services), charts=False))
    assert re.findall(r"^## (.+)$", text, flags=re.M) == list(SECTION_TITLES.values())
    assert "_No open goals at the moment._" in text
    assert "No assessment yet" in text


def test_write_markdown_writes_utf8_and_explains_failures(demo_plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    write_markdown(demo_plan, path)
    assert path.read_text(encoding="utf-8") == plan_markdown(demo_plan)
    with pytest.raises(PlannerError, match="is a folder"):
        write_markdown(demo_plan, tmp_path)
    with pytest.raises(PlannerError, match="Cannot write"):
        write_markdown(demo_plan, tmp_path / "missing" / "plan.md")
