"""Loading framework and activity files: every bad file is one clear, located error."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.errors import FileFormatError
from planner.framework.loader import (
    BUILTIN_ACTIVITIES_FILE,
    BUILTIN_FRAMEWORK_FILE,
    builtin_framework,
    load_activities,
    load_framework,
)
from planner.resources import frameworks_dir

Data = dict[str, Any]
Mutation = Callable[[Data], object]


@pytest.fixture
def framework_data() -> Data:
    """A fresh, editable copy of the built-in framework file."""
    data: Data = json.loads((frameworks_dir() / BUILTIN_FRAMEWORK_FILE).read_text("utf-8"))
    return data


@pytest.fixture
def activities_data() -> Data:
    """A fresh, editable copy of the built-in activity catalogue."""
    data: Data = json.loads((frameworks_dir() / BUILTIN_ACTIVITIES_FILE).read_text("utf-8"))
    return data


def write_json(tmp_path: Path, data: Any, name: str = "ladder.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def competency(data: Data, area: int, index: int) -> Data:
    comp: Data = data["areas"][area]["competencies"][index]
    return comp


def assert_located(err: FileFormatError, path: Path, location: str, problem: str) -> None:
    """The error names the file, the place in it and the problem, in one message."""
    assert err.file == str(path)
    assert err.location == location
    assert problem in err.problem
    where = f"{path}: {location}" if location else str(path)
    assert str(err) == f"{where}: {err.problem}"


def test_a_copy_of_the_builtin_framework_loads(tmp_path: Path, framework_data: Data) -> None:
    framework = load_framework(write_json(tmp_path, framework_data))
    assert framework == builtin_framework()


# Cross-reference checks (ids, levels, profile targets, sources) run on the whole
# file but still point at the offending item.
BAD_FRAMEWORKS = [
    pytest.param(
        lambda d: competency(d, 0, 1).pop("name"),
        "$.areas[0].competencies[1].name",
        "Field required",
        id="missing-field",
    ),
    pytest.param(
        lambda d: d["areas"][0].update(colour="blue"),
        "$.areas[0].colour",
        "Extra inputs are not permitted",
        id="unknown-extra-field",
    ),
    pytest.param(
        lambda d: competency(d, 1, 0).update(id="python-programming"),
        "$.areas[1].competencies[0].id",
        "competency id 'python-programming' is used twice",
        id="duplicate-competency-id",
    ),
    pytest.param(
        lambda d: competency(d, 0, 1)["descriptors"].pop("5"),
        "$.areas[0].competencies[1].descriptors",
        "competency 'ml-algorithms' must describe every level of the scale (missing [5]",
        id="missing-descriptor-level",
    ),
    pytest.param(
        lambda d: competency(d, 0, 1)["descriptors"].update({"3": ""}),
        "$.areas[0].competencies[1].descriptors['3']",
        "at least 1 character",
        id="empty-descriptor",
    ),
    pytest.param(
        lambda d: d["profiles"][0]["targets"].update({"ai-ethics": 6}),
        "$.profiles[0].targets.ai-ethics",
        "target 6 is outside the scale (1 to 5)",
        id="profile-target-off-scale",
    ),
    pytest.param(
        lambda d: d["profiles"][1]["targets"].pop("ai-ethics"),
        "$.profiles[1].targets",
        "profile 'lead-specialised-projects' must give a target for every competency",
        id="profile-target-missing",
    ),
    pytest.param(
        lambda d: competency(d, 0, 0)["sources"][0].update(document="seed-999"),
        "$.areas[0].competencies[0].sources[0].document",
        "unknown source 'seed-999'",
        id="unknown-source-document",
    ),
    pytest.param(
        lambda d: d.update(default_profile="no-such-profile"),
        "$.default_profile",
        "'no-such-profile' is not one of the profiles",
        id="unknown-default-profile",
    ),
    pytest.param(
        lambda d: d.update(format_version=2),
        "$.format_version",
        "format version 2 is newer than this program understands (1); update the program",
        id="newer-format-version",
    ),
    pytest.param(
        lambda d: d.update(format="someone-else/ladder"),
        "$.format",
        "Input should be 'learning-path-planner/framework'",
        id="wrong-format",
    ),
]


@pytest.mark.parametrize(("mutate", "location", "problem"), BAD_FRAMEWORKS)
def test_bad_framework_names_file_place_and_problem(
    tmp_path: Path, framework_data: Data, mutate: Mutation, location: str, problem: str
) -> None:
    mutate(framework_data)
    path = write_json(tmp_path, framework_data)
    with pytest.raises(FileFormatError) as info:
        load_framework(path)
    assert_located(info.value, path, location, problem)


BAD_FILE_CONTENTS = [
    pytest.param(
        b'{\n  "format": "learning-path-planner/framework",\n  "id": \n}\n',
        "line 4, column 1",
        "not valid JSON (Expecting value)",
        id="not-json",
    ),
    pytest.param(b"", "line 1, column 1", "not valid JSON", id="empty-file"),
    pytest.param(b'{"name": "\xff"}', "", "not a UTF-8 text file", id="not-utf8"),
    pytest.param(b"[]", "$", "valid dictionary", id="not-an-object"),
]


@pytest.mark.parametrize(("content", "location", "problem"), BAD_FILE_CONTENTS)
def test_unreadable_framework_file_names_file_place_and_problem(
    tmp_path: Path, content: bytes, location: str, problem: str
) -> None:
    path = tmp_path / "ladder.json"
    path.write_bytes(content)
    with pytest.raises(FileFormatError) as info:
        load_framework(path)
    assert_located(info.value, path, location, problem)


def test_missing_framework_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.json"
    with pytest.raises(FileFormatError) as info:
        load_framework(path)
    assert_located(info.value, path, "", "no such file")


def test_a_copy_of_the_builtin_activities_loads(tmp_path: Path, activities_data: Data) -> None:
    catalogue = load_activities(write_json(tmp_path, activities_data), builtin_framework())
    assert len(catalogue.steps) == len(activities_data["steps"])


BAD_ACTIVITIES = [
    pytest.param(
        lambda d: d["steps"][3].update(competency="no-such-skill"),
        "$.steps[3]",
        "unknown competency 'no-such-skill'",
        id="unknown-competency",
    ),
    pytest.param(
        lambda d: d["steps"][3].update(from_level=5, to_level=6),
        "$.steps[3]",
        "from_level 5 is off the scale",
        id="step-off-scale",
    ),
    pytest.param(
        lambda d: d["steps"][0].update(to_level=3),
        "$.steps[0]",
        "to_level must be from_level + 1",
        id="step-skips-a-level",
    ),
    pytest.param(
        lambda d: d["steps"][0]["activities"][1].update(kind="podcast"),
        "$.steps[0].activities[1].kind",
        "Input should be 'course'",
        id="unknown-kind",
    ),
    pytest.param(
        lambda d: d["steps"][0].update(activities=d["steps"][0]["activities"][:1]),
        "$.steps[0].activities",
        "at least 2 items",
        id="too-few-activities",
    ),
    pytest.param(
        lambda d: d["steps"][0]["activities"][0].update(hours=0),
        "$.steps[0].activities[0].hours",
        "greater than 0",
        id="zero-hours",
    ),
]


@pytest.mark.parametrize(("mutate", "location", "problem"), BAD_ACTIVITIES)
def test_bad_activity_catalogue_names_file_place_and_problem(
    tmp_path: Path, activities_data: Data, mutate: Mutation, location: str, problem: str
) -> None:
    mutate(activities_data)
    path = write_json(tmp_path, activities_data, "ladder.activities.json")
    with pytest.raises(FileFormatError) as info:
        load_activities(path, builtin_framework())
    assert_located(info.value, path, location, problem)
