"""``next-steps`` on the command line: text, JSON, the budget, and answering a suggestion."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from planner.cli import main
from planner.services.records import PersonDraft
from planner.services.service_set import Services


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / "planner.sqlite")
    assert run(capsys, "--db", db, "seed-demo")[0] == 0
    return db


def test_the_demo_advice_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--demo", "next-steps")

    assert code == 0 and err == ""
    assert out.startswith("Alex Rivera: next steps toward Senior ML developer (")
    numbered = [line for line in out.splitlines() if line[:4].strip().rstrip(".").isdigit()]
    assert len(numbered) == 10
    for label in ("Do:", "Why:", "From:", "Key:"):
        assert out.count(f"     {label}") == 10
    assert "“It's about building on your technical skills" in out
    assert "Weekly plan at 6 h a week" in out and "Week 1 (from " in out
    assert "At 6 h a week you reach Senior ML developer around " in out
    assert "--all lists them" in out


def test_json_lists_every_suggestion_and_the_budget_moves_the_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "--demo", "next-steps", "--json")
    slow = json.loads(out)
    code_fast, out_fast, _ = run(capsys, "--demo", "next-steps", "--json", "--hours-per-week", "15")
    fast = json.loads(out_fast)

    assert code == code_fast == 0
    assert slow["hours_per_week"] == 6.0 and fast["hours_per_week"] == 15.0
    first = slow["suggestions"][0]
    assert first["rank"] == 1 and first["rationale"] and first["source"]["quote"]
    assert first["source"]["section"] and first["source"]["file"].endswith(".txt")
    assert {s["key"] for s in slow["suggestions"]} == {s["key"] for s in fast["suggestions"]}
    reached_slow = date.fromisoformat(slow["projection"]["reached_on"])
    reached_fast = date.fromisoformat(fast["projection"]["reached_on"])
    assert reached_fast < reached_slow
    assert all(week["hours"] <= 15 for week in fast["weekly_plan"])


def test_accepting_makes_a_goal_and_the_suggestion_leaves_the_list(
    capsys: pytest.CaptureFixture[str], demo_db: str
) -> None:
    code, out, err = run(capsys, "--db", demo_db, "next-steps", "--accept", "grow:mentoring")
    assert code == 0, err
    assert out.startswith("Created the goal “Reach Senior in Mentoring” with the first milestone")

    services = Services.open(f"sqlite:///{demo_db}")
    try:
        person = services.people.find(None)
        goal = next(g for g in services.goals.list_for(person.id) if g.title.endswith("Mentoring"))
        assert [(c.competency_id, c.target_level) for c in goal.competencies] == [("mentoring", 4)]
        assert goal.milestones[0].text.startswith("Ask your mentees for feedback")
        decisions = services.decisions.list_for(person.id)
        assert [(d.suggestion_key, d.decision) for d in decisions] == [
            ("grow:mentoring", "accepted")
        ]
    finally:
        services.close()

    _, out, _ = run(capsys, "--db", demo_db, "next-steps", "--json")
    data = json.loads(out)
    # The new goal covers the gap now, so the engine no longer proposes it at all.
    assert "grow:mentoring" not in {s["key"] for s in data["suggestions"]}
    assert "grow:mentoring" not in {h["key"] for h in data["hidden"]}


def test_snooze_and_dismiss_hide_a_suggestion(
    capsys: pytest.CaptureFixture[str], demo_db: str
) -> None:
    code, out, _ = run(capsys, "--db", demo_db, "next-steps", "--snooze", "reassess")
    assert code == 0 and "Snoozed “Re-assess where you stand” until " in out
    code, out, _ = run(capsys, "--db", demo_db, "next-steps", "--dismiss", "goal:8")
    assert code == 0 and out.startswith("Dismissed “Stalled goal:")

    _, out, _ = run(capsys, "--db", demo_db, "next-steps", "--json")
    data = json.loads(out)
    hidden = {h["key"]: (h["decision"], h["until"]) for h in data["hidden"]}
    assert hidden["goal:8"] == ("dismissed", None)
    assert hidden["reassess"][0] == "snoozed" and hidden["reassess"][1] is not None
    assert not {"reassess", "goal:8"} & {s["key"] for s in data["suggestions"]}
    _, text, _ = run(capsys, "--db", demo_db, "next-steps")
    assert "2 suggestions are hidden by your decisions" in text


def test_answers_that_cannot_be_done_say_why(
    capsys: pytest.CaptureFixture[str], demo_db: str
) -> None:
    code, _, err = run(capsys, "--db", demo_db, "next-steps", "--accept", "goal:11")
    assert code == 1 and "it does not become a goal" in err and "Traceback" not in err
    code, _, err = run(capsys, "--db", demo_db, "next-steps", "--dismiss", "grow:nothing")
    assert code == 1 and "no suggestion 'grow:nothing' for Alex Rivera" in err


@pytest.mark.parametrize(
    ("value", "message"), [("0", "from 0.5 to 80, not 0"), ("x", "'x' is not a number")]
)
def test_a_bad_budget_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], value: str, message: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--demo", "next-steps", "--hours-per-week", value])
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_someone_with_no_record_is_asked_for_a_first_assessment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "new.sqlite")
    services = Services.open(f"sqlite:///{db}")
    try:
        services.people.create(PersonDraft("Grace"))
    finally:
        services.close()

    code, out, _ = run(capsys, "--db", db, "next-steps", "--person", "grace")

    assert code == 0
    assert "  1. Rate yourself against Senior ML developer" in out
    assert "No projected date yet: record an assessment first" in out
