"""Inserts that let the database settle a race: ``INSERT ... ON CONFLICT DO NOTHING``.

Two programs importing the same texts, or using a new annotator name for the first time, at the
same moment: on PostgreSQL both check, both find nothing, both insert, and one dies on the
unique constraint. Asking the database to skip a row whose key is taken settles it there;
what was skipped is a duplicate, not an error. (On SQLite the write lock taken at ``BEGIN
IMMEDIATE`` already serialises the two, and the same statement does the same there.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Insert, Table
from sqlalchemy.orm import Session


def insert_new(table: Table, key: str, session: Session) -> Insert:
    """``INSERT INTO table ... ON CONFLICT (key) DO NOTHING`` in the session's dialect."""
    name = session.get_bind().dialect.name
    if name == "postgresql":
        from sqlalchemy.dialects import postgresql  # not loaded for SQLite projects

        return postgresql.insert(table).on_conflict_do_nothing(index_elements=[key])
    if name == "sqlite":
        from sqlalchemy.dialects import sqlite

        return sqlite.insert(table).on_conflict_do_nothing(index_elements=[key])
    raise NotImplementedError(f"no conflict-free insert for {name}")


def insert_rows_new(
    session: Session, table: Table, key: str, rows: Sequence[dict[str, Any]], **values: Any
) -> set[Any]:
    """Insert ``rows``, skipping those whose ``key`` is taken; returns the keys inserted."""
    if not rows:
        return set()
    statement = insert_new(table, key, session).values(**values).returning(table.c[key])
    return set(session.scalars(statement, list(rows)))
