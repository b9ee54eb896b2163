"""The default project: made on first start, with the sample articles, all or nothing."""

from __future__ import annotations

from pathlib import Path

from annotator.jobs.samples import add_samples
from annotator.paths import default_project_path
from annotator.store.project import Project


def open_default_project(path: Path | None = None) -> Project:
    """Open the default project, first building it with samples if it does not exist yet.

    The new project is built under a temporary name and renamed when complete, so an
    interrupted first start never leaves a half-filled project behind.
    """
    path = path or default_project_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        for leftover in path.parent.glob(partial.name + "*"):
            leftover.unlink()
        with Project.open(partial, annotator="samples") as project:
            add_samples(project)
        partial.replace(path)
    return Project.open(path)
