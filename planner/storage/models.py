"""SQLAlchemy 2.0 typed ORM of everything a person records.

Competencies are referred to by their framework id (a string), not by a foreign
key: frameworks are data files, and an imported company ladder may come and go
without touching the records made against it. Timestamps are naive UTC.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uid() -> str:
    """A stable identity that survives export, import and review packets (a UUID)."""
    return str(uuid.uuid4())


UID_LENGTH = 36


def version_column() -> Mapped[int]:
    """The optimistic-concurrency counter; services raise it on every change they save."""
    return mapped_column(Integer, default=1, server_default=text("1"))


def versioned(column: Mapped[int]) -> dict[str, Any]:
    """Mapper arguments of a row with a version counter that the services bump themselves.

    Bumping by hand (not SQLAlchemy's automatic counter) lets a change to a goal's
    milestones alone count as a change to the goal.
    """
    return {"version_id_col": column, "version_id_generator": False}


class Base(DeclarativeBase):
    """Declarative base with a naming convention, so batch migrations can find constraints."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Person(Base):
    """Someone whose path is planned; one by default, several for a mentor."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(UID_LENGTH), unique=True, default=new_uid)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    current_role: Mapped[str] = mapped_column(String(200), default="")
    framework_id: Mapped[str] = mapped_column(String(64))
    target_profile_id: Mapped[str] = mapped_column(String(64))
    target_date: Mapped[date | None] = mapped_column(Date)
    weekly_hours: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    received_at: Mapped[datetime | None] = mapped_column(DateTime)
    """When a review packet last brought this record: set on a mentor's copy, None at home."""
    version: Mapped[int] = version_column()

    __mapper_args__ = versioned(version)

    assessments: Mapped[list[Assessment]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    goals: Mapped[list[Goal]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )
    learning_entries: Mapped[list[LearningEntry]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )


rating_learning_links = Table(
    "rating_learning_links",
    Base.metadata,
    Column("rating_id", ForeignKey("ratings.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "learning_entry_id",
        ForeignKey("learning_entries.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class Assessment(Base):
    """A dated snapshot of levels, rated by the person or a named mentor. Never overwritten."""

    __tablename__ = "assessments"
    __table_args__ = (Index("ix_assessments_person_date", "person_id", "assessed_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(UID_LENGTH), unique=True, default=new_uid)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    assessed_on: Mapped[date] = mapped_column(Date)
    rater_kind: Mapped[str] = mapped_column(String(16))
    rater_name: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)

    person: Mapped[Person] = relationship(back_populates="assessments")
    ratings: Mapped[list[Rating]] = relationship(
        back_populates="assessment",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Rating.id",
    )


class Rating(Base):
    """One competency's level within an assessment."""

    __tablename__ = "ratings"
    __table_args__ = (UniqueConstraint("assessment_id", "competency_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"))
    competency_id: Mapped[str] = mapped_column(String(64), index=True)
    level: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text, default="")

    assessment: Mapped[Assessment] = relationship(back_populates="ratings")
    learning_entries: Mapped[list[LearningEntry]] = relationship(
        secondary=rating_learning_links, order_by="LearningEntry.id"
    )


class Goal(Base):
    """Something a person means to reach, linked to the competencies it grows."""

    __tablename__ = "goals"
    __table_args__ = (Index("ix_goals_person_status_due", "person_id", "status", "due_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(UID_LENGTH), unique=True, default=new_uid)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    priority: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = version_column()

    __mapper_args__ = versioned(version)

    person: Mapped[Person] = relationship(back_populates="goals")
    competencies: Mapped[list[GoalCompetency]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="GoalCompetency.competency_id"
    )
    milestones: Mapped[list[Milestone]] = relationship(
        back_populates="goal",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Milestone.position",
    )
    comments: Mapped[list[GoalComment]] = relationship(
        back_populates="goal",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="[GoalComment.created_at, GoalComment.id]",
    )


class GoalCompetency(Base):
    """A competency a goal serves, with the level the goal aims for."""

    __tablename__ = "goal_competencies"

    goal_id: Mapped[int] = mapped_column(
        ForeignKey("goals.id", ondelete="CASCADE"), primary_key=True
    )
    competency_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    target_level: Mapped[int] = mapped_column(Integer)


class Milestone(Base):
    """An ordered step of a goal, ticked off when done."""

    __tablename__ = "milestones"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(500))
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    due_date: Mapped[date | None] = mapped_column(Date)

    goal: Mapped[Goal] = relationship(back_populates="milestones")


class GoalComment(Base):
    """A mentor's (or anyone's) remark on a goal; added, never edited, so it has no version."""

    __tablename__ = "goal_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(UID_LENGTH), unique=True, default=new_uid)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)

    goal: Mapped[Goal] = relationship(back_populates="comments")


class LearningCompetency(Base):
    """A competency a learning entry served."""

    __tablename__ = "learning_competencies"

    learning_entry_id: Mapped[int] = mapped_column(
        ForeignKey("learning_entries.id", ondelete="CASCADE"), primary_key=True
    )
    competency_id: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class LearningEntry(Base):
    """Completed learning: a course, book, project, mentoring, talk, ..."""

    __tablename__ = "learning_entries"
    __table_args__ = (
        Index("ix_learning_person_date", "person_id", "completed_on"),
        # Next steps read a person's distinct titles up to a day: an index-only scan.
        Index("ix_learning_person_title", "person_id", "title", "completed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))
    completed_on: Mapped[date] = mapped_column(Date)
    hours: Mapped[float] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str] = mapped_column(String(2000), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = version_column()

    __mapper_args__ = versioned(version)

    person: Mapped[Person] = relationship(back_populates="learning_entries")
    competencies: Mapped[list[LearningCompetency]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="LearningCompetency.competency_id",
    )


class LearningMonthHours(Base):
    """Hours one person gave one competency in one month: a summary kept beside the log.

    Derived data, rewritten by :mod:`planner.storage.month_hours` whenever the log
    changes, so charts over a career read a few thousand rows instead of joining every
    entry to its competencies. ``competency_id`` is "" for hours that served none.
    """

    __tablename__ = "learning_month_hours"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    month: Mapped[date] = mapped_column(Date, primary_key=True)  # the first day
    competency_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    hours: Mapped[float] = mapped_column(Float)


class SuggestionDecision(Base):
    """A remembered answer to a suggested next step (dismissed, snoozed until, accepted)."""

    __tablename__ = "suggestion_decisions"
    __table_args__ = (UniqueConstraint("person_id", "suggestion_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    suggestion_key: Mapped[str] = mapped_column(String(200))
    decision: Mapped[str] = mapped_column(String(16))
    fingerprint: Mapped[str] = mapped_column(String(200), default="")
    decided_at: Mapped[datetime] = mapped_column(DateTime)
    until: Mapped[date | None] = mapped_column(Date)


class CustomFramework(Base):
    """A framework file a user imported (a company ladder), kept with the data it rates."""

    __tablename__ = "custom_frameworks"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
