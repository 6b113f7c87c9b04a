"""check, backups and restore on the command line: words, exit codes, files left alone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main

REPO = Path(__file__).resolve().parents[2]
HOLD_LOCK = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from planner.gui.instance_lock import DatabaseLock\n"
    "lock = DatabaseLock(Path(sys.argv[1]))\n"
    "print('held' if lock.acquire() is None else 'busy', flush=True)\n"
    "time.sleep(120)\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "planner.sqlite"
    assert run(capsys, "--db", str(path), "seed-demo")[0] == 0
    return path


def break_table(path: Path, table: str) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * 4096 : (root - 1) * 4096 + 8] = b"\xa5" * 8
    path.write_bytes(bytes(data))


def test_check_reports_a_healthy_database(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(database), "check")
    assert code == 0
    assert out == (f"{database} is healthy: the integrity and reference checks found no problem.\n")


def test_check_reports_damage_in_words_and_changes_nothing(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--db", str(database), "backup")[0] == 0
    break_table(database, "learning_entries")
    before = database.read_bytes()

    code, out, err = run(capsys, "--db", str(database), "check")

    assert code == 1 and err == ""
    assert f"{database} has " in out and "Restore a backup" in out
    assert "damaged" in out
    assert f"list them with: learning-path-planner --db {database} backups" in out
    assert "Traceback" not in out
    assert database.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "is empty (0 bytes)"),
        (b"a shopping list\n", "is not a readable database file"),
    ],
)
def test_check_and_other_commands_explain_a_file_they_cannot_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, words: str
) -> None:
    path = tmp_path / "planner.sqlite"
    path.write_bytes(content)
    code, out, _ = run(capsys, "--db", str(path), "check")
    assert code == 1 and words in out
    code, _, err = run(capsys, "--db", str(path), "readiness")
    assert code == 1 and words in err and err.count("\n") == 1
    assert path.read_bytes() == content


def test_check_of_a_missing_file_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "none.sqlite"), "check")
    assert code == 1 and "does not exist" in err
    assert not (tmp_path / "none.sqlite").exists()


def test_backups_lists_dates_sizes_and_reasons(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(database), "backups")
    assert code == 0 and "No backups of" in out  # a new database has nothing worth copying
    run(capsys, "--db", str(database), "readiness")  # the start-up copy of the changed file
    run(capsys, "--db", str(database), "backup")

    code, out, _ = run(capsys, "--db", str(database), "backups")

    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"Backups of {database}, newest first (in {database.parent / 'backups'}):"
    assert lines[2].split() == ["Name", "Taken", "(local", "time)", "Size", "Why"]
    manual, start = lines[3], lines[4]
    assert manual.startswith("planner-") and manual.endswith("made by hand")
    assert start.endswith("automatic, on start") and " KB " in start
    assert lines[-1] == f"Restore one with: learning-path-planner --db {database} restore NAME"


def test_restore_by_name_keeps_what_was_there(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--db", str(database), "backup")
    [backup] = (database.parent / "backups").glob("*-manual.sqlite")
    csv = tmp_path / "more.csv"
    csv.write_text("date,title,kind,hours\n2026-11-01,Extra reading,book,2\n", encoding="utf-8")
    assert run(capsys, "--db", str(database), "import-log", str(csv))[0] == 0

    code, out, _ = run(capsys, "--db", str(database), "restore", backup.name)

    assert code == 0
    assert out.startswith(f"Restored {database} from {backup.name}.\n")
    assert "What it held before is kept in" in out
    export = tmp_path / "after.csv"
    run(capsys, "--db", str(database), "export-log", str(export))
    assert "Extra reading" not in export.read_text(encoding="utf-8")
    kept = [p for p in (database.parent / "backups").glob("*-before-restore.sqlite")]
    assert len(kept) == 1


def test_restore_of_an_unknown_backup_is_one_line(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(database), "restore", "planner-nothing.sqlite")
    assert code == 1
    assert err == (
        "learning-path-planner: error: no backup 'planner-nothing.sqlite': give a file,"
        " or a name that the backups command lists\n"
    )


def test_restore_waits_for_the_window_that_holds_the_database(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--db", str(database), "backup")
    [backup] = (database.parent / "backups").glob("*-manual.sqlite")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(database)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        before = database.read_bytes()
        code, _, err = run(capsys, "--db", str(database), "restore", str(backup))
        assert code == 1
        assert f"is open in Learning Path Planner (process {holder.pid}" in err
        assert "Nothing was changed" in err
        assert database.read_bytes() == before
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    # The holder is gone without unlocking: its lock is stale and the restore goes ahead.
    code, out, _ = run(capsys, "--db", str(database), "restore", str(backup))
    assert code == 0 and out.startswith("Restored")


def test_a_command_on_a_damaged_file_warns_and_still_runs(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    break_table(database, "ix_rating_learning_links_learning_entry_id")  # readiness skips it
    code, out, err = run(capsys, "--db", str(database), "readiness")
    assert code == 0 and "Overall" in out  # what still reads, is shown
    assert err.startswith("learning-path-planner: warning: ")
    assert "is damaged: a copy of it failed SQLite's integrity check" in err
