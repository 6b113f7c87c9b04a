"""Remarks on goals, mostly by mentors: added and read; a comment is never edited."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select

from planner.errors import NotFoundError
from planner.services.clock import Clock
from planner.services.records import CommentDraft, CommentRecord
from planner.services.validation import MAX_NOTES, MAX_TITLE, FieldErrors
from planner.storage.database import Database
from planner.storage.models import Assessment, Goal, GoalComment
from planner.vocabulary import RaterKind

MAX_COMMENT = 20_000


def comment_record(row: GoalComment) -> CommentRecord:
    """Plain copy of a stored comment."""
    return CommentRecord(row.id, row.uid, row.goal_id, row.author, row.body, row.created_at)


def validate_comment(draft: CommentDraft) -> None:
    """Raise a :class:`~planner.errors.ValidationError` naming every bad field of ``draft``."""
    errors = FieldErrors()
    errors.title("author", draft.author, "who is commenting", MAX_TITLE)
    errors.title("body", draft.body, "the comment", min(MAX_COMMENT, MAX_NOTES))
    errors.raise_if_any()


class GoalCommentService:
    """Add, list and remove comments on goals."""

    def __init__(self, database: Database, clock: Clock) -> None:
        self._db = database
        self._clock = clock

    def add(self, goal_id: int, draft: CommentDraft) -> CommentRecord:
        """Comment on a goal (the goal itself does not change, so its version stays)."""
        validate_comment(draft)
        with self._db.session() as session:
            if session.get(Goal, goal_id) is None:
                raise NotFoundError(f"No goal with id {goal_id}.")
            row = GoalComment(
                goal_id=goal_id,
                author=draft.author.strip(),
                body=draft.body.strip(),
                created_at=self._clock.now(),
            )
            session.add(row)
            session.flush()
            return comment_record(row)

    def list_for_goal(self, goal_id: int) -> list[CommentRecord]:
        """A goal's comments, oldest first."""
        query = (
            select(GoalComment)
            .where(GoalComment.goal_id == goal_id)
            .order_by(GoalComment.created_at, GoalComment.id)
        )
        with self._db.session() as session:
            return [comment_record(row) for row in session.scalars(query)]

    def counts_for(self, person_id: int) -> dict[int, int]:
        """How many comments each of a person's goals has (goals without any are left out)."""
        query = (
            select(GoalComment.goal_id, func.count(GoalComment.id))
            .join(Goal)
            .where(Goal.person_id == person_id)
            .group_by(GoalComment.goal_id)
        )
        with self._db.session() as session:
            return {goal_id: count for goal_id, count in session.execute(query)}

    def delete(self, comment_id: int) -> CommentRecord:
        """Remove a comment; returns it so the caller can offer undo."""
        with self._db.session() as session:
            row = session.get(GoalComment, comment_id)
            if row is None:
                raise NotFoundError(f"No comment with id {comment_id}.")
            record = comment_record(row)
            session.delete(row)
            return record

    def restore(self, goal_id: int, records: Sequence[CommentRecord]) -> list[CommentRecord]:
        """Put comments back as they were (undo of a delete), on ``goal_id``."""
        with self._db.session() as session:
            rows = [
                GoalComment(
                    uid=record.uid,
                    goal_id=goal_id,
                    author=record.author,
                    body=record.body,
                    created_at=record.created_at,
                )
                for record in records
            ]
            session.add_all(rows)
            session.flush()
            return [comment_record(row) for row in rows]

    def usual_author(self) -> str:
        """A name to offer as the author: the latest commenter's, else the latest mentor's."""
        with self._db.session() as session:
            author = session.scalar(
                select(GoalComment.author)
                .order_by(GoalComment.created_at.desc(), GoalComment.id.desc())
                .limit(1)
            )
            if author:
                return author
            mentor = session.scalar(
                select(Assessment.rater_name)
                .where(Assessment.rater_kind == RaterKind.MENTOR.value)
                .order_by(Assessment.created_at.desc(), Assessment.id.desc())
                .limit(1)
            )
            return mentor or ""
