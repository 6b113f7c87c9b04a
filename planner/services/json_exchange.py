"""Full JSON export and import of one person or the whole database.

Export writes a stable order (people by name; learning by date, creation, id;
assessments by date and id; goals by creation and id) and numbers learning
entries 1..n in it, so export -> import into an empty database -> export gives
the same bytes. Import is all-or-nothing: the whole file is checked first (see
:mod:`planner.services.export_format`) and then written in one session, so any
problem rolls back and the error names the place in the file.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from planner import __version__
from planner.errors import FileFormatError
from planner.framework.loader import builtin_framework, parse_framework, read_json_file
from planner.framework.schema import Framework
from planner.services.export_format import (
    EXPORT_FORMAT,
    EXPORT_FORMAT_VERSION,
    MAX_EXPORT_BYTES,
    AssessmentData,
    CommentData,
    DecisionData,
    ExportChecker,
    ExportFile,
    GoalData,
    LearningData,
    PersonData,
    goal_draft,
    parse_export,
    record_uids,
)
from planner.services.goals import apply_goal_draft
from planner.services.people import get_person_row
from planner.services.service_set import Services
from planner.storage import month_hours
from planner.storage.models import (
    Assessment,
    CustomFramework,
    Goal,
    GoalComment,
    LearningCompetency,
    LearningEntry,
    Person,
    Rating,
    SuggestionDecision,
    new_uid,
    rating_learning_links,
)
from planner.storage.month_hours import month_of


@dataclass(frozen=True)
class ImportSummary:
    """How many records an import added."""

    people: int
    learning_entries: int
    assessments: int
    goals: int
    decisions: int = 0
    frameworks: int = 0

    def __str__(self) -> str:
        parts = [
            (self.people, "person", "people"),
            (self.learning_entries, "learning entry", "learning entries"),
            (self.assessments, "assessment", "assessments"),
            (self.goals, "goal", "goals"),
            (self.decisions, "decision", "decisions"),
            (self.frameworks, "framework", "frameworks"),
        ]
        return ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in parts)


# --- export -----------------------------------------------------------------------------------


def export_database(services: Services, person_id: int | None = None) -> dict[str, Any]:
    """Everyone and every custom framework, or one person and the custom framework they use."""
    with services.database.session() as session:
        if person_id is None:
            people = list(session.scalars(select(Person).order_by(Person.name, Person.id)))
            frameworks = list(session.scalars(select(CustomFramework).order_by(CustomFramework.id)))
        else:
            people = [get_person_row(session, person_id)]
            own = session.get(CustomFramework, people[0].framework_id)
            frameworks = [own] if own is not None else []
        return {
            "format": EXPORT_FORMAT,
            "format_version": EXPORT_FORMAT_VERSION,
            "exported_at": services.clock.now().isoformat(),
            "app_version": __version__,
            "frameworks": [json.loads(row.content) for row in frameworks],
            "people": [export_person(session, person) for person in people],
        }


def write_export(services: Services, path: str | Path, person_id: int | None = None) -> None:
    """Write :func:`export_database` as UTF-8 JSON; an older file stays whole until the end."""
    data = export_database(services, person_id)
    write_text_atomically(Path(path), json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_text_atomically(path: Path, text: str) -> None:
    """Write UTF-8 through a temporary file and rename it, so a crash never leaves half a file."""
    temporary = path.with_name(f".{path.name}.partial")
    try:
        with temporary.open("w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def export_person(session: Session, person: Person) -> dict[str, Any]:
    """One person's whole record as export data (also the body of a review packet)."""
    # Plain rows rather than ORM objects for the log and the links: a log may hold 100,000.
    learning = session.execute(
        select(*LearningEntry.__table__.columns)
        .where(LearningEntry.person_id == person.id)
        .order_by(LearningEntry.completed_on, LearningEntry.created_at, LearningEntry.id)
    ).all()
    refs = {row.id: ref for ref, row in enumerate(learning, start=1)}
    competencies: dict[int, list[str]] = defaultdict(list)
    for entry_id, competency_id in session.execute(
        select(LearningCompetency.learning_entry_id, LearningCompetency.competency_id)
        .join(LearningEntry)
        .where(LearningEntry.person_id == person.id)
        .order_by(LearningCompetency.competency_id)
    ):
        competencies[entry_id].append(competency_id)
    rating_refs: dict[int, list[int]] = defaultdict(list)
    for rating_id, entry_id in session.execute(
        select(rating_learning_links.c.rating_id, rating_learning_links.c.learning_entry_id)
        .join(LearningEntry)
        .where(LearningEntry.person_id == person.id)
    ):
        rating_refs[rating_id].append(refs[entry_id])
    assessments = session.scalars(
        select(Assessment)
        .where(Assessment.person_id == person.id)
        .options(selectinload(Assessment.ratings))
        .order_by(Assessment.assessed_on, Assessment.id)
    )
    goals = session.scalars(
        select(Goal)
        .where(Goal.person_id == person.id)
        .options(
            selectinload(Goal.competencies),
            selectinload(Goal.milestones),
            selectinload(Goal.comments),
        )
        .order_by(Goal.created_at, Goal.id)
    )
    decisions = session.scalars(
        select(SuggestionDecision)
        .where(SuggestionDecision.person_id == person.id)
        .order_by(SuggestionDecision.suggestion_key)
    )
    return {
        "uid": person.uid,
        "name": person.name,
        "current_role": person.current_role,
        "framework_id": person.framework_id,
        "target_profile_id": person.target_profile_id,
        "target_date": _iso(person.target_date),
        "weekly_hours": person.weekly_hours,
        "created_at": person.created_at.isoformat(),
        "received_at": _iso(person.received_at),
        "learning": [
            {
                "ref": refs[row.id],
                "title": row.title,
                "kind": row.kind,
                "completed_on": row.completed_on.isoformat(),
                "hours": row.hours,
                "competency_ids": competencies[row.id],
                "notes": row.notes,
                "link": row.link,
                "created_at": row.created_at.isoformat(),
            }
            for row in learning
        ],
        "assessments": [_export_assessment(row, rating_refs) for row in assessments],
        "goals": [_export_goal(row) for row in goals],
        "decisions": [
            {
                "suggestion_key": row.suggestion_key,
                "decision": row.decision,
                "fingerprint": row.fingerprint,
                "decided_at": row.decided_at.isoformat(),
                "until": _iso(row.until),
            }
            for row in decisions
        ],
    }


