"""Random annotated files (doccano, Label Studio, native) import whole or are refused cleanly."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.domain.errors import InputError
from annotator.jobs.importer import import_paths
from tests.jobs.conftest import row_counts

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
    before = row_counts(db_path)
    report = import_paths(project, [path])
    [outcome] = report.files
    if outcome.error is not None:
        assert isinstance(outcome.error, InputError)
        assert str(path) in str(outcome.error)
        assert row_counts(db_path) == before
    else:
        after = row_counts(db_path)
        assert after["document"] == before["document"] + outcome.imported
        assert after["annotation"] == before["annotation"] + outcome.spans
