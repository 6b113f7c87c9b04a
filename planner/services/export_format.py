"""The versioned export file: everything recorded for one person or the whole database.

The pydantic models check the *shape* of a file (types, closed vocabularies,
string and list sizes) strictly; :class:`ExportChecker` then checks its *meaning*
(dates not in the future, levels on the framework's scale, ...) with the rules
the services apply. Either way a hand-edited or foreign file is refused with the
JSON path of its first problem, before anything is written.

Layout (``format_version`` 2)::

    {"format": "learning-path-planner/export", "format_version": 2,
     "exported_at": "2026-11-21T12:00:00", "app_version": "0.1.0",
     "frameworks": [<custom framework file content>, ...],
     "people": [{"uid", "name", "current_role", "framework_id", "target_profile_id",
                 "target_date", "weekly_hours", "created_at", "received_at",
                 "learning": [{"ref", "title", "kind", "completed_on", "hours",
                               "competency_ids", "notes", "link", "created_at"}],
                 "assessments": [{"uid", "assessed_on", "rater_kind", "rater_name", "notes",
                                  "created_at", "ratings": [{"competency_id", "level",
                                  "evidence", "learning_refs"}]}],
                 "goals": [{"uid", "title", "description", "competencies": [{"competency_id",
                            "target_level"}], "due_date", "priority", "status",
                            "created_at", "completed_at",
                            "milestones": [{"text", "done", "due_date"}],
                            "comments": [{"uid", "author", "body", "created_at"}]}],
                 "decisions": [{"suggestion_key", "decision", "fingerprint",
                                "decided_at", "until"}]}]}

Dates are ``YYYY-MM-DD``; timestamps are ISO 8601, naive UTC. A learning entry's
``ref`` is a number local to its person, used by ratings' ``learning_refs``. A ``uid``
is a UUID that names a person, assessment, goal or comment in every database it
travels to (review packets match records by it); ``received_at`` marks a mentor's
copy of someone who records elsewhere. Version 1 files (no uids, no comments) are
still read; the missing uids are made up on import.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal, NoReturn

import pydantic
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from planner.errors import FileFormatError, ValidationError, file_error_from_pydantic
from planner.framework.schema import Framework
from planner.services.assessments import validate_assessment
from planner.services.goals import validate_goal
from planner.services.learning_log import learning_errors
from planner.services.records import (
    AssessmentDraft,
    GoalCompetencyDraft,
    GoalDraft,
    LearningDraft,
    MilestoneDraft,
    RatingDraft,
)
from planner.services.validation import (
    EARLIEST_DATE,
    MAX_LINK,
    MAX_MILESTONE,
    MAX_NOTES,
    MAX_TITLE,
    FieldErrors,
)
from planner.vocabulary import DecisionKind, GoalPriority, GoalStatus, LearningKind, RaterKind

EXPORT_FORMAT = "learning-path-planner/export"
EXPORT_FORMAT_VERSION = 2
MAX_EXPORT_BYTES = 512 * 1024 * 1024
MAX_PEOPLE = 10_000
MAX_LEARNING = 1_000_000
MAX_ASSESSMENTS = 100_000
MAX_GOALS = 100_000
MAX_DECISIONS = 100_000
MAX_FRAMEWORKS = 1_000
MAX_LINKS = 1_000  # competencies of an entry, goal or assessment
MAX_MILESTONES = 10_000
MAX_COMMENTS = 10_000
MAX_COMMENT = 20_000
MAX_ID = 64  # the database's length of a framework, profile or competency id

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
UID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


def _parse_date(value: Any) -> Any:
    """Accept only a ``YYYY-MM-DD`` string: JSON has no date type, and nothing else is one."""
    if not isinstance(value, str):
        raise ValueError('expected a date written as "YYYY-MM-DD"')
    if not _ISO_DATE.fullmatch(value):
        raise ValueError(f"'{value[:40]}' is not a date written as YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a date of the calendar") from None


def _parse_timestamp(value: Any) -> Any:
    """Accept an ISO 8601 string; one with a time zone becomes naive UTC like the database."""
    if not isinstance(value, str):
        raise ValueError('expected a time written as "YYYY-MM-DDTHH:MM:SS"')
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value[:40]}' is not a time written as YYYY-MM-DDTHH:MM:SS") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


IsoDate = Annotated[date, BeforeValidator(_parse_date)]
Timestamp = Annotated[datetime, BeforeValidator(_parse_timestamp)]
Title = Annotated[str, StringConstraints(max_length=MAX_TITLE)]
Notes = Annotated[str, StringConstraints(max_length=MAX_NOTES)]
Link = Annotated[str, StringConstraints(max_length=MAX_LINK)]
Identifier = Annotated[str, StringConstraints(max_length=MAX_ID)]
Uid = Annotated[str, StringConstraints(pattern=UID_PATTERN)]
Number = Annotated[float, Field(allow_inf_nan=False)]
Level = Annotated[int, Field(ge=-1000, le=1000)]
# Enum values arrive as strings from JSON; strict mode would only take enum members.
Kind = Annotated[LearningKind, Field(strict=False)]
Rater = Annotated[RaterKind, Field(strict=False)]
Priority = Annotated[GoalPriority, Field(strict=False)]
Status = Annotated[GoalStatus, Field(strict=False)]
Decision = Annotated[DecisionKind, Field(strict=False)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class LearningData(_Strict):
    """A learning log entry; ``ref`` lets ratings point at it within the file."""

    ref: Annotated[int, Field(ge=1, le=MAX_LEARNING)]
    title: Title
    kind: Kind
    completed_on: IsoDate
    hours: Number
    competency_ids: Annotated[list[Identifier], Field(max_length=MAX_LINKS)]
    notes: Notes
    link: Link
    created_at: Timestamp


class RatingData(_Strict):
    """One competency's level in an assessment, with the learning that backs it."""

    competency_id: Identifier
    level: Level
    evidence: Notes
    learning_refs: Annotated[list[int], Field(max_length=MAX_LEARNING)]


