"""Hours per person, month and competency stored beside the learning log; a title index.

Charts over a whole career read these few thousand rows instead of sharing each of
100,000 entries' hours among their competencies on every draw. Filled here from the
existing log with the same rule the program uses: an entry's hours are shared evenly
among its competencies; hours that served none are kept under "".

``ix_learning_person_title`` lets the next-steps engine read a person's distinct
titles from the index alone (100,000 entries: about 400 -> 95 ms).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_entries = sa.table(
    "learning_entries",
    sa.column("id", sa.Integer()),
    sa.column("person_id", sa.Integer()),
    sa.column("completed_on", sa.Date()),
    sa.column("hours", sa.Float()),
)
_links = sa.table(
    "learning_competencies",
    sa.column("learning_entry_id", sa.Integer()),
    sa.column("competency_id", sa.String()),
)


def _sums() -> sa.Select[Any]:
    """Hours per person, month and competency (portable: EXTRACT, not strftime)."""
    counted = _links.alias("counted")
    count = (
        sa.select(sa.func.count())
        .where(counted.c.learning_entry_id == _entries.c.id)
        .correlate(_entries)
        .scalar_subquery()
    )
    share = _entries.c.hours * 1.0 / sa.func.coalesce(sa.func.nullif(count, 0), 1)
    year = sa.extract("year", _entries.c.completed_on)
    month = sa.extract("month", _entries.c.completed_on)
    competency = sa.func.coalesce(_links.c.competency_id, "")
    return (
        sa.select(_entries.c.person_id, year, month, competency, sa.func.sum(share))
        .select_from(_entries.outerjoin(_links, _links.c.learning_entry_id == _entries.c.id))
        .group_by(_entries.c.person_id, year, month, competency)
    )


def upgrade() -> None:
    table = op.create_table(
        "learning_month_hours",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("competency_id", sa.String(64), nullable=False),
        sa.Column("hours", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_learning_month_hours_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "person_id", "month", "competency_id", name=op.f("pk_learning_month_hours")
        ),
    )
    rows = [
        {
            "person_id": person_id,
            "month": date(int(year), int(month), 1),
            "competency_id": competency_id,
            "hours": float(hours),
        }
        for person_id, year, month, competency_id, hours in op.get_bind().execute(_sums())
    ]
    if rows:
        op.bulk_insert(table, rows)
    op.create_index(
        "ix_learning_person_title", "learning_entries", ["person_id", "title", "completed_on"]
    )


def downgrade() -> None:
    op.drop_index("ix_learning_person_title", table_name="learning_entries")
    op.drop_table("learning_month_hours")
