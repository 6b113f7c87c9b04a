"""Hand-made people for the next-step rules: a small builder of snapshots in plain records."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta

import pytest

from planner.analysis.next_steps import NextSteps, PersonSnapshot, compute_next_steps
from planner.analysis.next_steps.snapshot import LoggedEntry
from planner.framework.loader import builtin_activities, builtin_framework
from planner.services.records import (
    AssessmentRecord,
    DecisionRecord,
    GoalCompetencyDraft,
    GoalRecord,
    MilestoneRecord,
    PersonRecord,
    RatingRecord,
)
from planner.vocabulary import DecisionKind, GoalPriority, GoalStatus, LearningKind, RaterKind

TODAY = date(2026, 11, 21)

TECHNICAL = (
    "python-programming",
    "ml-algorithms",
    "data-manipulation",
    "model-training",
    "model-optimisation",
    "model-deployment",
    "system-architecture",
    "data-quality-diagnosis",
    "model-design-review",
)
LEADERSHIP = ("mentoring", "project-leadership", "knowledge-sharing")
RESPONSIBILITY = ("technical-decisions", "ownership-autonomy")
STRATEGY = ("project-strategy", "business-alignment")


def days_ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def levels(default: int, **overrides: int) -> dict[str, int]:
    """A level for every built-in competency: ``default``, except the ``overrides``."""
    chosen = {c.id: default for c in builtin_framework().competencies}
    chosen.update({key.replace("_", "-"): value for key, value in overrides.items()})
    return chosen


def at_target() -> dict[str, int]:
    """Every competency exactly at the Senior ML developer target."""
    return dict(builtin_framework().profile("senior-ml-developer").targets)


class Persona:
    """Builds a :class:`PersonSnapshot` record by record; ids count up from 1."""

    def __init__(
        self, name: str = "Ada", started: date | None = None, weekly_hours: float | None = 5.0
    ) -> None:
        self.person = PersonRecord(
            id=1,
            name=name,
            current_role="ML engineer",
            framework_id="senior-ml-developer",
            target_profile_id="senior-ml-developer",
            target_date=date(2027, 11, 21),
            weekly_hours=weekly_hours,
            created_at=datetime.combine(started or days_ago(400), time(9)),
        )
        self.assessments: list[AssessmentRecord] = []
        self.goals: list[GoalRecord] = []
        self.learning: list[LoggedEntry] = []
        self.decisions: list[DecisionRecord] = []
        self._next_id = 1

    def _id(self) -> int:
        self._next_id += 1
        return self._next_id

    def assess(
        self,
        on: date,
        chosen: Mapping[str, int],
        evidence: Mapping[str, str] | None = None,
        linked: Mapping[str, tuple[int, ...]] | None = None,
    ) -> Persona:
        """Record an assessment; ratings carry evidence text unless ``evidence`` says otherwise."""
        evidence = evidence or {}
        linked = linked or {}
        ratings = tuple(
            RatingRecord(c, level, evidence.get(c, "Seen in project work."), linked.get(c, ()))
            for c, level in chosen.items()
        )
        self.assessments.append(
            AssessmentRecord(
                self._id(), 1, on, RaterKind.SELF, None, "", datetime.combine(on, time(10)), ratings
            )
        )
        return self

    def log(
        self,
        on: date,
        hours: float,
        *competencies: str,
        title: str = "Worked on it",
        kind: LearningKind = LearningKind.ON_THE_JOB,
    ) -> int:
        """Log an entry; returns its id."""
        entry_id = self._id()
        self.learning.append(
            LoggedEntry(entry_id, title, kind, on, hours, tuple(sorted(competencies)))
        )
        return entry_id

    def goal(
        self,
        title: str,
        aims: Mapping[str, int],
        *,
        created: date,
        due: date | None = None,
        status: GoalStatus = GoalStatus.ACTIVE,
        priority: GoalPriority = GoalPriority.MEDIUM,
        milestones: tuple[tuple[str, date | None, bool], ...] = (),
    ) -> int:
        """Add a goal; returns its id."""
        goal_id = self._id()
        self.goals.append(
            GoalRecord(
                goal_id,
                1,
                title,
                "",
                due,
                priority,
                status,
                datetime.combine(created, time(9)),
                None,
                tuple(GoalCompetencyDraft(c, lvl) for c, lvl in sorted(aims.items())),
                tuple(
                    MilestoneRecord(self._id(), goal_id, position, text, done, when)
                    for position, (text, when, done) in enumerate(milestones)
                ),
            )
        )
        return goal_id

    def decide(
        self, key: str, decision: DecisionKind, fingerprint: str, until: date | None = None
    ) -> Persona:
        """Remember a decision about a suggestion."""
        self.decisions.append(
            DecisionRecord(
                self._id(), 1, key, decision.value, fingerprint, datetime(2026, 11, 1), until
            )
        )
        return self

    def snapshot(self) -> PersonSnapshot:
        return PersonSnapshot(
            self.person,
            tuple(self.assessments),
            tuple(self.goals),
            tuple(self.learning),
            tuple(self.decisions),
        )

    def next_steps(self, today: date = TODAY, hours_per_week: float | None = None) -> NextSteps:
        return compute_next_steps(
            self.snapshot(), builtin_framework(), builtin_activities(), today, hours_per_week
        )


@pytest.fixture
def persona() -> Callable[..., Persona]:
    """Make a new :class:`Persona` (keyword arguments as its constructor)."""
    return Persona
