"""What the rules read of a learning log: a few figures, worked out for one day.

The rules never walk the log themselves. They read a :class:`LogSummary`: hours after
a few days, each competency's share of hours (lately, since it was rated, since the
latest assessment) and the day it was last logged, the kinds of learning done lately
and the titles logged. Which days those are follows from the assessments and the
day (:class:`LogQuestions`), so a summary answers exactly the questions of one run.

Two ways give the same summary: :func:`summarise` works it out from plain entries
(hand-made snapshots, the tests), and
:func:`planner.analysis.next_steps.snapshot.read_summary` has the database sum it
(a career of 100,000 entries in milliseconds). Hours of an entry serving several
competencies of the target profile are split evenly between them; sums are rounded
to 1e-9 h (:func:`~planner.services.next_steps_inputs.rounded`) so both agree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from planner.framework.schema import Framework, Profile
from planner.services.next_steps_inputs import rounded
from planner.services.records import AssessmentRecord, LearningRecord, PersonRecord
from planner.vocabulary import LearningKind

RECENT_DAYS = 90  # "lately": the hours and areas of the last three months
STALLED_DAYS = 60  # a goal with nothing logged for this long has stalled
PACE_DAYS = 91  # the pace before a quiet spell is measured over this many days
VARIETY_DAYS = 180  # kinds of learning done this recently count as done lately


@dataclass(frozen=True)
class LoggedEntry:
    """What the rules read of a learning log entry."""

    id: int
    title: str
    kind: LearningKind
    completed_on: date
    hours: float
    competency_ids: tuple[str, ...] = ()

    @classmethod
    def of(cls, record: LearningRecord) -> LoggedEntry:
        """The parts of a full record the rules use."""
        return cls(
            record.id,
            record.title,
            record.kind,
            record.completed_on,
            record.hours,
            record.competency_ids,
        )


@dataclass(frozen=True)
class Rise:
    """A rating of the latest assessment above the competency's rating before it."""

    competency_id: str
    old_level: int
    new_level: int
    prior_day: date  # the day of the rating before


def target_profile(framework: Framework, person: PersonRecord) -> Profile:
    """The person's target profile, or the framework's default if it is gone."""
    try:
        return framework.profile(person.target_profile_id)
    except KeyError:
        return framework.profile(framework.default_profile)


def latest_ratings(
    framework: Framework, assessments: Sequence[AssessmentRecord]
) -> tuple[dict[str, int], dict[str, date]]:
    """(level, day rated) of each competency, from its latest rating; oldest assessment first."""
    levels: dict[str, int] = {}
    rated_on: dict[str, date] = {}
    known = {c.id for c in framework.competencies}
    for assessment in assessments:
        for rating in assessment.ratings:
            if rating.competency_id in known:
                levels[rating.competency_id] = rating.level
                rated_on[rating.competency_id] = assessment.assessed_on
    return levels, rated_on


def unbacked_rises(assessments: Sequence[AssessmentRecord]) -> list[Rise]:
    """Ratings that rose in the latest assessment with no evidence written and no entry linked.

    ``assessments`` oldest first; whether anything was logged meanwhile is the log's
    question (:attr:`LogSummary.logged_before_assessment`).
    """
    if len(assessments) < 2:
        return []
    latest = assessments[-1]
    before: dict[str, tuple[int, date]] = {}
    for assessment in assessments[:-1]:
        for rating in assessment.ratings:
            before[rating.competency_id] = (rating.level, assessment.assessed_on)
    rises = []
    for rating in latest.ratings:
        previous = before.get(rating.competency_id)
        if previous is None or rating.level <= previous[0]:
            continue
        if rating.evidence.strip() or rating.learning_entry_ids:
            continue
        rises.append(Rise(rating.competency_id, previous[0], rating.level, previous[1]))
    return rises


@dataclass(frozen=True)
class LogQuestions:
    """The days and competencies a run asks the log about.

    ``counted`` are the competencies whose share of hours counts (the target
    profile's); ``rated_on`` the day each competency was last rated; ``assessed_on``
    the latest assessment's day; ``evidence`` the competencies whose unbacked rise
    needs to know whether anything was logged for them before that assessment.
    """

    today: date
    counted: frozenset[str]
    rated_on: tuple[tuple[str, date], ...]
    assessed_on: date | None
    evidence: tuple[str, ...]

    @property
    def recent_start(self) -> date:
        """Entries after this day are recent."""
        return self.today - timedelta(days=RECENT_DAYS)

    @property
    def stalled_start(self) -> date:
        """The start of the window a stalled goal is judged over."""
        return self.today - timedelta(days=STALLED_DAYS)

    @property
    def variety_start(self) -> date:
        """Kinds of learning done after this day were done lately."""
        return self.today - timedelta(days=VARIETY_DAYS)

    def hour_cut_offs(self, last_day: date | None) -> tuple[date | None, ...]:
        """The days whose "hours logged after" a run reads (None: all hours, before any rating)."""
        days: list[date | None] = [self.recent_start, self.stalled_start, self.assessed_on]
        if last_day is not None:
            days.append(last_day - timedelta(days=PACE_DAYS))
        return tuple(dict.fromkeys(days))


