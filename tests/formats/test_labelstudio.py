"""Label Studio: tasks validated by label-studio-sdk against the config we write; read back."""

import json

import pytest
from label_studio_sdk.label_interface import LabelInterface

from annotator.jobs.exporter import export
from annotator.jobs.importer import import_paths
from annotator.store.project import Project
from tests.conftest import refused_leaving_unchanged
from tests.formats.corpus import build
from tests.formats.test_native import snapshot


@pytest.fixture
def exported(project, tmp_path):
    build(project, tmp_path)
    out = tmp_path / "tasks.json"
    result = export(project, "labelstudio", out)
    return project, out, result


def test_every_annotation_is_valid_for_label_studio(exported):
    _, out, _ = exported
    config = out.with_name("tasks.label-config.xml").read_text(encoding="utf-8")
    interface = LabelInterface(config)
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert len(tasks) == 3
    for task in tasks:
        for annotation in task["annotations"]:
            assert interface.validate_annotation(annotation), interface._validate_object(
                annotation, return_errors=True
            )
        for region in task["annotations"][0]["result"]:
            if region["type"] == "labels":  # offsets are code points of data.text
                value = region["value"]
                assert task["data"]["text"][value["start"] : value["end"]] == value["text"]
    relations = [r for t in tasks for r in t["annotations"][0]["result"] if r["type"] == "relation"]
    assert {r["labels"][0] for r in relations} >= {"speaker", "claimant", "addressee"}


def test_reading_the_tasks_back_recovers_everything_but_origin(exported, tmp_path):
    project, out, _ = exported
    with Project.open(tmp_path / "back.sqlite") as back:
        report = import_paths(back, [out])  # recognised as Label Studio
        assert report.refused == [] and report.imported == 3
        for before, after in zip(snapshot(project), snapshot(back), strict=True):
            assert before[1] == after[1]
            strip = lambda spans: [s[:7] + s[9:] for s in spans]  # noqa: E731 - no annotator/origin
            assert strip(before[4]) == strip(after[4])


def test_older_files_counted_in_utf16_are_accepted_when_the_text_proves_it(project, tmp_path):
    text = "Zoë 😀 Okafor said “yes”."
    start = text.index("Okafor")
    utf16 = len(text[:start].encode("utf-16-le")) // 2
    task = {
        "data": {"text": text},
        "annotations": [{"result": [{
            "id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": utf16, "end": utf16 + 6, "text": "Okafor", "labels": ["actor"]},
        }]}],
    }  # fmt: skip
    path = tmp_path / "old.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    report = import_paths(project, [path])
    assert report.refused == []
    assert any("UTF-16" in notice for notice in report.notices)
    [span] = project.annotations.for_document(1)
    assert (span.start, span.text) == (start, "Okafor")


def test_a_region_whose_text_does_not_match_refuses_the_file(project, db_path, tmp_path):
    task = {
        "data": {"text": "Plain text here."},
        "annotations": [{"result": [{
            "id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": 0, "end": 5, "text": "Other", "labels": ["actor"]},
        }]}],
    }  # fmt: skip
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([task, task]), encoding="utf-8")
    error = refused_leaving_unchanged(db_path, path, format_name="labelstudio")
    assert "task 1" in error.reason
