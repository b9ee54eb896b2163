"""Fixtures of the property tests: one project per module, and its row counts."""

import sqlite3

import pytest

from annotator.store.project import Project

TABLES = ("document", "annotation", "layer", "actor", "edit")


def row_counts(path):
    """How many rows each table of interest holds: a refused file must change none."""
    with sqlite3.connect(path) as connection:
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in TABLES}  # fmt: skip


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """A project kept for a whole module (hypothesis runs many examples against it)."""
    path = tmp_path_factory.mktemp("property") / "p.sqlite"
    with Project.open(path) as project:
        yield project, path
