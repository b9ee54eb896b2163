"""A project: one database, its migrations checked, and the services that work on it."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from annotator import resources
from annotator.domain.scheme import Scheme, scheme_from_dict
from annotator.store.actors import ActorStore
from annotator.store.annotated_import import AnnotatedImporter
from annotator.store.annotations import AnnotationStore
from annotator.store.annotators import default_annotator_name
from annotator.store.database import Database
from annotator.store.documents import DocumentStore
from annotator.store.engine import open_engine
from annotator.store.migrate import MigrationResult, ensure_current
from annotator.store.scheme_store import SchemeStore
from annotator.store.stats import ProjectStats, project_stats


def default_scheme() -> Scheme:
    return scheme_from_dict(resources.read_yaml("default_scheme.yaml"))


class Project:
    """The services of one project. Open with :meth:`open`; close (or use ``with``) when done."""

    def __init__(self, db: Database, annotator: str, migration: MigrationResult) -> None:
        self.db = db
        self.annotator = annotator
        self.migration = migration
        self.scheme = SchemeStore(db)
        self.documents = DocumentStore(db, annotator)
        self.actors = ActorStore(db, annotator)
        self.annotations = AnnotationStore(db, self.scheme, annotator)
        self.annotated = AnnotatedImporter(db, self.scheme, annotator)

    @classmethod
    def open(cls, target: str | Path, annotator: str | None = None) -> Project:
        """Open (creating or upgrading) the project at a file path or database URL."""
        engine = open_engine(target)
        try:
            migration = ensure_current(engine)
        except BaseException:
            engine.dispose()
            raise
        project = cls(Database(engine), annotator or default_annotator_name(), migration)
        if migration.created:
            project.scheme.install(default_scheme())
        return project

    @property
    def location(self) -> str:
        url = self.db.engine.url
        return url.database or "" if url.drivername.startswith("sqlite") else url.render_as_string()

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
