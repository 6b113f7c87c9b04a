"""Weekly learning budget per person, and imported (custom) frameworks.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.add_column(sa.Column("weekly_hours", sa.Float(), nullable=True))
    op.create_table(
        "custom_frameworks",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("version", sa.String(200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_frameworks")),
    )


def downgrade() -> None:
    op.drop_table("custom_frameworks")
    with op.batch_alter_table("people") as batch:
        batch.drop_column("weekly_hours")
