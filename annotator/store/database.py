"""Units of work: every service opens its sessions here, one per read or per user edit.

A write waits for another program's write to finish instead of failing: SQLite's own busy
timeout waits a second at a time, and between those waits :attr:`Database.waiting` is told how
long it has been (the command line prints a line, the workbench shows it and keeps painting),
until :attr:`Database.lock_wait` seconds are spent. Failures of the machine or of the file
(a full disk, a read-only or damaged project) leave here as the domain's errors.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from time import monotonic

from sqlalchemy import Connection, Engine, RootTransaction
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from annotator.domain.errors import BusyError, ReadOnlyError
from annotator.store.backups import newest_backup
from annotator.store.engine import Target, sqlite_path, writer
from annotator.store.failures import is_busy, translated

DEFAULT_LOCK_WAIT_S = 300.0


def _lock_wait_from_env() -> float:
    try:
        return float(os.environ.get("ANNOTATOR_LOCK_WAIT", DEFAULT_LOCK_WAIT_S))
    except ValueError:
        return DEFAULT_LOCK_WAIT_S


class Database:
    """Hands out short sessions on one engine. Nothing outside ``annotator.store`` sees them."""

    def __init__(self, engine: Engine, target: Target | None = None) -> None:
        self.engine = engine
        self.target = target or Target(engine.url.render_as_string(), sqlite_path(engine))
        self.lock_wait = _lock_wait_from_env()
        # Called with the seconds waited so far while another program holds the write lock.
        self.waiting: Callable[[float], None] | None = None
        self._writer = writer(engine)
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._local = threading.local()  # this thread's open write session, if any

    @property
    def where(self) -> str:
        return self.target.where

    @property
    def read_only(self) -> bool:
        return self.target.read_only

    def newest_backup(self) -> Path | None:
        return newest_backup(self.target.path) if self.target.path is not None else None

    @contextmanager
    def guarded(self) -> Iterator[None]:
        """Environment failures in the block become the domain's errors, naming the project."""
        with translated(self.where, self.newest_backup):
            yield

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises.

        A write opened inside another on the same thread joins it: services compose (an undo
        runs several of them as one step) and the outer block commits or rolls back all.
        """
        joined = self.current_write()
        if joined is not None:
            yield joined
            joined.flush()
            return
        with self.write_connection() as connection:
            session = Session(
                connection, expire_on_commit=False, join_transaction_mode="rollback_only"
            )
            self._local.session = session
            try:
                yield session
                session.flush()
            finally:
                self._local.session = None
                session.close()

    def current_write(self) -> Session | None:
        """The write session this thread is inside, if any."""
        return getattr(self._local, "session", None)

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """A connection inside a transaction that holds the write lock from its first statement."""
        if self.read_only:
            raise ReadOnlyError(
                f"{self.where} is read-only (the file or its folder cannot be written); "
                "nothing can be changed in it"
            )
        with self.guarded(), self._writer.connect() as connection:
            transaction = self._begin(connection)
            try:
                yield connection
            except BaseException:
                if transaction.is_active:
                    transaction.rollback()
                raise
            transaction.commit()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; inside a write, the write's own (it sees what is not yet
        committed)."""
        joined = self.current_write()
        if joined is not None:
            yield joined
            return
        with self.guarded(), self._sessions() as session:
            yield session

    def _begin(self, connection: Connection) -> RootTransaction:
        started = monotonic()
        while True:
            try:
                return connection.begin()
            except OperationalError as exc:
                waited = monotonic() - started
                if not is_busy(exc):
                    raise
                if waited >= self.lock_wait:
                    raise BusyError(
                        f"{self.where} is busy: another program has been writing to it for "
                        f"{waited:.0f} s; try again when it has finished"
                    ) from exc
                if self.waiting is not None:
                    self.waiting(waited)

    def dispose(self) -> None:
        self.engine.dispose()
