"""A project: one database, its migrations checked, and the services that work on it."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from annotator import resources
from annotator.domain.errors import UsageError
from annotator.domain.scheme import Scheme, scheme_from_dict
from annotator.store.actors import ActorStore
from annotator.store.annotated_import import AnnotatedImporter
from annotator.store.annotations import AnnotationStore
from annotator.store.annotators import default_annotator_name
from annotator.store.assignments import AssignmentStore
from annotator.store.backups import (
    DEFAULT_KEEP,
    Backup,
    back_up,
    list_backups,
    rolling_backup,
)
from annotator.store.coded_spans import CodedSpans
from annotator.store.database import Database
from annotator.store.document_deletion import DocumentDeletion
from annotator.store.documents import DocumentStore
from annotator.store.engine import open_engine, resolve
from annotator.store.exchange_ids import ExchangeIds
from annotator.store.history import History
from annotator.store.migrate import MigrationResult, ensure_current
from annotator.store.reverts import Services
from annotator.store.scheme_store import SchemeStore, write_scheme
from annotator.store.stats import ProjectStats, project_stats
from annotator.store.suggestions import SuggestionStore


def default_scheme() -> Scheme:
    return scheme_from_dict(resources.read_yaml("default_scheme.yaml"))


def _install_default_scheme(connection: Connection) -> None:
    with Session(connection, join_transaction_mode="rollback_only") as session:
        write_scheme(session, default_scheme())
        session.flush()


def _person(db: Database) -> str:
    """Who is annotating: on a PostgreSQL server the database login (its policies know no
    other), elsewhere the login name or ``$ANNOTATOR_USER``."""
    if db.engine.dialect.name == "postgresql":
        with db.read() as session:
            return str(session.connection().execute(text("SELECT current_user")).scalar_one())
    return default_annotator_name()


def _remove_empty(path: Path) -> None:
    """Remove a project file this process created and could not fill (and its side files)."""
    with contextlib.suppress(OSError):
        if path.stat().st_size == 0:
            path.unlink()
            for side in ("-journal", "-wal", "-shm"):
                path.with_name(path.name + side).unlink(missing_ok=True)


class Project:
    """The services of one project. Open with :meth:`open`; close (or use ``with``) when done."""

    def __init__(self, db: Database, annotator: str, migration: MigrationResult) -> None:
        self.db = db
        self.annotator = annotator
        self.migration = migration
        self.scheme = SchemeStore(db, annotator)
        self.documents = DocumentStore(db, annotator)
        self.actors = ActorStore(db, annotator)
        self.assignments = AssignmentStore(db, annotator)
        self.annotations = AnnotationStore(
            db, self.scheme, self.documents, self.assignments, annotator
        )
        self.annotated = AnnotatedImporter(db, self.scheme, annotator)
        self.document_deletion = DocumentDeletion(db, annotator)
        self.coded = CodedSpans(db, annotator)
        self.suggestions = SuggestionStore(db, self.scheme, self.annotations, annotator)
        self.exchange_ids = ExchangeIds(db, annotator)
        self.history = History(
            db,
            annotator,
            Services(
                self.annotations,
                self.actors,
                self.documents,
                self.scheme,
                self.document_deletion,
                self.assignments,
            ),
        )

    @classmethod
    def open(
        cls, target: str | Path, annotator: str | None = None, *, read_only: bool = False
    ) -> Project:
        """Open (creating or upgrading) the project at a file path or database URL.

        A project that cannot be opened leaves nothing behind: a new file that could not be
        filled (a full disk) is removed again. A SQLite project is opened read-only when
        ``read_only`` asks for it or when its file or folder cannot be written.
        """
        spec = resolve(target, read_only=read_only)
        db = Database(open_engine(spec), spec)
        try:
            migration = ensure_current(db, on_create=_install_default_scheme)
        except BaseException:
            db.dispose()
            if not spec.existed and spec.path is not None:
                _remove_empty(spec.path)
            raise
        return cls(db, annotator or _person(db), migration)

    @property
    def read_only(self) -> bool:
        """The project file or its folder cannot be written: reads work, changes are refused."""
        return self.db.read_only

    def on_lock_wait(self, callback: Callable[[float], None] | None) -> None:
        """Call ``callback(seconds)`` while a change waits for another program's write."""
        self.db.waiting = callback

    @property
    def location(self) -> str:
        """The project's file, or its URL without a password."""
        return self.db.where

    @property
    def file(self) -> Path | None:
        """The SQLite file of the project (None on a database server)."""
        return self.db.target.path

    def backups(self) -> list[Backup]:
        """The project's backups, newest first (none on a database server)."""
        return list_backups(self.file) if self.file is not None else []

    def back_up(self) -> Path:
        """A backup now, in the project's backup folder; returns the file."""
        if self.file is None:
            raise UsageError("a project on a database server is backed up with pg_dump")
        return back_up(self.file)

    def daily_backup(self, keep: int = DEFAULT_KEEP) -> Path | None:
        """Today's backup unless there is one; keeps the newest ``keep``. See backups.py."""
        if self.file is None or self.read_only:
            return None
        return rolling_backup(self.file, keep)

    def stats(self) -> ProjectStats:
        return project_stats(self.db)

    def close(self) -> None:
        self.db.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
