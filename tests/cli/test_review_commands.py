"""The review packet commands, between two separate SQLite databases, as a person would run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.services.records import AssessmentDraft, CommentDraft, RatingDraft
from planner.services.service_set import Services
from planner.vocabulary import RaterKind


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_review_goes_out_and_comes_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home, mentor = str(tmp_path / "home.sqlite"), str(tmp_path / "mentor.sqlite")
    packet, answer = str(tmp_path / "alex.json"), str(tmp_path / "answer.json")
    assert run(capsys, "--db", home, "seed-demo")[0] == 0

    code, out, _ = run(capsys, "--db", home, "export-review", packet)
    assert code == 0 and "send it to your mentor" in out
    code, out, _ = run(capsys, "--db", mentor, "import-review", packet)
    assert code == 0 and out.startswith("Added a copy of Alex Rivera's record")

    services = Services.open(f"sqlite:///{mentor}")
    try:
        copy = services.people.find(None)
        today = services.clock.today()
        services.assessments.create(
            copy.id,
            AssessmentDraft(
                today, (RatingDraft("mentoring", 3),), RaterKind.MENTOR, "Jordan Lee", "Review"
            ),
        )
        goal = services.goals.list_for(copy.id)[0]
        services.comments.add(goal.id, CommentDraft("Jordan Lee", "Pair with a senior first."))
    finally:
        services.close()
    code, out, _ = run(capsys, "--db", mentor, "export-review", answer, "--person", "alex rivera")
    assert code == 0 and "send it back to them" in out

    code, out, _ = run(capsys, "--db", home, "import-review", answer)
    assert (code, out) == (0, "Added 1 mentor assessment and 1 comment to Alex Rivera's record.\n")
    code, out, _ = run(capsys, "--db", home, "import-review", answer)
    assert (code, out) == (0, "Nothing new in this review of Alex Rivera; nothing changed.\n")
    assert json.loads(Path(answer).read_text("utf-8"))["sent_by"] == "mentor"


def test_a_bad_packet_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "notes.json"
    bad.write_text('{"format": "something else"}', "utf-8")
    code, out, err = run(capsys, "--db", str(tmp_path / "db.sqlite"), "import-review", str(bad))
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "not a Learning Path Planner review packet" in err
