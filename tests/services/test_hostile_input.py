"""Hostile and odd input is stored verbatim and survives export and import unchanged.

Unicode in all its forms (combining marks, right-to-left text and overrides,
emoji sequences, characters outside the BMP), 1 MB notes, text that looks like SQL
or HTML, and dates at the edges the program allows.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from planner.services.clock import FixedClock
from planner.services.json_exchange import export_database, import_file, write_export
from planner.services.learning_csv import export_log, import_log
from planner.services.records import (
    AssessmentDraft,
    GoalCompetencyDraft,
    GoalDraft,
    LearningDraft,
    MilestoneDraft,
    PersonDraft,
    RatingDraft,
)
from planner.services.service_set import Services
from planner.services.validation import EARLIEST_DATE, MAX_HOURS
from planner.vocabulary import LearningKind, RaterKind

NOW = datetime(2026, 11, 21, 12, 0)
TODAY = NOW.date()

HOSTILE = {
    "combining": "Zoë Ångström — e\u0301 n\u0303 (decomposed)",
    "rtl": "مرحبا بالعالم — שלום עולם (mixed with LTR 123)",
    "override": "evil\u202etxt.exe\u202c and a zero\u200bwidth space",
    "emoji": "👩🏽‍💻 learning 🧠🚀 family 👨‍👩‍👧‍👦 flag 🇳🇿",
    "astral": "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛 and CJK 機械学習",
    "sql": "Robert'); DROP TABLE people;-- \" OR 1=1; /* */ %_ \\",
    "html": '<b>bold</b><img src="file:///etc/passwd" onerror=alert(1)>&amp;&lt;',
    "whitespace": "tabs\there\nnew line\r\nand trailing spaces   ",
    "control": "bell \x07 escape \x1b[31m red",
}
ONE_MB_NOTES = ("Notes in many scripts: ä ß 漢字 עברית 🙂\n" * 30_000)[:1_000_000]


def one_line(text: str) -> str:
    """Titles and names are stripped by the services; make the expectation the same."""
    return text.strip()


def fill(services: Services) -> int:
    """One person whose every text field holds hostile text; returns their id."""
    person = services.people.create(
        PersonDraft(
            one_line(HOSTILE["rtl"])[:100],
            one_line(HOSTILE["html"])[:100],
            target_date=date(9999, 12, 31),
            weekly_hours=0.25,
        )
    )
    entries = []
    for index, (label, text) in enumerate(HOSTILE.items()):
        entries.append(
            services.learning.add(
                person.id,
                LearningDraft(
                    one_line(text)[:200] or label,
                    list(LearningKind)[index % len(LearningKind)],
                    EARLIEST_DATE if index == 0 else TODAY if index == 1 else date(2024, 2, 29),
                    MAX_HOURS if index == 0 else 0.01,
                    ("python-programming",) if index % 2 else (),
                    text,
                    "https://example.org/?q=" + label + "&x=<y>",
                ),
            )
        )
    services.learning.add(
        person.id,
        LearningDraft("A very long note", LearningKind.BOOK, TODAY, 3, (), ONE_MB_NOTES),
    )
    services.assessments.create(
        person.id,
        AssessmentDraft(
            EARLIEST_DATE,
            (RatingDraft("python-programming", 2, HOSTILE["sql"], (entries[1].id,)),),
            RaterKind.MENTOR,
            one_line(HOSTILE["emoji"]),
            HOSTILE["override"],
        ),
    )
    services.goals.create(
        person.id,
        GoalDraft(
            one_line(HOSTILE["html"]),
            HOSTILE["whitespace"] + HOSTILE["astral"],
            (GoalCompetencyDraft("python-programming", 4),),
            date(9999, 12, 31),
            milestones=(
                MilestoneDraft(one_line(HOSTILE["sql"])),
                MilestoneDraft(one_line(HOSTILE["emoji"]), True, date(9999, 12, 30)),
            ),
        ),
    )
    return person.id


@pytest.fixture
def hostile(services: Services) -> Iterator[tuple[Services, int]]:
    yield services, fill(services)


@pytest.fixture
def second(new_database_url: Callable[..., str]) -> Iterator[Services]:
    """Another, empty database to import into."""
    services = Services.open(new_database_url("second", migrated=True), FixedClock(NOW))
    yield services
    services.close()


def test_every_field_is_stored_verbatim(hostile: tuple[Services, int]) -> None:
    services, person_id = hostile
    person = services.people.get(person_id)
    assert person.name == one_line(HOSTILE["rtl"])[:100]
    assert person.current_role == one_line(HOSTILE["html"])[:100]
    assert person.target_date == date(9999, 12, 31)
    entries = {e.notes: e for e in services.learning.list_for(person_id)}
    for label, text in HOSTILE.items():
        entry = entries[text]
        assert entry.title == (one_line(text)[:200] or label)
        assert entry.link == "https://example.org/?q=" + label + "&x=<y>"
    assert entries[ONE_MB_NOTES].notes == ONE_MB_NOTES
    assert len(ONE_MB_NOTES) == 1_000_000
    assert {e.completed_on for e in entries.values()} >= {EARLIEST_DATE, TODAY, date(2024, 2, 29)}
    [assessment] = services.assessments.list_for(person_id)
    assert assessment.notes == HOSTILE["override"]
    assert assessment.rater_name == one_line(HOSTILE["emoji"])
    assert assessment.ratings[0].evidence == HOSTILE["sql"]
    [goal] = services.goals.list_for(person_id)
    assert goal.title == one_line(HOSTILE["html"])
    assert goal.description == HOSTILE["whitespace"] + HOSTILE["astral"]
    assert [m.text for m in goal.milestones] == [
        one_line(HOSTILE["sql"]),
        one_line(HOSTILE["emoji"]),
    ]
    assert goal.due_date == date(9999, 12, 31)
    # SQL-looking text did nothing to the tables.
    assert [p.name for p in services.people.list()] == [person.name]


def without_times(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key != "exported_at"}


def test_json_export_and_import_round_trip_every_character(
    hostile: tuple[Services, int], second: Services, tmp_path: Path
) -> None:
    services, person_id = hostile
    path = tmp_path / "hostile.json"
    write_export(services, path, person_id)
    assert HOSTILE["emoji"] in path.read_text(encoding="utf-8")  # UTF-8, not \\u escapes

    summary = import_file(second, path)

    assert summary.people == 1 and summary.learning_entries == len(HOSTILE) + 1
    again = export_database(second)
    original = export_database(services, person_id)
    assert without_times(again) == without_times(original)
    assert (
        json.loads(path.read_text(encoding="utf-8"))["people"][0]["name"]
        == (one_line(HOSTILE["rtl"])[:100])
    )


def test_csv_export_and_import_round_trip_every_character(
    hostile: tuple[Services, int], second: Services, tmp_path: Path
) -> None:
    services, person_id = hostile
    path = tmp_path / "hostile.csv"
    assert export_log(services, person_id, path) == len(HOSTILE) + 1
    other = second.people.create(PersonDraft("Receiver"))

    assert import_log(second, other.id, path) == len(HOSTILE) + 1

    def fields(service: Services, who: int) -> list[tuple[object, ...]]:
        return sorted(
            (e.title, e.kind, e.completed_on, e.hours, e.competency_ids, e.notes, e.link)
            for e in service.learning.list_for(who)
        )

    assert fields(second, other.id) == fields(services, person_id)
