"""The development plan as plain data: everything one printed plan shows, already worked out.

The HTML, PDF and Markdown writers only lay this out; none of them queries the
database or computes a figure, so all three always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from planner.vocabulary import GoalPriority, GoalStatus


@dataclass(frozen=True)
class PlanSections:
    """Which optional sections a plan holds (the cover is always there)."""

    radar: bool = True
    gaps: bool = True
    changes: bool = True
    goals: bool = True
    next_steps: bool = True
    learning: bool = True
    progress: bool = True
    sign_off: bool = True

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """Field names in document order."""
        return tuple(f.name for f in fields(cls))

    def enabled(self, name: str) -> bool:
        """Whether the section called ``name`` is included."""
        return bool(getattr(self, name))


SECTION_TITLES: dict[str, str] = {
    "radar": "Level against target",
    "gaps": "Gaps by area",
    "changes": "Changes since the previous assessment",
    "goals": "Active goals",
    "next_steps": "Next steps",
    "learning": "Learning in the last 90 days",
    "progress": "Readiness over time",
    "sign_off": "Review and sign-off",
}


@dataclass(frozen=True)
class Projection:
    """When the target profile is reached at the current pace, or why that is unknown.

    ``text`` is a whole sentence; ``note`` a few words for the cover's figures.
    """

    on: date | None
    text: str
    note: str = ""


@dataclass(frozen=True)
class Cover:
    """The first lines of the plan."""

    name: str
    role: str
    framework_name: str
    profile_name: str
    prepared_on: date
    target_date: date | None
    overall: float | None
    rated: int
    total: int
    latest_assessment: date | None
    latest_rater: str | None
    projection: Projection
    weekly_hours: float | None


@dataclass(frozen=True)
class GapRow:
    """One competency's level against its target."""

    competency: str
    level: int | None
    level_name: str
    target: int
    target_name: str
    gap: int
    last_assessed: date | None


@dataclass(frozen=True)
class AreaGaps:
    """The competencies of one area, with the area's readiness."""

    name: str
    readiness: float | None
    rows: tuple[GapRow, ...]


@dataclass(frozen=True)
class LevelChange:
    """A competency whose level moved between two assessments."""

    competency: str
    area: str
    before: int | None
    after: int | None

    @property
    def delta(self) -> int:
        """Levels gained (negative when lowered)."""
        return (self.after or 0) - (self.before or 0)


@dataclass(frozen=True)
class Changes:
    """What moved between the previous assessment and the latest one."""

    previous_on: date | None
    previous_rater: str | None
    latest_on: date | None
    latest_rater: str | None
    readiness_before: float | None
    readiness_after: float | None
    level_changes: tuple[LevelChange, ...]
    unchanged: int
    goals_completed: tuple[str, ...]
    hours_logged: float
    entries_logged: int


@dataclass(frozen=True)
class PlanMilestone:
    """A milestone of a goal, shown as a checkbox."""

    text: str
    done: bool
    due: date | None


@dataclass(frozen=True)
class PlanGoal:
    """An open goal with its milestones."""

    title: str
    description: str
    status: GoalStatus
    priority: GoalPriority
    due: date | None
    overdue: bool
    competencies: tuple[str, ...]
    milestones: tuple[PlanMilestone, ...]


@dataclass(frozen=True)
class PlanStep:
    """One suggested next step with its reasons."""

    title: str
    action: str
    rationale: str
    source: str
    effort_hours: float | None
    kind: str = ""


@dataclass(frozen=True)
class NextSteps:
    """The top suggestions, or a note saying why there are none to show."""

    steps: tuple[PlanStep, ...]
    note: str = ""
    available: bool = True


@dataclass(frozen=True)
class AreaHours:
    """Hours logged toward one area in the summary window."""

    area: str
    hours: float


@dataclass(frozen=True)
class LearningRow:
    """One recent learning log entry."""

    completed_on: date
    title: str
    kind: str
    hours: float
    competencies: tuple[str, ...]


@dataclass(frozen=True)
class LearningSummary:
    """Hours per area over the last days and the most recent entries."""

    since: date
    until: date
    total_hours: float
    entry_count: int
    by_area: tuple[AreaHours, ...]
    recent: tuple[LearningRow, ...]


@dataclass(frozen=True)
class ChartImage:
    """A chart rendered for print: PNG bytes and the size it is meant to appear at."""

    png: bytes
    width_in: float
    height_in: float
    description: str


@dataclass(frozen=True)
class Chart:
    """A chart, or the sentence shown in its place when it cannot be drawn."""

    image: ChartImage | None
    note: str = ""


@dataclass(frozen=True)
class HistoryPoint:
    """Overall readiness as of one assessment."""

    assessed_on: date
    rater: str
    overall: float


@dataclass(frozen=True)
class Plan:
    """A whole development plan for one person on one day."""

    cover: Cover
    sections: PlanSections
    gaps: tuple[AreaGaps, ...]
    changes: Changes
    goals: tuple[PlanGoal, ...]
    next_steps: NextSteps
    learning: LearningSummary
    radar: Chart
    progress: Chart
    history: tuple[HistoryPoint, ...] = ()
    level_names: dict[int, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        """E.g. "Development plan — Alex Rivera"."""
        return f"Development plan — {self.cover.name}"
