"""Mentors and shared databases: version counters, stable uids, goal comments.

* ``version`` on people, goals and learning entries: optimistic concurrency, so two
  program instances on one database never silently overwrite each other's edit.
* ``uid`` on people, assessments and goals: a stable identity that review packets
  and exports carry between databases (filled in for existing rows here).
* ``received_at`` on people: set on a mentor's copy that came in a review packet.
* ``goal_comments``: remarks on a goal, by a mentor or anyone else.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

VERSIONED_TABLES = ("people", "goals", "learning_entries")
UID_TABLES = ("people", "assessments", "goals")


def upgrade() -> None:
    for table in VERSIONED_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
            )
    with op.batch_alter_table("people") as batch:
        batch.add_column(sa.Column("received_at", sa.DateTime(), nullable=True))
    for table in UID_TABLES:
        _add_uids(table)
    op.create_table(
        "goal_comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goals.id"],
            name=op.f("fk_goal_comments_goal_id_goals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal_comments")),
        sa.UniqueConstraint("uid", name=op.f("uq_goal_comments_uid")),
    )
    op.create_index(op.f("ix_goal_comments_goal_id"), "goal_comments", ["goal_id"])


def _add_uids(table: str) -> None:
    """Add ``uid``, give every existing row its own, then make it required and unique."""
    with op.batch_alter_table(table) as batch:
        batch.add_column(sa.Column("uid", sa.String(36), nullable=True))
    rows = sa.table(table, sa.column("id", sa.Integer()), sa.column("uid", sa.String(36)))
    connection = op.get_bind()
    ids = connection.execute(sa.select(rows.c.id)).scalars().all()
    if ids:
        connection.execute(
            sa.update(rows).where(rows.c.id == sa.bindparam("row_id")),
            [{"row_id": row_id, "uid": str(uuid.uuid4())} for row_id in ids],
        )
    with op.batch_alter_table(table) as batch:
        batch.alter_column("uid", existing_type=sa.String(36), nullable=False)
        batch.create_unique_constraint(op.f(f"uq_{table}_uid"), ["uid"])


def downgrade() -> None:
    op.drop_index(op.f("ix_goal_comments_goal_id"), table_name="goal_comments")
    op.drop_table("goal_comments")
    for table in UID_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(op.f(f"uq_{table}_uid"), type_="unique")
            batch.drop_column("uid")
    with op.batch_alter_table("people") as batch:
        batch.drop_column("received_at")
    for table in VERSIONED_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