class AssessmentData(_Strict):
    """A dated snapshot of levels."""

    uid: Uid | None = None
    assessed_on: IsoDate
    rater_kind: Rater
    rater_name: Title | None
    notes: Notes
    created_at: Timestamp
    ratings: Annotated[list[RatingData], Field(max_length=MAX_LINKS)]


class GoalCompetencyData(_Strict):
    """A competency a goal serves and the level it aims for."""

    competency_id: Identifier
    target_level: Level


class MilestoneData(_Strict):
    """One step of a goal; the list order is the milestones' order."""

    text: Annotated[str, StringConstraints(max_length=MAX_MILESTONE)]
    done: bool
    due_date: IsoDate | None


class CommentData(_Strict):
    """A remark on a goal."""

    uid: Uid | None = None
    author: Title
    body: Annotated[str, StringConstraints(max_length=MAX_COMMENT)]
    created_at: Timestamp


class GoalData(_Strict):
    """A goal with its competencies, milestones and comments."""

    uid: Uid | None = None
    title: Title
    description: Notes
    competencies: Annotated[list[GoalCompetencyData], Field(max_length=MAX_LINKS)]
    due_date: IsoDate | None
    priority: Priority
    status: Status
    created_at: Timestamp
    completed_at: Timestamp | None
    milestones: Annotated[list[MilestoneData], Field(max_length=MAX_MILESTONES)]
    comments: Annotated[list[CommentData], Field(max_length=MAX_COMMENTS, default_factory=list)]


class DecisionData(_Strict):
    """A remembered answer to a suggested next step."""

    suggestion_key: Title
    decision: Decision
    fingerprint: Title
    decided_at: Timestamp
    until: IsoDate | None


class PersonData(_Strict):
    """A person and everything recorded for them."""

    uid: Uid | None = None
    name: Title
    current_role: Title
    framework_id: Identifier
    target_profile_id: Identifier
    target_date: IsoDate | None
    weekly_hours: Number | None
    created_at: Timestamp
    received_at: Timestamp | None = None
    learning: Annotated[list[LearningData], Field(max_length=MAX_LEARNING)]
    assessments: Annotated[list[AssessmentData], Field(max_length=MAX_ASSESSMENTS)]
    goals: Annotated[list[GoalData], Field(max_length=MAX_GOALS)]
    decisions: Annotated[list[DecisionData], Field(max_length=MAX_DECISIONS)]


class ExportFile(_Strict):
    """A whole export file; custom frameworks travel as their own file content."""

    format: Literal["learning-path-planner/export"]
    format_version: Literal[1, 2]
    exported_at: Timestamp
    app_version: Title
    frameworks: Annotated[list[dict[str, Any]], Field(max_length=MAX_FRAMEWORKS)]
    people: Annotated[list[PersonData], Field(max_length=MAX_PEOPLE)]


