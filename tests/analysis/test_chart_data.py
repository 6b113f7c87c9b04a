"""Chart series from hand-made records: radar, readiness timeline, hours, calendar, burn-up."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from planner.analysis.chart_data import (
    UNASSIGNED_LABEL,
    RadarGrouping,
    activity_calendar,
    assessment_label,
    goal_burn_up,
    heat_level,
    hours_by_month,
    months_between,
    radar_data,
    readiness_timeline,
    year_before,
)
from planner.analysis.forecast import ForecastStatus
from planner.framework.loader import parse_framework
from planner.framework.schema import Framework
from planner.services.learning_aggregates import (
    AssessmentScore,
    DayCount,
    DayHours,
    GoalCounts,
    MonthHours,
)
from planner.services.records import AssessmentRecord, RatingRecord
from planner.vocabulary import RaterKind

TODAY = date(2026, 11, 21)


def small_framework() -> Framework:
    """Areas tech (a, b) and lead (c); scale 1..5; target a=4, b=2, c=3."""
    levels = [{"level": n, "name": f"L{n}", "summary": f"Level {n}."} for n in range(1, 6)]
    descriptors = {str(n): f"Level {n}." for n in range(1, 6)}

    def competency(cid: str) -> dict[str, object]:
        return {
            "id": cid,
            "name": f"Skill {cid.upper()}",
            "description": "x",
            "descriptors": descriptors,
            "sources": [{"document": "doc", "section": "S", "quote": "q"}],
        }

    return parse_framework(
        {
            "format": "learning-path-planner/framework",
            "format_version": 1,
            "id": "small",
            "name": "Small",
            "version": "1",
            "description": "Test framework.",
            "scale": {"levels": levels, "junior": 1, "senior": 4},
            "sources": [{"id": "doc", "file": "doc.txt", "title": "Doc"}],
            "areas": [
                {
                    "id": "tech",
                    "name": "Tech",
                    "description": "x",
                    "competencies": [competency("a"), competency("b")],
                },
                {
                    "id": "lead",
                    "name": "Lead",
                    "description": "x",
                    "competencies": [competency("c")],
                },
            ],
            "profiles": [
                {
                    "id": "senior",
                    "name": "Senior",
                    "description": "x",
                    "kind": "target",
                    "targets": {"a": 4, "b": 2, "c": 3},
                }
            ],
            "default_profile": "senior",
        }
    )


def assessment(
    ident: int, day: date, levels: dict[str, int], rater: RaterKind = RaterKind.SELF
) -> AssessmentRecord:
    return AssessmentRecord(
        id=ident,
        person_id=1,
        assessed_on=day,
        rater_kind=rater,
        rater_name="Priya Shah" if rater is RaterKind.MENTOR else None,
        notes="",
        created_at=datetime(2026, 1, 1),
        ratings=tuple(RatingRecord(c, level, "", ()) for c, level in levels.items()),
    )


# Radar ---------------------------------------------------------------------


def test_radar_per_competency() -> None:
    framework = small_framework()
    latest = assessment(2, date(2026, 10, 1), {"a": 3, "c": 2})
    earlier = assessment(1, date(2026, 4, 1), {"a": 2, "b": 1, "c": 1})
    data = radar_data(framework, framework.profile("senior"), latest, [earlier])
    assert data.spokes == ("Skill A", "Skill B", "Skill C")
    assert data.target.values == (4.0, 2.0, 3.0)
    assert data.target.label == "Target: Senior"
    assert data.current is not None
    assert data.current.values == (3.0, None, 2.0)  # b not rated
    assert data.current.label == "Self, 2026-10-01"
    assert [s.values for s in data.comparisons] == [(2.0, 1.0, 1.0)]
    assert (data.scale_min, data.scale_max) == (1, 5)
    assert data.level_names == ("L1", "L2", "L3", "L4", "L5")
    assert len(data.series) == 3 and data.empty_message == ""


def test_radar_per_area_takes_the_mean_with_unrated_as_zero() -> None:
    framework = small_framework()
    latest = assessment(2, date(2026, 10, 1), {"a": 3}, RaterKind.MENTOR)
    data = radar_data(framework, framework.profile("senior"), latest, grouping=RadarGrouping.AREA)
    assert data.spokes == ("Tech", "Lead")
    assert data.target.values == (3.0, 3.0)  # (4 + 2) / 2 and 3
    assert data.current is not None
    assert data.current.values == (1.5, None)  # (3 + 0) / 2; lead not rated at all
    assert data.current.mentor and data.current.label == "Priya Shah (mentor), 2026-10-01"


def test_radar_highlights_the_filtered_area_and_skips_the_latest_as_comparison() -> None:
    framework = small_framework()
    latest = assessment(2, date(2026, 10, 1), {"a": 3})
    by_competency = radar_data(
        framework, framework.profile("senior"), latest, [latest], highlight_area="tech"
    )
    assert by_competency.highlighted == frozenset({0, 1})
    assert by_competency.comparisons == ()
    by_area = radar_data(
        framework, framework.profile("senior"), latest, (), RadarGrouping.AREA, "lead"
    )
    assert by_area.highlighted == frozenset({1})


def test_radar_without_assessment_explains_what_to_do() -> None:
    framework = small_framework()
    data = radar_data(framework, framework.profile("senior"), None)
    assert data.current is None and data.series == (data.target,)
    assert "No assessment yet" in data.empty_message
    assert "New assessment" in data.empty_message


# Readiness over time ---------------------------------------------------------


def score(
    ident: int, day: date, reached: int, rater: RaterKind = RaterKind.SELF
) -> AssessmentScore:
    mentor = rater is RaterKind.MENTOR
    return AssessmentScore(ident, day, rater, "Priya Shah" if mentor else None, reached)


def test_timeline_points_and_forecast_from_every_assessment() -> None:
    scores = [
        score(1, date(2026, 1, 1), 5),
        score(2, date(2026, 4, 11), 6, RaterKind.MENTOR),
        score(3, date(2026, 7, 20), 7),
    ]
    timeline = readiness_timeline(
        scores,
        10,
        subject="Overall",
        profile_name="Senior",
        target_date=date(2027, 6, 30),
        today=TODAY,
        first=date(2026, 3, 1),
    )
    # The period hides the first point, but the forecast still uses it: 0.1 a 100 days.
    assert [(p.day, p.value) for p in timeline.points] == [
        (date(2026, 4, 11), 0.6),
        (date(2026, 7, 20), 0.7),
    ]
    assert timeline.points[0].mentor and timeline.points[0].rater == "Priya Shah"
    assert timeline.earlier_points == 1
    assert timeline.forecast.status is ForecastStatus.PROJECTED
    assert timeline.forecast.projected_on == date(2027, 5, 16)  # day 500 from 2026-01-01
    assert (timeline.first, timeline.last) == (date(2026, 3, 1), TODAY)
    assert timeline.point_on(date(2026, 7, 20)) is timeline.points[1]
    assert timeline.point_on(date(2026, 7, 21)) is None


def test_timeline_with_one_assessment_has_no_forecast() -> None:
    timeline = readiness_timeline(
        [score(1, TODAY, 3)],
        9,
        subject="Lead",
        profile_name="Senior",
        target_date=None,
        today=TODAY,
    )
    assert [p.value for p in timeline.points] == [pytest.approx(1 / 3)]
    assert timeline.forecast.status is ForecastStatus.NOT_ENOUGH_DATA
    assert timeline.first == TODAY


def test_timeline_ignores_assessments_after_the_period() -> None:
    scores = [score(1, date(2026, 1, 1), 5), score(2, date(2026, 6, 1), 9)]
    timeline = readiness_timeline(
        scores,
        10,
        subject="Overall",
        profile_name="Senior",
        target_date=None,
        today=TODAY,
        last=date(2026, 3, 31),
    )
    assert [p.value for p in timeline.points] == [0.5]
    assert timeline.forecast.status is ForecastStatus.NOT_ENOUGH_DATA


# Hours per month -------------------------------------------------------------


def test_months_between() -> None:
    assert months_between(date(2025, 11, 22), date(2026, 2, 1)) == (
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    )


def test_hours_per_area_fill_empty_months_and_keep_area_order() -> None:
    rows = [
        MonthHours(date(2026, 1, 1), "c", 2.0),
        MonthHours(date(2026, 1, 1), "a", 1.5),
        MonthHours(date(2026, 1, 1), "b", 0.5),
        MonthHours(date(2026, 3, 1), "a", 4.0),
        MonthHours(date(2026, 3, 1), None, 1.0),
        MonthHours(date(2026, 3, 1), "retired-skill", 0.25),
        MonthHours(date(2026, 5, 1), "a", 9.0),  # outside the period
    ]
    data = hours_by_month(small_framework(), rows, date(2026, 1, 10), date(2026, 3, 31))
    assert data.months == (date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1))
    assert [(s.label, s.hours) for s in data.series] == [
        ("Tech", (2.0, 0.0, 4.0)),
        ("Lead", (2.0, 0.0, 0.0)),
        (UNASSIGNED_LABEL, (0.0, 0.0, 1.25)),
    ]
    assert data.totals == (4.0, 0.0, 5.25)
    assert data.total == 9.25
    assert data.keys == ("tech", "lead") and not data.by_competency


def test_hours_of_one_area_per_competency() -> None:
    rows = [
        MonthHours(date(2026, 1, 1), "a", 1.5),
        MonthHours(date(2026, 1, 1), "c", 2.0),
        MonthHours(date(2026, 1, 1), None, 3.0),
    ]
    data = hours_by_month(small_framework(), rows, date(2026, 1, 1), date(2026, 1, 31), "tech")
    assert data.subject == "Tech" and data.by_competency
    assert [(s.key, s.hours) for s in data.series] == [("a", (1.5,))]  # b has none
    assert data.keys == ("a", "b")


# Activity calendar -----------------------------------------------------------


def test_year_before() -> None:
    assert year_before(date(2026, 11, 21)) == date(2025, 11, 22)
    assert year_before(date(2028, 2, 29)) == date(2027, 3, 1)


@pytest.mark.parametrize(
    ("hours", "level"), [(0, 0), (0.25, 1), (0.99, 1), (1, 2), (1.5, 2), (2, 3), (3.9, 3), (4, 4)]
)
def test_heat_levels(hours: float, level: int) -> None:
    assert heat_level(hours) == level


def test_calendar_has_a_value_per_day_of_twelve_months() -> None:
    rows = [
        DayHours(date(2025, 11, 21), 5.0),  # the day before: outside
        DayHours(date(2025, 11, 22), 1.0),
        DayHours(date(2026, 6, 1), 2.5),
        DayHours(TODAY, 0.5),
    ]
    calendar = activity_calendar(rows, TODAY)
    assert (calendar.first, calendar.last) == (date(2025, 11, 22), TODAY)
    assert len(calendar.hours) == 365
    assert calendar.hours_on(date(2025, 11, 22)) == 1.0
    assert calendar.hours_on(date(2026, 6, 1)) == 2.5
    assert calendar.hours_on(date(2026, 6, 2)) == 0.0
    assert calendar.total == 4.0 and calendar.active_days == 3


# Goal burn-up -----------------------------------------------------------------


def test_burn_up_steps_start_from_the_goals_before_the_period() -> None:
    counts = GoalCounts(
        created=(DayCount(date(2026, 2, 1), 2), DayCount(date(2026, 3, 1), 1)),
        done=(DayCount(date(2026, 3, 1), 1), DayCount(date(2026, 4, 15), 2)),
        created_before=3,
        done_before=1,
        dropped=2,
    )
    burn_up = goal_burn_up(counts, date(2026, 1, 1), date(2026, 6, 30))
    assert burn_up.days == (
        date(2026, 1, 1),
        date(2026, 2, 1),
        date(2026, 3, 1),
        date(2026, 4, 15),
        date(2026, 6, 30),
    )
    assert burn_up.created == (3, 5, 6, 6, 6)
    assert burn_up.done == (1, 1, 2, 4, 4)
    assert burn_up.open_now == 2 and burn_up.dropped == 2 and burn_up.events == 6


def test_burn_up_on_one_day() -> None:
    counts = GoalCounts((DayCount(TODAY, 1),), (), 0, 0, 0)
    burn_up = goal_burn_up(counts, TODAY, TODAY)
    assert burn_up.days == (TODAY,)
    assert burn_up.created == (1,) and burn_up.done == (0,)


def test_assessment_label_of_a_score() -> None:
    assert assessment_label(score(1, TODAY, 3, RaterKind.MENTOR)) == (
        "Priya Shah (mentor), 2026-11-21"
    )
