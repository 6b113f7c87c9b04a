"""People: the one default person, or each mentee a mentor follows."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from planner.errors import NotFoundError, ValidationError
from planner.framework.schema import Framework
from planner.services.clock import Clock
from planner.services.frameworks import FrameworkService
from planner.services.records import PersonDraft, PersonRecord
from planner.services.validation import MAX_TITLE, FieldErrors
from planner.services.versions import bump, check_version, deleted_elsewhere
from planner.storage.database import Database
from planner.storage.models import Person


def person_record(row: Person) -> PersonRecord:
    """Plain copy of a stored person."""
    return PersonRecord(
        id=row.id,
        name=row.name,
        current_role=row.current_role,
        framework_id=row.framework_id,
        target_profile_id=row.target_profile_id,
        target_date=row.target_date,
        weekly_hours=row.weekly_hours,
        created_at=row.created_at,
        uid=row.uid,
        version=row.version,
        received_at=row.received_at,
    )


def get_person_row(session: Session, person_id: int) -> Person:
    """The stored person, or :class:`NotFoundError`."""
    row = session.get(Person, person_id)
    if row is None:
        raise NotFoundError(f"No person with id {person_id}.")
    return row


class PeopleService:
    """Create, change, list and remove people."""

    def __init__(self, database: Database, clock: Clock, frameworks: FrameworkService) -> None:
        self._db = database
        self._clock = clock
        self._frameworks = frameworks

    def list(self) -> list[PersonRecord]:
        """Everyone, by name."""
        with self._db.session() as session:
            return [
                person_record(p)
                for p in session.scalars(
                    select(Person).order_by(func.lower(Person.name), Person.id)
                )
            ]

    def count(self) -> int:
        """How many people the database holds."""
        with self._db.session() as session:
            return session.scalar(select(func.count(Person.id))) or 0

    def get(self, person_id: int) -> PersonRecord:
        """One person by id."""
        with self._db.session() as session:
            return person_record(get_person_row(session, person_id))

    def find(self, name: str | None) -> PersonRecord:
        """The person called ``name`` (any case); with no name, the only person."""
        people = self.list()
        if name is None:
            if len(people) == 1:
                return people[0]
            if not people:
                raise NotFoundError(
                    "The database holds no person yet; open the program to add yourself,"
                    " or run seed-demo for an example."
                )
            names = ", ".join(p.name for p in people)
            raise NotFoundError(f"The database holds several people; choose one of: {names}.")
        for person in people:
            if person.name.casefold() == name.strip().casefold():
                return person
        raise NotFoundError(f"No person called '{name}' in this database.")

    def framework_of(self, person: PersonRecord) -> Framework:
        """The framework a person is rated against."""
        return self._frameworks.get(person.framework_id)

    def create(self, draft: PersonDraft) -> PersonRecord:
        """Add a person."""
        self._validate(draft)
        with self._db.session() as session:
            row = Person(created_at=self._clock.now())
            _apply(row, draft)
            session.add(row)
            self._flush_unique(session, draft.name)
            return person_record(row)

    def update(
        self, person_id: int, draft: PersonDraft, *, expected_version: int | None = None
    ) -> PersonRecord:
        """Change a person's details, target or framework.

        With ``expected_version`` (the version the caller read), a change saved
        elsewhere in between is refused with :class:`~planner.errors.ConcurrentEditError`.
        """
        with self._db.session() as session:
            row = session.get(Person, person_id)
            if row is None and expected_version is not None:
                raise deleted_elsewhere("This person")
            row = get_person_row(session, person_id)
            check_version(row, expected_version, f"{row.name}'s record")
            self._validate(
                draft, person_id=person_id, keeps_target_date=draft.target_date == row.target_date
            )
            _apply(row, draft)
            bump(row)
            self._flush_unique(session, draft.name)
            return person_record(row)

    def delete(self, person_id: int) -> PersonRecord:
        """Remove a person and everything recorded for them."""
        with self._db.session() as session:
            row = get_person_row(session, person_id)
            record = person_record(row)
            session.delete(row)
            return record

    def _validate(
        self, draft: PersonDraft, *, person_id: int | None = None, keeps_target_date: bool = False
    ) -> None:
        errors = FieldErrors()
        errors.title("name", draft.name, "a name", MAX_TITLE)
        wanted = draft.name.strip().casefold()
        if any(p.name.casefold() == wanted and p.id != person_id for p in self.list()):
            errors.add("name", f"There is already a person called '{draft.name.strip()}'.")
        errors.text("current_role", draft.current_role, MAX_TITLE)
        try:
            framework = self._frameworks.get(draft.framework_id)
        except NotFoundError as exc:
            errors.add("framework_id", str(exc))
        else:
            if draft.target_profile_id not in {p.id for p in framework.profiles}:
                errors.add(
                    "target_profile_id",
                    f"'{draft.target_profile_id}' is not a profile of {framework.name}.",
                )
        past = draft.target_date is not None and draft.target_date < self._clock.today()
        if past and not keeps_target_date:
            errors.add("target_date", "The target date cannot be in the past.")
        if draft.weekly_hours is not None and not 0 < draft.weekly_hours <= 80:
            errors.add("weekly_hours", "Weekly hours must be more than 0 and at most 80.")
        errors.raise_if_any()

    @staticmethod
    def _flush_unique(session: Session, name: str) -> None:
        try:
            session.flush()
        except IntegrityError:
            raise ValidationError(
                {"name": f"There is already a person called '{name.strip()}'."}
            ) from None


def _apply(row: Person, draft: PersonDraft) -> None:
    row.name = draft.name.strip()
    row.current_role = draft.current_role.strip()
    row.framework_id = draft.framework_id
    row.target_profile_id = draft.target_profile_id
    row.target_date = draft.target_date
    row.weekly_hours = draft.weekly_hours
