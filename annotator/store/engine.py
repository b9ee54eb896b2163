"""Engines for a project given as a file path (SQLite) or any SQLAlchemy URL (PostgreSQL).

SQLite connections run with foreign keys and ``synchronous=NORMAL``. Transactions are begun by
SQLAlchemy, not the driver: reads with a plain ``BEGIN``, writes (on the engine that
:func:`writer` returns) with ``BEGIN IMMEDIATE``, which takes the write lock before the first
read. A deferred ``BEGIN`` that reads and then writes cannot wait for another writer: SQLite
refuses it at once with "database is locked". With ``BEGIN IMMEDIATE`` the busy timeout applies.

WAL mode is switched on by :mod:`annotator.store.migrate` once the file has been checked to be
a project of ours, never before: a foreign database must not be changed by being looked at.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from annotator.domain.errors import UsageError

# One wait inside SQLite before control comes back to Python, which reports the wait and
# tries again (see Database.write) until the project's lock wait is spent.
BUSY_TIMEOUT_MS = 1_000
_WRITE = "annotator_write"


@dataclass(frozen=True, slots=True)
class Target:
    """Where a project lives, as the user named it."""

    url: str
    path: Path | None  # the SQLite file, if it is one
    read_only: bool = False
    existed: bool = True

    @property
    def where(self) -> str:
        """How messages name the project: its file, or its URL without a password."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)


def resolve(target: str | Path, *, read_only: bool = False) -> Target:
    """``target`` as a :class:`Target`: a plain path is a SQLite file, anything else a URL.

    A file is opened read-only when asked, or when it or its folder cannot be written.
    """
    text = str(target)
    if "://" in text:
        try:
            url = make_url(text)
        except ArgumentError as exc:
            raise UsageError(f"not a database URL: {text}") from exc
        database = url.database if url.drivername.startswith("sqlite") else None
        if database and database != ":memory:":
            return resolve(database, read_only=read_only)
        return Target(text, None)
    path = Path(text).expanduser().resolve()
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give a project file such as {path}/project.sqlite")
    if path.exists() and not path.is_file():
        raise UsageError(f"{path} is not a regular file and cannot be a project")
    if read_only and not path.is_file():
        raise UsageError(f"{path}: no such project file to open read-only")
    return Target(
        f"sqlite+pysqlite:///{path}",
        path,
        read_only=read_only or not _writable(path),
        existed=path.exists(),
    )


def sqlite_path(engine: Engine) -> Path | None:
    """The file behind a SQLite engine, or None for other databases and in-memory SQLite."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return None
    database = engine.url.database
    if database == ":memory:":
        return None
    if database.startswith("file:"):
        return Path(unquote(urlsplit(database).path))
    return Path(database)


def open_engine(target: str | Path | Target) -> Engine:
    """An engine for ``target``; a read-only SQLite file gets a read-only connection."""
    spec = target if isinstance(target, Target) else resolve(target)
    if spec.path is not None:
        if not spec.read_only:
            spec.path.parent.mkdir(parents=True, exist_ok=True)
        url = _read_only_url(spec.path) if spec.read_only else spec.url
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine)
        return engine
    if spec.url.startswith("sqlite"):
        engine = create_engine(spec.url)
        _configure_sqlite(engine)
        return engine
    try:
        return create_engine(spec.url, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise UsageError(
            f"no database driver for {make_url(spec.url).drivername} ({exc.name} is not "
            "installed); for PostgreSQL install annotator[postgres] and use postgresql+psycopg://..."
        ) from exc


def writer(engine: Engine) -> Engine:
    """The same engine, whose transactions take the write lock at once (SQLite)."""
    return engine.execution_options(**{_WRITE: True})


def _writable(path: Path) -> bool:
    """Whether we may change ``path`` (and create WAL side files beside it)."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not os.access(folder, os.W_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


def _read_only_url(path: Path) -> str:
    """``mode=ro`` when SQLite can still keep its shared-memory file; else ``immutable``.

    In a folder we cannot write, a WAL database has no place for its ``-shm`` file; it is then
    opened as immutable, which reads the database file alone.
    """
    try:
        probe = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return f"sqlite+pysqlite:///{path.as_uri()}?mode=ro&uri=true"
        finally:
            probe.close()
    except sqlite3.Error:
        return f"sqlite+pysqlite:///{path.as_uri()}?mode=ro&immutable=1&uri=true"


class DamagedDatabase(sqlite3.DatabaseError):
    """A damage the driver could not even describe; carries SQLite's SQLITE_CORRUPT code."""

    sqlite_errorcode = 11
    sqlite_errorname = "SQLITE_CORRUPT"


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when a transaction begins (see "begin" below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # In WAL mode NORMAL never corrupts and loses no committed edit when the program
            # is killed; only a power cut can lose the last commits.
            cursor.execute("PRAGMA synchronous = NORMAL")
        except UnicodeDecodeError as exc:
            # SQLite quoted a damaged schema in its message, which is not even UTF-8
            raise DamagedDatabase("malformed database schema (unreadable)") from exc
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def library_version() -> str:
    """The version of SQLAlchemy the store runs on (for Help → About)."""
    from sqlalchemy import __version__

    return str(__version__)
