"""Changes: the edit log's entries grouped into the steps a user takes, for undo and history.

A change is one step: a key press, a merge, a scheme edit, an import. Its edit-log entries share
its id. An undo is a change of its own that reverts another (``reverts``), so the log stays
append-only and undo survives a restart. Entries written before this revision belong to no
change and are history only.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("reverts", sa.Integer(), nullable=True),
        sa.Column("merge_key", sa.String(length=200), nullable=True),
        sa.Column("label", sa.String(length=300), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(
            ["annotator_id"], ["annotator.id"], name=op.f("fk_change_annotator_id_annotator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change")),
    )
    op.create_index("ix_change_annotator", "change", ["annotator_id", "id"])
    # a plain ADD COLUMN keeps the tables' triggers (no batch copy)
    op.add_column("edit", sa.Column("change_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_edit_change_id"), "edit", ["change_id"])


def downgrade() -> None:
    with op.batch_alter_table("edit") as batch:
        batch.drop_index("ix_edit_change_id")
        batch.drop_column("change_id")
    op.drop_index("ix_change_annotator", "change")
    op.drop_table("change")
