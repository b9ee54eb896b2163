"""Random annotated files (doccano, Label Studio, native) import whole or are refused cleanly."""

import json
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.domain.errors import InputError
from annotator.jobs.importer import import_paths
from annotator.store.project import Project

offsets = st.integers(min_value=-3, max_value=40)
labels = st.sampled_from(["actor", "Quote", "CLAIM", "PER", "", "x y"])
texts = st.text(min_size=0, max_size=30)


def doccano(text, spans):
    return json.dumps({"text": text, "entities": [
        {"id": i, "label": label, "start_offset": s, "end_offset": e}
        for i, (s, e, label) in enumerate(spans)
    ], "relations": [{"id": 1, "from_id": 0, "to_id": 1, "type": "speaker"}]})  # fmt: skip


def labelstudio(text, spans):
    return json.dumps([{"data": {"text": text}, "annotations": [{"result": [
        {"id": f"r{i}", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": s, "end": e, "labels": [label]}}
        for i, (s, e, label) in enumerate(spans)
    ]}]}])  # fmt: skip


def native(text, spans):
    return json.dumps({"format": "annotator-jsonl/1", "title": "t", "text": text, "actors": [],
                       "spans": [{"key": f"s{i}", "layer": label, "start": s, "end": e}
                                 for i, (s, e, label) in enumerate(spans)]})  # fmt: skip


def counts(path):
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT (SELECT count(*) FROM document), (SELECT count(*) FROM annotation),"
            " (SELECT count(*) FROM layer), (SELECT count(*) FROM actor)"
        ).fetchone()


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    path = tmp_path_factory.mktemp("annotated") / "p.sqlite"
    with Project.open(path) as project:
        yield project, path


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    writer=st.sampled_from([(doccano, ".jsonl"), (labelstudio, ".json"), (native, ".jsonl")]),
    text=texts,
    spans=st.lists(st.tuples(offsets, offsets, labels), max_size=4),
)
def test_random_annotated_files_import_whole_or_not_at_all(
    shared, tmp_path_factory, writer, text, spans
):
    project, db_path = shared
    write, suffix = writer
    path = tmp_path_factory.mktemp("in") / f"file{suffix}"
    path.write_text(write(text, spans), encoding="utf-8")
    before = counts(db_path)
    report = import_paths(project, [path])
    [outcome] = report.files
    if outcome.error is not None:
        assert isinstance(outcome.error, InputError)
        assert str(path) in str(outcome.error)
        assert counts(db_path) == before
    else:
        documents, annotations, _, _ = counts(db_path)
        assert documents == before[0] + outcome.imported
        assert annotations == before[1] + outcome.spans
