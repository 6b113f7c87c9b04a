"""The stored monthly hours stay equal to the log through every way the log changes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from planner.services.demo_data import seed_demo
from planner.services.json_exchange import import_file, write_export
from planner.services.learning_aggregates import LearningAggregates, MonthHours
from planner.services.learning_csv import export_log, import_log
from planner.services.records import LearningDraft, PersonDraft, PersonRecord
from planner.services.review_packet import import_packet, write_packet
from planner.services.service_set import Services
from planner.storage import month_hours
from planner.storage.models import LearningMonthHours
from planner.vocabulary import LearningKind

PYTHON, MENTORING, ALGORITHMS = "python-programming", "mentoring", "ml-algorithms"


def draft(day: date, hours: float, *competencies: str) -> LearningDraft:
    return LearningDraft(f"Entry {day} {hours}", LearningKind.COURSE, day, hours, competencies)


def stored_rows(services: Services, person_id: int) -> dict[tuple[date, str], float]:
    with services.database.session() as session:
        rows = month_hours.stored(session.connection(), person_id, None, None)
    return {(m, c): round(h, 9) for m, c, h in rows}


def rounded(rows: Iterable[tuple[date, str, float]]) -> dict[tuple[date, str], float]:
    return {(m, c): round(h, 6) for m, c, h in rows}


def assert_in_step(services: Services, *people: PersonRecord) -> None:
    """The summary holds exactly what the log gives, and nothing for anyone else."""
    with services.database.session() as session:
        connection = session.connection()
        for person in people:
            live = month_hours.summed_from_log(connection, person.id)
            kept = month_hours.stored(connection, person.id, None, None)
            assert rounded(kept) == rounded(live), person.name
        known = {p.id for p in services.people.list()}
        orphans = session.scalar(
            select(func.count())
            .select_from(LearningMonthHours)
            .where(LearningMonthHours.person_id.not_in(sorted(known) or [0]))
        )
    assert orphans == 0


@pytest.fixture
def ada(services: Services) -> PersonRecord:
    return services.people.create(PersonDraft("Ada"))


def test_adding_editing_and_deleting_entries_rewrites_the_touched_months(
    services: Services, ada: PersonRecord
) -> None:
    first = services.learning.add(ada.id, draft(date(2026, 9, 3), 6.0, PYTHON, MENTORING))
    services.learning.add(ada.id, draft(date(2026, 9, 20), 2.5))
    assert stored_rows(services, ada.id) == {
        (date(2026, 9, 1), MENTORING): 3.0,
        (date(2026, 9, 1), PYTHON): 3.0,
        (date(2026, 9, 1), ""): 2.5,
    }
    # Moved to another month with another competency: both months are rewritten.
    moved = services.learning.update(first.id, draft(date(2026, 10, 1), 6.0, ALGORITHMS))
    assert stored_rows(services, ada.id) == {
        (date(2026, 9, 1), ""): 2.5,
        (date(2026, 10, 1), ALGORITHMS): 6.0,
    }
    links = services.learning.rating_links(moved.id)
    services.learning.delete(moved.id)
    assert stored_rows(services, ada.id) == {(date(2026, 9, 1), ""): 2.5}
    services.learning.restore(moved, links)
    assert_in_step(services, ada)
    assert (date(2026, 10, 1), ALGORITHMS) in stored_rows(services, ada.id)


def test_many_entries_at_once_and_a_deleted_person(services: Services, ada: PersonRecord) -> None:
    bo = services.people.create(PersonDraft("Bo"))
    services.learning.add_many(
        ada.id,
        [draft(date(2024 + i // 12, i % 12 + 1, 5), 1.0 + i, PYTHON) for i in range(30)],
    )
    services.learning.add(bo.id, draft(date(2026, 1, 2), 4.0, PYTHON, ALGORITHMS))
    assert_in_step(services, ada, bo)
    assert len(stored_rows(services, ada.id)) == 30

    services.people.delete(ada.id)
    assert stored_rows(services, ada.id) == {}
    assert_in_step(services, bo)


def test_imports_and_review_packets_keep_the_sums(
    services: Services,
    ada: PersonRecord,
    tmp_path: Path,
    new_database_url: Callable[..., str],
) -> None:
    services.learning.add(ada.id, draft(date(2026, 3, 3), 3.0, PYTHON, MENTORING, ALGORITHMS))
    services.learning.add(ada.id, draft(date(2026, 4, 4), 1.0))
    # CSV round trip into the same person: every row again.
    export_log(services, ada.id, tmp_path / "log.csv")
    import_log(services, ada.id, tmp_path / "log.csv")
    assert stored_rows(services, ada.id)[(date(2026, 3, 1), PYTHON)] == 2.0
    assert_in_step(services, ada)

    # JSON export into a second database: the imported person has the same sums.
    write_export(services, tmp_path / "all.json")
    other = Services.open(new_database_url("other", migrated=True), services.clock)
    try:
        import_file(other, tmp_path / "all.json")
        [copy] = other.people.list()
        assert stored_rows(other, copy.id) == stored_rows(services, ada.id)

    finally:
        other.close()

    # Review packets into a mentor's database: the first adds a copy, the next replaces its log.
    mentor = Services.open(new_database_url("mentor", migrated=True), services.clock)
    try:
        write_packet(services, ada.id, tmp_path / "ada-1.json")
        import_packet(mentor, tmp_path / "ada-1.json")
        services.learning.add(ada.id, draft(date(2025, 12, 24), 8.0, MENTORING))
        write_packet(services, ada.id, tmp_path / "ada-2.json")
        assert import_packet(mentor, tmp_path / "ada-2.json").action == "updated"
        [copy] = mentor.people.list()
        assert stored_rows(mentor, copy.id) == stored_rows(services, ada.id)
        assert_in_step(mentor, copy)
    finally:
        mentor.close()


def test_the_demo_is_in_step(services: Services) -> None:
    seed_demo(services.database, date(2026, 11, 21))
    assert_in_step(services, *services.people.list())


@pytest.mark.parametrize(
    ("since", "until"),
    [
        (None, None),
        (date(2025, 11, 22), date(2026, 11, 21)),  # the default: both ends inside a month
        (date(2026, 2, 1), date(2026, 3, 31)),  # whole months only
        (date(2026, 2, 10), date(2026, 2, 20)),  # inside one month
        (date(2026, 2, 10), date(2026, 2, 28)),  # to a month's end
        (date(2026, 1, 1), date(2026, 1, 15)),
        (None, date(2026, 2, 14)),
        (date(2026, 2, 14), None),
    ],
)
def test_a_period_reads_the_same_as_the_log(
    services: Services, ada: PersonRecord, since: date | None, until: date | None
) -> None:
    days = [date(2025, 11, 20), date(2025, 11, 25), date(2026, 1, 1), date(2026, 1, 15)]
    days += [date(2026, 1, 16), date(2026, 2, 10), date(2026, 2, 20), date(2026, 2, 28)]
    days += [date(2026, 3, 31), date(2026, 11, 1), date(2026, 11, 21)]
    for index, day in enumerate(days):
        competencies = [(PYTHON,), (PYTHON, MENTORING), (), (ALGORITHMS, MENTORING, PYTHON)]
        services.learning.add(ada.id, draft(day, 1.0 + index, *competencies[index % 4]))
    with services.database.session() as session:
        live = month_hours.summed_from_log(session.connection(), ada.id, since, until)
    expected = sorted(
        (MonthHours(m, c or None, h) for m, c, h in live),
        key=lambda r: (r.month, r.competency_id is None, r.competency_id or ""),
    )
    got = LearningAggregates(services.database).hours_by_month(ada.id, since, until)
    assert [(r.month, r.competency_id) for r in got] == [
        (r.month, r.competency_id) for r in expected
    ]
    assert [r.hours for r in got] == pytest.approx([r.hours for r in expected])


def test_rewriting_many_months_at_once(services: Services, ada: PersonRecord) -> None:
    for month in range(1, 13):
        services.learning.add(ada.id, draft(date(2025, month, 2), 2.0, PYTHON, MENTORING))
    with services.database.session() as session:
        connection = session.connection()
        connection.execute(LearningMonthHours.__table__.delete())
        month_hours.refresh(connection, ada.id, [date(2025, m, 9) for m in range(1, 13)])
        partial = len(month_hours.stored(connection, ada.id, None, None))
        connection.execute(LearningMonthHours.__table__.delete())
        # More than a dozen months: read as one span, keeping only the wanted months.
        wanted = [date(2024, m, 1) for m in range(1, 13)] + [date(2025, 1, 1), date(2025, 3, 1)]
        month_hours.refresh(connection, ada.id, wanted)
        spanned = month_hours.stored(connection, ada.id, None, None)
    assert partial == 24
    assert sorted({m for m, _c, _h in spanned}) == [date(2025, 1, 1), date(2025, 3, 1)]
