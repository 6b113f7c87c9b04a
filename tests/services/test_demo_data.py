"""The demo person: a believable, deterministic history written through the real services."""

from __future__ import annotations

import itertools
import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from planner.analysis.readiness import ReadinessPoint, readiness_history
from planner.framework.loader import builtin_framework
from planner.services.demo_data import DemoSummary, demo_person_name, seed_demo
from planner.services.records import AssessmentRecord, GoalRecord, LearningRecord
from planner.services.service_set import Services
from planner.storage.database import Database
from planner.storage.migrate import upgrade_database
from planner.vocabulary import GoalStatus, LearningKind, RaterKind

TODAY = date(2025, 6, 15)
TECHNICAL = {"technical", "problem-solving"}
PEOPLE = {"leadership", "communication", "strategy", "responsibility"}


def open_services(folder: Path) -> Services:
    database = Database(f"sqlite:///{folder}/d.sqlite")
    upgrade_database(database)
    return Services(database)


class Demo:
    """One seeded database and everything recorded for the demo person."""

    def __init__(self, folder: Path, seed: int = 2026, today: date = TODAY) -> None:
        self.services = open_services(folder)
        self.summary: DemoSummary = seed_demo(self.services.database, today, seed)
        person_id = self.summary.person_id
        self.entries: list[LearningRecord] = self.services.learning.list_for(person_id)
        self.assessments: list[AssessmentRecord] = self.services.assessments.list_for(person_id)
        self.goals: list[GoalRecord] = self.services.goals.list_for(person_id)

    def snapshot(self) -> tuple[Any, ...]:
        """All records as plain tuples, with ids left out (links are named by title)."""
        person = self.services.people.get(self.summary.person_id)
        titles = {e.id: e.title for e in self.entries}
        return (
            (person.name, person.current_role, person.target_profile_id, person.target_date,
             person.weekly_hours, person.created_at),
            tuple(
                (e.title, e.kind, e.completed_on, e.hours, e.competency_ids, e.notes, e.link,
                 e.created_at)
                for e in self.entries
            ),
            tuple(
                (a.assessed_on, a.rater_kind, a.rater_name, a.notes, a.created_at,
                 tuple((r.competency_id, r.level, r.evidence,
                        tuple(titles[i] for i in r.learning_entry_ids)) for r in a.ratings))
                for a in self.assessments
            ),
            tuple(
                (g.title, g.description, g.due_date, g.priority, g.status, g.created_at,
                 g.completed_at, g.competencies,
                 tuple((m.position, m.text, m.done, m.due_date) for m in g.milestones))
                for g in self.goals
            ),
        )  # fmt: skip


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    return Demo(tmp_path_factory.mktemp("demo"))


def test_summary_counts_what_the_services_hold(demo: Demo) -> None:
    summary = demo.summary
    assert summary.name == demo_person_name() == "Alex Rivera"
    assert summary.learning_entries == len(demo.entries)
    assert summary.assessments == len(demo.assessments)
    assert summary.goals == len(demo.goals)
    assert summary.milestones == sum(len(g.milestones) for g in demo.goals)
    assert summary.counts["learning entries"] == len(demo.entries)


def test_person_aims_at_senior_within_a_year(demo: Demo) -> None:
    person = demo.services.people.get(demo.summary.person_id)
    assert person.current_role == "ML Engineer II"
    assert person.target_profile_id == "senior-ml-developer"
    assert person.weekly_hours == 6
    assert person.target_date is not None
    assert 270 <= (person.target_date - TODAY).days <= 330


def test_learning_log_spans_eighteen_months_with_quiet_gaps(demo: Demo) -> None:
    days = sorted(e.completed_on for e in demo.entries)
    assert 130 <= len(demo.entries) <= 170
    assert (days[-1] - days[0]).days >= 500
    assert 14 <= (TODAY - days[-1]).days <= 21
    gaps = sorted((later - earlier).days for earlier, later in itertools.pairwise(days))
    assert gaps[-1] >= 35, "a holiday of about five weeks with nothing logged"
    assert gaps[-2] >= 21, "a second, shorter quiet spell"
    assert {e.kind for e in demo.entries} == set(LearningKind)


def test_entries_have_plausible_hours_links_and_competencies(demo: Demo) -> None:
    bounds = {
        LearningKind.PAPER: (2, 4),
        LearningKind.COURSE: (6, 40),
        LearningKind.PROJECT: (10, 60),
        LearningKind.MENTORING_RECEIVED: (1, 2),
        LearningKind.MENTORING_GIVEN: (1, 2),
        LearningKind.CERTIFICATION: (15, 40),
    }
    for entry in demo.entries:
        low, high = bounds.get(entry.kind, (1, 20))
        assert low <= entry.hours <= high, entry
        assert 1 <= len(entry.competency_ids) <= 3, entry
        assert not entry.link or entry.link.startswith("https://"), entry
    assert sum(1 for e in demo.entries if e.notes) >= 10
    assert sum(1 for e in demo.entries if e.link.startswith("https://arxiv.org/abs/")) >= 10
    assert len({e.title for e in demo.entries}) == len(demo.entries)


def test_focus_moves_from_technical_work_to_leading(demo: Demo) -> None:
    framework = builtin_framework()

    def people_share(entries: list[LearningRecord]) -> float:
        def is_people(entry: LearningRecord) -> bool:
            return bool(PEOPLE & set(framework.area_of(entry.competency_ids[0]).tags))

        return sum(1 for e in entries if is_people(e)) / len(entries)

    oldest_first = sorted(demo.entries, key=lambda e: e.completed_on)
    third = len(oldest_first) // 3
    assert people_share(oldest_first[:third]) + 0.25 < people_share(oldest_first[-third:])


