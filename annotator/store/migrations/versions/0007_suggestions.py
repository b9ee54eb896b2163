"""Suggestions: a suggested span keeps which engine proposed it and why
(``annotation.suggestion``), and a rejected suggestion is remembered per annotator
(``rejection``) so it is not offered again. On a server, the team may write their own
rejections.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SERVER = """
DO $$
DECLARE
  team text := 'annotator_' || current_database() || '_annotator';
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = team) THEN
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON rejection TO %I', team);
    EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE rejection_id_seq TO %I', team);
  END IF;
END $$;
ALTER TABLE rejection ENABLE ROW LEVEL SECURITY;
CREATE POLICY rejection_read ON rejection FOR SELECT USING (true);
CREATE POLICY rejection_own ON rejection FOR ALL
  USING (annotator_may_write(annotator_id)) WITH CHECK (annotator_may_write(annotator_id));
"""


def upgrade() -> None:
    with op.batch_alter_table("annotation") as batch:
        batch.add_column(sa.Column("suggestion", sa.JSON(), nullable=True))
    op.create_table(
        "rejection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("layer_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("engine", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["annotator_id"], ["annotator.id"], name=op.f("fk_rejection_annotator_id_annotator")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_rejection_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["layer_id"], ["layer.id"], name=op.f("fk_rejection_layer_id_layer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rejection")),
        sa.UniqueConstraint(
            "document_id", "annotator_id", "layer_id", "start", "end",
            name=op.f("uq_rejection_document_id"),
        ),
    )  # fmt: skip
    op.create_index(op.f("ix_rejection_document_id"), "rejection", ["document_id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(SERVER)


def downgrade() -> None:
    op.drop_index(op.f("ix_rejection_document_id"), "rejection")
    op.drop_table("rejection")
    with op.batch_alter_table("annotation") as batch:
        batch.drop_column("suggestion")
