"""Backups the program takes by itself, and pruning the old ones.

On start at most one copy a day, and none when the file has not changed since the
last copy; before every migration, import and restore always. The "has it changed"
test compares the size and modification time of the database file and of its WAL
with what they were when the last copy was taken (recorded beside the backups);
any difference, even a harmless one, means a new copy, never a missed one.
After each copy, old automatic copies are pruned (:mod:`planner.storage.retention`);
copies made by hand are never deleted.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime, timedelta
from pathlib import Path

from planner.storage.backup import (
    BackupInfo,
    backup_sqlite,
    backups_folder,
    list_backups,
    new_backup_path,
)
from planner.storage.retention import select_kept

log = logging.getLogger("planner.storage.backup")

START_REASON = "start"
PROTECTED_REASONS = frozenset({"manual"})
STATE_SUFFIX = ".last-backup.json"
STALE_PARTIAL_AGE = timedelta(hours=1)


def file_fingerprint(database_path: Path) -> list[int]:
    """Size and modification time of the file and of a non-empty WAL beside it."""
    info = database_path.stat()
    fingerprint = [info.st_size, info.st_mtime_ns]
    try:
        wal = Path(f"{database_path}-wal").stat()
    except FileNotFoundError:
        return fingerprint
    # An empty WAL is created and deleted by every reader: only one with pages counts.
    return fingerprint + ([wal.st_size, wal.st_mtime_ns] if wal.st_size else [])


def has_data(database_path: Path) -> bool:
    """Whether there is a non-empty file to copy."""
    try:
        return database_path.is_file() and database_path.stat().st_size > 0
    except OSError:
        return False


def take_backup(database_path: Path, reason: str, now: datetime, *, prune: bool = True) -> Path:
    """Copy the database now (see :func:`backup_sqlite`), remember its state, prune old copies."""
    fingerprint = file_fingerprint(database_path)  # before copying: a later write means "changed"
    destination = backup_sqlite(database_path, new_backup_path(database_path, reason, now))
    log.info("backed up %s to %s (%s)", database_path, destination.name, reason)
    _write_state(database_path, {"backup": destination.name, "fingerprint": fingerprint})
    if prune:
        prune_backups(database_path, now)
    return destination


def backup_on_start(database_path: Path, now: datetime) -> Path | None:
    """The start-up copy: at most one a day, and only when the file changed since the last copy."""
    if not has_data(database_path):
        return None
    today = now.date()
    backups = list_backups(database_path)
    if any(b.reason == START_REASON and b.taken_at.date() == today for b in backups):
        return None
    if unchanged_since_last_backup(database_path, backups):
        return None
    return take_backup(database_path, START_REASON, now)


def backup_before_change(database_path: Path, reason: str, now: datetime) -> Path | None:
    """A copy before an import, restore or migration; nothing to do for a new, empty file."""
    if not has_data(database_path):
        return None
    return take_backup(database_path, reason, now)


def unchanged_since_last_backup(database_path: Path, backups: list[BackupInfo]) -> bool:
    """Whether the last recorded copy still exists and the file looks as it did then."""
    state = _read_state(database_path)
    if not state or not any(b.path.name == state.get("backup") for b in backups):
        return False
    try:
        return bool(state.get("fingerprint") == file_fingerprint(database_path))
    except OSError:
        return False


def prune_backups(database_path: Path, now: datetime) -> list[Path]:
    """Delete automatic copies the retention rules do not keep; returns what was deleted."""
    automatic = [b for b in list_backups(database_path) if b.reason not in PROTECTED_REASONS]
    kept = {b.path for b in select_kept(automatic, lambda b: b.taken_at, now)}
    deleted = []
    for backup in automatic:
        if backup.path not in kept:
            try:
                backup.path.unlink()
            except OSError as exc:
                log.warning("could not delete old backup %s: %s", backup.path, exc)
                continue
            deleted.append(backup.path)
    if deleted:
        log.info("pruned %d old backup(s) of %s", len(deleted), database_path)
    _remove_stale_partials(database_path)
    return deleted


def _remove_stale_partials(database_path: Path) -> None:
    """Temporary copies left by a crash mid-backup (recent ones may still be being written)."""
    folder = backups_folder(database_path)
    for partial in folder.glob(f"{database_path.stem}-*.partial*"):  # with its side files
        try:
            written = datetime.fromtimestamp(partial.stat().st_mtime)
            if datetime.now() - written > STALE_PARTIAL_AGE:
                partial.unlink()
        except OSError:
            continue


def _state_path(database_path: Path) -> Path:
    return backups_folder(database_path) / f"{database_path.stem}{STATE_SUFFIX}"


def _read_state(database_path: Path) -> dict[str, object]:
    try:
        data = json.loads(_state_path(database_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_state(database_path: Path, state: dict[str, object]) -> None:
    path = _state_path(database_path)
    temporary = path.with_name(path.name + ".partial")
    try:
        temporary.write_text(json.dumps(state), encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:  # only costs an extra copy next time
        log.warning("could not record the backup state in %s: %s", path, exc)
