"""doccano: UTF-16 offsets as its front end counts, relations for speakers, both variants."""

import json

import pytest

from annotator.formats.annotations.report import FormatOptions
from annotator.jobs.exporter import export
from annotator.jobs.importer import import_paths
from annotator.store.project import Project
from tests.conftest import refused_leaving_unchanged
from tests.formats.corpus import build


def js_slice(text, start, end):
    """What JavaScript's text.slice(start, end) returns: offsets in UTF-16 code units."""
    return text.encode("utf-16-le")[start * 2 : end * 2].decode("utf-16-le")


@pytest.fixture
def exported(project, tmp_path):
    build(project, tmp_path)
    out = tmp_path / "doccano.jsonl"
    result = export(project, "doccano", out)
    return project, out, result


def test_offsets_are_utf16_units_that_cover_exactly_the_span_text(exported):
    project, out, _ = exported
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    stored = {d.id: project.annotations.for_document(d.id) for d in project.documents.list()}
    for record, spans in zip(records, stored.values(), strict=True):
        texts = [
            js_slice(record["text"], e["start_offset"], e["end_offset"]) for e in record["entities"]
        ]
        assert texts == [s.text for s in spans]
    first = records[0]
    starts = [
        (e["start_offset"], s.start) for e, s in zip(first["entities"], stored[1], strict=True)
    ]
    assert all(a == b for a, b in starts)  # every span starts before the emoji
    # the family emoji (7 code points, 11 UTF-16 units) makes later offsets differ
    claim = next(e for e in first["entities"] if e["label"] == "claim")
    claim_span = next(s for s in stored[1] if s.layer == "claim")
    assert claim["end_offset"] - claim_span.end == 4


def test_speakers_become_relations_and_what_doccano_cannot_hold_is_reported(exported):
    _, out, result = exported
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    types = {r["type"] for record in records for r in record["relations"]}
    assert {"speaker", "claimant", "addressee", "responds_to"} <= types
    lost = " ".join(result.report.lines())
    assert "span attributes" in lost and "actor identities" in lost


def test_round_trip_keeps_every_span_and_link(exported, tmp_path):
    project, out, _ = exported
    with Project.open(tmp_path / "back.sqlite") as back:
        report = import_paths(back, [out])  # recognised as doccano
        assert report.refused == [] and report.imported == 3
        assert any("UTF-16" in notice for notice in report.notices)
        for summary in project.documents.list():
            before = project.annotations.for_document(summary.id)
            after = back.annotations.for_document(summary.id)
            assert [(a.layer, a.start, a.end, a.text) for a in after] == [
                (a.layer, a.start, a.end, a.text) for a in before
            ]
            assert sorted(len(a.links) for a in after) == sorted(len(a.links) for a in before)
        quote = next(a for a in back.annotations.for_document(2) if a.text == "«unnötig»")
        [speaker] = quote.links
        assert back.actors.get(speaker.actor_id).name == "Die Bahn"  # named by its mention


def test_the_label_variant_and_code_point_offsets(project, tmp_path):
    text = "Zoë 😀 met Okafor."
    path = tmp_path / "variant.jsonl"
    path.write_text(json.dumps({"text": text, "label": [[6, 9, "actor"], [10, 16, "ACTOR"]]}))
    report = import_paths(project, [path], options=FormatOptions(offsets="codepoints"))
    assert report.refused == []
    spans = project.annotations.for_document(1)
    assert [s.text for s in spans] == ["met", "Okafor"]
    assert [s.layer for s in spans] == ["actor", "actor"]  # matched ignoring case
    assert len(project.actors.list()) == 2


@pytest.mark.parametrize(
    ("entity", "message"),
    [
        ({"id": 1, "label": "actor", "start_offset": 0, "end_offset": 99}, "outside the text"),
        ({"id": 1, "label": "actor", "start_offset": 2, "end_offset": 2}, "empty"),
        ({"id": 1, "label": "actor", "start_offset": 5, "end_offset": 6}, "inside a character"),
        ({"id": 1, "start_offset": 0, "end_offset": 2}, "no label"),
    ],
)
def test_bad_offsets_refuse_the_file_naming_the_line(project, db_path, tmp_path, entity, message):
    path = tmp_path / "bad.jsonl"
    lines = [
        json.dumps({"text": "fine", "entities": []}),
        json.dumps({"text": "Zoë 😀 met Okafor.", "entities": [entity]}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    error = refused_leaving_unchanged(db_path, path, format_name="doccano")
    assert message in error.reason and error.line == 2


def test_person_labels_become_actor_mentions_and_unknown_labels_layers(project, tmp_path):
    path = tmp_path / "ner.jsonl"
    record = {"text": "Okafor visited Brussels.", "entities": [
        {"id": 1, "label": "PER", "start_offset": 0, "end_offset": 6},
        {"id": 2, "label": "LOC", "start_offset": 15, "end_offset": 23},
    ]}  # fmt: skip
    path.write_text(json.dumps(record), encoding="utf-8")
    report = import_paths(project, [path])
    assert report.refused == []
    assert any(
        n.startswith("'PER' spans read as actor spans naming persons") for n in report.notices
    )
    assert any(n.startswith("new layer 'LOC' added") and "--map LOC=actor:KIND" in n
               for n in report.notices)  # fmt: skip
    assert "PER" not in {layer.name for layer in project.scheme.load().layers}
    mention, place = project.annotations.for_document(1)
    assert (mention.layer, place.layer) == ("actor", "LOC")
    assert project.actors.get(mention.actor_id).kind.value == "person"
