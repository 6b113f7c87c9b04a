"""CSV export and import of a person's learning log, for spreadsheets and other tools.

One row per entry under the header ``date,title,kind,hours,competencies,notes,link``
(competency ids separated by ``;``). Import reads and checks every row before it
adds any, so a bad row adds nothing, and the error names its line and column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path

from planner.errors import FileFormatError
from planner.framework.schema import Framework
from planner.services.json_exchange import write_text_atomically
from planner.services.records import LearningDraft
from planner.services.service_set import Services
from planner.services.validation import MAX_LINK, MAX_NOTES, FieldErrors
from planner.vocabulary import LearningKind

CSV_COLUMNS = ("date", "title", "kind", "hours", "competencies", "notes", "link")
REQUIRED_COLUMNS = ("date", "title", "kind", "hours")
MAX_CSV_BYTES = 50 * 1024 * 1024
MAX_CSV_ROWS = 200_000

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DECIMAL_COMMA = re.compile(r"\d+,\d+")
_KINDS = {name.casefold(): kind for kind in LearningKind for name in (kind.value, kind.label)}


def export_log(services: Services, person_id: int, path: str | Path) -> int:
    """Write a person's learning log, oldest first, as UTF-8 CSV; returns the number of rows."""
    services.people.get(person_id)
    entries = sorted(services.learning.list_for(person_id), key=lambda e: (e.completed_on, e.id))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        writer.writerow(
            [
                entry.completed_on.isoformat(),
                entry.title,
                entry.kind.value,
                format_hours(entry.hours),
                ";".join(entry.competency_ids),
                entry.notes,
                entry.link,
            ]
        )
    write_text_atomically(Path(path), buffer.getvalue())
    return len(entries)


def format_hours(hours: float) -> str:
    """Whole hours without ".0", others exactly (``repr``), so a round trip keeps the value."""
    return str(int(hours)) if hours.is_integer() else repr(hours)


def import_log(services: Services, person_id: int, path: str | Path) -> int:
    """Add every row of a CSV file to a person's log, or none if any row is bad."""
    person = services.people.get(person_id)
    framework = services.people.framework_of(person)
    drafts = parse_log(read_csv_text(Path(path)), path, framework, services.clock.today())
    services.backups.before_change("before-import")
    services.learning.add_many(person_id, drafts)
    return len(drafts)


def read_csv_text(path: Path) -> str:
    """The file's text (UTF-8, with or without a byte order mark), within the size limit."""
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise FileFormatError(
                path, "", f"file is {size} bytes, more than the {MAX_CSV_BYTES} allowed"
            )
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise FileFormatError(path, "", "no such file") from None
    except UnicodeDecodeError:
        raise FileFormatError(path, "", "not a UTF-8 text file (save it as CSV UTF-8)") from None
    except OSError as exc:
        raise FileFormatError(path, "", f"cannot be read ({exc.strerror})") from None


def parse_log(
    text: str, file: str | Path, framework: Framework, today: date
) -> list[LearningDraft]:
    """Turn CSV text into drafts checked with the learning log's rules; the first problem raises."""
    # Notes may be as long as the services allow; the csv module's default cap is 128 KiB.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_NOTES + 1))
    rows = _rows(text, file)
    first = next(rows, None)
    if first is None:
        raise FileFormatError(
            file, "line 1", f"the file is empty; the first line must be {','.join(CSV_COLUMNS)}"
        )
    columns = _columns(*first, file)
    competencies = _competency_lookup(framework)
    drafts: list[LearningDraft] = []
    problems: list[tuple[str, str]] = []
    for line, row in rows:
        if len(drafts) + len(problems) >= MAX_CSV_ROWS:
            raise FileFormatError(
                file, f"line {line}", f"more than {MAX_CSV_ROWS} rows; split the file"
            )
        if len(row) != len(columns):
            raise FileFormatError(
                file, f"line {line}", f"expected {len(columns)} values, found {len(row)}"
            )
        cells = dict(zip(columns, row, strict=True))
        draft, errors = _draft(cells, framework, competencies, today)
        if draft is not None:
            drafts.append(draft)
        elif errors:
            column, message = next(iter(errors.items()))
            problems.append((f"line {line}, column {column}", message))
    if problems:
        location, message = problems[0]
        more = len(problems) - 1
        if more:
            message += f" (and {more} more problem{'s' if more > 1 else ''})"
        raise FileFormatError(file, location, message)
    return drafts


