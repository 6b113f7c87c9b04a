"""Review packets between two separate databases: out to the mentor, and the review back."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from planner.errors import FileFormatError
from planner.services.clock import FixedClock
from planner.services.demo_data import seed_demo
from planner.services.json_exchange import export_database, write_export
from planner.services.records import (
    AssessmentDraft,
    CommentDraft,
    GoalDraft,
    LearningDraft,
    MilestoneDraft,
    PersonDraft,
    PersonRecord,
    RatingDraft,
)
from planner.services.review_packet import import_packet, write_packet
from planner.services.review_packet_format import Sender
from planner.services.service_set import Services
from planner.vocabulary import GoalStatus, LearningKind, RaterKind

NOW = datetime(2026, 11, 21, 12, 0)


def later(services: Services, days: int) -> None:
    clock = services.clock
    assert isinstance(clock, FixedClock)
    clock.moment += timedelta(days=days)


@pytest.fixture
def home(new_database_url: Callable[..., str]) -> Iterator[Services]:
    """Ana's own database: her log, a self-assessment and two goals."""
    services = Services.open(new_database_url("home", migrated=True), FixedClock(NOW))
    ana = services.people.create(PersonDraft("Ana Lima", "ML engineer"))
    book = services.learning.add(
        ana.id,
        LearningDraft(
            "Fluent Python", LearningKind.BOOK, date(2026, 10, 2), 12, ("python-programming",)
        ),
    )
    services.assessments.create(
        ana.id,
        AssessmentDraft(
            date(2026, 10, 5),
            (
                RatingDraft("python-programming", 3, "shipped a package", (book.id,)),
                RatingDraft("mentoring", 1),
            ),
        ),
    )
    services.goals.create(
        ana.id,
        GoalDraft(
            "Ship a model to production",
            due_date=date(2027, 3, 1),
            milestones=(MilestoneDraft("Pick the model", True), MilestoneDraft("Monitor it")),
        ),
    )
    services.goals.create(ana.id, GoalDraft("Read DDIA"))
    yield services
    services.close()


@pytest.fixture
def mentor(new_database_url: Callable[..., str]) -> Iterator[Services]:
    """Dana's database, where she already follows someone else."""
    services = Services.open(new_database_url("mentor", migrated=True), FixedClock(NOW))
    services.people.create(PersonDraft("Ben Okafor"))
    yield services
    services.close()


def ana_in(services: Services) -> PersonRecord:
    return services.people.find("Ana Lima")


def review(mentor: Services, copy: PersonRecord) -> None:
    """Dana rates Ana and comments on her first goal."""
    mentor.assessments.create(
        copy.id,
        AssessmentDraft(
            date(2026, 11, 20),
            (
                RatingDraft("python-programming", 4, "reviews others' code"),
                RatingDraft("mentoring", 1),
            ),
            RaterKind.MENTOR,
            "Dana Ortiz",
            "Quarterly review",
        ),
    )
    goal = next(g for g in mentor.goals.list_for(copy.id) if g.title.startswith("Ship"))
    mentor.comments.add(goal.id, CommentDraft("Dana Ortiz", "Start with batch scoring."))


def without_the_review(data: dict[str, Any]) -> dict[str, Any]:
    """An export with the mentor's assessments and comments taken out."""
    for person in data["people"]:
        person["assessments"] = [a for a in person["assessments"] if a["rater_kind"] == "self"]
        for goal in person["goals"]:
            goal["comments"] = []
    return data


def test_the_round_trip_adds_the_review_and_nothing_else(
    home: Services, mentor: Services, tmp_path: Path
) -> None:
    assert write_packet(home, ana_in(home).id, tmp_path / "ana.json") is Sender.PERSON
    before = export_database(home)

    later(mentor, 1)
    added = import_packet(mentor, tmp_path / "ana.json")
    copy = ana_in(mentor)
    assert added.action == "added" and str(added).startswith("Added a copy of Ana Lima's record")
    assert copy.uid == ana_in(home).uid and copy.received_at == NOW
    assert [e.title for e in mentor.learning.list_for(copy.id)] == ["Fluent Python"]
    [self_rated] = mentor.assessments.list_for(copy.id)
    assert self_rated.ratings[0].learning_entry_ids  # the evidence link came along
    assert {g.title for g in mentor.goals.list_for(copy.id)} == {
        "Ship a model to production",
        "Read DDIA",
    }

    review(mentor, copy)
    assert write_packet(mentor, copy.id, tmp_path / "review.json") is Sender.MENTOR

    later(home, 2)
    merged = import_packet(home, tmp_path / "review.json")
    assert (merged.action, merged.mentor_assessments, merged.comments) == ("merged", 1, 1)
    assert str(merged) == "Added 1 mentor assessment and 1 comment to Ana Lima's record."
    ana = ana_in(home)
    dana = home.assessments.latest(ana.id, RaterKind.MENTOR)
    assert dana is not None and dana.rater_name == "Dana Ortiz"
    assert dana.levels == {"python-programming": 4, "mentoring": 1}
    goal = next(g for g in home.goals.list_for(ana.id) if g.title.startswith("Ship"))
    [comment] = home.comments.list_for_goal(goal.id)
    assert (comment.author, comment.body) == ("Dana Ortiz", "Start with batch scoring.")
    after = export_database(home)
    assert after.pop("exported_at") > before.pop("exported_at")
    assert without_the_review(json.loads(json.dumps(after))) == without_the_review(before)

    again = import_packet(home, tmp_path / "review.json")
    assert (again.mentor_assessments, again.comments) == (0, 0)
    assert str(again) == "Nothing new in this review of Ana Lima; nothing changed."
    assert export_database(home) | {"exported_at": None} == after | {"exported_at": None}


