"""The learning log: what a person completed, when, for how long, serving which competencies."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.errors import NotFoundError
from planner.framework.schema import Framework
from planner.services.clock import Clock
from planner.services.people import PeopleService, get_person_row
from planner.services.records import LearningDraft, LearningRecord
from planner.services.validation import MAX_LINK, FieldErrors
from planner.services.versions import bump, check_version, deleted_elsewhere
from planner.storage.database import Database
from planner.storage.models import (
    LearningCompetency,
    LearningEntry,
    Rating,
    rating_learning_links,
)
from planner.vocabulary import LEARNING_KINDS, LearningKind


def learning_record(row: LearningEntry) -> LearningRecord:
    """Plain copy of a stored entry."""
    return LearningRecord(
        id=row.id,
        person_id=row.person_id,
        title=row.title,
        kind=LearningKind(row.kind),
        completed_on=row.completed_on,
        hours=row.hours,
        notes=row.notes,
        link=row.link,
        created_at=row.created_at,
        competency_ids=tuple(sorted(link.competency_id for link in row.competencies)),
        version=row.version,
    )


def apply_learning_draft(row: LearningEntry, draft: LearningDraft) -> None:
    """Copy a validated draft onto a row (shared with import)."""
    row.title = draft.title.strip()
    row.kind = LearningKind(draft.kind).value
    row.completed_on = draft.completed_on
    row.hours = float(draft.hours)
    row.notes = draft.notes
    row.link = draft.link.strip()
    row.competencies = [
        LearningCompetency(competency_id=c) for c in sorted(set(draft.competency_ids))
    ]


def learning_errors(draft: LearningDraft, framework: Framework, today: date) -> FieldErrors:
    """Problems of a learning entry, per field (shared by the service and the importers)."""
    errors = FieldErrors()
    errors.title("title", draft.title)
    if draft.kind not in set(LearningKind):
        errors.add("kind", f"Unknown kind '{draft.kind}'.")
    errors.past_date("completed_on", draft.completed_on, today, "The completion date")
    errors.hours("hours", draft.hours)
    errors.competencies("competency_ids", draft.competency_ids, framework)
    errors.text("notes", draft.notes)
    errors.text("link", draft.link, MAX_LINK)
    return errors


class LearningLogService:
    """Add, edit, delete and list learning entries."""

    def __init__(self, database: Database, clock: Clock, people: PeopleService) -> None:
        self._db = database
        self._clock = clock
        self._people = people

    def validate(self, person_id: int, draft: LearningDraft) -> None:
        """Raise :class:`~planner.errors.ValidationError` naming every bad field."""
        self._validate(draft, self._people.framework_of(self._people.get(person_id)))

    def _validate(self, draft: LearningDraft, framework: Framework) -> None:
        learning_errors(draft, framework, self._clock.today()).raise_if_any()

    def add(self, person_id: int, draft: LearningDraft) -> LearningRecord:
        """Log a completed piece of learning."""
        self.validate(person_id, draft)
        with self._db.session() as session:
            get_person_row(session, person_id)
            row = LearningEntry(person_id=person_id, created_at=self._clock.now())
            apply_learning_draft(row, draft)
            session.add(row)
            session.flush()
            return learning_record(row)

    def update(
        self, entry_id: int, draft: LearningDraft, *, expected_version: int | None = None
    ) -> LearningRecord:
        """Change an entry.

        With ``expected_version`` (the version the caller read), a change saved
        elsewhere in between is refused with :class:`~planner.errors.ConcurrentEditError`.
        """
        with self._db.session() as session:
            row = _get_entry(session, entry_id, expected_version)
            person_id = row.person_id
        self.validate(person_id, draft)
        with self._db.session() as session:
            row = _get_entry(session, entry_id, expected_version)
            check_version(row, expected_version, f"The learning entry “{row.title}”")
            apply_learning_draft(row, draft)
            bump(row)
            session.flush()
            return learning_record(row)

    def delete(self, entry_id: int, *, expected_version: int | None = None) -> LearningRecord:
        """Remove an entry; returns it so the caller can offer undo."""
        with self._db.session() as session:
            row = _get_entry(session, entry_id, expected_version)
            check_version(row, expected_version, f"The learning entry “{row.title}”")
            record = learning_record(row)
            session.delete(row)
            return record

    def rating_links(self, entry_id: int) -> tuple[int, ...]:
        """Ids of the ratings that cite an entry as evidence (to keep for an undo)."""
        query = select(rating_learning_links.c.rating_id).where(
            rating_learning_links.c.learning_entry_id == entry_id
        )
        with self._db.session() as session:
            return tuple(sorted(session.scalars(query)))

    def restore(self, record: LearningRecord, rating_ids: Sequence[int] = ()) -> LearningRecord:
        """Re-create a deleted entry as it was (undo of a delete), with its evidence links.

        Ratings deleted since are skipped: a link to nothing is no evidence.
        """
        self.validate(record.person_id, record.to_draft())
        with self._db.session() as session:
            get_person_row(session, record.person_id)
            row = LearningEntry(person_id=record.person_id, created_at=record.created_at)
            apply_learning_draft(row, record.to_draft())
            session.add(row)
            session.flush()
            existing = session.scalars(select(Rating.id).where(Rating.id.in_(rating_ids))).all()
            if existing:
                session.execute(
                    rating_learning_links.insert(),
                    [{"rating_id": r, "learning_entry_id": row.id} for r in sorted(existing)],
                )
            return learning_record(row)

    def get(self, entry_id: int) -> LearningRecord:
        """One entry by id."""
        with self._db.session() as session:
            return learning_record(_get_entry(session, entry_id))

    def list_for(
        self,
        person_id: int,
        *,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[LearningRecord]:
        """A person's entries, newest first, optionally within dates.

        Reads plain columns rather than ORM objects: a long log (thousands of
        entries) then loads in milliseconds, which the log view and charts need.
        """
        entry = LearningEntry.__table__
        link = LearningCompetency.__table__
        where = [entry.c.person_id == person_id]
        if since is not None:
            where.append(entry.c.completed_on >= since)
        if until is not None:
            where.append(entry.c.completed_on <= until)
        query = (
            select(
                entry.c.id,
                entry.c.title,
                entry.c.kind,
                entry.c.completed_on,
                entry.c.hours,
                entry.c.notes,
                entry.c.link,
                entry.c.created_at,
                entry.c.version,
            )
            .where(*where)
            .order_by(entry.c.completed_on.desc(), entry.c.id.desc())
            .limit(limit)
        )
        with self._db.session() as session:
            rows = session.execute(query).all()
            wanted = select(query.with_only_columns(entry.c.id).subquery().c.id)
            links = session.execute(
                select(link.c.learning_entry_id, link.c.competency_id)
                .where(link.c.learning_entry_id.in_(wanted))
                .order_by(link.c.learning_entry_id, link.c.competency_id)
            ).all()
        competencies: dict[int, list[str]] = {}
        for entry_id, competency_id in links:
            competencies.setdefault(entry_id, []).append(competency_id)
        kinds = LEARNING_KINDS
        return [
            LearningRecord(
                entry_id,
                person_id,
                title,
                kinds[kind],
                completed_on,
                hours,
                notes,
                link_text,
                created_at,
                tuple(competencies.get(entry_id, ())),
                version,
            )
            for (
                entry_id,
                title,
                kind,
                completed_on,
                hours,
                notes,
                link_text,
                created_at,
                version,
            ) in rows
        ]

    def count(self, person_id: int) -> int:
        """How many entries a person has."""
        with self._db.session() as session:
            query = select(func.count(LearningEntry.id)).where(LearningEntry.person_id == person_id)
            return session.scalar(query) or 0

    def add_many(self, person_id: int, drafts: Sequence[LearningDraft]) -> list[LearningRecord]:
        """Add several entries in one transaction: all of them, or none if any is invalid."""
        framework = self._people.framework_of(self._people.get(person_id))
        for draft in drafts:
            self._validate(draft, framework)
        with self._db.session() as session:
            get_person_row(session, person_id)
            now = self._clock.now()
            rows = []
            for draft in drafts:
                row = LearningEntry(person_id=person_id, created_at=now)
                apply_learning_draft(row, draft)
                rows.append(row)
            session.add_all(rows)
            session.flush()
            return [learning_record(row) for row in rows]


def _get_entry(
    session: Session, entry_id: int, expected_version: int | None = None
) -> LearningEntry:
    row = session.get(LearningEntry, entry_id)
    if row is None:
        if expected_version is not None:
            raise deleted_elsewhere("This learning entry")
        raise NotFoundError(f"No learning entry with id {entry_id}.")
    return row
