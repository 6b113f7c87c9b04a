"""The command line's grammar: global options and one sub-command per task."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner import __version__

PROG = "learning-path-planner"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; running with no sub-command opens the desktop program."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Plan your way from junior to senior ML developer: record skills, goals and"
            " learning, see readiness, export and import your record."
            " With no command, the desktop program opens."
        ),
        epilog=(
            "The database is chosen by --db, else the PLANNER_DATABASE_URL environment"
            " variable, else a SQLite file in your data folder."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="SQLite file path or database URL (e.g. postgresql+psycopg://user@host/db)",
    )
    where.add_argument(
        "--demo",
        action="store_true",
        help="run on a fresh temporary database filled with demo data",
    )
    parser.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    readiness = commands.add_parser("readiness", help="readiness toward the target, per area")
    _person_option(readiness)
    readiness.add_argument("--json", action="store_true", help="print JSON instead of a table")

    _next_steps_parser(commands)
    _plan_parsers(commands)

    export = commands.add_parser("export", help="export everything (or one person) to JSON")
    export.add_argument("file", type=Path, metavar="FILE")
    _person_option(export, "export only this person")

    import_ = commands.add_parser("import", help="import a JSON export (all or nothing)")
    import_.add_argument("file", type=Path, metavar="FILE")

    _review_parsers(commands)

    export_log = commands.add_parser("export-log", help="export the learning log to CSV")
    export_log.add_argument("file", type=Path, metavar="FILE.csv")
    _person_option(export_log)

    import_log = commands.add_parser("import-log", help="add learning entries from CSV")
    import_log.add_argument("file", type=Path, metavar="FILE.csv")
    _person_option(import_log)

    commands.add_parser("seed-demo", help="write the demo person into the database")

    commands.add_parser(
        "check", help="check the database for damage, read-only, in words (exit 1 if damaged)"
    )
    commands.add_parser("backups", help="list the database's backups with dates and sizes")
    restore = commands.add_parser(
        "restore", help="replace the database with a backup (the current data is kept first)"
    )
    restore.add_argument(
        "backup", metavar="BACKUP", help="a backup file, or a name the backups command lists"
    )

    shots = commands.add_parser("screenshots", help="render every view to PNG files (offscreen)")
    shots.add_argument("folder", type=Path, metavar="DIR")
    shots.add_argument("--size", type=_size, default=(1280, 800), metavar="WxH")
    shots.add_argument("--dark", action="store_true", help="use the dark palette")

    backup = commands.add_parser("backup", help="copy the SQLite database safely")
    backup.add_argument(
        "destination",
        type=Path,
        nargs="?",
        metavar="DEST",
        help="file or folder to write (default: the backups folder beside the data)",
    )
    return parser


def _next_steps_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    steps = commands.add_parser(
        "next-steps", help="ranked, explained next steps, a weekly plan and the projected date"
    )
    _person_option(steps)
    steps.add_argument("--json", action="store_true", help="print JSON instead of text")
    steps.add_argument(
        "--hours-per-week",
        type=_weekly_hours,
        metavar="N",
        help="plan with N hours a week (default: the person's own budget, else 5)",
    )
    steps.add_argument("--all", action="store_true", help="list every suggestion, not the top 10")
    answer = steps.add_mutually_exclusive_group()
    answer.add_argument("--accept", metavar="KEY", help="make suggestion KEY a goal")
    answer.add_argument("--snooze", metavar="KEY", help="hide suggestion KEY for 30 days")
    answer.add_argument("--dismiss", metavar="KEY", help="hide suggestion KEY until it changes")


def _review_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export-review",
        help="write a review packet: your record for a mentor, or a mentor's review back",
    )
    export.add_argument("file", type=Path, metavar="FILE")
    _person_option(export, "whose packet to write")
    import_ = commands.add_parser(
        "import-review",
        help="open a review packet: a mentee's record, or your mentor's ratings and comments",
    )
    import_.add_argument("file", type=Path, metavar="FILE")


def _plan_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    plan = commands.add_parser("plan", help="print the development plan to PDF and/or Markdown")
    plan.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="write the plan as PDF")
    plan.add_argument("--md", type=Path, metavar="OUT.md", help="write the plan as Markdown")
    plan.add_argument(
        "--page-size",
        type=_page_size,
        metavar="A4|Letter",
        help="paper size (default: from your locale, Letter in the US and Canada)",
    )
    _person_option(plan)
    ics = commands.add_parser(
        "export-ics", help="export goal and milestone due dates as a calendar (.ics)"
    )
    ics.add_argument("file", type=Path, metavar="FILE.ics")
    _person_option(ics)


def _page_size(text: str) -> str:
    for size in ("A4", "Letter"):
        if text.strip().casefold() == size.casefold():
            return size
    raise argparse.ArgumentTypeError(f"'{text}' is not a page size; use A4 or Letter")


def _weekly_hours(text: str) -> float:
    from planner.analysis.next_steps.engine import check_weekly_hours

    try:
        hours = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    try:
        return check_weekly_hours(hours)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _size(text: str) -> tuple[int, int]:
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1024x700")
    if not (320 <= int(width) <= 7680 and 240 <= int(height) <= 4320):
        raise argparse.ArgumentTypeError(f"{text} is outside 320x240 .. 7680x4320")
    return int(width), int(height)


def _person_option(parser: argparse.ArgumentParser, text: str = "whose record to use") -> None:
    parser.add_argument(
        "--person", metavar="NAME", help=f"{text} (needed when the database has several people)"
    )
