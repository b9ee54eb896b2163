"""doccano files as each doccano version writes them (fixtures in tests/formats/field/)."""

import json
from pathlib import Path

import pytest

from annotator.jobs.importer import import_paths

FIELD = Path(__file__).parent / "field"


def _spans(project):
    return sorted(
        (a.layer, a.text, a.annotator)
        for d in project.documents.list()
        for a in project.annotations.for_document(d.id)
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("doccano-0x-entities.jsonl", [
            ("LOC", "Port Elden", "admin"), ("LOC", "Tamsin bridge", "admin"),
            ("actor", "Adaeze Okafor", "admin"), ("actor", "Elden Courier", "maria"),
            ("actor", "Okafor", "maria"),
        ]),
        ("doccano-1x-text-label.jsonl", [
            ("actor", "Jonas Brandt", "tester"), ("actor", "Wendhausen transit union", "tester"),
        ]),
        ("doccano-1x-annotations.jsonl", [
            ("actor", "Save the Quay", "doccano user 2"),
            ("actor", "Tomás Reyes", "doccano user 1"),
        ]),
    ],
)  # fmt: skip
def test_every_doccano_version_imports_its_spans_credited_to_its_users(project, name, expected):
    report = import_paths(project, [FIELD / name])
    assert report.refused == [], report.refused
    assert report.files[0].read_as.startswith("read as doccano")
    assert _spans(project) == expected
    assert report.complete


def test_label_numbers_without_names_are_kept_and_named_in_a_notice(project):
    report = import_paths(project, [FIELD / "doccano-1x-annotations-ids-only.jsonl"])
    assert _spans(project) == [("label_7", "Tomás Reyes", "doccano user 1")]
    assert any("only as numbers (7)" in n and "--map" in n for n in report.notices)


def test_relation_types_match_the_scheme_ignoring_case(project):
    report = import_paths(project, [FIELD / "doccano-relations-upper.jsonl"])
    assert report.complete
    [doc] = project.documents.list()
    quote = next(a for a in project.annotations.for_document(doc.id) if a.layer == "quote")
    [link] = quote.links
    assert link.type == "speaker" and link.actor_id is not None  # the mention's actor
    assert "SPEAKER" not in [a.name for a in project.scheme.load().layer("quote").attributes]


def test_text_classification_labels_are_metadata_not_spans(project):
    report = import_paths(project, [FIELD / "doccano-classification.jsonl"])
    assert report.imported == 1 and report.spans == 0
    [doc] = project.documents.list()
    assert project.documents.get(doc.id).metadata["labels"] == ["politics", "local"]


def test_annotations_of_a_text_already_in_the_project_go_onto_it_once(project, tmp_path):
    text = "Councillor Tomás Reyes voted against the barrier."
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"text": text}) + "\n")  # the bare article, imported earlier
    second = tmp_path / "second.jsonl"
    entity = {"label_name": "PER", "start_offset": 11, "end_offset": 22, "user": 4}
    second.write_text(json.dumps({"id": 1, "text": text, "annotations": [entity]}) + "\n")
    import_paths(project, [first])
    report = import_paths(project, [second])
    assert len(report.duplicates) == 1 and report.spans == 1
    assert any("1 span added to 1 document already in the project (the same text)" in n
               for n in report.notices)  # fmt: skip
    assert _spans(project) == [("actor", "Tomás Reyes", "doccano user 4")]
    again = import_paths(project, [second])  # the same file twice: nothing merged twice
    assert again.spans == 0 and again.complete
    assert len(_spans(project)) == 1


def test_our_own_jsonl_keeps_each_spans_annotator_and_label(project, tmp_path):
    record = {
        "format": "annotator-jsonl/1", "title": "t", "text": "Okafor spoke.",
        "actors": [], "spans": [{"key": "s1", "layer": "actor", "label": "named", "start": 0,
                                 "end": 6, "text": "Okafor", "attributes": {}, "actor": None,
                                 "links": [], "annotator": "maya", "origin": "manual"}],
    }  # fmt: skip
    path = tmp_path / "ours.jsonl"
    path.write_text(json.dumps(record) + "\n")
    report = import_paths(project, [path])
    assert report.complete
    [span] = project.annotations.for_document(project.documents.list()[0].id)
    assert (span.annotator, span.label) == ("maya", "named")
