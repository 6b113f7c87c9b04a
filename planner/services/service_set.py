"""All services over one database, built once at start-up and handed out piece by piece."""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.services.assessments import AssessmentService
from planner.services.clock import Clock, SystemClock
from planner.services.decisions import DecisionService
from planner.services.frameworks import FrameworkService
from planner.services.goals import GoalService
from planner.services.learning_log import LearningLogService
from planner.services.people import PeopleService
from planner.storage.database import Database
from planner.storage.migrate import MigrationResult, upgrade_database


@dataclass
class Services:
    """The service objects of one open database; pass on only the ones a piece needs."""

    database: Database
    clock: Clock = field(default_factory=SystemClock)
    migration: MigrationResult | None = None

    def __post_init__(self) -> None:
        self.frameworks = FrameworkService(self.database, self.clock)
        self.people = PeopleService(self.database, self.clock, self.frameworks)
        self.assessments = AssessmentService(self.database, self.clock, self.people)
        self.goals = GoalService(self.database, self.clock, self.people)
        self.learning = LearningLogService(self.database, self.clock, self.people)
        self.decisions = DecisionService(self.database, self.clock)

    @classmethod
    def open(cls, url: str, clock: Clock | None = None) -> Services:
        """Open (creating or upgrading as needed) the database at ``url``."""
        database = Database(url)
        try:
            migration = upgrade_database(database)
        except BaseException:
            database.dispose()
            raise
        return cls(database, clock or SystemClock(), migration)

    def close(self) -> None:
        """Release the database connections."""
        self.database.dispose()
