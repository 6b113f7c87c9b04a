"""Fuzzed imports: every file is imported whole or refused in words, and a refusal changes nothing.

Hypothesis mutates real files (a JSON export, a learning-log CSV, a framework) by
replacing, deleting, adding and duplicating values and by corrupting bytes. For
each file the import either adds exactly what the file holds, or raises one of the
program's own errors with a message, leaving the content of every table as it was.
One database serves all the examples of a test, so later examples also meet the
records earlier ones imported (names already taken, frameworks already present).
"""

from __future__ import annotations

import contextlib
import copy
import json
import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from sqlalchemy import select

from planner.errors import PlannerError
from planner.resources import frameworks_dir
from planner.services.clock import FixedClock
from planner.services.json_exchange import export_database, import_file
from planner.services.learning_csv import CSV_COLUMNS, import_log
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
from planner.storage.models import Base
from planner.vocabulary import DecisionKind, GoalStatus, LearningKind

NOW = datetime(2026, 11, 21, 12, 0)
FUZZ = settings(
    max_examples=120,
    deadline=None,
    # One database for all examples on purpose: see the module's docstring.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
Json = Any
Dump = dict[str, list[tuple[str, ...]]]


def dump(services: Services) -> Dump:
    """The content of every table, rows in a stable order, values as text."""
    tables: Dump = {}
    with services.database.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = conn.execute(select(table)).all()
            tables[table.name] = sorted(tuple(repr(value) for value in row) for row in rows)
    return tables


def counts(content: Dump) -> dict[str, int]:
    return {name: len(rows) for name, rows in content.items()}


def assert_refused_cleanly(
    services: Services, before: Dump, attempt: Callable[[], object]
) -> object | None:
    """Run an import: its result, or ``None`` after checking a refusal changed nothing."""
    try:
        result = attempt()
    except PlannerError as error:
        note(f"refused: {type(error).__name__}")
        assert str(error).strip(), "a refusal must say why"
        assert dump(services) == before
        return None
    note("imported")
    return result


def note(outcome: str) -> None:
    """Count outcomes in Hypothesis' statistics (``--hypothesis-show-statistics``)."""
    with contextlib.suppress(InvalidArgument):  # outside a Hypothesis test
        event(outcome)


def assert_only_added(before: Dump, after: Dump) -> None:
    """Nothing that was there is gone or changed (an import only adds)."""
    for name, rows in before.items():
        if name == "custom_frameworks":
            continue  # a framework import may replace a framework (checked by its own test)
        if name == "learning_month_hours":
            continue  # sums derived from the log grow with it (tests/storage/test_month_hours.py)
        missing = set(rows) - set(after[name])
        assert not missing, f"{name} lost rows: {sorted(missing)[:3]}"


# --- strategies ----------------------------------------------------------------------------

ODD_TEXT = st.sampled_from(
    [
        "",
        " ",
        "x" * 201,
        "Robert'); DROP TABLE people;--",
        "<b>bold</b><script>alert(1)</script>",
        "שלום עולם",
        "🚀🧠",
        "\x00nul",
        "line\nbreak",
        "1970-01-01",
        "2026-02-30",
        "9999-12-31",
        "0001-01-01",
        "2026-11-21T12:00:00+14:00",
        "NaN",
        "senior-ml-developer",
        "python-programming",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    ODD_TEXT,
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=10), inner, max_size=3)
    ),
    max_leaves=8,
)


def paths_of(doc: Json, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a JSON document, the root included."""
    yield prefix
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from paths_of(value, (*prefix, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            yield from paths_of(value, (*prefix, index))


def at(doc: Json, path: tuple[Any, ...]) -> Json:
    for part in path:
        doc = doc[part]
    return doc


def similar_to(value: Json) -> st.SearchStrategy[Json]:
    """Another value of the same JSON type: the file stays plausible, often valid."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.integers(min_value=-5, max_value=1_000_000)
    if isinstance(value, float):
        return st.floats(min_value=-10, max_value=2000)
    if isinstance(value, str):
        return st.one_of(st.text(max_size=40), ODD_TEXT)
    return st.just(value)


@st.composite
def mutated_json(draw: st.DrawFn, base: Json) -> Json:
    """``base`` with up to four mutations at places drawn from the whole document."""
    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        places = list(paths_of(doc))
        path = draw(st.sampled_from(places))
        operation = draw(
            st.sampled_from(
                ["similar", "similar", "replace", "delete", "add", "duplicate", "empty"]
            )
        )
        if not path:
            if operation == "replace":
                doc = draw(VALUES)
            continue
        parent, key = at(doc, path[:-1]), path[-1]
        if operation == "similar":
            parent[key] = draw(similar_to(parent[key]))
        elif operation == "replace":
            parent[key] = draw(VALUES)
        elif operation == "delete":
            del parent[key]
        elif operation == "add" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=12))] = draw(VALUES)
        elif operation == "duplicate" and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
        elif operation == "empty" and isinstance(parent[key], list | dict | str):
            parent[key] = type(parent[key])()
    return doc


