"""The command line: every sub-command on a new database, errors as one line with exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner import __version__
from planner.cli import desktop_start, main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    help_text = capsys.readouterr().out
    for command in ("readiness", "export", "import", "export-log", "import-log", "seed-demo"):
        assert command in help_text


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--no-such-flag"])
    assert exit_info.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err


def test_every_subcommand_on_a_new_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "fresh" / "planner.sqlite")
    (tmp_path / "fresh").mkdir()

    code, _, err = run(capsys, "--db", db, "readiness")
    assert code == 1 and "no person yet" in err and "Traceback" not in err

    assert run(capsys, "--db", db, "seed-demo")[0] == 0
    code, out, _ = run(capsys, "--db", db, "readiness")
    assert code == 0 and "Overall" in out and "Leadership" in out

    code, out, _ = run(capsys, "--db", db, "readiness", "--json")
    data = json.loads(out)
    assert 0 < data["overall"] < 1 and len(data["history"]) >= 5

    export = tmp_path / "all.json"
    assert run(capsys, "--db", db, "export", str(export))[0] == 0
    log = tmp_path / "log.csv"
    assert run(capsys, "--db", db, "export-log", str(log))[0] == 0
    assert log.read_text(encoding="utf-8").startswith("date,")

    other = str(tmp_path / "other.sqlite")
    assert run(capsys, "--db", other, "import", str(export))[0] == 0
    code, out, _ = run(capsys, "--db", other, "readiness", "--json")
    assert json.loads(out)["overall"] == data["overall"]

    code, _, err = run(capsys, "--db", other, "import-log", str(log))
    assert code == 0

    code, out, _ = run(capsys, "--db", db, "check")
    assert code == 0 and "healthy" in out

    code, out, _ = run(capsys, "--db", db, "backup")
    assert code == 0
    assert list((tmp_path / "fresh" / "backups").glob("planner-*-manual.sqlite"))
    target = tmp_path / "copy.sqlite"
    assert run(capsys, "--db", db, "backup", str(target))[0] == 0 and target.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--db", "/no/such/folder/x.sqlite", "readiness"], "does not exist"),
        (["readiness", "--person", "Nobody"], "No person called 'Nobody'"),
        (["import", "/no/such/file.json"], "no such file"),
    ],
)
def test_errors_are_one_clear_line(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if "--db" not in argv:
        argv = ["--db", str(tmp_path / "x.sqlite"), *argv]
        main(["--db", str(tmp_path / "x.sqlite"), "seed-demo"])
        capsys.readouterr()
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert message in err
    assert err.count("\n") == 1 and err.startswith("learning-path-planner: error:")


def test_demo_readiness_in_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "--demo", "readiness"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Overall" in result.stdout


@pytest.mark.parametrize(
    "argv", [[], ["--db", "work.sqlite"], ["--db=work.sqlite"], ["--db", "sqlite:////x.sqlite"]]
)
def test_the_desktop_start_reads_its_few_forms_as_the_parser_does(argv: list[str]) -> None:
    from planner.cli.parser import build_parser

    start = desktop_start(argv)
    args = build_parser().parse_args(argv)
    assert start is not None
    assert (args.command, args.demo, args.debug, args.db) == (None, False, False, start.db)


@pytest.mark.parametrize(
    "argv",
    [
        ["--demo"],
        ["--debug"],
        ["--db", "x.sqlite", "check"],
        ["--db", "--demo"],
        ["--db="],
        ["--db", "x.sqlite", "--debug"],
        ["--help"],
        ["check"],
    ],
)
def test_everything_else_goes_to_the_parser(argv: list[str]) -> None:
    assert desktop_start(argv) is None
