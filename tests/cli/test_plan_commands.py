"""``plan`` and ``export-ics`` on the command line, including a run with no display at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from planner.cli import main

# The plan command makes a QGuiApplication when none exists; in this shared test process
# the widget tests need theirs to be a QApplication, so it is made first.
pytestmark = pytest.mark.usefixtures("qapp")

LETTER_POINTS = (612, 792)
RUN_MAIN = "import sys; from planner.cli import main; sys.exit(main(sys.argv[1:]))"


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / "planner.sqlite")
    assert main(["--db", db, "seed-demo"]) == 0
    capsys.readouterr()
    return db


def test_plan_writes_pdf_and_markdown(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, markdown = tmp_path / "plan.pdf", tmp_path / "plan.md"
    code = main(
        ["--db", demo_db, "plan", "--pdf", str(pdf), "--md", str(markdown), "--page-size", "letter"]
    )
    out = capsys.readouterr().out
    assert code == 0
    reader = PdfReader(pdf)
    assert f"({len(reader.pages)} pages, Letter)" in out and str(markdown) in out
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == LETTER_POINTS
    assert "Alex Rivera" in " ".join((reader.pages[0].extract_text() or "").split())
    assert markdown.read_text(encoding="utf-8").startswith("# Development plan: Alex Rivera")


def test_plan_needs_something_to_write_and_a_known_paper(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", demo_db, "plan"]) == 1
    assert "give --pdf OUT.pdf and/or --md OUT.md" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", demo_db, "plan", "--pdf", str(tmp_path / "x.pdf"), "--page-size", "B5"])
    assert exit_info.value.code == 2
    assert "use A4 or Letter" in capsys.readouterr().err
    code = main(["--db", demo_db, "plan", "--pdf", str(tmp_path / "no" / "x.pdf")])
    err = capsys.readouterr().err
    assert code == 1 and "does not exist" in err and "Traceback" not in err
    assert main(["--db", demo_db, "plan", "--md", "x.md", "--person", "Nobody"]) == 1
    assert "No person called 'Nobody'" in capsys.readouterr().err


def test_export_ics_writes_a_calendar(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "goals.ics"
    assert main(["--db", demo_db, "export-ics", str(path), "--person", "alex rivera"]) == 0
    count = len(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    assert f"Exported {count} due dates of Alex Rivera" in capsys.readouterr().out
    assert count > 10


def test_plan_works_with_no_display(tmp_path: Path) -> None:
    """A fresh interpreter with no display and no Qt platform chosen still prints."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    pdf = tmp_path / "plan.pdf"
    result = subprocess.run(
        [sys.executable, "-c", RUN_MAIN, "--demo", "plan", "--pdf", str(pdf)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(PdfReader(pdf).pages) >= 4
