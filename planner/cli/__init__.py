"""Command-line entry point: parse, open the database, run one command or the desktop program.

Errors a person can fix print one line to stderr and exit 1; usage errors exit 2.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from planner.cli.parser import PROG, build_parser

if TYPE_CHECKING:
    from planner.services.service_set import Services

EXIT_ERROR = 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the program as the command line asks; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None and not args.demo:
            from planner.gui.app import start_gui  # opens the database itself, with dialogs

            return start_gui(args.db)
        from planner.cli.safety_commands import FILE_COMMANDS

        if args.command in FILE_COMMANDS and not args.demo:
            return FILE_COMMANDS[args.command](args, prepare_database_url(args.db), sys.stdout)
        with open_services(args.db, demo=args.demo) as services:
            if args.command is None:
                from planner.gui.app import run_gui

                return run_gui(services)
            if args.command in FILE_COMMANDS:
                return FILE_COMMANDS[args.command](args, services.database.url, sys.stdout)
            from planner.cli.commands import COMMANDS

            return COMMANDS[args.command](args, services, sys.stdout)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # every error ends as one readable line, never a traceback
        if args.debug:
            raise
        print(f"{PROG}: error: {describe(exc)}", file=sys.stderr)
        return EXIT_ERROR


def gui_main() -> int:
    """Entry point of the GUI script (same behaviour; no console on some platforms)."""
    return main()


def describe(exc: BaseException) -> str:
    """One line for any error: our own messages as they are, others with their type."""
    from planner.errors import PlannerError

    if isinstance(exc, PlannerError):
        return str(exc)
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return f"unexpected {type(exc).__name__}: {exc}"


@contextmanager
def open_services(db: str | None, *, demo: bool = False) -> Iterator[Services]:
    """Open the chosen database (or a temporary demo one) for the length of a command."""
    from planner.services.service_set import Services
    from planner.storage.database import sqlite_url

    if demo:
        from planner.services.demo_data import seed_demo

        with tempfile.TemporaryDirectory(prefix="planner-demo-") as folder:
            services = Services.open(sqlite_url(Path(folder) / "demo.sqlite"))
            try:
                seed_demo(services.database, services.clock.today())
                yield services
            finally:
                services.close()
        return
    services = Services.open(prepare_database_url(db))
    try:
        _backup_on_start(services)
        yield services
    finally:
        services.close()


def prepare_database_url(db: str | None) -> str:
    """Set up the log, choose the database URL and create the default data folder if needed."""
    from planner.app_log import configure_logging
    from planner.cli.locations import data_folder, log_folder
    from planner.storage.database import resolve_database_url

    default_folder = data_folder()
    configure_logging(log_folder())
    url = resolve_database_url(db, default_folder)
    _prepare_sqlite_folder(url, default_folder)
    return url


def _backup_on_start(services: Services) -> None:
    """The daily copy; if it fails (a damaged file), warn and let the command go on."""
    from planner.errors import PlannerError

    try:
        services.backups.on_start()
    except PlannerError as exc:
        print(f"{PROG}: warning: {exc}", file=sys.stderr)


def _prepare_sqlite_folder(url: str, default_folder: Path) -> None:
    from sqlalchemy.engine import make_url

    from planner.errors import DatabaseError

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return
    path = Path(parsed.database)
    if path.parent == default_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder; give the path of a database file")
    if not path.parent.is_dir():
        raise DatabaseError(f"cannot create {path}: the folder {path.parent} does not exist")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
