"""The support log: a rotating file in the platform's log folder, set up once at start.

Safety events (backups, restores, stale locks) and unexpected errors with their
tracebacks are written here, so a person can send it to whoever helps them.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from planner.redaction import redact

LOG_FILE_NAME = "planner.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
_configured: Path | None = None


class PasswordHidingFormatter(logging.Formatter):
    """Writes records (tracebacks too) with the password of any database URL as ``***``."""

    def format(self, record: logging.LogRecord) -> str:
        """The usual line, with ``user:password@`` turned into ``user:***@``."""
        return redact(super().format(record))


def configure_logging(folder: Path) -> Path:
    """Send the program's log records to ``folder/planner.log`` (rotating); returns its path."""
    global _configured
    path = folder / LOG_FILE_NAME
    if _configured == path:
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
        if os.name == "posix":
            path.chmod(0o600)  # it names files and may quote what went wrong
    except OSError:
        handler = logging.NullHandler()  # a read-only home must not stop the program
    handler.setFormatter(PasswordHidingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("planner")
    root.setLevel(logging.INFO)
    for old in list(root.handlers):
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    _configured = path if isinstance(handler, logging.FileHandler) else None
    return path


def log_path() -> Path | None:
    """Where the log is written, once configured."""
    return _configured
