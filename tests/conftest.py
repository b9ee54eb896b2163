"""Shared fixtures. Tests never touch the real user data directory or need a display."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["ANNOTATOR_USER"] = "tester"

from annotator.domain.errors import InputError
from annotator.jobs.importer import import_paths
from annotator.store.project import Project


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("ANNOTATOR_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "project.sqlite"


@pytest.fixture
def project(db_path: Path) -> Iterator[Project]:
    with Project.open(db_path) as opened:
        yield opened


def dump(path: Path) -> list[str]:
    """Every row of every table, for asserting that a refused input changed nothing."""
    with sqlite3.connect(path) as connection:
        return list(connection.iterdump())


def refused_leaving_unchanged(db_path: Path, path: Path, **options) -> InputError:
    """Import ``path`` into the project at ``db_path``; it must be refused, changing nothing."""

    with Project.open(db_path) as project:  # created first if new, so it can be compared
        before = dump(db_path)
        report = import_paths(project, [path], **options)
    [error] = report.refused
    assert dump(db_path) == before
    return error
