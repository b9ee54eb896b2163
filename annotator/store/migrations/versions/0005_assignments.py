"""Assignments: a document given to an annotator to annotate independently, with that
annotator's own status (several people annotate the same articles; see docs/team.md).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUSES = "status IN ('new', 'in_progress', 'done', 'reviewed')"


def upgrade() -> None:
    op.create_table(
        "assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint(STATUSES, name=op.f("ck_assignment_status")),
        sa.ForeignKeyConstraint(
            ["annotator_id"], ["annotator.id"], name=op.f("fk_assignment_annotator_id_annotator")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_assignment_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment")),
        sa.UniqueConstraint(
            "document_id", "annotator_id", name=op.f("uq_assignment_document_id")
        ),
    )  # fmt: skip
    op.create_index(op.f("ix_assignment_document_id"), "assignment", ["document_id"])
    op.create_index(op.f("ix_assignment_annotator_id"), "assignment", ["annotator_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_assignment_annotator_id"), "assignment")
    op.drop_index(op.f("ix_assignment_document_id"), "assignment")
    op.drop_table("assignment")
