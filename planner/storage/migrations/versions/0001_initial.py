"""Initial schema: people, assessments, ratings, goals, milestones, learning, decisions.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("current_role", sa.String(200), nullable=False),
        sa.Column("framework_id", sa.String(64), nullable=False),
        sa.Column("target_profile_id", sa.String(64), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("name", name=op.f("uq_people_name")),
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("rater_kind", sa.String(16), nullable=False),
        sa.Column("rater_name", sa.String(200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_assessments_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
    )
    op.create_index("ix_assessments_person_date", "assessments", ["person_id", "assessed_on"])
    op.create_table(
        "ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("competency_id", sa.String(64), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name=op.f("fk_ratings_assessment_id_assessments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ratings")),
        sa.UniqueConstraint(
            "assessment_id", "competency_id", name=op.f("uq_ratings_assessment_id")
        ),
    )
    op.create_index(op.f("ix_ratings_competency_id"), "ratings", ["competency_id"])
    op.create_table(
        "goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("priority", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_goals_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goals")),
    )
    op.create_index("ix_goals_person_status_due", "goals", ["person_id", "status", "due_date"])
    op.create_table(
        "goal_competencies",
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("competency_id", sa.String(64), nullable=False),
        sa.Column("target_level", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goals.id"],
            name=op.f("fk_goal_competencies_goal_id_goals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("goal_id", "competency_id", name=op.f("pk_goal_competencies")),
    )
    op.create_table(
        "milestones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(500), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goals.id"],
            name=op.f("fk_milestones_goal_id_goals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestones")),
    )
    op.create_index(op.f("ix_milestones_goal_id"), "milestones", ["goal_id"])
    op.create_table(
        "learning_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=False),
        sa.Column("hours", sa.Float(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("link", sa.String(2000), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_learning_entries_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learning_entries")),
    )
    op.create_index("ix_learning_person_date", "learning_entries", ["person_id", "completed_on"])
    op.create_table(
        "learning_competencies",
        sa.Column("learning_entry_id", sa.Integer(), nullable=False),
        sa.Column("competency_id", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["learning_entry_id"],
            ["learning_entries.id"],
            name=op.f("fk_learning_competencies_learning_entry_id_learning_entries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "learning_entry_id", "competency_id", name=op.f("pk_learning_competencies")
        ),
    )
    op.create_index(
        op.f("ix_learning_competencies_competency_id"), "learning_competencies", ["competency_id"]
    )
    op.create_table(
        "rating_learning_links",
        sa.Column("rating_id", sa.Integer(), nullable=False),
        sa.Column("learning_entry_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rating_id"],
            ["ratings.id"],
            name=op.f("fk_rating_learning_links_rating_id_ratings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["learning_entry_id"],
            ["learning_entries.id"],
            name=op.f("fk_rating_learning_links_learning_entry_id_learning_entries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "rating_id", "learning_entry_id", name=op.f("pk_rating_learning_links")
        ),
    )
    op.create_index(
        op.f("ix_rating_learning_links_learning_entry_id"),
        "rating_learning_links",
        ["learning_entry_id"],
    )
    op.create_table(
        "suggestion_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("suggestion_key", sa.String(200), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("fingerprint", sa.String(200), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_suggestion_decisions_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestion_decisions")),
        sa.UniqueConstraint(
            "person_id", "suggestion_key", name=op.f("uq_suggestion_decisions_person_id")
        ),
    )


def downgrade() -> None:
    for table in (
        "suggestion_decisions",
        "rating_learning_links",
        "learning_competencies",
        "learning_entries",
        "milestones",
        "goal_competencies",
        "goals",
        "ratings",
        "assessments",
        "people",
    ):
        op.drop_table(table)
