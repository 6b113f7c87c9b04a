"""Error types the program reports to a person, shared by every layer.

Each carries a message meant to be read by the user: the command line prints it
on one line, the GUI shows it in a dialog or next to the field it concerns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pydantic


class PlannerError(Exception):
    """Base class of every error the program explains in words."""


class NotFoundError(PlannerError):
    """A record (person, goal, entry, ...) named by the caller does not exist."""


class ValidationError(PlannerError):
    """Input rejected by a service; ``field_errors`` maps field name to message."""

    def __init__(self, field_errors: Mapping[str, str]) -> None:
        self.field_errors: dict[str, str] = dict(field_errors)
        summary = "; ".join(f"{name}: {text}" for name, text in self.field_errors.items())
        super().__init__(summary or "invalid input")


class FileFormatError(PlannerError):
    """A file (framework, import, CSV) that cannot be read; names the place in it."""

    def __init__(self, file: str | Path, location: str, problem: str) -> None:
        self.file = str(file)
        self.location = location
        self.problem = problem
        where = f"{self.file}: {location}" if location else self.file
        super().__init__(f"{where}: {problem}")


class DatabaseError(PlannerError):
    """The database cannot be opened or upgraded (too new, damaged, not ours)."""


class ConcurrentEditError(PlannerError):
    """A record was changed elsewhere (another window, another person) since it was read.

    Raised instead of silently overwriting the other change; the caller offers to reload.
    """


class UnusableDatabaseError(DatabaseError):
    """A database file that cannot be opened as it is; the file was left untouched.

    ``restorable`` says whether restoring a backup is a sensible way out: yes for a
    damaged, empty or foreign file, no for a missing folder or a permission problem.
    """

    def __init__(self, path: str | Path, message: str, *, restorable: bool) -> None:
        self.path = Path(path)
        self.restorable = restorable
        super().__init__(message)


def json_path(loc: Sequence[int | str]) -> str:
    """Render a pydantic error location as a JSON path such as ``$.areas[2].name``."""
    path = "$"
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif str(part).isidentifier():
            path += f".{part}"
        else:
            path += f"[{part!r}]"
    return path


def file_error_from_pydantic(
    file: str | Path, exc: pydantic.ValidationError, prefix: Iterable[int | str] = ()
) -> FileFormatError:
    """Turn the first problem pydantic found into a :class:`FileFormatError`."""
    first = exc.errors()[0]
    loc = [*prefix, *(p for p in first["loc"] if isinstance(p, int | str) and p != "[key]")]
    message = str(first["msg"]).removeprefix("Value error, ")
    located = _LOCATED_MESSAGE.match(message)
    if located:  # a cross-reference check that names the culprit's path itself
        message = located.group("problem")
        return _with_more(
            FileFormatError(file, json_path(loc) + _dotted(located.group("path")), message), exc
        )
    return _with_more(FileFormatError(file, json_path(loc), message), exc)


_LOCATED_MESSAGE = re.compile(
    r"^(?P<path>[A-Za-z_][\w-]*(?:\[\d+\]|\.[\w-]+)*): (?P<problem>.+)$", re.S
)


def _dotted(path: str) -> str:
    return path if path.startswith("[") else f".{path}"


def _with_more(error: FileFormatError, exc: pydantic.ValidationError) -> FileFormatError:
    more = len(exc.errors()) - 1
    if more:
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})"
        return FileFormatError(error.file, error.location, error.problem + suffix)
    return error
