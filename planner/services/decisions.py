"""Remembered answers to suggested next steps: dismissed, snoozed until a date, accepted."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select

from planner.services.clock import Clock
from planner.services.people import get_person_row
from planner.services.records import DecisionRecord
from planner.storage.database import Database
from planner.storage.models import SuggestionDecision
from planner.vocabulary import DecisionKind


def decision_record(row: SuggestionDecision) -> DecisionRecord:
    """Plain copy of a stored decision."""
    return DecisionRecord(
        row.id,
        row.person_id,
        row.suggestion_key,
        row.decision,
        row.fingerprint,
        row.decided_at,
        row.until,
    )


class DecisionService:
    """Remember and forget what a person decided about a suggestion."""

    def __init__(self, database: Database, clock: Clock) -> None:
        self._db = database
        self._clock = clock

    def record(
        self,
        person_id: int,
        suggestion_key: str,
        decision: DecisionKind,
        fingerprint: str = "",
        until: date | None = None,
    ) -> DecisionRecord:
        """Store (or replace) the decision about one suggestion."""
        with self._db.session() as session:
            get_person_row(session, person_id)
            row = session.scalar(
                select(SuggestionDecision).where(
                    SuggestionDecision.person_id == person_id,
                    SuggestionDecision.suggestion_key == suggestion_key,
                )
            )
            if row is None:
                row = SuggestionDecision(person_id=person_id, suggestion_key=suggestion_key)
                session.add(row)
            row.decision = DecisionKind(decision).value
            row.fingerprint = fingerprint
            row.decided_at = self._clock.now()
            row.until = until
            session.flush()
            return decision_record(row)

    def list_for(self, person_id: int) -> list[DecisionRecord]:
        """Every remembered decision of a person."""
        with self._db.session() as session:
            rows = session.scalars(
                select(SuggestionDecision)
                .where(SuggestionDecision.person_id == person_id)
                .order_by(SuggestionDecision.id)
            )
            return [decision_record(r) for r in rows]

    def forget(self, person_id: int, suggestion_key: str) -> None:
        """Let a suggestion come back (undo of a dismissal)."""
        with self._db.session() as session:
            session.execute(
                delete(SuggestionDecision).where(
                    SuggestionDecision.person_id == person_id,
                    SuggestionDecision.suggestion_key == suggestion_key,
                )
            )
