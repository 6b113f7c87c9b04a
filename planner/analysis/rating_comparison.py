"""Self-ratings beside a mentor's: the latest of each per competency, and where they differ.

Each side's latest rating of a competency is taken from the newest assessment of that
kind which rated it, so a mentor who rated only some competencies still counts there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from planner.services.records import AssessmentRecord
from planner.vocabulary import RaterKind


@dataclass(frozen=True)
class SeenRating:
    """One rating of a competency: the level, who gave it and when."""

    level: int
    rater: str
    assessed_on: date


@dataclass(frozen=True)
class RatingPair:
    """The latest self-rating and the latest mentor rating of one competency."""

    own: SeenRating | None
    mentor: SeenRating | None

    @property
    def difference(self) -> int | None:
        """Mentor level minus self level (positive: the mentor sees more), when both exist."""
        if self.own is None or self.mentor is None:
            return None
        return self.mentor.level - self.own.level


def latest_ratings(
    assessments: Iterable[AssessmentRecord], rater_kind: RaterKind
) -> dict[str, SeenRating]:
    """The newest rating of each competency among the assessments of ``rater_kind``."""
    found: dict[str, SeenRating] = {}
    ordered = sorted(
        (a for a in assessments if a.rater_kind is rater_kind), key=lambda a: (a.assessed_on, a.id)
    )
    for assessment in ordered:
        for rating in assessment.ratings:
            found[rating.competency_id] = SeenRating(
                rating.level, assessment.rater_label, assessment.assessed_on
            )
    return found


def rating_pairs(assessments: Iterable[AssessmentRecord]) -> dict[str, RatingPair]:
    """Per competency rated by a mentor: the latest self and mentor ratings side by side."""
    listed = list(assessments)
    own = latest_ratings(listed, RaterKind.SELF)
    mentor = latest_ratings(listed, RaterKind.MENTOR)
    return {key: RatingPair(own.get(key), seen) for key, seen in mentor.items()}
