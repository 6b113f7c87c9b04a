"""Field checks shared by the services; problems are collected per field, then raised once."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

from planner.errors import ValidationError
from planner.framework.schema import Framework

MAX_TITLE = 200
MAX_NOTES = 2_000_000
MAX_LINK = 2000
MAX_MILESTONE = 500
MIN_HOURS_EXCLUSIVE = 0.0
MAX_HOURS = 1000.0
EARLIEST_DATE = date(1970, 1, 1)
# PostgreSQL refuses text holding NUL characters; no one types one, but files can hold them.
NUL = "\x00"
NUL_MESSAGE = "Remove the NUL character (code 0): text cannot hold it."


class FieldErrors:
    """Collects one message per field; :meth:`raise_if_any` raises a :class:`ValidationError`."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def add(self, field: str, message: str) -> None:
        """Record a problem with ``field`` (the first one per field is kept)."""
        self.errors.setdefault(field, message)

    def raise_if_any(self) -> None:
        """Raise all collected problems together."""
        if self.errors:
            raise ValidationError(self.errors)

    def title(self, field: str, value: str, what: str = "a title", limit: int = MAX_TITLE) -> None:
        """Not empty, not only spaces, at most ``limit`` characters."""
        if not value or not value.strip():
            self.add(field, f"Enter {what}; it cannot be empty.")
        elif NUL in value:
            self.add(field, NUL_MESSAGE)
        elif len(value.strip()) > limit:
            length = len(value.strip())
            self.add(field, f"Keep it to {limit} characters (this one has {length}).")

    def text(self, field: str, value: str, limit: int = MAX_NOTES) -> None:
        """Free text up to ``limit`` characters."""
        if NUL in value:
            self.add(field, NUL_MESSAGE)
        elif len(value) > limit:
            self.add(field, f"Keep it to {limit} characters (this one has {len(value)}).")

    def hours(self, field: str, value: float) -> None:
        """More than 0 and at most 1000 hours."""
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or not MIN_HOURS_EXCLUSIVE < value <= MAX_HOURS
        ):
            self.add(field, f"Hours must be more than 0 and at most {MAX_HOURS:g}.")

    def past_date(self, field: str, value: date, today: date, what: str = "The date") -> None:
        """Not in the future and not before 1970."""
        if value > today:
            self.add(field, f"{what} cannot be in the future (today is {today.isoformat()}).")
        elif value < EARLIEST_DATE:
            self.add(field, f"{what} cannot be before 1970.")

    def date_not_before(self, field: str, value: date | None, earliest: date, what: str) -> None:
        """``value`` is empty or on/after ``earliest``."""
        if value is not None and value < earliest:
            self.add(field, f"{what} cannot be before {earliest.isoformat()}, when it was created.")

    def level(self, field: str, value: int, framework: Framework) -> None:
        """A level of the framework's scale."""
        low, high = framework.scale.minimum, framework.scale.maximum
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.add(field, f"Level must be a whole number from {low} to {high}.")

    def competencies(self, field: str, ids: Iterable[str], framework: Framework) -> None:
        """Every id names a competency of the framework, none twice."""
        known = {c.id for c in framework.competencies}
        seen: set[str] = set()
        for competency_id in ids:
            if competency_id not in known:
                self.add(field, f"Unknown competency '{competency_id}' in {framework.name}.")
                return
            if competency_id in seen:
                self.add(field, f"Competency '{competency_id}' is listed twice.")
                return
            seen.add(competency_id)