def questions_for(
    framework: Framework, profile: Profile, assessments: Sequence[AssessmentRecord], today: date
) -> LogQuestions:
    """What a run on ``today`` asks the log (``assessments`` up to today, oldest first)."""
    _levels, rated_on = latest_ratings(framework, assessments)
    known = {c.id for c in framework.competencies}
    evidence = {r.competency_id for r in unbacked_rises(assessments) if r.competency_id in known}
    return LogQuestions(
        today=today,
        counted=frozenset(profile.targets),
        rated_on=tuple(sorted(rated_on.items())),
        assessed_on=assessments[-1].assessed_on if assessments else None,
        evidence=tuple(sorted(evidence)),
    )


@dataclass(frozen=True)
class LogSummary:
    """The answers of the log to one run's :class:`LogQuestions`.

    Hours after a day count entries completed after it and on or before the
    question's day. The per-competency maps hold only competencies with something
    logged in their window. ``hours_after`` holds every day of
    :meth:`LogQuestions.hour_cut_offs`.
    """

    questions: LogQuestions
    last_day: date | None
    hours_after: Mapping[date | None, float]
    last_logged: Mapping[str, date]
    recent_hours: Mapping[str, float]
    hours_since_rated: Mapping[str, float]
    hours_since_assessment: Mapping[str, float]
    logged_before_assessment: Mapping[str, date]
    recent_kinds: Mapping[str, frozenset[LearningKind]]
    titles: frozenset[str]


def summarise(entries: Iterable[LoggedEntry], questions: LogQuestions) -> LogSummary:
    """The summary of plain entries (any order), the way the database works it out."""
    today, counted = questions.today, questions.counted
    kept = sorted(
        (e for e in entries if e.completed_on <= today), key=lambda e: (e.completed_on, e.id)
    )
    last_day = kept[-1].completed_on if kept else None
    hours_after = {
        day: rounded(sum(e.hours for e in kept if day is None or e.completed_on > day))
        for day in questions.hour_cut_offs(last_day)
    }
    rated_on = dict(questions.rated_on)
    last_logged: dict[str, date] = {}
    shared: list[dict[str, float]] = [defaultdict(float) for _ in range(3)]
    recent, since_rated, since_assessed = shared
    for entry in kept:
        served = [c for c in entry.competency_ids if c in counted]
        day = entry.completed_on
        for competency_id in served:
            share = entry.hours / len(served)
            last_logged[competency_id] = day
            if day > questions.recent_start:
                recent[competency_id] += share
            rated = rated_on.get(competency_id)
            if rated is not None and day > rated:
                since_rated[competency_id] += share
            if questions.assessed_on is not None and day > questions.assessed_on:
                since_assessed[competency_id] += share
    return LogSummary(
        questions=questions,
        last_day=last_day,
        hours_after=hours_after,
        last_logged=last_logged,
        recent_hours={c: rounded(h) for c, h in recent.items()},
        hours_since_rated={c: rounded(h) for c, h in since_rated.items()},
        hours_since_assessment={c: rounded(h) for c, h in since_assessed.items()},
        logged_before_assessment=_logged_before(kept, questions),
        recent_kinds=_kinds_after(kept, questions.variety_start),
        titles=frozenset(e.title for e in kept),
    )


def _logged_before(kept: Sequence[LoggedEntry], questions: LogQuestions) -> dict[str, date]:
    """The last day each evidence competency was logged, up to the latest assessment."""
    found: dict[str, date] = {}
    if questions.assessed_on is None:
        return found
    wanted = set(questions.evidence)
    for entry in kept:
        if entry.completed_on > questions.assessed_on:
            break
        for competency_id in wanted.intersection(entry.competency_ids):
            found[competency_id] = entry.completed_on
    return found


def _kinds_after(kept: Sequence[LoggedEntry], start: date) -> dict[str, frozenset[LearningKind]]:
    kinds: dict[str, set[LearningKind]] = defaultdict(set)
    for entry in kept:
        if entry.completed_on > start:
            for competency_id in entry.competency_ids:
                kinds[competency_id].add(entry.kind)
    return {c: frozenset(k) for c, k in sorted(kinds.items())}
