"""CSV export and import of the learning log: round trip, line-numbered errors, all or nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from planner.errors import FileFormatError, NotFoundError
from planner.services import learning_csv
from planner.services.clock import FixedClock
from planner.services.learning_csv import export_log, import_log
from planner.services.records import LearningDraft, PersonDraft, PersonRecord
from planner.services.service_set import Services
from planner.vocabulary import LearningKind

HEADER = "date,title,kind,hours,competencies,notes,link"


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    """A database with two people; Ana has logged four entries."""
    opened = Services.open(
        f"sqlite:///{tmp_path}/x.sqlite", FixedClock(datetime(2026, 11, 21, 12, 0))
    )
    ana = opened.people.create(PersonDraft("Ana"))
    opened.people.create(PersonDraft("Ben"))
    opened.learning.add_many(
        ana.id,
        [
            LearningDraft(
                "Fluent Python, 2nd edition",
                LearningKind.BOOK,
                date(2026, 1, 10),
                12.25,
                ("python-programming",),
                'Line one\nline two, with "quotes"\r\nand ünïcode',
                "https://example.org/fluent?a=1,b=2",
            ),
            LearningDraft("Mentored an intern", LearningKind.MENTORING_GIVEN, date(2026, 6, 1), 6),
            LearningDraft(
                "Deployed the churn model",
                LearningKind.PROJECT,
                date(2026, 3, 5),
                0.1,
                ("model-deployment", "system-architecture"),
            ),
            LearningDraft("=SUM(A1)", LearningKind.ON_THE_JOB, date(2026, 3, 5), 1000),
        ],
    )
    yield opened
    opened.close()


def person(services: Services, name: str) -> PersonRecord:
    return services.people.find(name)


def write(path: Path, *lines: str, bom: bool = False) -> Path:
    path.write_bytes(("\ufeff" if bom else "").encode() + "\r\n".join(lines).encode("utf-8"))
    return path


def test_export_writes_the_header_and_rows_by_date(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    assert export_log(services, person(services, "Ana").id, path) == 4

    raw = path.read_bytes()
    assert raw.startswith(HEADER.encode() + b"\r\n")
    text = raw.decode("utf-8")
    assert (
        text.index("Fluent") < text.index("Deployed") < text.index("SUM") < text.index("Mentored")
    )
    assert '"Fluent Python, 2nd edition",book,12.25,python-programming,' in text
    assert "project,0.1,model-deployment;system-architecture" in text
    assert "on_the_job,1000," in text


def test_round_trip_into_another_person_is_identical(services: Services, tmp_path: Path) -> None:
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    export_log(services, person(services, "Ana").id, first)

    ben = person(services, "Ben")
    assert import_log(services, ben.id, first) == 4
    export_log(services, ben.id, second)

    assert second.read_bytes() == first.read_bytes()
    notes = {e.title: e.notes for e in services.learning.list_for(ben.id)}
    assert notes["Fluent Python, 2nd edition"] == 'Line one\nline two, with "quotes"\r\nand ünïcode'


def test_import_accepts_a_bom_labels_names_and_fewer_columns(
    services: Services, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "hand.csv",
        "Date, Title ,Kind,Hours,Competencies",
        '2026-02-02,Pairing,Mentoring given,"1,5",Python programming; ml-algorithms',
        "",
        "2026-02-03,Reading,BOOK,2,",
        bom=True,
    )
    ben = person(services, "Ben")

    assert import_log(services, ben.id, path) == 2
    entries = sorted(services.learning.list_for(ben.id), key=lambda e: e.completed_on)
    assert entries[0].kind is LearningKind.MENTORING_GIVEN
    assert entries[0].hours == 1.5
    assert entries[0].competency_ids == ("ml-algorithms", "python-programming")
    assert (entries[1].kind, entries[1].notes, entries[1].link) == (LearningKind.BOOK, "", "")


GOOD = "2026-01-01,A book,book,3,python-programming,,"


@pytest.mark.parametrize(
    ("lines", "location", "problem"),
    [
        pytest.param(
            [HEADER, GOOD, "2026-01-02,Talk,talk,abc,,,"],
            "line 3, column hours",
            "'abc' is not a number",
            id="hours-abc",
        ),
        pytest.param(
            [HEADER, "2026-01-02,Talk,talk,0,,,"],
            "line 2, column hours",
            "more than 0",
            id="hours-0",
        ),
        pytest.param(
            [HEADER, "2026-01-02,Talk,talk,1001,,,"],
            "line 2, column hours",
            "at most 1000",
            id="hours-1001",
        ),
        pytest.param(
            [HEADER, "2026-01-02,Talk,talk,nan,,,"],
            "line 2, column hours",
            "more than 0",
            id="hours-nan",
        ),
        pytest.param(
            [HEADER, "21/11/2026,Talk,talk,1,,,"],
            "line 2, column date",
            "write it as YYYY-MM-DD",
            id="date-format",
        ),
        pytest.param(
            [HEADER, "2026-02-30,Talk,talk,1,,,"],
            "line 2, column date",
            "not a date of the calendar",
            id="date-impossible",
        ),
        pytest.param(
            [HEADER, "2026-11-22,Talk,talk,1,,,"],
            "line 2, column date",
            "cannot be in the future",
            id="date-future",
        ),
        pytest.param(
            [HEADER, "1969-12-31,Talk,talk,1,,,"],
            "line 2, column date",
            "before 1970",
            id="date-old",
        ),
        pytest.param(
            [HEADER, "2026-01-02,Talk,podcast,1,,,"],
            "line 2, column kind",
            "'podcast' is not a kind",
            id="kind",
        ),
        pytest.param(
            [HEADER, "2026-01-02,Talk,talk,1,astrology,,"],
            "line 2, column competencies",
            "Unknown competency 'astrology'",
            id="competency",
        ),
        pytest.param(
            [HEADER, "2026-01-02,Talk,talk,1,mentoring;Mentoring,,"],
            "line 2, column competencies",
            "listed twice",
            id="competency-twice",
        ),
        pytest.param(
            [HEADER, "2026-01-02, ,talk,1,,,"],
            "line 2, column title",
            "cannot be empty",
            id="title-blank",
        ),
        pytest.param(
            [HEADER, "2026-01-02,Talk,talk,1"],
            "line 2",
            "expected 7 values, found 4",
            id="too-few-values",
        ),
        pytest.param(
            [HEADER, GOOD + ",extra"], "line 2", "expected 7 values, found 8", id="too-many-values"
        ),
        pytest.param(
            [
                HEADER,
                '2026-01-01,A book,book,3,,"notes\nspanning\nlines",',
                "2026-01-02,Talk,talk,x,,,",
            ],
            "line 5, column hours",
            "not a number",
            id="line-after-multiline-notes",
        ),
        pytest.param(
            [HEADER, '2026-01-02,"Talk"x,talk,1,,,'], "line 2", "not valid CSV", id="broken-quotes"
        ),
        pytest.param(
            [HEADER, '2026-01-02,"Talk,talk,1,,,'],
            "line 2",
            "not valid CSV",
            id="unterminated-quote",
        ),
        pytest.param([], "line 1", "the file is empty", id="empty"),
        pytest.param([GOOD], "line 1, column 1", "unknown column '2026-01-01'", id="no-header"),
        pytest.param(
            [HEADER + ",rating", GOOD + ",3"],
            "line 1, column 8",
            "unknown column 'rating'",
            id="unknown-column",
        ),
        pytest.param(
            ["date,title,kind,competencies", "2026-01-01,A,book,"],
            "line 1",
            "missing column hours",
            id="missing-column",
        ),
        pytest.param(
            ["date,title,kind,hours,hours", "2026-01-01,A,book,1,1"],
            "line 1, column 5",
            "given twice",
            id="column-twice",
        ),
        pytest.param(
            [HEADER, "2026-01-02,Talk,talk,x,,,", "2026-01-03,Talk,talk,y,,,"],
            "line 2, column hours",
            "not a number (and 1 more problem)",
            id="counts-more",
        ),
    ],
)
def test_a_bad_row_names_its_line_and_column_and_adds_nothing(
    services: Services, tmp_path: Path, lines: list[str], location: str, problem: str
) -> None:
    path = write(tmp_path / "bad.csv", *lines)
    ben = person(services, "Ben")

    with pytest.raises(FileFormatError) as caught:
        import_log(services, ben.id, path)

    assert caught.value.location == location
    assert problem in caught.value.problem
    assert str(caught.value).startswith(f"{path}: {location}: ")
    assert services.learning.count(ben.id) == 0


def test_import_is_all_or_nothing(services: Services, tmp_path: Path) -> None:
    path = write(
        tmp_path / "log.csv",
        HEADER,
        GOOD,
        "2026-01-02,Bad hours,talk,-1,,,",
        "2026-01-03,Also good,course,2,,,",
    )
    ana = person(services, "Ana")

    with pytest.raises(FileFormatError, match="line 3, column hours"):
        import_log(services, ana.id, path)

    assert services.learning.count(ana.id) == 4


def test_header_only_adds_nothing(services: Services, tmp_path: Path) -> None:
    assert import_log(services, person(services, "Ben").id, write(tmp_path / "h.csv", HEADER)) == 0


def test_limits_on_size_and_rows(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ben = person(services, "Ben")
    path = write(tmp_path / "log.csv", HEADER, GOOD, GOOD, GOOD)
    monkeypatch.setattr(learning_csv, "MAX_CSV_ROWS", 2)
    with pytest.raises(FileFormatError, match="line 4: more than 2 rows"):
        import_log(services, ben.id, path)

    monkeypatch.setattr(learning_csv, "MAX_CSV_BYTES", 20)
    with pytest.raises(FileFormatError, match="more than the 20 allowed"):
        import_log(services, ben.id, path)
    assert services.learning.count(ben.id) == 0


def test_unreadable_files_are_explained(services: Services, tmp_path: Path) -> None:
    ben = person(services, "Ben")
    with pytest.raises(FileFormatError, match="no such file"):
        import_log(services, ben.id, tmp_path / "missing.csv")
    latin = tmp_path / "latin.csv"
    latin.write_bytes(HEADER.encode() + b"\r\n2026-01-01,Caf\xe9,book,1,,,")
    with pytest.raises(FileFormatError, match="not a UTF-8 text file"):
        import_log(services, ben.id, latin)


def test_long_notes_survive_the_csv_field_limit(services: Services, tmp_path: Path) -> None:
    ana, ben = person(services, "Ana"), person(services, "Ben")
    services.learning.add(
        ana.id, LearningDraft("Long", LearningKind.PAPER, date(2026, 7, 1), 1, notes="x" * 300_000)
    )
    path = tmp_path / "log.csv"
    export_log(services, ana.id, path)

    assert import_log(services, ben.id, path) == 5


def test_unknown_person_is_not_found(services: Services, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        export_log(services, 999, tmp_path / "x.csv")
    with pytest.raises(NotFoundError):
        import_log(services, 999, write(tmp_path / "h.csv", HEADER))