def test_the_person_own_data_is_never_overwritten_by_a_review(
    home: Services, mentor: Services, tmp_path: Path
) -> None:
    write_packet(home, ana_in(home).id, tmp_path / "ana.json")
    import_packet(mentor, tmp_path / "ana.json")
    copy = ana_in(mentor)
    goal = mentor.goals.list_for(copy.id)[0]
    mentor.goals.update(goal.id, GoalDraft("Changed by the mentor"))
    mentor.learning.add(
        copy.id, LearningDraft("Added by the mentor", LearningKind.TALK, date(2026, 11, 1), 1)
    )
    mentor.people.update(copy.id, PersonDraft("Ana Lima", "Renamed role"))
    write_packet(mentor, copy.id, tmp_path / "review.json")
    before = export_database(home)

    result = import_packet(home, tmp_path / "review.json")

    assert (result.mentor_assessments, result.comments) == (0, 0)
    assert export_database(home) == before


def test_a_new_packet_brings_the_copy_up_to_date_and_keeps_the_review(
    home: Services, mentor: Services, tmp_path: Path
) -> None:
    write_packet(home, ana_in(home).id, tmp_path / "first.json")
    import_packet(mentor, tmp_path / "first.json")
    review(mentor, ana_in(mentor))
    # A month on, Ana logged more, renamed one goal, finished it and dropped the other.
    later(home, 30)
    ana = ana_in(home)
    home.learning.add(ana.id, LearningDraft("MLOps talk", LearningKind.TALK, date(2026, 12, 1), 1))
    ship, ddia = sorted(home.goals.list_for(ana.id), key=lambda g: g.title, reverse=True)
    home.goals.update(ship.id, GoalDraft("Ship two models", status=GoalStatus.DONE))
    home.goals.delete(ddia.id)
    write_packet(home, ana.id, tmp_path / "second.json")

    later(mentor, 31)
    result = import_packet(mentor, tmp_path / "second.json")

    copy = ana_in(mentor)
    assert result.action == "updated" and copy.received_at == NOW + timedelta(days=30)
    assert [e.title for e in mentor.learning.list_for(copy.id)] == ["MLOps talk", "Fluent Python"]
    [goal] = mentor.goals.list_for(copy.id)
    assert (goal.title, goal.status, goal.uid) == ("Ship two models", GoalStatus.DONE, ship.uid)
    assert [c.body for c in mentor.comments.list_for_goal(goal.id)] == ["Start with batch scoring."]
    kinds = [a.rater_kind for a in mentor.assessments.list_for(copy.id)]
    assert kinds == [RaterKind.SELF, RaterKind.MENTOR]
    # The same packet again, or an older one, changes nothing.
    snapshot = export_database(mentor)
    assert import_packet(mentor, tmp_path / "second.json").action == "unchanged"
    with pytest.raises(FileFormatError, match="older than your copy"):
        import_packet(mentor, tmp_path / "first.json")
    assert export_database(mentor) == snapshot


def test_the_demo_record_travels_whole(
    new_database_url: Callable[..., str], mentor: Services, tmp_path: Path
) -> None:
    demo = Services.open(new_database_url("demo", migrated=True), FixedClock(NOW))
    try:
        summary = seed_demo(demo.database, NOW.date())
        write_packet(demo, summary.person_id, tmp_path / "demo.json")
        import_packet(mentor, tmp_path / "demo.json")
        copy = mentor.people.find(summary.name)
        mine = export_database(demo, summary.person_id)["people"][0]
        theirs = export_database(mentor, copy.id)["people"][0]
        assert theirs.pop("received_at") is not None and mine.pop("received_at") is None
        assert theirs == mine
    finally:
        demo.close()


