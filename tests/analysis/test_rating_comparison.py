"""Self-ratings beside a mentor's: the latest of each side, and their difference."""

from __future__ import annotations

from datetime import date, datetime

from planner.analysis.rating_comparison import RatingPair, SeenRating, rating_pairs
from planner.services.records import AssessmentRecord, RatingRecord
from planner.vocabulary import RaterKind

_ids = iter(range(1, 100))


def assessment(day: date, levels: dict[str, int], mentor: str | None = None) -> AssessmentRecord:
    return AssessmentRecord(
        id=next(_ids),
        person_id=1,
        assessed_on=day,
        rater_kind=RaterKind.MENTOR if mentor else RaterKind.SELF,
        rater_name=mentor,
        notes="",
        created_at=datetime.combine(day, datetime.min.time()),
        ratings=tuple(RatingRecord(c, level, "", ()) for c, level in levels.items()),
    )


def test_each_side_keeps_its_latest_rating_and_the_difference_is_mentor_minus_self() -> None:
    history = [
        assessment(date(2026, 1, 1), {"python": 2, "mentoring": 1}),
        assessment(date(2026, 3, 1), {"python": 4, "mentoring": 3}, mentor="Dana"),
        assessment(date(2026, 5, 1), {"python": 3}),
        assessment(date(2026, 6, 1), {"mentoring": 2}, mentor="Lee"),
    ]

    pairs = rating_pairs(reversed(history))  # order given does not matter

    assert pairs == {
        "python": RatingPair(
            SeenRating(3, "Self", date(2026, 5, 1)), SeenRating(4, "Dana", date(2026, 3, 1))
        ),
        "mentoring": RatingPair(
            SeenRating(1, "Self", date(2026, 1, 1)), SeenRating(2, "Lee", date(2026, 6, 1))
        ),
    }
    assert pairs["python"].difference == 1
    assert pairs["mentoring"].difference == 1


def test_no_mentor_means_nothing_to_compare() -> None:
    assert rating_pairs([assessment(date(2026, 1, 1), {"python": 2})]) == {}
    only_mentor = rating_pairs([assessment(date(2026, 1, 1), {"python": 2}, mentor="Dana")])
    assert only_mentor["python"].difference is None
