"""One writing program per database file: a QLockFile beside it, with stale-lock detection.

``planner.sqlite.lock`` holds the process id, host and program name of the window
that may write. Qt recognises a lock whose process is gone (a crash, a kill) and
clears it; a lock from another computer (a shared folder) is never guessed stale.
The lock only coordinates program instances: SQLite's own locking still keeps every
transaction whole, so the command line may read or import while a window is open.
This module needs QtCore only (no widgets), so the command line can use it too.
"""

from __future__ import annotations

import logging
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

log = logging.getLogger("planner.lock")
LOCK_SUFFIX = ".lock"
UNREADABLE_LOCK_AGE_S = 10.0


@dataclass(frozen=True)
class LockHolder:
    """The program instance that holds a database's lock."""

    pid: int
    hostname: str
    application: str

    def describe(self) -> str:
        """Who holds it, in words: "process 4242 (python3) on this computer"."""
        if not self.pid:
            return "a program that left no name in the lock"
        here = not self.hostname or self.hostname == socket.gethostname()
        where = "on this computer" if here else f"on the computer {self.hostname}"
        program = f" ({self.application})" if self.application else ""
        return f"process {self.pid}{program} {where}"


def lock_path(database_path: Path) -> Path:
    """Where the lock of ``database_path`` lives."""
    return database_path.with_name(database_path.name + LOCK_SUFFIX)


class DatabaseLock:
    """The lock of one database file; hold it for as long as the file is open for writing."""

    def __init__(self, database_path: Path) -> None:
        self.path = lock_path(database_path)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # never stale by age: a window may stay open for weeks

    @property
    def held(self) -> bool:
        """Whether this instance holds the lock."""
        return self._lock.isLocked()

    def acquire(self) -> LockHolder | None:
        """Take the lock; ``None`` on success, else who holds it.

        A lock left by a process that is gone is cleared and taken. When the folder
        is read-only no lock can exist, so there is nothing to hold: ``None`` too.
        """
        if self._lock.isLocked():
            return None
        existed = self.path.exists()
        if self._lock.tryLock(0):
            if existed:
                log.warning("cleared a stale lock %s left by a program that ended", self.path)
            return None
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            holder = self.holder()
            if holder is not None:
                return holder
            if self._unreadable_for_a_while() and self._lock.removeStaleLockFile():
                log.warning("removed the unreadable lock %s", self.path)
                if self._lock.tryLock(0):
                    return None
            return self.holder() or LockHolder(0, "", "")
        log.warning("cannot create the lock %s (%s)", self.path, self._lock.error().name)
        return None

    def holder(self) -> LockHolder | None:
        """Who holds the lock now, if anyone (``None`` also when the lock cannot be read)."""
        pid, hostname, application = self._lock.getLockInfo()
        return LockHolder(int(pid), str(hostname), str(application)) if pid else None

    def _unreadable_for_a_while(self) -> bool:
        """A lock without a readable owner, older than a writer needs to fill it in."""
        try:
            age = time.time() - self.path.stat().st_mtime
        except OSError:
            return False
        return age > UNREADABLE_LOCK_AGE_S

    def release(self) -> None:
        """Give the lock up; a lock left by a crash is recognised as stale later."""
        if self._lock.isLocked():
            self._lock.unlock()
