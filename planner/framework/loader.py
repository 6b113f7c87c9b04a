"""Read framework and activity catalogue files, turning every problem into one clear error."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pydantic

from planner.errors import FileFormatError, file_error_from_pydantic
from planner.framework.activities import ACTIVITIES_FORMAT_VERSION, ActivityCatalogue
from planner.framework.schema import FRAMEWORK_FORMAT_VERSION, Framework
from planner.resources import frameworks_dir

BUILTIN_FRAMEWORK_FILE = "senior-ml-developer.json"
BUILTIN_ACTIVITIES_FILE = "senior-ml-developer.activities.json"
MAX_FILE_BYTES = 5 * 1024 * 1024


def read_json_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Any:
    """Parse a JSON file, with size and syntax problems reported as :class:`FileFormatError`."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise FileFormatError(
                path, "", f"file is {size} bytes, more than the {max_bytes} allowed"
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileFormatError(path, "", "no such file") from None
    except UnicodeDecodeError:
        raise FileFormatError(path, "", "not a UTF-8 text file") from None
    except OSError as exc:
        raise FileFormatError(path, "", f"cannot be read ({exc.strerror})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            path, f"line {exc.lineno}, column {exc.colno}", f"not valid JSON ({exc.msg})"
        ) from None
    except RecursionError:  # found by fuzzing: "[[[[…" thousands deep
        raise FileFormatError(path, "", "lists or objects are nested too deeply") from None


def check_format_version(data: Any, file: str | Path, supported: int) -> None:
    """Refuse a file written by a newer program with a message that says so."""
    if not isinstance(data, dict):
        return
    version = data.get("format_version")
    if isinstance(version, str) and version.isdigit():
        version = int(version)
    if isinstance(version, int) and not isinstance(version, bool) and version > supported:
        raise FileFormatError(
            file,
            "$.format_version",
            f"format version {version} is newer than this program understands"
            f" ({supported}); update the program",
        )


def parse_framework(data: Any, file: str | Path = "<framework>") -> Framework:
    """Validate already-parsed JSON as a framework."""
    check_format_version(data, file, FRAMEWORK_FORMAT_VERSION)
    try:
        return Framework.model_validate(data)
    except pydantic.ValidationError as exc:
        raise file_error_from_pydantic(file, exc) from None


def load_framework(path: Path) -> Framework:
    """Load and validate a framework file."""
    return parse_framework(read_json_file(path), path)


def load_activities(path: Path, framework: Framework) -> ActivityCatalogue:
    """Load an activity catalogue and check it against the framework it belongs to."""
    data = read_json_file(path)
    check_format_version(data, path, ACTIVITIES_FORMAT_VERSION)
    try:
        catalogue = ActivityCatalogue.model_validate(data)
    except pydantic.ValidationError as exc:
        raise file_error_from_pydantic(path, exc) from None
    try:
        catalogue.check_against(framework)
    except ValueError as exc:
        location, _, problem = str(exc).partition(": ")
        raise FileFormatError(path, f"$.{location}", problem) from None
    return catalogue


@cache
def builtin_framework() -> Framework:
    """The built-in "Senior ML developer" framework shipped in ``resources/frameworks``."""
    return load_framework(frameworks_dir() / BUILTIN_FRAMEWORK_FILE)


@cache
def builtin_activities() -> ActivityCatalogue:
    """The activity catalogue for the built-in framework."""
    return load_activities(frameworks_dir() / BUILTIN_ACTIVITIES_FILE, builtin_framework())
