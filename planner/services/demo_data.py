"""A demo person with 18 months of believable history, written through the real services.

Every record goes through the same service calls, and so the same validation, as user
input. A :class:`~planner.services.clock.FixedClock` is moved to the moment each thing
"happened" before the call that records it, so creation and completion stamps read like
a real history and no rule about the future trips. Chance comes only from
``random.Random(seed)``: the same seed and the same ``today`` give the same records.

The story (titles, levels, goals) lives in :mod:`planner.services.demo_catalogue`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import partial

from planner.framework.loader import builtin_framework
from planner.framework.schema import Framework
from planner.services import demo_catalogue as cat
from planner.services.clock import FixedClock
from planner.services.records import (
    AssessmentDraft,
    GoalCompetencyDraft,
    GoalDraft,
    GoalRecord,
    LearningDraft,
    LearningRecord,
    MilestoneDraft,
    PersonDraft,
    RatingDraft,
)
from planner.services.service_set import Services
from planner.storage.database import Database
from planner.vocabulary import GoalStatus, RaterKind

DEMO_PERSON_NAME = "Alex Rivera"
DEMO_ROLE = "ML Engineer II"
DEMO_PROFILE = "senior-ml-developer"
HISTORY_DAYS = 548
TARGET_IN_DAYS = 304
WEEKLY_HOURS = 6.0
ENTRY_COUNT = (142, 158)
TECHNICAL_TAGS = frozenset({"technical", "problem-solving"})


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`seed_demo` created."""

    person_id: int
    name: str
    learning_entries: int
    assessments: int
    goals: int
    milestones: int

    @property
    def counts(self) -> dict[str, int]:
        """Number of records per kind, for a status message."""
        return {
            "learning entries": self.learning_entries,
            "assessments": self.assessments,
            "goals": self.goals,
            "milestones": self.milestones,
        }


def demo_person_name() -> str:
    """The demo person's name (a suffix is added if the database already has one)."""
    return DEMO_PERSON_NAME


def seed_demo(database: Database, today: date, seed: int = 2026) -> DemoSummary:
    """Add the demo person and their history to ``database`` (already migrated)."""
    rng = random.Random(seed)
    timeline = _Timeline.plan(today, rng)
    clock = FixedClock(datetime.combine(timeline.start, time(8, 30)))
    services = Services(database, clock)
    seeder = _Seeder(services, clock, rng, timeline)
    return seeder.seed()


@dataclass(frozen=True)
class _Timeline:
    """The days of the history: start, first and last entry, and quiet holiday gaps."""

    today: date
    start: date
    first: date
    last: date
    gaps: tuple[tuple[date, date], ...]

    @classmethod
    def plan(cls, today: date, rng: random.Random) -> _Timeline:
        start = today - timedelta(days=HISTORY_DAYS)
        first = start + timedelta(days=2)
        last = today - timedelta(days=rng.randint(14, 21))
        holidays = (_holiday(first, last, 12, 8, 35), _holiday(first, last, 8, 4, 21))
        return cls(today, start, first, last, tuple(g for g in holidays if g is not None))

    def day(self, offset: int, jitter: int = 0, spread: int = 0) -> date:
        """``today + offset + jitter``, moved past a quiet gap it falls in."""
        return self.shift(self.today + timedelta(days=offset + jitter), spread)

    def shift(self, day: date, spread: int = 0) -> date:
        """``day``, or ``spread`` days after the end of the quiet gap holding it.

        With no spread the mapping keeps the order of days, which goal dates rely on.
        """
        for begin, end in self.gaps:
            if begin <= day < end:
                return min(end + timedelta(days=spread), max(self.last, end))
        return day

    def fraction(self, day: date) -> float:
        """Where ``day`` lies between the first (0) and the last (1) entry."""
        return (day - self.first).days / max(1, (self.last - self.first).days)

    def active_days(self) -> list[date]:
        """Every day from the first to the last entry outside the gaps."""
        days = (self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1))
        return [d for d in days if self.shift(d) == d]


