"""Engines for a project given as a file path (SQLite) or any SQLAlchemy URL (PostgreSQL)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from annotator.domain.errors import UsageError

BUSY_TIMEOUT_MS = 10_000


def database_url(target: str | Path) -> str:
    """``target`` as a SQLAlchemy URL: a plain path becomes a SQLite file URL."""
    text = str(target)
    if "://" in text:
        try:
            make_url(text)
        except ArgumentError as exc:
            raise UsageError(f"not a database URL: {text}") from exc
        return text
    path = Path(text).expanduser().resolve()
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give a project file such as {path}/project.sqlite")
    return f"sqlite+pysqlite:///{path}"


def sqlite_path(engine: Engine) -> Path | None:
    """The file behind a SQLite engine, or None for other databases and in-memory SQLite."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return None
    if engine.url.database == ":memory:":
        return None
    return Path(engine.url.database)


def open_engine(target: str | Path) -> Engine:
    """An engine for ``target``. SQLite files get WAL, foreign keys and a busy timeout."""
    url = database_url(target)
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise UsageError(
            f"no database driver for {make_url(url).drivername} ({exc.name} is not installed); "
            "for PostgreSQL install annotator[postgres] and use postgresql+psycopg://..."
        ) from exc


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when a transaction begins (see "begin" below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL never corrupts and loses no committed edit when the program
            # is killed; only a power cut can lose the last commits.
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")