@st.composite
def corrupted_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with a few bytes flipped, inserted, deleted, or cut short."""
    buffer = bytearray(data)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        if not buffer:
            break
        where = draw(st.integers(min_value=0, max_value=len(buffer) - 1))
        operation = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        if operation == "flip":
            buffer[where] ^= draw(st.integers(min_value=1, max_value=255))
        elif operation == "insert":
            buffer[where:where] = draw(st.binary(min_size=1, max_size=4))
        elif operation == "delete":
            del buffer[where]
        else:
            del buffer[where:]
    return bytes(buffer)


# --- JSON exports --------------------------------------------------------------------------


def fill_person(services: Services, name: str) -> None:
    """A small but complete record: links, milestones, a decision."""
    person = services.people.create(PersonDraft(name, "ML engineer", weekly_hours=5))
    book = services.learning.add(
        person.id,
        LearningDraft(
            "Fluent Python", LearningKind.BOOK, date(2026, 1, 10), 12.5, ("python-programming",)
        ),
    )
    services.learning.add(
        person.id,
        LearningDraft(
            "Shipped a model",
            LearningKind.PROJECT,
            date(2026, 3, 5),
            40,
            ("model-deployment", "system-architecture"),
            "notes",
            "https://example.org/x",
        ),
    )
    services.assessments.create(
        person.id,
        AssessmentDraft(
            date(2026, 4, 1),
            (
                RatingDraft("python-programming", 3, "clean code", (book.id,)),
                RatingDraft("model-deployment", 2),
            ),
        ),
    )
    services.goals.create(
        person.id,
        GoalDraft(
            "Own a deployment",
            competencies=(GoalCompetencyDraft("model-deployment", 4),),
            due_date=date(2027, 1, 31),
            status=GoalStatus.ACTIVE,
            milestones=(MilestoneDraft("Shadow a release", True), MilestoneDraft("Run one")),
        ),
    )
    services.decisions.record(person.id, "diversity:ml-algorithms", DecisionKind.DISMISSED)


@pytest.fixture(scope="module")
def base_export(tmp_path_factory: pytest.TempPathFactory) -> Json:
    """A valid export of one person, made by the program itself."""
    folder = tmp_path_factory.mktemp("fuzz-source")
    services = Services.open(f"sqlite:///{folder / 'source.sqlite'}", FixedClock(NOW))
    try:
        fill_person(services, "Source")
        return export_database(services)
    finally:
        services.close()


@pytest.fixture
def target(services: Services) -> Services:
    """The database the fuzzed files go into, holding someone already."""
    fill_person(services, "Already here")
    return services


def rename_people(doc: Json) -> None:
    """Fresh names and uids, so a valid file is not refused as records imported before."""
    for person in doc.get("people", []) if isinstance(doc, dict) else []:
        if isinstance(person, dict) and isinstance(person.get("name"), str):
            person["name"] = f"P-{uuid.uuid4().hex[:12]}"
    for path in list(paths_of(doc)):
        if path and path[-1] == "uid":
            at(doc, path[:-1])["uid"] = str(uuid.uuid4())


def check_json_import(target: Services, path: Path) -> None:
    before = dump(target)
    summary = assert_refused_cleanly(target, before, lambda: import_file(target, path))
    if summary is None:
        return
    doc = json.loads(path.read_text(encoding="utf-8"))
    after = dump(target)
    assert_only_added(before, after)
    added = {name: counts(after)[name] - n for name, n in counts(before).items()}
    people = doc["people"]
    assert added["people"] == len(people)
    assert added["learning_entries"] == sum(len(p["learning"]) for p in people)
    assert added["assessments"] == sum(len(p["assessments"]) for p in people)
    assert added["goals"] == sum(len(p["goals"]) for p in people)
    assert added["milestones"] == sum(len(g["milestones"]) for p in people for g in p["goals"])
    assert added["suggestion_decisions"] == sum(len(p["decisions"]) for p in people)


@FUZZ
@given(data=st.data())
def test_mutated_json_exports_import_whole_or_not_at_all(
    target: Services, base_export: Json, tmp_path: Path, data: st.DataObject
) -> None:
    doc = copy.deepcopy(base_export)
    rename_people(doc)
    doc = data.draw(mutated_json(doc))
    path = tmp_path / "export.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    check_json_import(target, path)


@FUZZ
@given(data=st.data())
def test_corrupted_json_bytes_import_whole_or_not_at_all(
    target: Services, base_export: Json, tmp_path: Path, data: st.DataObject
) -> None:
    doc = copy.deepcopy(base_export)
    rename_people(doc)
    raw = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    path = tmp_path / "export.json"
    path.write_bytes(data.draw(corrupted_bytes(raw)))
    check_json_import(target, path)


def test_the_unmutated_export_imports_whole(
    target: Services, base_export: Json, tmp_path: Path
) -> None:
    doc = copy.deepcopy(base_export)
    rename_people(doc)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    before = counts(dump(target))
    check_json_import(target, path)
    assert counts(dump(target))["people"] == before["people"] + 1


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000 + "]" * 100_000, '{"people": ' * 50_000, "\ufeff{}", "", "null", '"text"'],
)
def test_pathological_json_is_refused_in_words(target: Services, tmp_path: Path, text: str) -> None:
    path = tmp_path / "export.json"
    path.write_text(text, encoding="utf-8")
    before = dump(target)
    with pytest.raises(PlannerError) as error:
        import_file(target, path)
    assert str(error.value).startswith(str(path))
    assert dump(target) == before


# --- learning-log CSV ----------------------------------------------------------------------

CELLS = {
    "date": st.one_of(
        st.dates(min_value=date(1970, 1, 1), max_value=NOW.date()).map(date.isoformat),
        ODD_TEXT,
        st.text(max_size=12),
    ),
    "title": st.one_of(st.text(min_size=1, max_size=60), ODD_TEXT),
    "kind": st.one_of(st.sampled_from([k.value for k in LearningKind]), ODD_TEXT),
    "hours": st.one_of(
        st.floats(min_value=0.01, max_value=1000).map(repr),
        st.sampled_from(["1", "2,5", "0", "-1", "1001", "inf", "nan", "1e3", "", "one"]),
    ),
    "competencies": st.one_of(
        st.lists(
            st.sampled_from(["python-programming", "mentoring", "Model deployment", "nope"]),
            max_size=3,
        ).map(";".join),
        ODD_TEXT,
    ),
    "notes": st.one_of(st.text(max_size=80), ODD_TEXT),
    "link": st.one_of(st.just(""), st.just("https://example.org/a?b=1,2"), ODD_TEXT),
}


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    """A header (columns in any order, optional ones left out) and rows of drawn cells."""
    import csv
    import io

    optional = draw(st.sets(st.sampled_from(["competencies", "notes", "link"])))
    columns = [c for c in CSV_COLUMNS if c in ("date", "title", "kind", "hours") or c in optional]
    columns = draw(st.permutations(columns))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        writer.writerow([draw(CELLS[column]) for column in columns])
    raw = buffer.getvalue().encode("utf-8")
    return draw(st.one_of(st.just(raw), corrupted_bytes(raw)))


@FUZZ
@given(raw=csv_files())
def test_fuzzed_learning_logs_import_whole_or_not_at_all(
    target: Services, tmp_path: Path, raw: bytes
) -> None:
    person = target.people.find("Already here")
    path = tmp_path / "log.csv"
    path.write_bytes(raw)
    before = dump(target)
    added = assert_refused_cleanly(target, before, lambda: import_log(target, person.id, path))
    if added is None:
        return
    after = dump(target)
    assert_only_added(before, after)
    assert counts(after)["learning_entries"] - counts(before)["learning_entries"] == added
    import csv
    import io

    rows = [
        r for r in csv.reader(io.StringIO(raw.decode("utf-8-sig"))) if any(c.strip() for c in r)
    ]
    assert added == len(rows) - 1  # every data row, not some of them


# --- framework files -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def base_framework() -> Json:
    """The built-in framework under a company's id: a valid framework file to mutate."""
    data = json.loads((frameworks_dir() / "senior-ml-developer.json").read_text(encoding="utf-8"))
    data["id"] = "acme-ladder"
    data["name"] = "ACME engineering ladder"
    return data