def _holiday(first: date, last: date, month: int, day: int, days: int) -> tuple[date, date] | None:
    """The first ``days``-long gap from ``month``/``day`` lying wholly inside the history."""
    for year in range(first.year, last.year + 1):
        begin = date(year, month, day)
        end = begin + timedelta(days=days)
        if first < begin and end <= last:
            return begin, end
    return None


def _hours(rng: random.Random, bounds: tuple[float, float]) -> float:
    return max(bounds[0], round(rng.uniform(*bounds) * 2) / 2)


def _idea_draft(idea: cat.Idea, day: date, part: int, rng: random.Random) -> LearningDraft:
    """The log entry for one idea (or one part of it)."""
    last_part = part >= len(idea.parts) - 1
    title = f"{idea.title}, {idea.parts[part]}" if idea.parts else idea.title
    bounds = idea.hours or (cat.PART_HOURS.get(idea.kind) if idea.parts else None)
    hours = _hours(rng, bounds or cat.KIND_HOURS[idea.kind])
    notes = idea.notes if last_part else ""
    return LearningDraft(title, idea.kind, day, hours, idea.competencies, notes, idea.link)


_Action = Callable[[], None] | LearningDraft


def _week_of(moment: datetime) -> tuple[int, int]:
    year, week, _day = moment.isocalendar()
    return year, week


@dataclass(frozen=True)
class _AssessmentPlan:
    """One assessment to record: levels, and the ratings before it to compare with."""

    day: date
    rater: RaterKind
    notes: str
    levels: dict[str, int]
    previous: dict[str, int] | None
    since: date | None
    evidence: dict[str, str]


