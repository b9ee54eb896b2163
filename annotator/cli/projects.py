"""Opening the project a command names, or the default project (made with samples)."""

from __future__ import annotations

from annotator.jobs.default_project import open_default_project
from annotator.store.project import Project


def open_project(db: str | None) -> Project:
    """The project at ``db``; without one, the default project, created with sample articles."""
    return Project.open(db) if db else open_default_project()
