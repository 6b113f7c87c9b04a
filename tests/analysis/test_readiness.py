"""Readiness maths, pinned with hand-computed cases on a tiny framework."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from planner.analysis.readiness import compute_readiness, overall_readiness, readiness_history
from planner.framework.loader import parse_framework
from planner.framework.schema import Framework
from planner.services.records import AssessmentRecord, RatingRecord
from planner.vocabulary import RaterKind


def tiny_framework() -> Framework:
    """Two areas: tech (a, b) and lead (c); scale 1..5; target profile a=4, b=2, c=3."""
    levels = [{"level": n, "name": f"L{n}", "summary": f"Level {n}."} for n in range(1, 6)]
    descriptors = {str(n): f"Does level {n} things." for n in range(1, 6)}

    def competency(cid: str) -> dict[str, object]:
        return {
            "id": cid,
            "name": cid.upper(),
            "description": "x",
            "descriptors": descriptors,
            "sources": [{"document": "doc", "section": "S", "quote": "q"}],
        }

    data = {
        "format": "learning-path-planner/framework",
        "format_version": 1,
        "id": "tiny",
        "name": "Tiny",
        "version": "1",
        "description": "Test framework.",
        "scale": {"levels": levels, "junior": 1, "senior": 4},
        "sources": [{"id": "doc", "file": "doc.txt", "title": "Doc"}],
        "areas": [
            {
                "id": "tech",
                "name": "Tech",
                "description": "x",
                "tags": ["technical"],
                "competencies": [competency("a"), competency("b")],
            },
            {
                "id": "lead",
                "name": "Lead",
                "description": "x",
                "tags": ["leadership"],
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
            },
        ],
        "default_profile": "senior",
    }
    return parse_framework(data)


@pytest.mark.parametrize(
    ("levels", "overall", "tech", "lead"),
    [
        # (min(3,4) + min(1,2) + min(3,3)) / (4+2+3) = 7/9; tech 4/6; lead 3/3
        ({"a": 3, "b": 1, "c": 3}, 7 / 9, 4 / 6, 1.0),
        # above target counts as at target: (4 + 2 + 3) / 9
        ({"a": 5, "b": 5, "c": 5}, 1.0, 1.0, 1.0),
        # unrated counts as 0: (2 + 0 + 1) / 9
        ({"a": 2, "c": 1}, 3 / 9, 2 / 6, 1 / 3),
        ({}, 0.0, 0.0, 0.0),
    ],
)
def test_readiness_hand_computed(
    levels: dict[str, int], overall: float, tech: float, lead: float
) -> None:
    framework = tiny_framework()
    result = compute_readiness(framework, framework.profile("senior"), levels)
    assert result.overall == pytest.approx(overall)
    assert result.area("tech").readiness == pytest.approx(tech)
    assert result.area("lead").readiness == pytest.approx(lead)
    assert result.rated == len(levels) and result.total == 3
    assert overall_readiness(framework, framework.profile("senior"), levels) == result.overall


def test_gaps_per_competency() -> None:
    framework = tiny_framework()
    result = compute_readiness(framework, framework.profile("senior"), {"a": 1, "b": 3})
    gaps = {g.competency_id: g.gap for area in result.areas for g in area.competencies}
    assert gaps == {"a": 3, "b": 0, "c": 3}


def _assessment(aid: int, day: date, levels: dict[str, int]) -> AssessmentRecord:
    return AssessmentRecord(
        id=aid,
        person_id=1,
        assessed_on=day,
        rater_kind=RaterKind.SELF,
        rater_name=None,
        notes="",
        created_at=datetime(2026, 1, 1),
        ratings=tuple(RatingRecord(c, lvl, "", ()) for c, lvl in levels.items()),
    )


def test_history_is_in_date_order_whatever_the_input_order() -> None:
    framework = tiny_framework()
    later = _assessment(2, date(2026, 6, 1), {"a": 4, "b": 2, "c": 3})
    earlier = _assessment(1, date(2026, 1, 1), {"a": 1, "b": 1, "c": 1})
    history = readiness_history(framework, framework.profile("senior"), [later, earlier])
    assert [p.assessed_on for p in history] == [date(2026, 1, 1), date(2026, 6, 1)]
    assert [p.readiness.overall for p in history] == pytest.approx([3 / 9, 1.0])