def test_a_custom_framework_goes_along_with_the_person(
    home: Services, mentor: Services, tmp_path: Path
) -> None:
    from planner.resources import frameworks_dir

    ladder = json.loads((frameworks_dir() / "senior-ml-developer.json").read_text("utf-8"))
    ladder.update(id="acme-ladder", name="ACME ladder", default_profile="senior-ml-developer")
    (tmp_path / "acme.json").write_text(json.dumps(ladder), "utf-8")
    home.frameworks.import_file(tmp_path / "acme.json")
    cleo = home.people.create(
        PersonDraft("Cleo", framework_id="acme-ladder", target_profile_id="senior-ml-developer")
    )
    write_packet(home, cleo.id, tmp_path / "cleo.json")

    import_packet(mentor, tmp_path / "cleo.json")

    assert mentor.people.find("Cleo").framework_id == "acme-ladder"
    assert "acme-ladder" in {f.id for f in mentor.frameworks.available()}


# Bad, foreign and misdirected packets ------------------------------------------------------


def packet_of(home: Services, tmp_path: Path) -> dict[str, Any]:
    write_packet(home, ana_in(home).id, tmp_path / "ana.json")
    data: dict[str, Any] = json.loads((tmp_path / "ana.json").read_text("utf-8"))
    return data


def test_a_full_export_is_not_a_packet(home: Services, mentor: Services, tmp_path: Path) -> None:
    write_export(home, tmp_path / "export.json")
    before = export_database(mentor)
    with pytest.raises(FileFormatError) as caught:
        import_packet(mentor, tmp_path / "export.json")
    assert caught.value.location == "$.format"
    assert "not a Learning Path Planner review packet" in caught.value.problem
    assert "use Import (JSON) instead" in caught.value.problem
    assert export_database(mentor) == before


def edit(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value

    return change


@pytest.mark.parametrize(
    ("change", "location", "problem"),
    [
        (edit("format_version", 2), "$.format_version", "newer than this program"),
        (edit("sent_by", "manager"), "$.sent_by", "Input should be 'person' or 'mentor'"),
        (edit("person.uid", None), "$.person.uid", "names its person by uid"),
        (edit("person.goals.0.uid", None), "$.person.goals[0].uid", "needs its uid"),
        (
            edit("person.assessments.0.ratings.0.level", 9),
            "$.person.assessments[0].ratings[0].level",
            "from 1 to 5",
        ),
        (edit("person.name", "Ben Okafor"), "$.person.name", "a different person called Ben"),
        (edit("person.learning.0.completed_on", "2030-01-01"), None, "cannot be in the future"),
    ],
    ids=["newer", "sender", "no-uid", "goal-uid", "level", "name-taken", "future"],
)
def test_a_bad_packet_is_refused_by_place_and_changes_nothing(
    home: Services,
    mentor: Services,
    tmp_path: Path,
    change: Callable[[dict[str, Any]], None],
    location: str | None,
    problem: str,
) -> None:
    data = packet_of(home, tmp_path)
    change(data)
    (tmp_path / "bad.json").write_text(json.dumps(data), "utf-8")
    before = export_database(mentor)

    with pytest.raises(FileFormatError) as caught:
        import_packet(mentor, tmp_path / "bad.json")

    assert location is None or caught.value.location == location
    assert problem in caught.value.problem
    assert export_database(mentor) == before


def test_a_review_for_someone_else_is_refused(
    home: Services, mentor: Services, tmp_path: Path
) -> None:
    ben = mentor.people.find("Ben Okafor")
    write_packet(mentor, ben.id, tmp_path / "ben.json")
    data = json.loads((tmp_path / "ben.json").read_text("utf-8"))
    data["sent_by"] = "mentor"
    (tmp_path / "ben.json").write_text(json.dumps(data), "utf-8")
    before = export_database(home)

    with pytest.raises(FileFormatError, match="Ben Okafor, who is not in this database"):
        import_packet(home, tmp_path / "ben.json")
    assert export_database(home) == before


def test_your_own_packet_opened_at_home_is_refused(home: Services, tmp_path: Path) -> None:
    write_packet(home, ana_in(home).id, tmp_path / "ana.json")
    before = export_database(home)
    with pytest.raises(FileFormatError, match="own record, kept in this very database"):
        import_packet(home, tmp_path / "ana.json")
    assert export_database(home) == before


def test_a_packet_reusing_another_persons_uids_is_refused(
    home: Services, mentor: Services, tmp_path: Path
) -> None:
    data = packet_of(home, tmp_path)
    import_packet(mentor, tmp_path / "ana.json")
    data["person"]["uid"] = "00000000-0000-4000-8000-000000000000"
    data["person"]["name"] = "Impostor"
    (tmp_path / "impostor.json").write_text(json.dumps(data), "utf-8")
    before = export_database(mentor)

    with pytest.raises(FileFormatError, match="already names another person's record"):
        import_packet(mentor, tmp_path / "impostor.json")
    assert export_database(mentor) == before