def check_framework_import(target: Services, path: Path) -> None:
    before = dump(target)
    info = assert_refused_cleanly(target, before, lambda: target.frameworks.import_file(path))
    if info is None:
        return
    after = dump(target)
    assert_only_added(before, after)
    stored = {row[0]: row for row in after["custom_frameworks"]}
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert repr(doc["id"]) in stored  # the framework is there, whole
    framework = target.frameworks.get(doc["id"])
    assert len(framework.competencies) == len(
        [c for area in doc["areas"] for c in area["competencies"]]
    )


@FUZZ
@given(data=st.data())
def test_mutated_framework_files_import_whole_or_not_at_all(
    target: Services, base_framework: Json, tmp_path: Path, data: st.DataObject
) -> None:
    doc = data.draw(mutated_json(base_framework))
    path = tmp_path / "framework.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    check_framework_import(target, path)


@FUZZ
@given(data=st.data())
def test_corrupted_framework_bytes_import_whole_or_not_at_all(
    target: Services, base_framework: Json, tmp_path: Path, data: st.DataObject
) -> None:
    raw = json.dumps(base_framework, ensure_ascii=False, indent=1).encode("utf-8")
    path = tmp_path / "framework.json"
    path.write_bytes(data.draw(corrupted_bytes(raw)))
    check_framework_import(target, path)
