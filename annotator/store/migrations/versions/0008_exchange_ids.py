"""Exchange GUIDs: the GUID each document, selection, code, case and user has in REFI-QDA
files, made on the first export and kept (so exports of one project agree). On a server the
team may add them (an annotator may export).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SERVER = """
DO $$
DECLARE
  team text := 'annotator_' || current_database() || '_annotator';
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = team) THEN
    EXECUTE format('GRANT SELECT, INSERT ON exchange_id TO %I', team);
    EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE exchange_id_id_seq TO %I', team);
  END IF;
END $$;
"""


def upgrade() -> None:
    op.create_table(
        "exchange_id",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=400), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_id")),
        sa.UniqueConstraint("guid", name=op.f("uq_exchange_id_guid")),
        sa.UniqueConstraint("kind", "key", name=op.f("uq_exchange_id_kind")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(SERVER)


def downgrade() -> None:
    op.drop_table("exchange_id")
