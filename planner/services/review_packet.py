"""Review packets, a review without a shared server: the record goes out, the review comes back.

1. The person exports a packet (:func:`write_packet`): their whole record as of now.
2. The mentor imports it (:func:`import_packet`) into their own database. The person
   arrives as a *copy* (``received_at`` is the packet's date) or, when the copy is there
   already (same uid), it is brought up to date; ratings and comments the mentor made
   in the copy are kept.
3. The mentor rates and comments, then exports the copy back (``sent_by: "mentor"``).
4. The person imports that: mentor assessments and comments they do not have yet are
   added; nothing of their own data changes, so importing it twice changes nothing.

A bad, foreign or misdirected packet raises :class:`~planner.errors.FileFormatError`
naming the place in the file, and the database is left as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from planner import __version__
from planner.errors import ValidationError
from planner.framework.loader import read_json_file
from planner.framework.schema import Framework
from planner.services.assessments import validate_assessment
from planner.services.export_format import (
    MAX_EXPORT_BYTES,
    AssessmentData,
    ExportChecker,
    PersonData,
    goal_draft,
    record_uids,
)
from planner.services.goals import apply_goal_draft
from planner.services.json_exchange import (
    RecordImporter,
    comment_row,
    export_person,
    write_text_atomically,
)
from planner.services.people import get_person_row
from planner.services.records import AssessmentDraft, RatingDraft
from planner.services.review_packet_format import (
    PACKET_FORMAT,
    PACKET_FORMAT_VERSION,
    PacketFile,
    Sender,
    parse_packet,
)
from planner.services.service_set import Services
from planner.services.versions import bump
from planner.storage import month_hours
from planner.storage.models import (
    Assessment,
    CustomFramework,
    Goal,
    LearningEntry,
    Person,
    Rating,
    SuggestionDecision,
)
from planner.vocabulary import RaterKind

Action = Literal["added", "updated", "unchanged", "merged"]


@dataclass(frozen=True)
class PacketResult:
    """What importing a packet did, for a status line."""

    person_id: int
    person_name: str
    action: Action
    mentor_assessments: int = 0
    comments: int = 0
    skipped_comments: int = 0

    def __str__(self) -> str:
        name = self.person_name
        if self.action == "added":
            return f"Added a copy of {name}'s record: rate and comment, then send it back."
        if self.action == "updated":
            return f"Brought your copy of {name}'s record up to date."
        if self.action == "unchanged":
            return f"Your copy of {name}'s record is already up to date; nothing changed."
        if not self.mentor_assessments and not self.comments:
            return f"Nothing new in this review of {name}; nothing changed."
        parts = [
            _count(self.mentor_assessments, "mentor assessment"),
            _count(self.comments, "comment"),
        ]
        text = f"Added {' and '.join(p for p in parts if p)} to {name}'s record."
        if self.skipped_comments:
            text += f" {_count(self.skipped_comments, 'comment')} on deleted goals left out."
        return text


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}" if number else ""


# --- export -----------------------------------------------------------------------------------


def sender_of(services: Services, person_id: int) -> Sender:
    """A copy in a mentor's database answers as the mentor; anyone else sends their own."""
    person = services.people.get(person_id)
    return Sender.MENTOR if person.is_review_copy else Sender.PERSON


def export_packet(services: Services, person_id: int) -> dict[str, Any]:
    """The packet of one person: their record and the custom framework they use, if any."""
    sender = sender_of(services, person_id)
    with services.database.session() as session:
        person = get_person_row(session, person_id)
        framework = session.get(CustomFramework, person.framework_id)
        return {
            "format": PACKET_FORMAT,
            "format_version": PACKET_FORMAT_VERSION,
            "sent_by": sender.value,
            "exported_at": services.clock.now().isoformat(),
            "app_version": __version__,
            "frameworks": [json.loads(framework.content)] if framework else [],
            "person": export_person(session, person),
        }


