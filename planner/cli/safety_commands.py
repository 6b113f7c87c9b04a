"""Commands that work on the database file itself, without opening (or migrating) it.

``check`` must be able to look at a damaged file, ``backups`` and ``restore`` are
needed exactly when the database cannot be opened, and none of them may change the
file by opening it. Each gets the database URL instead of open services.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from planner.cli.parser import PROG
from planner.errors import PlannerError
from planner.services.backups import BackupInfo, backups_of, restore_file
from planner.services.clock import SystemClock
from planner.storage.backup import backups_folder
from planner.storage.database import safe_url, sqlite_file_path

FileCommand = Callable[[argparse.Namespace, str, TextIO], int]


def check(args: argparse.Namespace, url: str, out: TextIO) -> int:
    """Run integrity_check and foreign_key_check read-only; exit 1 when anything is wrong."""
    path = sqlite_file_path(url)
    if path is None:
        return _check_server(url, out)
    from planner.storage.integrity import check_file_integrity

    if not path.exists():
        raise PlannerError(f"{path} does not exist")
    report = check_file_integrity(path)
    out.write(report.describe(str(path)) + "\n")
    found = backups_of(path)
    if not report.ok and found:
        out.write(
            f"{len(found)} backup(s) can replace it; list them with: {PROG} --db {path} backups\n"
        )
    return 0 if report.ok else 1


def _check_server(url: str, out: TextIO) -> int:
    from planner.services.service_set import Services
    from planner.storage.integrity import check_integrity

    services = Services.open(url)
    try:
        report = check_integrity(services.database)
    finally:
        services.close()
    out.write(report.describe(safe_url(url)) + "\n")
    return 0 if report.ok else 1


def backups(args: argparse.Namespace, url: str, out: TextIO) -> int:
    """List the backups of the database file, newest first, with dates and sizes."""
    path = _sqlite_path(url, "backups")
    found = backups_of(path)
    if not found:
        out.write(
            f"No backups of {path} yet (they are kept in {backups_folder(path)}).\n"
            "One is made on start (at most once a day), before every upgrade, import and"
            " restore, and by the backup command.\n"
        )
        return 0
    out.write(f"Backups of {path}, newest first (in {backups_folder(path)}):\n\n")
    out.write(backup_table(found))
    out.write(f"\nRestore one with: {PROG} --db {path} restore NAME\n")
    return 0


def backup_table(found: list[BackupInfo]) -> str:
    """Name, local time, size and reason of each backup as aligned text."""
    rows = [("Name", "Taken (local time)", "Size", "Why")]
    rows += [
        (b.path.name, f"{b.local_taken_at:%Y-%m-%d %H:%M:%S}", b.size_text, b.reason_label)
        for b in found
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [
        f"{name:<{widths[0]}}  {taken:<{widths[1]}}  {size:>{widths[2]}}  {why}"
        for name, taken, size, why in rows
    ]
    return "\n".join(lines) + "\n"


def restore(args: argparse.Namespace, url: str, out: TextIO) -> int:
    """Replace the database with a backup; the current content is kept as a backup first."""
    from planner.gui.instance_lock import DatabaseLock

    path = _sqlite_path(url, "restore")
    backup = _find_backup(path, args.backup)
    lock = DatabaseLock(path)
    holder = lock.acquire()
    if holder is not None:
        raise PlannerError(
            f"{path} is open in Learning Path Planner ({holder.describe()}); close it and"
            " restore again. Nothing was changed"
        )
    try:
        result = restore_file(path, backup, SystemClock())
    finally:
        lock.release()
    out.write(f"Restored {path} from {backup.name}.\n")
    if result.saved_copy is not None:
        out.write(f"What it held before is kept in {result.saved_copy}.\n")
    if result.moved_aside is not None:
        out.write(f"The damaged file was moved, untouched, to {result.moved_aside}.\n")
    return 0


def _sqlite_path(url: str, command: str) -> Path:
    path = sqlite_file_path(url)
    if path is None:
        raise PlannerError(
            f"{command} works on SQLite files; a PostgreSQL server has pg_dump and pg_restore"
        )
    return path


def _find_backup(path: Path, given: str) -> Path:
    """A backup given as a path, or by its name in the backups folder."""
    candidate = Path(given).expanduser()
    if candidate.is_file():
        return candidate
    in_folder = backups_folder(path) / given
    if candidate.name == given and in_folder.is_file():
        return in_folder
    raise PlannerError(
        f"no backup '{given}': give a file, or a name that the backups command lists"
    )


FILE_COMMANDS: dict[str, FileCommand] = {
    "check": check,
    "backups": backups,
    "restore": restore,
}