def parse_export(data: Any, file: str | Path = "<export>") -> ExportFile:
    """Check already-parsed JSON against the export format; the error names the JSON path."""
    if not isinstance(data, dict):
        raise FileFormatError(file, "$", "expected a JSON object (a Learning Path Planner export)")
    found = data.get("format")
    if found != EXPORT_FORMAT:
        hint = "; import it as a framework instead" if "framework" in str(found) else ""
        raise FileFormatError(
            file,
            "$.format",
            f"not a Learning Path Planner export (format is {repr(found)[:60]}){hint}",
        )
    version = data.get("format_version")
    if type(version) is int and version > EXPORT_FORMAT_VERSION:
        raise FileFormatError(
            file,
            "$.format_version",
            f"format version {version} is newer than this program understands"
            f" ({EXPORT_FORMAT_VERSION}); update the program",
        )
    try:
        return ExportFile.model_validate(data)
    except pydantic.ValidationError as exc:
        raise file_error_from_pydantic(file, exc) from None


def goal_draft(data: GoalData) -> GoalDraft:
    """The service draft of a file's goal."""
    return GoalDraft(
        title=data.title,
        description=data.description,
        competencies=tuple(
            GoalCompetencyDraft(c.competency_id, c.target_level) for c in data.competencies
        ),
        due_date=data.due_date,
        priority=data.priority,
        status=data.status,
        milestones=tuple(MilestoneDraft(m.text, m.done, m.due_date) for m in data.milestones),
    )


