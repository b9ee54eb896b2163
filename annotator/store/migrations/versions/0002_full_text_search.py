"""Full-text search over document titles and texts.

SQLite: an external-content FTS5 table kept in step by triggers (the text never changes after
import, so only inserts, deletions and title changes need handling). PostgreSQL: a GIN index on
a ``simple`` tsvector, queried with the same expression.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UP = [
    """CREATE VIRTUAL TABLE document_fts USING fts5(
        title, text, content='document', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN
        INSERT INTO document_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN
        INSERT INTO document_fts(document_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END""",
    """CREATE TRIGGER document_fts_title AFTER UPDATE OF title ON document BEGIN
        INSERT INTO document_fts(document_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO document_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    "INSERT INTO document_fts(document_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER document_fts_title",
    "DROP TRIGGER document_fts_delete",
    "DROP TRIGGER document_fts_insert",
    "DROP TABLE document_fts",
]
POSTGRES_UP = [
    "CREATE INDEX ix_document_fts ON document USING gin "
    "(to_tsvector('simple', coalesce(title, '') || ' ' || text))",
]
POSTGRES_DOWN = ["DROP INDEX ix_document_fts"]


def upgrade() -> None:
    statements = SQLITE_UP if op.get_context().dialect.name == "sqlite" else POSTGRES_UP
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    statements = SQLITE_DOWN if op.get_context().dialect.name == "sqlite" else POSTGRES_DOWN
    for statement in statements:
        op.execute(statement)
