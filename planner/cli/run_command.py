"""Running one command: open the chosen (or a temporary demo) database, then the command."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argparse import Namespace

    from planner.services.service_set import Services


def run_command(args: Namespace) -> int:
    """Run the command ``args`` name on its database (or show the window on the demo one)."""
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
    from planner.cli.parser import PROG
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