class ExportChecker:
    """Applies the services' rules to a parsed file and raises the first problem with its path.

    ``today`` and ``now`` come from the services' clock; timestamps get a day of
    slack because they are UTC and another machine's clock may run ahead.
    """

    def __init__(self, file: str | Path, today: date, now: datetime) -> None:
        self.file = file
        self._today = today
        self._latest = now + timedelta(days=1)

    def fail(self, location: str, problem: str) -> NoReturn:
        """Raise the problem found at ``location`` (a JSON path)."""
        raise FileFormatError(self.file, location, problem)

    def check_person(self, at: str, data: PersonData, framework: Framework) -> None:
        """Check a person and everything recorded for them against their framework."""
        errors = FieldErrors()
        errors.title("name", data.name, "a name")
        if data.target_profile_id not in {p.id for p in framework.profiles}:
            errors.add(
                "target_profile_id",
                f"'{data.target_profile_id}' is not a profile of {framework.name}.",
            )
        if data.weekly_hours is not None and not 0 < data.weekly_hours <= 80:
            errors.add("weekly_hours", "Weekly hours must be more than 0 and at most 80.")
        self._time(errors, "created_at", data.created_at)
        self._raise(at, errors.errors)
        refs: set[int] = set()
        for index, entry in enumerate(data.learning):
            if entry.ref in refs:
                self.fail(f"{at}.learning[{index}].ref", f"ref {entry.ref} is used twice")
            refs.add(entry.ref)
            self._learning(f"{at}.learning[{index}]", entry, framework)
        for index, assessment in enumerate(data.assessments):
            self._assessment(f"{at}.assessments[{index}]", assessment, refs, framework)
        for index, goal in enumerate(data.goals):
            self._goal(f"{at}.goals[{index}]", goal, framework)
        keys: set[str] = set()
        for index, decision in enumerate(data.decisions):
            errors = FieldErrors()
            errors.title("suggestion_key", decision.suggestion_key, "the suggestion's key")
            if decision.suggestion_key in keys:
                errors.add("suggestion_key", "This suggestion already has a decision above.")
            keys.add(decision.suggestion_key)
            self._time(errors, "decided_at", decision.decided_at)
            self._raise(f"{at}.decisions[{index}]", errors.errors)

    def check_uids(self, people: Sequence[tuple[str, PersonData]]) -> None:
        """No uid of a person, assessment, goal or comment is given twice in the file.

        ``people`` pairs each person with its JSON path (``$.people[3]``, ``$.person``).
        """
        seen: set[str] = set()
        for at, person in people:
            found = [(f"{at}.uid", person.uid)] if person.uid else []
            found += [(path, uid) for path, uid, _kind in record_uids(at, person)]
            for path, uid in found:
                if uid in seen:
                    self.fail(path, f"uid {uid} is given twice in this file")
                seen.add(uid)

    def _learning(self, at: str, data: LearningData, framework: Framework) -> None:
        draft = LearningDraft(
            data.title,
            data.kind,
            data.completed_on,
            data.hours,
            tuple(data.competency_ids),
            data.notes,
            data.link,
        )
        errors = learning_errors(draft, framework, self._today)
        self._time(errors, "created_at", data.created_at)
        if errors.errors:
            place = _list_place("competency_ids", data.competency_ids, framework, "")
            self._raise(at, errors.errors, {"competency_ids": place})

    def _assessment(
        self, at: str, data: AssessmentData, refs: set[int], framework: Framework
    ) -> None:
        ratings = tuple(RatingDraft(r.competency_id, r.level, r.evidence) for r in data.ratings)
        draft = AssessmentDraft(
            data.assessed_on, ratings, data.rater_kind, data.rater_name, data.notes
        )
        try:
            validate_assessment(draft, framework, self._today)
        except ValidationError as exc:
            ids = [r.competency_id for r in data.ratings]
            places = {"ratings": _list_place("ratings", ids, framework, ".competency_id")}
            for index, rating in enumerate(data.ratings):
                key = f"ratings.{rating.competency_id}"
                places.setdefault(key, f"ratings[{index}].level")
                places.setdefault(f"{key}.evidence", f"ratings[{index}].evidence")
            self._raise(at, exc.field_errors, places)
        errors = FieldErrors()
        self._time(errors, "created_at", data.created_at)
        self._raise(at, errors.errors)
        for index, rating in enumerate(data.ratings):
            seen: set[int] = set()
            for position, ref in enumerate(rating.learning_refs):
                where = f"{at}.ratings[{index}].learning_refs[{position}]"
                if ref not in refs:
                    self.fail(where, f"no learning entry of this person has ref {ref}")
                if ref in seen:
                    self.fail(where, f"ref {ref} is listed twice")
                seen.add(ref)

    def _goal(self, at: str, data: GoalData, framework: Framework) -> None:
        try:
            validate_goal(goal_draft(data), framework, data.created_at.date())
        except ValidationError as exc:
            ids = [c.competency_id for c in data.competencies]
            places = {"competencies": _list_place("competencies", ids, framework, ".competency_id")}
            for index, link in enumerate(data.competencies):
                places.setdefault(
                    f"competencies.{link.competency_id}", f"competencies[{index}].target_level"
                )
            self._raise(at, exc.field_errors, places)
        errors = FieldErrors()
        self._time(errors, "created_at", data.created_at)
        done = data.status is GoalStatus.DONE
        if done and data.completed_at is None:
            errors.add("completed_at", "A done goal needs the time it was completed.")
        elif not done and data.completed_at is not None:
            errors.add("completed_at", "Only a done goal has a completion time.")
        elif data.completed_at is not None and data.completed_at < data.created_at:
            errors.add("completed_at", "A goal cannot be completed before it was created.")
        elif data.completed_at is not None:
            self._time(errors, "completed_at", data.completed_at)
        self._raise(at, errors.errors)
        for index, comment in enumerate(data.comments):
            self.check_comment(f"{at}.comments[{index}]", comment)

    def check_comment(self, at: str, data: CommentData) -> None:
        """A comment names its author, says something and is not dated in the future."""
        errors = FieldErrors()
        errors.title("author", data.author, "who commented")
        errors.title("body", data.body, "the comment", MAX_COMMENT)
        self._time(errors, "created_at", data.created_at)
        self._raise(at, errors.errors)

    def _time(self, errors: FieldErrors, field: str, moment: datetime) -> None:
        if moment.date() < EARLIEST_DATE:
            errors.add(field, "The time cannot be before 1970.")
        elif moment > self._latest:
            errors.add(field, f"The time cannot be in the future ({moment.isoformat()}).")

    def _raise(
        self, at: str, errors: Mapping[str, str], places: Mapping[str, str] | None = None
    ) -> None:
        """Raise the first problem, with the service's field name turned into a JSON path."""
        if errors:
            field, message = next(iter(errors.items()))
            self.fail(f"{at}.{(places or {}).get(field, field)}", message)


def record_uids(at: str, data: PersonData) -> list[tuple[str, str, str]]:
    """``(JSON path, uid, kind)`` of every uid a person's assessments, goals and comments give.

    ``kind`` is ``"assessment"``, ``"goal"`` or ``"comment"``.
    """
    found = []
    for index, assessment in enumerate(data.assessments):
        if assessment.uid is not None:
            found.append((f"{at}.assessments[{index}].uid", assessment.uid, "assessment"))
    for index, goal in enumerate(data.goals):
        if goal.uid is not None:
            found.append((f"{at}.goals[{index}].uid", goal.uid, "goal"))
        for position, comment in enumerate(goal.comments):
            if comment.uid is not None:
                path = f"{at}.goals[{index}].comments[{position}].uid"
                found.append((path, comment.uid, "comment"))
    return found


def _list_place(name: str, ids: Sequence[str], framework: Framework, suffix: str) -> str:
    """Path of the first unknown or repeated competency id of a list."""
    known = {c.id for c in framework.competencies}
    seen: set[str] = set()
    for index, competency_id in enumerate(ids):
        if competency_id not in known or competency_id in seen:
            return f"{name}[{index}]{suffix}"
        seen.add(competency_id)
    return name