def _export_assessment(row: Assessment, refs: Mapping[int, list[int]]) -> dict[str, Any]:
    return {
        "uid": row.uid,
        "assessed_on": row.assessed_on.isoformat(),
        "rater_kind": row.rater_kind,
        "rater_name": row.rater_name,
        "notes": row.notes,
        "created_at": row.created_at.isoformat(),
        "ratings": [
            {
                "competency_id": rating.competency_id,
                "level": rating.level,
                "evidence": rating.evidence,
                "learning_refs": sorted(refs.get(rating.id, ())),
            }
            for rating in row.ratings
        ],
    }


def _export_goal(row: Goal) -> dict[str, Any]:
    return {
        "uid": row.uid,
        "title": row.title,
        "description": row.description,
        "competencies": [
            {"competency_id": link.competency_id, "target_level": link.target_level}
            for link in row.competencies
        ],
        "due_date": _iso(row.due_date),
        "priority": row.priority,
        "status": row.status,
        "created_at": row.created_at.isoformat(),
        "completed_at": _iso(row.completed_at),
        "milestones": [
            {"text": m.text, "done": m.done, "due_date": _iso(m.due_date)} for m in row.milestones
        ],
        "comments": [
            {
                "uid": c.uid,
                "author": c.author,
                "body": c.body,
                "created_at": c.created_at.isoformat(),
            }
            for c in row.comments
        ],
    }


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


# --- import -----------------------------------------------------------------------------------


def import_file(services: Services, path: str | Path) -> ImportSummary:
    """Add what an export file holds; a bad file raises :class:`FileFormatError`, adds nothing."""
    export = parse_export(read_json_file(Path(path), MAX_EXPORT_BYTES), path)
    checker = ExportChecker(path, services.clock.today(), services.clock.now())
    services.backups.before_change("before-import")
    with services.database.session() as session:
        return RecordImporter(session, checker, services.clock.now()).run(export)


UID_QUERY_CHUNK = 500


