"""Arbitrary bytes given to every importer either import or are refused cleanly."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.domain.errors import InputError
from annotator.formats.articles.registry import READERS
from annotator.jobs.importer import import_paths
from tests.jobs.conftest import row_counts

SUFFIXES = sorted(set(READERS))


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
    before = row_counts(db_path)
    report = import_paths(project, [path])
    [outcome] = report.files
    if outcome.error is not None:
        assert isinstance(outcome.error, InputError)
        assert str(path) in str(outcome.error)
        assert row_counts(db_path) == before
    else:
        added = outcome.imported
        after = row_counts(db_path)
        assert after["document"] == before["document"] + added
        assert after["edit"] == before["edit"] + (1 if added else 0)
