"""Full JSON export and import: byte-identical round trips, and bad files that change nothing."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from planner.errors import FileFormatError
from planner.resources import frameworks_dir
from planner.services import json_exchange
from planner.services.clock import FixedClock
from planner.services.export_format import EXPORT_FORMAT_VERSION
from planner.services.json_exchange import export_database, import_file, write_export
from planner.services.records import (
    AssessmentDraft,
    CommentDraft,
    GoalCompetencyDraft,
    GoalDraft,
    LearningDraft,
    MilestoneDraft,
    PersonDraft,
    RatingDraft,
)
from planner.services.service_set import Services
from planner.vocabulary import DecisionKind, GoalPriority, GoalStatus, LearningKind, RaterKind

NOW = datetime(2026, 11, 21, 12, 0)


@pytest.fixture
def source(new_database_url: Callable[..., str], tmp_path: Path) -> Iterator[Services]:
    """A database holding three people, one of them on an imported framework."""
    services = Services.open(new_database_url("source", migrated=True), FixedClock(NOW))
    fill(services, tmp_path)
    yield services
    services.close()


@pytest.fixture
def target(new_database_url: Callable[..., str]) -> Iterator[Services]:
    """An empty database."""
    services = Services.open(new_database_url("target", migrated=True), FixedClock(NOW))
    yield services
    services.close()


def tick(services: Services, minutes: int = 7) -> None:
    clock = services.clock
    assert isinstance(clock, FixedClock)
    clock.moment += timedelta(minutes=minutes)


def fill(services: Services, tmp_path: Path) -> None:
    clock = services.clock
    assert isinstance(clock, FixedClock)
    clock.moment = datetime(2026, 10, 20, 9, 30, 15, 250000)
    ana = services.people.create(
        PersonDraft("Ana Lima", "ML engineer", target_date=date(2027, 6, 30), weekly_hours=4.5)
    )
    entries = []
    for title, kind, on, hours, competencies, notes, link in [
        (
            "Fluent Python",
            LearningKind.BOOK,
            date(2026, 1, 10),
            12.25,
            ("python-programming",),
            'Chapters 1–5.\nNotes with "quotes", commas, and ünïcode.',
            "https://example.org/fluent",
        ),
        (
            "Deployed the churn model",
            LearningKind.PROJECT,
            date(2026, 3, 5),
            40,
            ("system-architecture", "model-deployment"),
            "",
            "",
        ),
        (
            "Mentored an intern",
            LearningKind.MENTORING_GIVEN,
            date(2026, 6, 1),
            6,
            ("mentoring",),
            "",
            "",
        ),
        (
            "Deep learning course",
            LearningKind.COURSE,
            date(2026, 9, 15),
            0.1,
            ("ml-algorithms",),
            "",
            "",
        ),
    ]:
        tick(services)
        entries.append(
            services.learning.add(
                ana.id, LearningDraft(title, kind, on, hours, competencies, notes, link)
            )
        )
    tick(services)
    services.assessments.create(
        ana.id,
        AssessmentDraft(
            date(2026, 2, 1),
            (
                RatingDraft("python-programming", 2, "first self-rating", (entries[0].id,)),
                RatingDraft("ml-algorithms", 2),
                RatingDraft("model-deployment", 1),
            ),
        ),
    )
    tick(services)
    services.assessments.create(
        ana.id,
        AssessmentDraft(
            date(2026, 10, 1),
            (
                RatingDraft("python-programming", 3, "clean code", (entries[0].id,)),
                RatingDraft("model-deployment", 3, "", (entries[1].id, entries[0].id)),
                RatingDraft("mentoring", 2, "patient", (entries[2].id,)),
            ),
            RaterKind.MENTOR,
            "Maria Rossi",
            "Quarterly review",
        ),
    )
    tick(services)
    goal = services.goals.create(
        ana.id,
        GoalDraft(
            "Ship a model to production",
            "End to end, with monitoring.",
            (GoalCompetencyDraft("model-deployment", 4), GoalCompetencyDraft("mentoring", 3)),
            date(2027, 3, 1),
            GoalPriority.HIGH,
            GoalStatus.ACTIVE,
            (
                MilestoneDraft("Pick the model", True),
                MilestoneDraft("Write the service", False, date(2027, 1, 15)),
                MilestoneDraft("Add monitoring"),
            ),
        ),
    )
    tick(services)
    services.comments.add(goal.id, CommentDraft("Maria Rossi", "Start with batch scoring."))
    tick(services)
    done = services.goals.create(ana.id, GoalDraft("Read DDIA", competencies=()))
    tick(services)
    services.goals.set_status(done.id, GoalStatus.DONE)
    assert goal.id != done.id
    services.decisions.record(
        ana.id, "build-technical", DecisionKind.SNOOZED, "fp-1", until=date(2026, 12, 1)
    )
    services.decisions.record(ana.id, "embrace-leadership", DecisionKind.DISMISSED)

    tick(services)
    ben = services.people.create(PersonDraft("Ben Okafor"))
    services.learning.add(
        ben.id, LearningDraft("Kaggle project", LearningKind.PROJECT, date(2026, 5, 5), 8)
    )
    services.assessments.create(
        ben.id, AssessmentDraft(date(2026, 5, 6), (RatingDraft("ml-algorithms", 1),))
    )
    services.goals.create(ben.id, GoalDraft("Learn SQL", due_date=date(2027, 1, 1)))

    ladder = json.loads((frameworks_dir() / "senior-ml-developer.json").read_text("utf-8"))
    ladder.update(id="acme-ladder", name="ACME ladder", default_profile="senior-ml-developer")
    ladder_file = tmp_path / "acme.json"
    ladder_file.write_text(json.dumps(ladder), "utf-8")
    services.frameworks.import_file(ladder_file)
    cleo = services.people.create(
        PersonDraft("Cleo", framework_id="acme-ladder", target_profile_id="senior-ml-developer")
    )
    services.learning.add(
        cleo.id, LearningDraft("Talk on MLOps", LearningKind.TALK, date(2026, 4, 1), 1.5)
    )
    clock.moment = NOW


def export_bytes(services: Services, path: Path, person_id: int | None = None) -> bytes:
    write_export(services, path, person_id)
    return path.read_bytes()


def test_round_trip_of_the_whole_database_is_byte_identical(
    source: Services, target: Services, tmp_path: Path
) -> None:
    first = export_bytes(source, tmp_path / "first.json")
    summary = import_file(target, tmp_path / "first.json")
    second = export_bytes(target, tmp_path / "second.json")

    assert second == first
    assert (summary.people, summary.learning_entries, summary.assessments, summary.goals) == (
        3,
        6,
        3,
        3,
    )
    assert summary.decisions == 2 and summary.frameworks == 1
    assert str(summary).startswith("3 people, 6 learning entries, 3 assessments, 3 goals")


def test_export_holds_links_milestones_decisions_and_the_mentor(source: Services) -> None:
    data = export_database(source)

    assert data["format"] == "learning-path-planner/export"
    assert data["format_version"] == EXPORT_FORMAT_VERSION == 2
    assert data["exported_at"] == "2026-11-21T12:00:00"
    assert [f["id"] for f in data["frameworks"]] == ["acme-ladder"]
    assert [p["name"] for p in data["people"]] == ["Ana Lima", "Ben Okafor", "Cleo"]
    ana = data["people"][0]
    assert [e["ref"] for e in ana["learning"]] == [1, 2, 3, 4]
    assert ana["learning"][1]["competency_ids"] == ["model-deployment", "system-architecture"]
    mentor = ana["assessments"][1]
    assert (mentor["rater_kind"], mentor["rater_name"]) == ("mentor", "Maria Rossi")
    assert [r["learning_refs"] for r in mentor["ratings"]] == [[1], [1, 2], [3]]
    assert [m["text"] for m in ana["goals"][0]["milestones"]] == [
        "Pick the model",
        "Write the service",
        "Add monitoring",
    ]
    assert ana["goals"][1]["status"] == "done" and ana["goals"][1]["completed_at"]
    assert [d["suggestion_key"] for d in ana["decisions"]] == [
        "build-technical",
        "embrace-leadership",
    ]


def test_round_trip_of_one_person(source: Services, target: Services, tmp_path: Path) -> None:
    ana = source.people.find("Ana Lima")
    first = export_bytes(source, tmp_path / "ana.json", ana.id)
    import_file(target, tmp_path / "ana.json")
    copy_of_ana = target.people.find(None)

    assert export_bytes(target, tmp_path / "again.json", copy_of_ana.id) == first
    assert json.loads(first)["frameworks"] == []
    mentor = target.assessments.latest(copy_of_ana.id, RaterKind.MENTOR)
    assert mentor is not None
    linked = {e.id: e.title for e in target.learning.list_for(copy_of_ana.id)}
    assert [linked[i] for i in mentor.ratings[1].learning_entry_ids] == [
        "Fluent Python",
        "Deployed the churn model",
    ]


def test_one_person_on_a_custom_framework_brings_it_along(
    source: Services, target: Services, tmp_path: Path
) -> None:
    cleo = source.people.find("Cleo")
    write_export(source, tmp_path / "cleo.json", cleo.id)
    summary = import_file(target, tmp_path / "cleo.json")

    assert summary.frameworks == 1
    assert [f.id for f in target.frameworks.available()] == ["senior-ml-developer", "acme-ladder"]
    # The same framework again is accepted, not duplicated.
    write_export(source, tmp_path / "all.json")
    data = json.loads((tmp_path / "all.json").read_text("utf-8"))
    data["people"] = [p for p in data["people"] if p["name"] != "Cleo"]
    (tmp_path / "all.json").write_text(json.dumps(data), "utf-8")
    assert import_file(target, tmp_path / "all.json").frameworks == 0


def test_timestamps_with_a_time_zone_become_utc(
    source: Services, target: Services, tmp_path: Path
) -> None:
    data = export_database(source, source.people.find("Ben Okafor").id)
    data["people"][0]["created_at"] = "2026-01-02T11:30:00+02:00"
    (tmp_path / "ben.json").write_text(json.dumps(data), "utf-8")
    import_file(target, tmp_path / "ben.json")

    assert target.people.find(None).created_at == datetime(2026, 1, 2, 9, 30)


def set_value(data: dict[str, Any], path: str, value: Any) -> None:
    """Set the value at a dotted path such as ``people.0.name`` in an export dict."""
    *parents, last = path.split(".")
    node: Any = data
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    node[int(last) if last.isdigit() else last] = value


def bad(path: str, value: Any, problem: str, at: str | None = None) -> Any:
    """A bad-file case: the value set at ``path``, the problem, and where it is reported."""
    location = at or "$" + "".join(f"[{p}]" if p.isdigit() else f".{p}" for p in path.split("."))
    return pytest.param(path, value, location, problem, id=f"{path}={value!r}"[:60])


BAD_FILES = [
    bad("format", "something-else", "not a Learning Path Planner export"),
    bad("format_version", 3, "newer than this program understands"),
    bad("people.0.uid", "ana", "should match pattern"),
    bad("people.0.goals.0.comments.0.body", "  ", "Enter the comment"),
    bad("people.0.goals.0.comments.0.author", "", "Enter who commented"),
    bad("people.0.nickname", "x", "Extra inputs are not permitted"),
    bad("people", {"a": 1}, "valid list"),
    bad("people.0.learning.0.hours", "12", "valid number"),
    bad("people.0.learning.0.hours", 0, "more than 0"),
    bad("people.0.learning.0.kind", "podcast", "Input should be 'course'"),
    bad("people.0.learning.2.completed_on", "2026-11-22", "cannot be in the future"),
    bad("people.0.learning.1.completed_on", "2026-02-30", "not a date of the calendar"),
    bad("people.0.learning.1.completed_on", 20260101, "YYYY-MM-DD"),
    bad("people.0.learning.3.ref", 1, "used twice"),
    bad(
        "people.0.learning.1.competency_ids",
        ["model-deployment", "astrology"],
        "Unknown competency 'astrology'",
        at="$.people[0].learning[1].competency_ids[1]",
    ),
    bad("people.0.assessments.1.ratings.2.level", 9, "from 1 to 5"),
    # PostgreSQL cannot store NUL; refused by name on every engine (found by fuzzing).
    bad("people.0.assessments.0.notes", "a\u0000b", "Remove the NUL character"),
    bad("people.0.learning.0.title", "Book\u0000", "Remove the NUL character"),
    bad(
        "people.0.assessments.1.ratings.1.learning_refs",
        [2, 99],
        "no learning entry of this person has ref 99",
        at="$.people[0].assessments[1].ratings[1].learning_refs[1]",
    ),
    bad(
        "people.0.assessments.1.ratings.1.learning_refs",
        [2, 2],
        "ref 2 is listed twice",
        at="$.people[0].assessments[1].ratings[1].learning_refs[1]",
    ),
    bad("people.0.assessments.1.rater_name", " ", "Enter the mentor's name"),
    bad("people.0.assessments.0.assessed_on", "2027-01-01", "cannot be in the future"),
    bad("people.0.goals.0.milestones.1.due_date", "2026-01-01", "cannot be before"),
    bad("people.0.goals.0.competencies.1.target_level", 0, "from 1 to 5"),
    bad("people.0.goals.0.completed_at", "2026-11-01T10:00:00", "Only a done goal"),
    bad("people.0.goals.1.title", "   ", "cannot be empty"),
    bad("people.0.decisions.1.suggestion_key", "build-technical", "already has a decision"),
    bad("people.0.target_profile_id", "astronaut", "not a profile"),
    bad("people.0.created_at", "2030-01-01T00:00:00", "cannot be in the future"),
    bad("people.0.name", "Zed", "a person called Zed already exists; rename or remove them"),
    bad("people.1.name", "Ana Lima", "earlier in the file"),
    bad("people.1.framework_id", "nope", "no framework 'nope'"),
    # A good person first, then a bad one: nothing of the first may stay.
    bad("people.1.goals.0.due_date", "2025-12-31", "cannot be before"),
    bad("frameworks.0.scale.junior", 9, "junior and senior", at="$.frameworks[0].scale"),
    bad("frameworks.0.id", "senior-ml-developer", "built in"),
]


@pytest.fixture
def occupied_target(target: Services) -> Services:
    """The target holding someone already, so "unchanged" means something."""
    zed = target.people.create(PersonDraft("Zed"))
    target.learning.add(zed.id, LearningDraft("Old book", LearningKind.BOOK, date(2020, 1, 1), 3))
    return target


@pytest.mark.parametrize(("path", "value", "location", "problem"), BAD_FILES)
def test_a_bad_file_is_refused_by_place_and_changes_nothing(
    source: Services,
    occupied_target: Services,
    tmp_path: Path,
    path: str,
    value: Any,
    location: str,
    problem: str,
) -> None:
    data = export_database(source)
    set_value(data, path, value)
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(data), "utf-8")
    before = export_database(occupied_target)

    with pytest.raises(FileFormatError) as caught:
        import_file(occupied_target, file)

    assert caught.value.location == location
    assert problem in caught.value.problem
    assert str(caught.value).startswith(f"{file}: {location}: ")
    assert export_database(occupied_target) == before


@pytest.mark.parametrize(
    ("text", "location", "problem"),
    [
        ('{"format": \n  nope}', "line 2, column 3", "not valid JSON"),
        ("[1, 2]", "$", "expected a JSON object"),
        ('{"format": "learning-path-planner/framework"}', "$.format", "as a framework instead"),
        ("", "line 1, column 1", "not valid JSON"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(
    target: Services, tmp_path: Path, text: str, location: str, problem: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(text, "utf-8")

    with pytest.raises(FileFormatError) as caught:
        import_file(target, bad)

    assert caught.value.location == location
    assert problem in caught.value.problem
    assert target.people.count() == 0


def test_a_file_over_the_size_limit_is_refused_before_reading(
    target: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(json_exchange, "MAX_EXPORT_BYTES", 10)
    big = tmp_path / "big.json"
    big.write_text('{"format": "learning-path-planner/export"}', "utf-8")

    with pytest.raises(FileFormatError, match="more than the 10 allowed"):
        import_file(target, big)


def test_a_failure_while_writing_rolls_everything_back(
    source: Services, occupied_target: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_export(source, tmp_path / "all.json")
    before = export_database(occupied_target)
    real = json_exchange.apply_goal_draft
    calls = []

    def fail_on_the_second_person(*args: Any) -> None:
        calls.append(args)
        if len(calls) > 2:
            raise RuntimeError("disk full")
        real(*args)

    monkeypatch.setattr(json_exchange, "apply_goal_draft", fail_on_the_second_person)

    with pytest.raises(RuntimeError):
        import_file(occupied_target, tmp_path / "all.json")

    assert export_database(occupied_target) == before


def test_export_file_is_utf8_and_replaced_whole(source: Services, tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    path.write_text("old", "utf-8")
    write_export(source, path)

    text = path.read_bytes().decode("utf-8")
    assert "ünïcode" in text and text.endswith("}\n")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_uids_and_comments_travel_with_the_records(
    source: Services, target: Services, tmp_path: Path
) -> None:
    write_export(source, tmp_path / "all.json")
    import_file(target, tmp_path / "all.json")

    for name in ("Ana Lima", "Ben Okafor", "Cleo"):
        mine, theirs = source.people.find(name), target.people.find(name)
        assert theirs.uid == mine.uid and len(mine.uid) == 36
        assert [g.uid for g in target.goals.list_for(theirs.id)] == [
            g.uid for g in source.goals.list_for(mine.id)
        ]
        assert [a.uid for a in target.assessments.list_for(theirs.id)] == [
            a.uid for a in source.assessments.list_for(mine.id)
        ]
    ana = target.people.find("Ana Lima")
    goal = next(g for g in target.goals.list_for(ana.id) if g.title.startswith("Ship"))
    [comment] = target.comments.list_for_goal(goal.id)
    assert (comment.author, comment.body) == ("Maria Rossi", "Start with batch scoring.")


def test_the_same_records_twice_are_refused_by_uid(
    source: Services, target: Services, tmp_path: Path
) -> None:
    write_export(source, tmp_path / "all.json")
    import_file(target, tmp_path / "all.json")
    data = json.loads((tmp_path / "all.json").read_text("utf-8"))
    data["people"][0]["name"] = "Ana Lima (copy)"
    (tmp_path / "again.json").write_text(json.dumps(data), "utf-8")
    before = export_database(target)

    with pytest.raises(FileFormatError, match=r"already in the database \(as Ana Lima\)"):
        import_file(target, tmp_path / "again.json")
    data["people"][0]["uid"] = None
    (tmp_path / "again.json").write_text(json.dumps(data), "utf-8")
    with pytest.raises(FileFormatError) as caught:
        import_file(target, tmp_path / "again.json")
    assert caught.value.location == "$.people[0].assessments[0].uid"
    assert "already names a record" in caught.value.problem
    assert export_database(target) == before


def test_a_uid_given_twice_in_one_file_is_refused(
    source: Services, target: Services, tmp_path: Path
) -> None:
    data = export_database(source)
    data["people"][1]["goals"][0]["uid"] = data["people"][0]["goals"][0]["uid"]
    (tmp_path / "twice.json").write_text(json.dumps(data), "utf-8")

    with pytest.raises(FileFormatError) as caught:
        import_file(target, tmp_path / "twice.json")
    assert caught.value.location == "$.people[1].goals[0].uid"
    assert target.people.count() == 0


def test_a_version_1_file_without_uids_is_still_imported(
    source: Services, target: Services, tmp_path: Path
) -> None:
    data = export_database(source)
    data["format_version"] = 1
    for person in data["people"]:
        del person["uid"], person["received_at"]
        for assessment in person["assessments"]:
            del assessment["uid"]
        for goal in person["goals"]:
            del goal["uid"], goal["comments"]
    (tmp_path / "old.json").write_text(json.dumps(data), "utf-8")

    summary = import_file(target, tmp_path / "old.json")

    assert summary.people == 3
    uids = {p.uid for p in target.people.list()}
    assert len(uids) == 3 and not uids & {p.uid for p in source.people.list()}
