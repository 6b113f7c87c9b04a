"""Assessments: dated snapshots of a level per competency. History is kept, never overwritten."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from planner.errors import NotFoundError
from planner.framework.schema import Framework
from planner.services.clock import Clock
from planner.services.people import PeopleService, get_person_row
from planner.services.records import AssessmentDraft, AssessmentRecord, RatingRecord
from planner.services.validation import MAX_TITLE, FieldErrors
from planner.storage.database import Database
from planner.storage.models import Assessment, LearningEntry, Rating, rating_learning_links
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
        with self._db.session() as session:
            return read_assessments(session, Assessment.person_id == person_id)

    def latest(
        self, person_id: int, rater_kind: RaterKind | None = None
    ) -> AssessmentRecord | None:
        """The most recent assessment (optionally of one kind of rater), or None."""
        newest = select(Assessment.id).where(Assessment.person_id == person_id)
        if rater_kind is not None:
            newest = newest.where(Assessment.rater_kind == RaterKind(rater_kind).value)
        newest = newest.order_by(Assessment.assessed_on.desc(), Assessment.id.desc()).limit(1)
        with self._db.session() as session:
            found = read_assessments(session, Assessment.id == newest.scalar_subquery())
        return found[0] if found else None

    def get(self, assessment_id: int) -> AssessmentRecord:
        """One assessment by id (plain columns, as :meth:`list_for`: charts read it often)."""
        with self._db.session() as session:
            found = read_assessments(session, Assessment.id == assessment_id)
        if not found:
            raise NotFoundError(f"No assessment with id {assessment_id}.")
        return found[0]

    def delete(self, assessment_id: int) -> AssessmentRecord:
        """Remove an assessment recorded by mistake; returns it for undo."""
        with self._db.session() as session:
            row = _get_assessment(session, assessment_id)
            record = assessment_record(row)
            session.delete(row)
            return record


def read_assessments(session: Session, condition: ColumnElement[bool]) -> list[AssessmentRecord]:
    """Assessments matching ``condition`` with their ratings, by person then oldest first.

    Three plain-column queries (assessments, ratings, rating links) on the session's
    connection instead of ORM objects: a person with years of assessments loads in
    milliseconds, which the Skills view, the Dashboard and the Mentees overview need
    on every opening.
    """
    table = Assessment.__table__
    rating = Rating.__table__
    link = rating_learning_links
    connection = session.connection()  # Core rows: no ORM work per row
    heads = connection.execute(
        select(
            table.c.id,
            table.c.person_id,
            table.c.assessed_on,
            table.c.rater_kind,
            table.c.rater_name,
            table.c.notes,
            table.c.created_at,
            table.c.uid,
        )
        .where(condition)
        .order_by(table.c.person_id, table.c.assessed_on, table.c.id)
    ).all()
    if not heads:
        return []
    chosen = select(table.c.id).where(condition)
    ratings = connection.execute(
        select(
            rating.c.id,
            rating.c.assessment_id,
            rating.c.competency_id,
            rating.c.level,
            rating.c.evidence,
        )
        .where(rating.c.assessment_id.in_(chosen))
        .order_by(rating.c.id)
    ).all()
    linked: dict[int, list[int]] = defaultdict(list)
    for rating_id, entry_id in connection.execute(
        select(link.c.rating_id, link.c.learning_entry_id)
        .join(rating, rating.c.id == link.c.rating_id)
        .where(rating.c.assessment_id.in_(chosen))
        .order_by(link.c.rating_id, link.c.learning_entry_id)
    ):
        linked[rating_id].append(entry_id)
    links = {rating_id: tuple(ids) for rating_id, ids in linked.items()}
    by_assessment: dict[int, list[RatingRecord]] = defaultdict(list)
    for rating_id, assessment_id, competency_id, level, evidence in ratings:
        by_assessment[assessment_id].append(
            RatingRecord(competency_id, level, evidence, links.get(rating_id, ()))
        )
    return [
        AssessmentRecord(
            id=head.id,
            person_id=head.person_id,
            assessed_on=head.assessed_on,
            rater_kind=RaterKind(head.rater_kind),
            rater_name=head.rater_name,
            notes=head.notes,
            created_at=head.created_at,
            ratings=tuple(by_assessment.get(head.id, ())),
            uid=head.uid,
        )
        for head in heads
    ]


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
