"""All services over one database, built once at start-up and handed out piece by piece."""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.services.assessments import AssessmentService
from planner.services.backups import BackupService
from planner.services.clock import Clock, SystemClock
from planner.services.decisions import DecisionService
from planner.services.frameworks import FrameworkService
from planner.services.goal_comments import GoalCommentService
from planner.services.goals import GoalService
from planner.services.learning_log import LearningLogService
from planner.services.mentees import MenteeService
from planner.services.people import PeopleService
from planner.storage.database import Database
from planner.storage.migrate import MigrationResult, upgrade_database


@dataclass
class Services:
    """The service objects of one open database; pass on only the ones a piece needs.

    ``.frameworks .people .assessments .goals .learning .decisions .comments .mentees .backups``.
    """

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
        self.comments = GoalCommentService(self.database, self.clock)
        self.mentees = MenteeService(self.database, self.clock, self.people)
        created = self.migration is not None and self.migration.from_revision is None
        self.backups = BackupService(self.database, self.clock, created=created)

    @classmethod
    def open(cls, url: str, clock: Clock | None = None, *, read_only: bool = False) -> Services:
        """Open (creating or upgrading as needed) the database at ``url``.

        ``read_only`` opens a SQLite file without writing to it (a second window).
        """
        clock = clock or SystemClock()
        database = Database(url, read_only=read_only)
        try:
            migration = upgrade_database(database, now=clock.now)
        except BaseException:
            database.dispose()
            raise
        return cls(database, clock, migration)

    def close(self) -> None:
        """Release the database connections."""
        self.database.dispose()
