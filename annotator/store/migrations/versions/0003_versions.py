"""A version number on documents, actors and annotations, raised by one on every change; and
``attribute_def.closed``, for text attributes whose vocabulary is the only values allowed.

An edit made from a copy read before somebody else's change names the version it was made from;
the store refuses it instead of silently overwriting the other change (lost updates).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("document", "actor", "annotation")


def upgrade() -> None:
    # A plain ADD COLUMN (no batch copy): SQLite adds a column with a constant default in place,
    # which keeps the document table's full-text triggers.
    for table in TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.add_column(
        "attribute_def",
        sa.Column("closed", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("attribute_def", "closed")
    for table in TABLES:
        op.drop_column(table, "version")
