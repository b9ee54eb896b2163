"""Opening the project a command names, or the default project (made with samples)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.cli.output import warn

if TYPE_CHECKING:
    from annotator.store.project import Project


def open_project(db: str | None) -> Project:
    """The project at ``db``; without one, the default project, created with sample articles.

    While another program holds the project's write lock, a change waits and says so once.
    """
    # Imported here: a command that opens no project starts without the store's libraries.
    from annotator.jobs.default_project import open_default_project
    from annotator.store.project import Project

    project = Project.open(db) if db else open_default_project()
    said: list[bool] = []

    def waiting(_seconds: float) -> None:
        if not said:
            said.append(True)
            warn(f"waiting: another program is writing to {project.location}…")

    project.on_lock_wait(waiting)
    return project
