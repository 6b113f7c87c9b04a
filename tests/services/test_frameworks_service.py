"""Frameworks: the built-in one, and company ladders imported from a file into the database."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from planner.errors import FileFormatError, NotFoundError, ValidationError
from planner.framework.loader import BUILTIN_FRAMEWORK_FILE
from planner.resources import frameworks_dir
from planner.services.clock import FixedClock
from planner.services.frameworks import FrameworkInfo
from planner.services.records import LearningDraft, PersonDraft
from planner.services.service_set import Services
from planner.vocabulary import LearningKind

Data = dict[str, Any]
BUILTIN = FrameworkInfo("senior-ml-developer", "Senior ML developer", "1.0.0", built_in=True)


@pytest.fixture
def ladder() -> Data:
    """The built-in framework renamed to a company ladder without AI ethics."""
    data: Data = json.loads((frameworks_dir() / BUILTIN_FRAMEWORK_FILE).read_text("utf-8"))
    data.update(id="acme-ladder", name="Acme ML ladder", version="2026.1")
    for area in data["areas"]:
        area["competencies"] = [c for c in area["competencies"] if c["id"] != "ai-ethics"]
    data["profiles"] = [p for p in data["profiles"] if p["id"] != "ai-ethics-specialist"]
    for profile in data["profiles"]:
        del profile["targets"]["ai-ethics"]
    return data


def write_json(tmp_path: Path, data: Any, name: str = "ladder.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def test_a_new_database_offers_the_builtin_framework(services: Services) -> None:
    assert services.frameworks.available() == [BUILTIN]
    assert services.frameworks.get("senior-ml-developer").scale.maximum == 5
    with pytest.raises(NotFoundError, match="No framework with id 'acme-ladder'"):
        services.frameworks.get("acme-ladder")


def test_an_imported_ladder_is_stored_and_rates_a_person(
    services: Services, tmp_path: Path, ladder: Data
) -> None:
    info = services.frameworks.import_file(write_json(tmp_path, ladder))

    assert info == FrameworkInfo("acme-ladder", "Acme ML ladder", "2026.1", built_in=False)
    assert services.frameworks.available() == [BUILTIN, info]
    ada = services.people.create(
        PersonDraft("Ada", framework_id="acme-ladder", target_profile_id="ml-engineering-manager")
    )
    assert services.people.framework_of(ada).name == "Acme ML ladder"

    services.learning.add(ada.id, LearningDraft("Talk", LearningKind.TALK, date(2026, 1, 5), 1))
    with pytest.raises(ValidationError) as caught:
        services.learning.add(
            ada.id,
            LearningDraft("Ethics", LearningKind.COURSE, date(2026, 1, 5), 1, ("ai-ethics",)),
        )
    assert set(caught.value.field_errors) == {"competency_ids"}
    with pytest.raises(ValidationError) as caught:
        services.people.update(
            ada.id,
            PersonDraft(
                "Ada", framework_id="acme-ladder", target_profile_id="ai-ethics-specialist"
            ),
        )
    assert set(caught.value.field_errors) == {"target_profile_id"}


def test_an_imported_ladder_stays_with_the_database(
    services: Services, tmp_path: Path, ladder: Data, clock: FixedClock
) -> None:
    services.frameworks.import_file(write_json(tmp_path, ladder))

    reopened = Services.open(services.database.url, clock)
    try:
        assert [f.id for f in reopened.frameworks.available()] == [
            "senior-ml-developer",
            "acme-ladder",
        ]
        assert reopened.frameworks.get("acme-ladder").version == "2026.1"
    finally:
        reopened.close()


def test_importing_a_new_version_replaces_the_old_one(
    services: Services, tmp_path: Path, ladder: Data
) -> None:
    services.frameworks.import_file(write_json(tmp_path, ladder))
    services.frameworks.get("acme-ladder")
    ladder["version"] = "2026.2"

    services.frameworks.import_file(write_json(tmp_path, ladder, "ladder-2.json"))

    assert [f.version for f in services.frameworks.available()] == ["1.0.0", "2026.2"]
    assert services.frameworks.get("acme-ladder").version == "2026.2"


def test_a_new_version_cannot_drop_a_profile_someone_targets(
    services: Services, tmp_path: Path, ladder: Data
) -> None:
    first = services.frameworks.import_file(write_json(tmp_path, ladder))
    services.people.create(
        PersonDraft("Ada", framework_id="acme-ladder", target_profile_id="ml-engineering-manager")
    )
    ladder["version"] = "2026.2"
    ladder["profiles"] = [p for p in ladder["profiles"] if p["id"] != "ml-engineering-manager"]

    with pytest.raises(FileFormatError) as caught:
        services.frameworks.import_file(write_json(tmp_path, ladder, "ladder-2.json"))

    assert caught.value.location == "$.profiles"
    assert "Ada targets profile 'ml-engineering-manager'" in caught.value.problem
    assert services.frameworks.available() == [BUILTIN, first]


def test_the_builtin_id_cannot_be_taken_by_an_import(
    services: Services, tmp_path: Path, ladder: Data
) -> None:
    ladder["id"] = "senior-ml-developer"
    path = write_json(tmp_path, ladder)

    with pytest.raises(FileFormatError) as caught:
        services.frameworks.import_file(path)

    assert (caught.value.file, caught.value.location) == (str(path), "$.id")
    assert services.frameworks.available() == [BUILTIN]
    assert len(services.frameworks.get("senior-ml-developer").profiles) == 4


def _drop_scale(data: Data) -> None:
    del data["scale"]


def _bad_id(data: Data) -> None:
    data["id"] = "Acme Ladder!"


def _unknown_target(data: Data) -> None:
    data["profiles"][0]["targets"]["alchemy"] = 3


@pytest.mark.parametrize("spoil", [_drop_scale, _bad_id, _unknown_target])
def test_a_bad_ladder_file_is_refused_and_nothing_is_stored(
    services: Services, tmp_path: Path, ladder: Data, spoil: Callable[[Data], None]
) -> None:
    spoil(ladder)

    with pytest.raises(FileFormatError) as caught:
        services.frameworks.import_file(write_json(tmp_path, ladder))

    assert caught.value.location.startswith("$")
    assert services.frameworks.available() == [BUILTIN]
    with pytest.raises(ValidationError) as refused:
        services.people.create(PersonDraft("Ada", framework_id="acme-ladder"))
    assert set(refused.value.field_errors) == {"framework_id"}


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{ not json", "not valid JSON"),
        ("[1, 2, 3]", "valid dictionary"),
        (b"\xff\xfe\x00", "not a UTF-8 text file"),
        (None, "no such file"),
    ],
)
def test_an_unreadable_ladder_file_is_refused(
    services: Services, tmp_path: Path, content: str | bytes | None, problem: str
) -> None:
    path = tmp_path / "ladder.json"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif isinstance(content, bytes):
        path.write_bytes(content)

    with pytest.raises(FileFormatError, match=problem) as caught:
        services.frameworks.import_file(path)

    assert caught.value.file == str(path)
    assert services.frameworks.available() == [BUILTIN]
