"""Where the program's bundled data files (frameworks, catalogues, seeds) live."""

from __future__ import annotations

import os
from pathlib import Path

RESOURCES_ENV = "PLANNER_RESOURCES"


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package, or as ``PLANNER_RESOURCES`` says."""
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "resources"


def frameworks_dir() -> Path:
    """Folder of the built-in framework and activity catalogue files."""
    return resources_dir() / "frameworks"


def seeds_dir() -> Path:
    """Folder of the source documents the built-in framework is traced to."""
    return resources_dir() / "seeds"