def _rows(text: str, file: str | Path) -> Iterator[tuple[int, list[str]]]:
    """Non-blank records with the line each starts on; broken quoting names its line."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise FileFormatError(file, f"line {start}", f"not valid CSV ({exc})") from None
        line, start = start, reader.line_num + 1
        if any(cell.strip() for cell in row):
            yield line, row


def _columns(line: int, header: list[str], file: str | Path) -> list[str]:
    expected = ",".join(CSV_COLUMNS)
    columns: list[str] = []
    for index, cell in enumerate(header, start=1):
        name = cell.strip().lower()
        if name not in CSV_COLUMNS:
            raise FileFormatError(
                file,
                f"line {line}, column {index}",
                f"unknown column '{cell[:40]}'; the first line must name the columns: {expected}",
            )
        if name in columns:
            raise FileFormatError(file, f"line {line}, column {index}", f"'{name}' is given twice")
        columns.append(name)
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise FileFormatError(
            file, f"line {line}", f"missing column {', '.join(missing)}; expected {expected}"
        )
    return columns


def _competency_lookup(framework: Framework) -> dict[str, str]:
    """Competency id by its id or name in any case, so hand-written files work too."""
    lookup = {c.name.casefold(): c.id for c in framework.competencies}
    lookup.update({c.id.casefold(): c.id for c in framework.competencies})
    return lookup


def _draft(
    cells: Mapping[str, str], framework: Framework, competencies: Mapping[str, str], today: date
) -> tuple[LearningDraft | None, dict[str, str]]:
    """A checked draft of one row, or the problems found per column."""
    errors = FieldErrors()
    text_date = cells["date"].strip()
    completed_on: date | None = None
    if _ISO_DATE.fullmatch(text_date):
        try:
            completed_on = date.fromisoformat(text_date)
        except ValueError:
            errors.add("date", f"'{text_date}' is not a date of the calendar")
    else:
        errors.add("date", f"'{text_date[:40]}' is not a date; write it as YYYY-MM-DD")
    if completed_on is not None:
        errors.past_date("date", completed_on, today)
    errors.title("title", cells["title"])
    kind = _KINDS.get(cells["kind"].strip().casefold())
    if kind is None:
        kinds = ", ".join(k.value for k in LearningKind)
        errors.add("kind", f"'{cells['kind'][:40]}' is not a kind of learning; use one of {kinds}")
    text_hours = cells["hours"].strip()
    if _DECIMAL_COMMA.fullmatch(text_hours):
        text_hours = text_hours.replace(",", ".")
    try:
        hours: float | None = float(text_hours)
    except ValueError:
        hours = None
        errors.add("hours", f"'{cells['hours'][:40]}' is not a number")
    if hours is not None:
        errors.hours("hours", hours)
    names = [n.strip() for n in cells.get("competencies", "").split(";") if n.strip()]
    competency_ids = tuple(competencies.get(n.casefold(), n) for n in names)
    errors.competencies("competencies", competency_ids, framework)
    notes, link = cells.get("notes", ""), cells.get("link", "").strip()
    errors.text("notes", notes)
    errors.text("link", link, MAX_LINK)
    if errors.errors or completed_on is None or kind is None or hours is None:
        return None, errors.errors
    draft = LearningDraft(cells["title"], kind, completed_on, hours, competency_ids, notes, link)
    return draft, {}
