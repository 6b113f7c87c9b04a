"""The support log: a rotating file in the platform's data folder, set up once at start."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE_NAME = "planner.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
_configured: Path | None = None


def configure_logging(folder: Path) -> Path:
    """Send the program's log records to ``folder/planner.log`` (rotating); returns its path."""
    global _configured
    path = folder / "logs" / LOG_FILE_NAME
    if _configured == path:
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()  # a read-only home must not stop the program
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("planner")
    root.setLevel(logging.INFO)
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    _configured = path
    return path


def log_path() -> Path | None:
    """Where the log is written, once configured."""
    return _configured
