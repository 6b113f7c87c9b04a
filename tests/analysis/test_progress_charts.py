"""Every chart's data for the demo person, read through the services, against plain sums."""

from __future__ import annotations

from datetime import date

import pytest

from planner.analysis.chart_data import RadarGrouping
from planner.analysis.person_readiness import person_readiness
from planner.analysis.progress_charts import ChartPeriod, ProgressData
from planner.services.clock import FixedClock
from planner.services.demo_data import seed_demo
from planner.services.records import PersonDraft
from planner.services.service_set import Services
from planner.vocabulary import GoalStatus, RaterKind

TODAY = date(2026, 11, 21)
YEAR = ChartPeriod(date(2025, 12, 1), TODAY)
EVERYTHING = ChartPeriod(None, TODAY)


@pytest.fixture
def demo(services: Services, clock: FixedClock) -> ProgressData:
    seed_demo(services.database, clock.today())
    return ProgressData(services, services.people.list()[0].id)


def test_timeline_matches_the_readiness_history(demo: ProgressData) -> None:
    state = person_readiness(demo.services, demo.person.id)
    timeline = demo.timeline(EVERYTHING)
    assert [(p.day, p.value) for p in timeline.points] == [
        (h.assessed_on, pytest.approx(h.readiness.overall)) for h in state.history
    ]
    assert timeline.target_date == demo.person.target_date
    assert timeline.first == state.history[0].assessed_on
    lead = demo.timeline(EVERYTHING, "leadership-mentorship")
    assert lead.subject == "Leadership and mentorship"
    assert [p.value for p in lead.points] == [
        pytest.approx(h.readiness.area("leadership-mentorship").readiness) for h in state.history
    ]


def test_hours_add_up_to_the_log_of_the_period(demo: ProgressData) -> None:
    entries = demo.services.learning.list_for(demo.person.id, since=YEAR.first, until=TODAY)
    hours = demo.hours(YEAR)
    assert hours.months[0] == date(2025, 12, 1) and hours.months[-1] == date(2026, 11, 1)
    assert hours.total == pytest.approx(sum(e.hours for e in entries))
    area = demo.hours(YEAR, "communication")
    assert area.by_competency and area.subject == "Communication"
    assert area.total < hours.total


def test_calendar_and_burn_up(demo: ProgressData) -> None:
    calendar = demo.calendar(TODAY)
    entries = demo.services.learning.list_for(demo.person.id, since=calendar.first)
    assert calendar.total == pytest.approx(sum(e.hours for e in entries))
    goals = demo.services.goals.list_for(demo.person.id)
    burn_up = demo.burn_up(EVERYTHING)
    kept = [g for g in goals if g.status is not GoalStatus.DROPPED]
    assert burn_up.created[-1] == len(kept)
    assert burn_up.done[-1] == sum(1 for g in goals if g.status is GoalStatus.DONE)
    assert burn_up.dropped == len(goals) - len(kept)
    assert burn_up.first == demo.aggregates.first_activity(demo.person.id)


def test_radar_compares_with_the_start_of_the_period(demo: ProgressData) -> None:
    scores = demo.scores()
    assert demo.default_comparison(date(2025, 12, 31)) == next(
        s.assessment_id for s in reversed(scores) if s.assessed_on <= date(2025, 12, 31)
    )
    # Before the first assessment: compare with the first one.
    assert demo.default_comparison(date(2000, 1, 1)) == scores[0].assessment_id
    # Without a period: the previous one by the same rater (the latest is a self-rating).
    assert scores[-1].rater_kind is RaterKind.SELF
    previous_self = [s for s in scores[:-1] if s.rater_kind is RaterKind.SELF][-1]
    assert demo.default_comparison() == previous_self.assessment_id
    radar = demo.radar([scores[0].assessment_id], RadarGrouping.AREA, "communication")
    assert radar.current is not None and radar.current.label.endswith(
        scores[-1].assessed_on.isoformat()
    )
    assert len(radar.comparisons) == 1 and len(radar.spokes) == len(demo.framework.areas)
    assert [c.assessment_id for c in demo.assessment_choices()] == [
        s.assessment_id for s in reversed(scores[:-1])
    ]


def test_a_new_person_has_empty_charts(services: Services) -> None:
    person = services.people.create(PersonDraft("Newcomer"))
    data = ProgressData(services, person.id)
    assert data.resolve(EVERYTHING) == (TODAY, TODAY)  # created today (the fixed clock)
    assert data.radar().current is None
    assert data.timeline(EVERYTHING).points == ()
    assert data.hours(YEAR).total == 0 and data.hours(YEAR).series == ()
    assert data.calendar(TODAY).total == 0
    assert data.burn_up(EVERYTHING).created == (0,)
    assert data.default_comparison() is None and data.assessment_choices() == []
