"""Arbitrary bytes given to every importer either import or are refused cleanly."""

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.domain.errors import InputError
from annotator.formats.articles.registry import READERS
from annotator.jobs.importer import import_paths
from annotator.store.project import Project

SUFFIXES = sorted(set(READERS))


def table_counts(path):
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT (SELECT count(*) FROM document), (SELECT count(*) FROM edit)"
        ).fetchone()


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    path = tmp_path_factory.mktemp("prop") / "p.sqlite"
    with Project.open(path) as project:
        yield project, path


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    suffix=st.sampled_from(SUFFIXES),
    data=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.text(max_size=200).map(lambda t: ('{"text": ' + repr(t) + "}").encode()),
        st.text(max_size=200).map(lambda t: ("title,text\nx," + t).encode()),
    ),
)
def test_arbitrary_bytes_import_or_are_refused_leaving_the_project_as_it_was(
    shared, tmp_path_factory, suffix, data
):
    project, db_path = shared
    path = tmp_path_factory.mktemp("in") / f"input{suffix}"
    path.write_bytes(data)
    before = table_counts(db_path)
    report = import_paths(project, [path])
    [outcome] = report.files
    if outcome.error is not None:
        assert isinstance(outcome.error, InputError)
        assert str(path) in str(outcome.error)
        assert table_counts(db_path) == before
    else:
        added = outcome.imported
        docs, edits = table_counts(db_path)
        assert docs == before[0] + added
        assert edits == before[1] + (1 if added else 0)