class RecordImporter:
    """Checks the whole file against the database, then inserts it, inside one session.

    Review packets reuse its pieces: frameworks, uid checks and adding a person's records.
    """

    def __init__(self, session: Session, checker: ExportChecker, now: datetime) -> None:
        self._session = session
        self._checker = checker
        self._now = now
        self._frameworks: dict[str, Framework] = {}

    def run(self, export: ExportFile) -> ImportSummary:
        """Check everything first, then add frameworks and people; counts what was added."""
        new_frameworks = self.check_frameworks(export.frameworks)
        stored = set(self._session.scalars(select(Person.name)))
        earlier: set[str] = set()
        for index, person in enumerate(export.people):
            at = f"$.people[{index}]"
            name = person.name.strip()
            if name in stored:
                self._checker.fail(
                    f"{at}.name",
                    f"a person called {name} already exists; rename or remove them first",
                )
            if name in earlier:
                self._checker.fail(f"{at}.name", f"{name} is given earlier in the file already")
            earlier.add(name)
            framework = self.framework(f"{at}.framework_id", person.framework_id)
            self._checker.check_person(at, person, framework)
            self.check_new_uids(at, person)
        self._checker.check_uids(
            [(f"$.people[{index}]", person) for index, person in enumerate(export.people)]
        )
        self.add_frameworks(new_frameworks)
        for person in export.people:
            self.add_person(person)
        self._session.flush()
        people = export.people
        return ImportSummary(
            people=len(people),
            learning_entries=sum(len(p.learning) for p in people),
            assessments=sum(len(p.assessments) for p in people),
            goals=sum(len(p.goals) for p in people),
            decisions=sum(len(p.decisions) for p in people),
            frameworks=len(new_frameworks),
        )

    def check_frameworks(
        self, frameworks: Sequence[dict[str, Any]]
    ) -> list[tuple[Framework, dict[str, Any]]]:
        """Check the file's frameworks; those the database lacks yet, with their content."""
        checked = [self._check_framework(i, content) for i, content in enumerate(frameworks)]
        return [(framework, content) for framework, content, new in checked if new]

    def add_frameworks(self, frameworks: Sequence[tuple[Framework, dict[str, Any]]]) -> None:
        """Store frameworks :meth:`check_frameworks` found new."""
        for framework, content in frameworks:
            self._session.add(
                CustomFramework(
                    id=framework.id,
                    name=framework.name,
                    version=framework.version,
                    content=json.dumps(content, ensure_ascii=False),
                    imported_at=self._now,
                )
            )

    def check_new_uids(self, at: str, data: PersonData) -> None:
        """Fail when a uid of the person's records already names something in the database."""
        if data.uid is not None:
            holder = self._session.scalar(select(Person.name).where(Person.uid == data.uid))
            if holder is not None:
                self._checker.fail(
                    f"{at}.uid", f"this person is already in the database (as {holder})"
                )
        found = record_uids(at, data)
        owners = self.owners_of(found)
        for path, uid, _kind in found:
            if uid in owners:
                self._checker.fail(path, f"uid {uid} already names a record in this database")

    def owners_of(self, found: Sequence[tuple[str, str, str]]) -> dict[str, int]:
        """Which person holds each given uid already (uids the database lacks are left out).

        ``found`` is what :func:`record_uids` returns; one query per kind and 500 uids.
        """
        owners: dict[str, int] = {}
        for kind in ("assessment", "goal", "comment"):
            uids = [uid for _path, uid, of_kind in found if of_kind == kind]
            for start in range(0, len(uids), UID_QUERY_CHUNK):
                chunk = uids[start : start + UID_QUERY_CHUNK]
                if kind == "assessment":
                    query = select(Assessment.uid, Assessment.person_id).where(
                        Assessment.uid.in_(chunk)
                    )
                elif kind == "goal":
                    query = select(Goal.uid, Goal.person_id).where(Goal.uid.in_(chunk))
                else:
                    query = (
                        select(GoalComment.uid, Goal.person_id)
                        .join(Goal)
                        .where(GoalComment.uid.in_(chunk))
                    )
                owners.update({uid: person for uid, person in self._session.execute(query)})
        return owners

    def _check_framework(
        self, index: int, content: dict[str, Any]
    ) -> tuple[Framework, dict[str, Any], bool]:
        """A framework of the file, its content, and whether the database lacks it yet."""
        at = f"$.frameworks[{index}]"
        try:
            framework = parse_framework(content, self._checker.file)
        except FileFormatError as exc:
            self._checker.fail(at + exc.location.removeprefix("$"), exc.problem)
        if framework.id == builtin_framework().id or framework.id in self._frameworks:
            self._checker.fail(f"{at}.id", f"framework '{framework.id}' is built in or given twice")
        self._frameworks[framework.id] = framework
        row = self._session.get(CustomFramework, framework.id)
        if row is not None and json.loads(row.content) != content:
            self._checker.fail(
                f"{at}.id",
                f"this database already has a different framework '{framework.id}';"
                " import the file's version as a framework first",
            )
        return framework, content, row is None

    def framework(self, at: str, framework_id: str) -> Framework:
        """The framework ``framework_id`` from the file or the database; fails at ``at``."""
        if framework_id not in self._frameworks:
            if framework_id == builtin_framework().id:
                self._frameworks[framework_id] = builtin_framework()
            else:
                row = self._session.get(CustomFramework, framework_id)
                if row is None:
                    self._checker.fail(
                        at, f"no framework '{framework_id}' in this database or in the file"
                    )
                content = json.loads(row.content)
                self._frameworks[framework_id] = parse_framework(content, f"framework {row.id}")
        return self._frameworks[framework_id]

    def add_learning(self, person_id: int, items: Sequence[LearningData]) -> dict[int, int]:
        """Insert in bulk (a log may hold 100,000 entries); returns the id of each ref."""
        if not items:
            return {}
        # The same normalisation as apply_learning_draft, without an ORM object per row.
        rows = [
            {
                "person_id": person_id,
                "title": item.title.strip(),
                "kind": item.kind.value,
                "completed_on": item.completed_on,
                "hours": float(item.hours),
                "notes": item.notes,
                "link": item.link.strip(),
                "created_at": item.created_at,
            }
            for item in items
        ]
        statement = insert(LearningEntry).returning(LearningEntry.id, sort_by_parameter_order=True)
        ids = list(self._session.scalars(statement, rows))
        competencies = [
            {"learning_entry_id": entry_id, "competency_id": competency_id}
            for entry_id, item in zip(ids, items, strict=True)
            for competency_id in item.competency_ids
        ]
        if competencies:
            self._session.execute(insert(LearningCompetency), competencies)
        # Bulk inserts bypass the flush that keeps the monthly sums, so rewrite them here.
        month_hours.refresh(
            self._session.connection(), person_id, {month_of(i.completed_on) for i in items}
        )
        return {item.ref: entry_id for item, entry_id in zip(items, ids, strict=True)}

    def add_person(self, data: PersonData) -> Person:
        """Insert a checked person with everything recorded for them."""
        person = Person(
            name=data.name.strip(),
            current_role=data.current_role.strip(),
            framework_id=data.framework_id,
            target_profile_id=data.target_profile_id,
            target_date=data.target_date,
            weekly_hours=data.weekly_hours,
            created_at=data.created_at,
            received_at=data.received_at,
            uid=data.uid or new_uid(),
        )
        self._session.add(person)
        self._session.flush()
        entry_ids = self.add_learning(person.id, data.learning)
        self.add_assessments(person.id, data.assessments, entry_ids)
        for goal in data.goals:
            self.add_goal(person.id, goal)
        self.add_decisions(person.id, data.decisions)
        return person

    def add_assessments(
        self, person_id: int, items: Sequence[AssessmentData], entry_ids: Mapping[int, int]
    ) -> None:
        """Insert checked assessments; ``entry_ids`` maps learning refs to stored ids."""
        assessments = []
        for assessment in items:
            row = Assessment(
                person_id=person_id,
                assessed_on=assessment.assessed_on,
                rater_kind=assessment.rater_kind.value,
                rater_name=(assessment.rater_name or "").strip() or None,
                notes=assessment.notes,
                created_at=assessment.created_at,
                uid=assessment.uid or new_uid(),
            )
            row.ratings = [
                Rating(competency_id=r.competency_id, level=r.level, evidence=r.evidence)
                for r in assessment.ratings
            ]
            self._session.add(row)
            assessments.append((row, assessment))
        self._session.flush()
        links = [
            {"rating_id": rating.id, "learning_entry_id": entry_ids[ref]}
            for row, assessment in assessments
            for rating, data_rating in zip(row.ratings, assessment.ratings, strict=True)
            for ref in data_rating.learning_refs
        ]
        if links:
            self._session.execute(insert(rating_learning_links), links)

    def add_goal(self, person_id: int, goal: GoalData) -> Goal:
        """Insert a checked goal with its milestones and comments."""
        row = Goal(
            person_id=person_id,
            created_at=goal.created_at,
            status=goal.status.value,
            uid=goal.uid or new_uid(),
        )
        apply_goal_draft(row, goal_draft(goal), self._now)
        row.completed_at = goal.completed_at
        row.comments = [comment_row(comment) for comment in goal.comments]
        self._session.add(row)
        return row

    def add_decisions(self, person_id: int, items: Sequence[DecisionData]) -> None:
        """Insert a person's checked decisions about suggestions."""
        for decision in items:
            self._session.add(
                SuggestionDecision(
                    person_id=person_id,
                    suggestion_key=decision.suggestion_key,
                    decision=decision.decision.value,
                    fingerprint=decision.fingerprint,
                    decided_at=decision.decided_at,
                    until=decision.until,
                )
            )


def comment_row(data: CommentData) -> GoalComment:
    """A new comment row from a checked file's comment (its goal is set by the caller)."""
    return GoalComment(
        uid=data.uid or new_uid(),
        author=data.author.strip(),
        body=data.body.strip(),
        created_at=data.created_at,
    )
