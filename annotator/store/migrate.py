"""Bring a project's database to the schema this version of Annotator expects.

A new database is created at the newest revision. An older one is first copied aside (SQLite) and
then upgraded. One written by a newer Annotator, or a database that is not an Annotator project,
is refused with an explanation and left untouched.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from time import monotonic, sleep
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, func, inspect, select, text

from annotator.domain.errors import SchemaVersionError
from annotator.store.backups import back_up
from annotator.store.database import Database
from annotator.store.failures import is_busy

if TYPE_CHECKING:
    from alembic.config import Config

VERSION_TABLE = "alembic_version"
_VERSIONS = Path(__file__).parent / "migrations" / "versions"
_REVISION = re.compile(r'^revision: str = "([^"]+)"', re.MULTILINE)
_DOWN = re.compile(r'^down_revision: str \| None = "([^"]+)"', re.MULTILINE)
# Any fixed number: the key of the PostgreSQL advisory lock held while the schema is changed.
_SCHEMA_LOCK = 0x616E6E6F


@dataclass(frozen=True, slots=True)
class MigrationResult:
    created: bool = False
    upgraded_from: str | None = None
    backup: Path | None = None


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """Objects autogenerate should compare: not the full-text index, which no model describes."""
    if type_ == "table" and name is not None and name.startswith("document_fts"):
        return False
    return not (type_ == "index" and name == "ix_document_fts")


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config  # only to change the schema: opening a project is cheaper

    cfg = Config()
    cfg.set_main_option("script_location", "annotator.store:migrations")
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def head_revision() -> str:
    """The newest revision the package ships (a test checks it is Alembic's single head)."""
    [head] = known_revisions() - _down_revisions()
    return head


@cache
def known_revisions() -> frozenset[str]:
    """Every revision among the package's migration scripts, read without importing Alembic."""
    return frozenset(
        found
        for script in _VERSIONS.glob("*.py")
        for found in _REVISION.findall(script.read_text())
    )


@cache
def _down_revisions() -> frozenset[str]:
    return frozenset(_found(_DOWN))


def _found(pattern: re.Pattern[str]) -> list[str]:
    return [hit for script in _VERSIONS.glob("*.py") for hit in pattern.findall(script.read_text())]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return _revision(connection)


def _revision(connection: Connection) -> str | None:
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def ensure_current(
    db: Database, on_create: Callable[[Connection], None] | None = None
) -> MigrationResult:
    """Create, upgrade or refuse the project behind ``db``; see the module docstring.

    The check and the change run in one transaction that holds the write lock from its start
    (``BEGIN IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL), so two programs opening a
    new project at once create it once, and a refused database is left as it was found.
    ``on_create`` fills a new project in the same transaction (the default scheme).
    """
    if db.read_only:
        return _check_read_only(db)
    if _is_current(db):  # the usual case, checked without taking the write lock
        if db.target.path is not None:
            _use_wal(db)
        return MigrationResult()
    with db.write_connection() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(select(func.pg_advisory_xact_lock(_SCHEMA_LOCK)))
        result = _bring_current(connection, db)
        if result.created and on_create is not None:
            on_create(connection)
    if db.target.path is not None:
        _use_wal(db)
    return result


def _bring_current(connection: Connection, db: Database) -> MigrationResult:
    tables = set(inspect(connection).get_table_names())
    if not tables:
        _upgrade(connection)
        return MigrationResult(created=True)
    revision = _checked_revision(connection, tables, db.where)
    if revision == head_revision():
        return MigrationResult()
    backup = _backup_sqlite(db, revision)
    _upgrade(connection)
    return MigrationResult(upgraded_from=revision, backup=backup)


def _checked_revision(connection: Connection, tables: set[str], where: str) -> str | None:
    """The project's revision; refuses a foreign database and one from a newer Annotator."""
    if VERSION_TABLE not in tables:
        raise SchemaVersionError(f"{where} holds a database that is not an Annotator project")
    revision = _revision(connection)
    if revision != head_revision() and revision not in known_revisions():
        raise SchemaVersionError(
            f"{where} was written by a newer version of Annotator (schema {revision}); "
            "install the newer Annotator to open it"
        )
    return revision


def _is_current(db: Database) -> bool:
    """Whether the project is at the newest revision; refuses a foreign or newer database
    (all read, nothing changed)."""
    with db.read() as session:
        connection = session.connection()
        tables = set(inspect(connection).get_table_names())
        if not tables:
            return False
        return _checked_revision(connection, tables, db.where) == head_revision()


def _check_read_only(db: Database) -> MigrationResult:
    with db.read() as session:
        connection = session.connection()
        tables = set(inspect(connection).get_table_names())
        if not tables:
            raise SchemaVersionError(f"{db.where} is read-only and holds no project")
        revision = _checked_revision(connection, tables, db.where)
    if revision != head_revision():
        raise SchemaVersionError(
            f"{db.where} was written by an older Annotator and needs an upgrade, but it is "
            "read-only; open a writable copy of it"
        )
    return MigrationResult()


def _use_wal(db: Database, patience: float = 2.0) -> None:
    """Switch a checked SQLite project to WAL (kept in the file; a no-op once it is).

    The switch needs the file to itself and SQLite does not wait for that (its busy timeout
    does not apply), so when other programs are opening the project at the same moment it is
    tried again for ``patience`` seconds. If they still hold it, the project is used as it is:
    the journal mode changes speed and how readers wait, never what is stored, and the next
    program to open the project switches it.
    """
    raw = db.engine.raw_connection()
    give_up = monotonic() + patience
    try:
        with db.guarded():
            driver = raw.driver_connection
            while driver.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":  # type: ignore[union-attr]
                try:
                    driver.execute("PRAGMA journal_mode = WAL").fetchone()  # type: ignore[union-attr]
                except sqlite3.OperationalError as exc:
                    if not is_busy(exc):
                        raise
                    if monotonic() >= give_up:
                        return
                    sleep(0.05)
    finally:
        raw.close()


def _upgrade(connection: Connection) -> None:
    from alembic import command

    cfg = alembic_config(connection.engine)
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, "head")


def _backup_sqlite(db: Database, revision: str | None) -> Path | None:
    path = db.target.path
    if path is None:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return back_up(path, path.with_name(f"{path.stem}.before-{revision}-{stamp}{path.suffix}"))
