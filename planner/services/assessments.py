"""Assessments: dated snapshots of a level per competency. History is kept, never overwritten."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from planner.errors import NotFoundError
from planner.framework.schema import Framework
from planner.services.clock import Clock
from planner.services.people import PeopleService, get_person_row
from planner.services.records import AssessmentDraft, AssessmentRecord, RatingRecord
from planner.services.validation import MAX_TITLE, FieldErrors
from planner.storage.database import Database
from planner.storage.models import Assessment, LearningEntry, Rating
from planner.vocabulary import RaterKind


def assessment_record(row: Assessment) -> AssessmentRecord:
    """Plain copy of a stored assessment with its ratings."""
    return AssessmentRecord(
        id=row.id,
        person_id=row.person_id,
        assessed_on=row.assessed_on,
        rater_kind=RaterKind(row.rater_kind),
        rater_name=row.rater_name,
        notes=row.notes,
        created_at=row.created_at,
        ratings=tuple(
            RatingRecord(
                r.competency_id, r.level, r.evidence, tuple(e.id for e in r.learning_entries)
            )
            for r in row.ratings
        ),
        uid=row.uid,
    )


def validate_assessment(draft: AssessmentDraft, framework: Framework, today: date) -> None:
    """Raise a :class:`~planner.errors.ValidationError` naming every bad field of ``draft``."""
    errors = FieldErrors()
    errors.past_date("assessed_on", draft.assessed_on, today, "The assessment date")
    if draft.rater_kind not in set(RaterKind):
        errors.add("rater_kind", f"Unknown rater '{draft.rater_kind}'.")
    elif draft.rater_kind == RaterKind.MENTOR:
        errors.title("rater_name", draft.rater_name or "", "the mentor's name", MAX_TITLE)
    errors.text("notes", draft.notes)
    if not draft.ratings:
        errors.add("ratings", "Rate at least one competency.")
    errors.competencies("ratings", [r.competency_id for r in draft.ratings], framework)
    for rating in draft.ratings:
        errors.level(f"ratings.{rating.competency_id}", rating.level, framework)
        errors.text(f"ratings.{rating.competency_id}.evidence", rating.evidence)
    errors.raise_if_any()


class AssessmentService:
    """Record and read assessments."""

    def __init__(self, database: Database, clock: Clock, people: PeopleService) -> None:
        self._db = database
        self._clock = clock
        self._people = people

    def create(self, person_id: int, draft: AssessmentDraft) -> AssessmentRecord:
        """Store a new snapshot; earlier ones stay as they were."""
        framework = self._people.framework_of(self._people.get(person_id))
        validate_assessment(draft, framework, self._clock.today())
        with self._db.session() as session:
            get_person_row(session, person_id)
            row = Assessment(
                person_id=person_id,
                assessed_on=draft.assessed_on,
                rater_kind=RaterKind(draft.rater_kind).value,
                rater_name=(draft.rater_name or "").strip() or None
                if draft.rater_kind == RaterKind.MENTOR
                else None,
                notes=draft.notes,
                created_at=self._clock.now(),
            )
            for rating in draft.ratings:
                entries = _learning_entries(session, person_id, rating.learning_entry_ids)
                row.ratings.append(
                    Rating(
                        competency_id=rating.competency_id,
                        level=rating.level,
                        evidence=rating.evidence,
                        learning_entries=entries,
                    )
                )
            session.add(row)
            session.flush()
            return assessment_record(row)

    def list_for(self, person_id: int) -> list[AssessmentRecord]:
        """A person's assessments, oldest first."""
        query = (
            select(Assessment)
            .where(Assessment.person_id == person_id)
            .options(selectinload(Assessment.ratings).selectinload(Rating.learning_entries))
            .order_by(Assessment.assessed_on, Assessment.id)
        )
        with self._db.session() as session:
            return [assessment_record(row) for row in session.scalars(query)]

    def latest(
        self, person_id: int, rater_kind: RaterKind | None = None
    ) -> AssessmentRecord | None:
        """The most recent assessment (optionally of one kind of rater), or None."""
        found = [
            a for a in self.list_for(person_id) if rater_kind is None or a.rater_kind is rater_kind
        ]
        return found[-1] if found else None

    def get(self, assessment_id: int) -> AssessmentRecord:
        """One assessment by id."""
        with self._db.session() as session:
            return assessment_record(_get_assessment(session, assessment_id))

    def delete(self, assessment_id: int) -> AssessmentRecord:
        """Remove an assessment recorded by mistake; returns it for undo."""
        with self._db.session() as session:
            row = _get_assessment(session, assessment_id)
            record = assessment_record(row)
            session.delete(row)
            return record


def _learning_entries(
    session: Session, person_id: int, ids: tuple[int, ...]
) -> list[LearningEntry]:
    if not ids:
        return []
    rows = list(
        session.scalars(
            select(LearningEntry).where(
                LearningEntry.id.in_(ids), LearningEntry.person_id == person_id
            )
        )
    )
    missing = set(ids) - {row.id for row in rows}
    if missing:
        raise NotFoundError(f"No learning entries {sorted(missing)} for this person.")
    return rows


def _get_assessment(session: Session, assessment_id: int) -> Assessment:
    row = session.get(Assessment, assessment_id)
    if row is None:
        raise NotFoundError(f"No assessment with id {assessment_id}.")
    return row
