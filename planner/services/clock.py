"""Today and now, injectable so that dated rules and tests are deterministic."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol


class Clock(Protocol):
    """Source of the current date and time."""

    def today(self) -> date:
        """The local calendar date."""
        ...

    def now(self) -> datetime:
        """The current time as naive UTC (how the database stores timestamps)."""
        ...


class SystemClock:
    """The real clock."""

    def today(self) -> date:
        """The local calendar date."""
        return date.today()

    def now(self) -> datetime:
        """The current time as naive UTC."""
        return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class FixedClock:
    """A clock that says what it is told: for tests, demo data and benchmarks."""

    moment: datetime

    def today(self) -> date:
        """The fixed date."""
        return self.moment.date()

    def now(self) -> datetime:
        """The fixed moment."""
        return self.moment