def test_assessments_show_uneven_growth(demo: Demo) -> None:
    framework = builtin_framework()
    profile = framework.profile("senior-ml-developer")
    history = [p.readiness.overall for p in readiness_history(framework, profile, demo.assessments)]
    assert len(history) >= 5
    steps = [round(b - a, 4) for a, b in itertools.pairwise(history)]
    assert len(set(steps)) > 1, "growth is not a straight line"
    assert history[-1] > history[0]
    assert 0.65 <= history[-1] <= 0.75
    for assessment in demo.assessments:
        assert {r.competency_id for r in assessment.ratings} == {
            c.id for c in framework.competencies
        }
    own = [a for a in demo.assessments if a.rater_kind is RaterKind.SELF]
    dropped = {
        c
        for before, after in itertools.pairwise(own)
        for c, level in after.levels.items()
        if level < before.levels[c]
    }
    assert dropped, "at least one competency went down between self-assessments"


def test_technical_areas_grow_faster_than_leadership_and_strategy(demo: Demo) -> None:
    framework = builtin_framework()
    profile = framework.profile("senior-ml-developer")
    own = [a for a in demo.assessments if a.rater_kind is RaterKind.SELF]
    last = readiness_history(framework, profile, [own[-1]])[0]
    area_tags = {area.id: set(area.tags) for area in framework.areas}

    def mean_readiness(point: ReadinessPoint, tags: set[str]) -> float:
        areas = [a for a in point.readiness.areas if tags & area_tags[a.area_id]]
        return sum(a.readiness for a in areas) / len(areas)

    assert mean_readiness(last, TECHNICAL) > mean_readiness(last, PEOPLE) + 0.15
    below_target = [a for a in last.readiness.areas if a.readiness < 1]
    assert len(below_target) >= 4


def test_a_mentor_rates_once_and_ratings_cite_evidence(demo: Demo) -> None:
    mentor = [a for a in demo.assessments if a.rater_kind is RaterKind.MENTOR]
    assert [a.rater_name for a in mentor] == ["Priya Shah"]
    ratings = [r for a in demo.assessments for r in a.ratings]
    assert sum(1 for r in ratings if r.evidence) >= 10
    linked = [i for r in ratings for i in r.learning_entry_ids]
    assert len(linked) >= 10
    entry_days = {e.id: e.completed_on for e in demo.entries}
    for assessment in demo.assessments:
        for rating in assessment.ratings:
            assert all(entry_days[i] <= assessment.assessed_on for i in rating.learning_entry_ids)


def test_goals_cover_every_status_with_milestones(demo: Demo) -> None:
    statuses = {g.status for g in demo.goals}
    assert statuses == set(GoalStatus)
    assert 10 <= len(demo.goals) <= 16
    assert len({g.priority for g in demo.goals}) == 3
    assert all(g.competencies for g in demo.goals)
    overdue = [g for g in demo.goals if g.is_overdue(TODAY)]
    assert overdue and all(g.status is GoalStatus.ACTIVE for g in overdue)
    assert any(g.status is GoalStatus.ACTIVE and not g.milestones for g in demo.goals)
    milestones = [m for g in demo.goals for m in g.milestones]
    assert any(m.done for m in milestones) and any(not m.done for m in milestones)
    for goal in demo.goals:
        assert (goal.completed_at is not None) == (goal.status is GoalStatus.DONE)
        if goal.status is GoalStatus.DONE:
            assert all(m.done for m in goal.milestones)
            assert goal.completed_at is not None and goal.completed_at > goal.created_at
        if goal.milestones:
            assert 2 <= len(goal.milestones) <= 5


def test_nothing_is_dated_after_today(demo: Demo) -> None:
    person = demo.services.people.get(demo.summary.person_id)
    stamps = [person.created_at.date()]
    stamps += [e.completed_on for e in demo.entries] + [e.created_at.date() for e in demo.entries]
    stamps += [a.assessed_on for a in demo.assessments]
    stamps += [a.created_at.date() for a in demo.assessments]
    stamps += [g.created_at.date() for g in demo.goals]
    stamps += [g.completed_at.date() for g in demo.goals if g.completed_at is not None]
    assert max(stamps) <= TODAY
    assert min(stamps) == person.created_at.date()
    for entry in demo.entries:
        assert 0 <= (entry.created_at.date() - entry.completed_on).days <= 6, "logged weekly"


def test_same_seed_and_day_give_the_same_records_and_another_seed_does_not(
    demo: Demo, tmp_path: Path
) -> None:
    random.seed(7)
    global_state = random.getstate()
    twin = Demo(tmp_path)
    assert random.getstate() == global_state, "only a private Random is used"
    assert twin.snapshot() == demo.snapshot()

    other = seed_demo(twin.services.database, TODAY, seed=7)
    assert other.name == "Alex Rivera (demo 2)", "a second demo person gets a free name"
    assert twin.services.people.count() == 2
    other_entries = twin.services.learning.list_for(other.person_id)
    assert [e.title for e in other_entries] != [e.title for e in demo.entries]
    assert [e.completed_on for e in other_entries] != [e.completed_on for e in demo.entries]