def write_packet(services: Services, person_id: int, path: str | Path) -> Sender:
    """Write :func:`export_packet` to ``path`` (whole or not at all); says who sent it."""
    data = export_packet(services, person_id)
    write_text_atomically(Path(path), json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return Sender(data["sent_by"])


# --- import -----------------------------------------------------------------------------------


def import_packet(services: Services, path: str | Path) -> PacketResult:
    """Take in a packet: a person's record (mentor side) or a mentor's review (person side)."""
    path = Path(path)
    packet = parse_packet(read_json_file(path, MAX_EXPORT_BYTES), path)
    checker = ExportChecker(path, services.clock.today(), services.clock.now())
    services.backups.before_change("before-import")
    with services.database.session() as session:
        importer = _PacketImporter(session, checker, services.clock.now(), services.clock.today())
        return importer.run(packet)


class _PacketImporter:
    """Checks a packet against the database, then applies it, inside one session."""

    def __init__(
        self, session: Session, checker: ExportChecker, now: datetime, today: date
    ) -> None:
        self._session = session
        self._checker = checker
        self._records = RecordImporter(session, checker, now)
        self._now = now
        self._today = today

    def run(self, packet: PacketFile) -> PacketResult:
        data = packet.person
        new_frameworks = self._records.check_frameworks(packet.frameworks)
        framework = self._records.framework("$.person.framework_id", data.framework_id)
        self._checker.check_person("$.person", data, framework)
        self._checker.check_uids([("$.person", data)])
        local = self._session.scalar(select(Person).where(Person.uid == data.uid))
        self._check_uids_belong_to(local, data)
        if packet.sent_by is Sender.MENTOR:
            if local is None:
                self._checker.fail(
                    "$.person.uid",
                    f"this is a mentor's review of {data.name}, who is not in this database;"
                    f" import it into {data.name}'s own database",
                )
            return self._merge_review(local, data)
        self._records.add_frameworks(new_frameworks)
        if local is None:
            return self._add_copy(data, packet.exported_at)
        if local.received_at is None:
            self._checker.fail(
                "$.person.uid",
                f"this is {local.name}'s own record, kept in this very database; send the"
                " packet to the mentor, who imports it in their program",
            )
        return self._refresh_copy(local, data, packet.exported_at)

    def _check_uids_belong_to(self, local: Person | None, data: PersonData) -> None:
        """A uid of the packet that names a record of somebody else means a foreign packet."""
        owner_id = local.id if local is not None else None
        found = record_uids("$.person", data)
        owners = self._records.owners_of(found)
        for path, uid, _kind in found:
            if uid in owners and owners[uid] != owner_id:
                self._checker.fail(path, f"uid {uid} already names another person's record")

    # Mentor side --------------------------------------------------------------------

    def _add_copy(self, data: PersonData, as_of: datetime) -> PacketResult:
        name = data.name.strip()
        if self._session.scalar(select(Person.id).where(Person.name == name)) is not None:
            self._checker.fail(
                "$.person.name",
                f"a different person called {name} is already in this database; rename them first",
            )
        person = self._records.add_person(data.model_copy(update={"received_at": as_of}))
        self._session.flush()
        return PacketResult(person.id, person.name, "added")

    def _refresh_copy(self, person: Person, data: PersonData, as_of: datetime) -> PacketResult:
        if person.received_at is not None and as_of < person.received_at:
            self._checker.fail(
                "$.exported_at",
                f"this packet is older than your copy of {person.name}'s record (as of"
                f" {person.received_at:%Y-%m-%d %H:%M}); nothing was changed",
            )
        current = export_person(self._session, person)
        incoming = data.model_dump(mode="json")
        if _same_record(current, incoming):
            return PacketResult(person.id, person.name, "unchanged")
        name = data.name.strip()
        taken = self._session.scalar(
            select(Person.id).where(Person.name == name, Person.id != person.id)
        )
        if taken is not None:
            self._checker.fail(
                "$.person.name", f"a different person called {name} is in this database"
            )
        person.name = name
        person.current_role = data.current_role.strip()
        person.framework_id = data.framework_id
        person.target_profile_id = data.target_profile_id
        person.target_date = data.target_date
        person.weekly_hours = data.weekly_hours
        person.created_at = data.created_at
        person.received_at = as_of
        bump(person)
        self._session.flush()
        self._replace_learning_and_assessments(person, data)
        self._update_goals(person, data)
        self._session.execute(
            delete(SuggestionDecision).where(SuggestionDecision.person_id == person.id)
        )
        self._records.add_decisions(person.id, data.decisions)
        self._session.flush()
        return PacketResult(person.id, person.name, "updated")

    def _replace_learning_and_assessments(self, person: Person, data: PersonData) -> None:
        """The log and self-ratings as the person has them; the mentor's own ratings stay."""
        uids = [a.uid for a in data.assessments if a.uid is not None]
        self._session.execute(
            delete(Assessment).where(
                Assessment.person_id == person.id,
                (Assessment.rater_kind == RaterKind.SELF.value) | Assessment.uid.in_(uids),
            )
        )
        self._session.execute(delete(LearningEntry).where(LearningEntry.person_id == person.id))
        entry_ids = self._records.add_learning(person.id, data.learning)
        # The bulk delete bypassed the flush that keeps the monthly sums.
        month_hours.refresh(self._session.connection(), person.id)
        self._records.add_assessments(person.id, data.assessments, entry_ids)

    def _update_goals(self, person: Person, data: PersonData) -> None:
        """Goals as the person has them, matched by uid, each keeping its comments."""
        rows = self._session.scalars(
            select(Goal)
            .where(Goal.person_id == person.id)
            .options(selectinload(Goal.milestones), selectinload(Goal.comments))
        )
        local = {row.uid: row for row in rows}
        for goal in data.goals:
            row = local.pop(goal.uid or "", None)
            if row is None:
                self._records.add_goal(person.id, goal)
                continue
            apply_goal_draft(row, goal_draft(goal), self._now)
            row.created_at = goal.created_at
            row.completed_at = goal.completed_at
            known = {comment.uid for comment in row.comments}
            row.comments.extend(comment_row(c) for c in goal.comments if c.uid not in known)
            bump(row)
        for gone in local.values():  # deleted by the person since the last packet
            self._session.delete(gone)

    # Person side --------------------------------------------------------------------

    def _merge_review(self, person: Person, data: PersonData) -> PacketResult:
        """Add the mentor's assessments and comments not here yet; touch nothing else."""
        framework = self._records.framework("$.person.framework_id", person.framework_id)
        have = set(
            self._session.scalars(select(Assessment.uid).where(Assessment.person_id == person.id))
        )
        added = 0
        for index, assessment in enumerate(data.assessments):
            if assessment.rater_kind is not RaterKind.MENTOR or assessment.uid in have:
                continue
            at = f"$.person.assessments[{index}]"
            self._check_fits(at, assessment, framework)
            self._session.add(_mentor_assessment(person.id, assessment))
            added += 1
        goals = {
            row.uid: row
            for row in self._session.scalars(
                select(Goal).where(Goal.person_id == person.id).options(selectinload(Goal.comments))
            )
        }
        comments = skipped = 0
        for goal in data.goals:
            row = goals.get(goal.uid or "")
            known = {c.uid for c in row.comments} if row is not None else set()
            for comment in goal.comments:
                if comment.uid in known:
                    continue
                if row is None:
                    skipped += 1
                    continue
                row.comments.append(comment_row(comment))
                comments += 1
        self._session.flush()
        return PacketResult(person.id, person.name, "merged", added, comments, skipped)

    def _check_fits(self, at: str, assessment: AssessmentData, framework: Framework) -> None:
        """A mentor's ratings must fit the framework the person uses now."""
        draft = AssessmentDraft(
            assessment.assessed_on,
            tuple(RatingDraft(r.competency_id, r.level, r.evidence) for r in assessment.ratings),
            RaterKind.MENTOR,
            assessment.rater_name,
            assessment.notes,
        )
        try:
            validate_assessment(draft, framework, self._today)
        except ValidationError as exc:
            field, problem = next(iter(exc.field_errors.items()))
            self._checker.fail(f"{at}.{field}", f"{problem} ({framework.name})")


def _mentor_assessment(person_id: int, data: AssessmentData) -> Assessment:
    """A mentor's assessment from a packet, without evidence links.

    The links' refs point into the mentor's copy of the log, not into this one.
    """
    row = Assessment(
        uid=data.uid,
        person_id=person_id,
        assessed_on=data.assessed_on,
        rater_kind=RaterKind.MENTOR.value,
        rater_name=(data.rater_name or "").strip() or None,
        notes=data.notes,
        created_at=data.created_at,
    )
    row.ratings = [
        Rating(competency_id=r.competency_id, level=r.level, evidence=r.evidence)
        for r in data.ratings
    ]
    return row


def _same_record(current: dict[str, Any], incoming: dict[str, Any]) -> bool:
    """Whether a copy already holds what a packet brings (the arrival date aside).

    The copy may hold more, the mentor's own ratings and comments, which a refresh keeps.
    """
    mine, theirs = dict(current), dict(incoming)
    for record in (mine, theirs):
        record.pop("received_at", None)
    mine["assessments"] = [a for a in mine["assessments"] if _in(a, theirs["assessments"])]
    theirs_goals = {g["uid"]: g for g in theirs["goals"]}
    for goal in mine["goals"]:
        wanted = {c["uid"] for c in theirs_goals.get(goal["uid"], {}).get("comments", [])}
        goal["comments"] = [c for c in goal["comments"] if c["uid"] in wanted]
    return json.dumps(mine, sort_keys=True) == json.dumps(theirs, sort_keys=True)


def _in(assessment: dict[str, Any], others: list[dict[str, Any]]) -> bool:
    return assessment["rater_kind"] == RaterKind.SELF.value or any(
        o["uid"] == assessment["uid"] for o in others
    )