class _Seeder:
    """Plans every record as a dated event, then replays the events in time order.

    Learning entries are logged the way people tend to: in a batch at the end of the
    week (the evening of its last entry), and always before any later event.
    """

    def __init__(
        self, services: Services, clock: FixedClock, rng: random.Random, timeline: _Timeline
    ) -> None:
        self.services = services
        self.clock = clock
        self.rng = rng
        self.timeline = timeline
        self.framework: Framework = builtin_framework()
        self.events: list[tuple[datetime, int, _Action]] = []
        self.person_id = 0
        self.entries: list[LearningRecord] = []
        self.goals: dict[int, GoalRecord] = {}

    def seed(self) -> DemoSummary:
        name = self._free_name()
        self._at(self.timeline.start, time(8, 30), partial(self._create_person, name))
        for day, draft in self._plan_entries():
            self._at(day, time(18 + self.rng.randint(0, 3), self.rng.randint(0, 59)), draft)
        self._plan_assessments()
        for index, goal in enumerate(cat.GOALS):
            self._plan_goal(index, goal)
        week: list[tuple[datetime, LearningDraft]] = []
        for moment, _order, action in sorted(self.events, key=lambda e: (e[0], e[1])):
            if isinstance(action, LearningDraft):
                if week and _week_of(week[-1][0]) != _week_of(moment):
                    self._log_week(week)
                week.append((moment, action))
                continue
            self._log_week(week)
            self.clock.moment = moment
            action()
        self._log_week(week)
        return self._summary(name)

    def _at(self, day: date, moment: time, action: _Action) -> None:
        self.events.append((datetime.combine(day, moment), len(self.events), action))

    def _free_name(self) -> str:
        taken = {p.name.casefold() for p in self.services.people.list()}
        name, number = DEMO_PERSON_NAME, 1
        while name.casefold() in taken:
            number += 1
            name = f"{DEMO_PERSON_NAME} (demo {number})"
        return name

    def _create_person(self, name: str) -> None:
        draft = PersonDraft(
            name=name,
            current_role=DEMO_ROLE,
            framework_id=self.framework.id,
            target_profile_id=DEMO_PROFILE,
            target_date=self.timeline.today + timedelta(days=TARGET_IN_DAYS),
            weekly_hours=WEEKLY_HOURS,
        )
        self.person_id = self.services.people.create(draft).id

    def _summary(self, name: str) -> DemoSummary:
        goals = self.services.goals.list_for(self.person_id)
        assessments = self.services.assessments.list_for(self.person_id)
        entries = self.services.learning.count(self.person_id)
        milestones = sum(len(g.milestones) for g in goals)
        return DemoSummary(self.person_id, name, entries, len(assessments), len(goals), milestones)

    # Learning log

    def _plan_entries(self) -> list[tuple[date, LearningDraft]]:
        tl, rng = self.timeline, self.rng
        planned = []
        for offset, idea in cat.PINNED:
            day = tl.day(offset, rng.randint(-2, 2), rng.randint(0, 6))
            planned.append((day, _idea_draft(idea, day, 0, rng)))
        planned += self._mentor_sessions()
        planned += self._mentee_sessions()
        count = rng.randint(*ENTRY_COUNT) - len(planned)
        active = tl.active_days()
        days = sorted([tl.first, tl.last, *(rng.choice(active) for _ in range(count - 2))])
        planned += self._random_entries(days)
        return planned

    def _mentor_sessions(self) -> Iterator[tuple[date, LearningDraft]]:
        tl, rng = self.timeline, self.rng
        day = tl.first + timedelta(days=rng.randint(5, 12))
        for topic, competencies in cat.MENTOR_TOPICS:
            day = tl.shift(day, rng.randint(0, 6))
            if day > tl.last:
                return
            title = f"Mentoring session with {cat.MENTOR_NAME}: {topic}"
            hours = _hours(rng, cat.KIND_HOURS[cat.RECEIVED])
            yield day, LearningDraft(title, cat.RECEIVED, day, hours, competencies)
            day += timedelta(days=rng.randint(26, 34))

    def _mentee_sessions(self) -> Iterator[tuple[date, LearningDraft]]:
        tl, rng = self.timeline, self.rng
        for first, last, titles in cat.MENTEE_SERIES:
            begin, end = tl.day(first), min(tl.day(last), tl.last)
            step = (end - begin).days / len(titles)
            for index, title in enumerate(titles):
                day = begin + timedelta(days=int(index * step) + rng.randint(0, 3))
                day = min(tl.shift(day, rng.randint(0, 6)), tl.last)
                hours = _hours(rng, cat.KIND_HOURS[cat.GIVEN])
                yield day, LearningDraft(title, cat.GIVEN, day, hours, (cat.MENTOR, cat.SHARE))

    def _random_entries(self, days: list[date]) -> list[tuple[date, LearningDraft]]:
        """One idea per day, leaning technical early and towards people and strategy later."""
        ideas = cat.IDEAS
        technical = [self._is_technical(idea) for idea in ideas]
        used = [0] * len(ideas)
        planned = []
        for day in days:
            t = self.timeline.fraction(day)
            want_technical = self.rng.random() < 0.8 - 0.5 * t
            unused = [i for i, idea in enumerate(ideas) if used[i] < max(1, len(idea.parts))]
            timely = [i for i in unused if ideas[i].window[0] <= t <= ideas[i].window[1]]
            preferred = [i for i in timely if technical[i] == want_technical]
            choices = preferred or timely or unused
            if not choices:
                break
            index = self.rng.choice(choices)
            planned.append((day, _idea_draft(ideas[index], day, used[index], self.rng)))
            used[index] += 1
        return planned

    def _is_technical(self, idea: cat.Idea) -> bool:
        return not TECHNICAL_TAGS.isdisjoint(self.framework.area_of(idea.competencies[0]).tags)

    def _log_week(self, week: list[tuple[datetime, LearningDraft]]) -> None:
        """Log the week's pending entries in one go, as of the last of them; empty the list."""
        if week:
            self.clock.moment = week[-1][0]
            drafts = [draft for _moment, draft in week]
            self.entries += self.services.learning.add_many(self.person_id, drafts)
            week.clear()

    # Assessments

    def _plan_assessments(self) -> None:
        tl, rng = self.timeline, self.rng
        days = [tl.day(offset, rng.randint(-3, 3)) for offset, _notes in cat.SELF_ASSESSMENTS]
        levels = [{c: lv[i] for c, lv in cat.SELF_LEVELS.items()} for i in range(len(days))]
        for index, (_offset, notes) in enumerate(cat.SELF_ASSESSMENTS):
            plan = _AssessmentPlan(
                day=days[index],
                rater=RaterKind.SELF,
                notes=notes,
                levels=levels[index],
                previous=levels[index - 1] if index else None,
                since=days[index - 1] if index else None,
                evidence={c: text for (i, c), text in cat.EVIDENCE.items() if i == index},
            )
            self._at(plan.day, time(10, rng.randint(0, 59)), partial(self._assess, plan))
        # The mentor rates shortly after the fourth self-assessment, looking at the same quarter.
        base = levels[3]
        mentor = _AssessmentPlan(
            day=tl.day(cat.MENTOR_ASSESSMENT_DAY, rng.randint(-1, 1)),
            rater=RaterKind.MENTOR,
            notes=cat.MENTOR_NOTES,
            levels={c: lv + cat.MENTOR_CHANGES.get(c, (0, ""))[0] for c, lv in base.items()},
            previous=base,
            since=days[2],
            evidence={c: text for c, (_delta, text) in cat.MENTOR_CHANGES.items()},
        )
        self._at(mentor.day, time(16, 0), partial(self._assess, mentor))

    def _assess(self, plan: _AssessmentPlan) -> None:
        recent = [e for e in self.entries if plan.since is None or plan.since < e.completed_on]
        ratings = tuple(self._rating(plan, c.id, recent) for c in self.framework.competencies)
        name = cat.MENTOR_NAME if plan.rater is RaterKind.MENTOR else None
        draft = AssessmentDraft(plan.day, ratings, plan.rater, name, plan.notes)
        self.services.assessments.create(self.person_id, draft)

    def _rating(
        self, plan: _AssessmentPlan, competency_id: str, recent: list[LearningRecord]
    ) -> RatingDraft:
        """A level; where it rose, the latest entries that served it become its evidence."""
        level = plan.levels[competency_id]
        before = plan.previous.get(competency_id) if plan.previous else None
        text = plan.evidence.get(competency_id, "")
        if before is None or level <= before:
            return RatingDraft(competency_id, level, text)
        serving = [e for e in recent if competency_id in e.competency_ids][-2:]
        if not text:
            text = f"Up from {self.framework.scale.name_of(before)}"
            text += ": " + "; ".join(e.title for e in serving) if serving else " in project work"
            text += "."
        return RatingDraft(competency_id, level, text, tuple(e.id for e in serving))

    # Goals

    def _plan_goal(self, index: int, goal: cat.GoalIdea) -> None:
        tl, jitter = self.timeline, self.rng.randint(-3, 3)

        def on(offset: int) -> date:
            return tl.day(offset, jitter)

        started_planned = goal.started is not None or goal.status is GoalStatus.PLANNED
        draft = GoalDraft(
            title=goal.title,
            description=goal.description,
            competencies=tuple(GoalCompetencyDraft(c, level) for c, level in goal.competencies),
            due_date=on(goal.due) if goal.due is not None else None,
            priority=goal.priority,
            status=GoalStatus.PLANNED if started_planned else GoalStatus.ACTIVE,
            milestones=tuple(
                MilestoneDraft(text, False, on(due) if due is not None else None)
                for text, due, _ticked in goal.milestones
            ),
        )
        created = time(9, self.rng.randint(0, 59))
        self._at(on(goal.created), created, partial(self._create_goal, index, draft))
        if goal.started is not None:
            start = partial(self._set_status, index, GoalStatus.ACTIVE)
            self._at(on(goal.started), time(9, 30), start)
        for position, (_text, _due, ticked) in enumerate(goal.milestones):
            if ticked is not None:
                self._at(on(ticked), time(17, 30), partial(self._tick, index, position))
        if goal.finished is not None:
            finish = partial(self._set_status, index, goal.status)
            self._at(on(goal.finished), time(17, 45), finish)

    def _create_goal(self, index: int, draft: GoalDraft) -> None:
        self.goals[index] = self.services.goals.create(self.person_id, draft)

    def _set_status(self, index: int, status: GoalStatus) -> None:
        self.goals[index] = self.services.goals.set_status(self.goals[index].id, status)

    def _tick(self, index: int, position: int) -> None:
        milestone = self.goals[index].milestones[position]
        self.goals[index] = self.services.goals.set_milestone_done(milestone.id, True)
