"""Bring a project's database to the schema this version of Annotator expects.

A new database is created at the newest revision. An older one is first copied aside (SQLite) and
then upgraded. One written by a newer Annotator, or a database that is not an Annotator project,
is refused with an explanation and left untouched.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from annotator.domain.errors import SchemaVersionError
from annotator.store.engine import sqlite_path

VERSION_TABLE = "alembic_version"


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
    cfg = Config()
    cfg.set_main_option("script_location", "annotator.store:migrations")
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the package ships no migrations"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def ensure_current(engine: Engine) -> MigrationResult:
    """Create, upgrade or refuse the database behind ``engine``; see the module docstring."""
    tables = set(inspect(engine).get_table_names())
    if not tables:
        _upgrade(engine)
        return MigrationResult(created=True)
    where = sqlite_path(engine) or engine.url.render_as_string(hide_password=True)
    if VERSION_TABLE not in tables:
        raise SchemaVersionError(f"{where} holds a database that is not an Annotator project")
    revision = current_revision(engine)
    head = head_revision()
    if revision == head:
        return MigrationResult()
    scripts = ScriptDirectory.from_config(alembic_config())
    known = {script.revision for script in scripts.walk_revisions()}
    if revision not in known:
        raise SchemaVersionError(
            f"{where} was written by a newer version of Annotator (schema {revision}); "
            "install the newer Annotator to open it"
        )
    backup = _backup_sqlite(engine, revision)
    _upgrade(engine)
    return MigrationResult(upgraded_from=revision, backup=backup)


def _upgrade(engine: Engine) -> None:
    cfg = alembic_config(engine)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


def _backup_sqlite(engine: Engine, revision: str | None) -> Path | None:
    path = sqlite_path(engine)
    if path is None:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    backup = path.with_name(f"{path.stem}.before-{revision}-{stamp}{path.suffix}")
    with sqlite3.connect(path) as source, sqlite3.connect(backup) as target:
        source.backup(target)
    return backup
