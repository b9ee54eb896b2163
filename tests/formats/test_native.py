"""The native JSON Lines format: lossless both ways, valid against its published schema."""

import json
from importlib import resources

import jsonschema
import pytest

from annotator.cli.main import main
from annotator.jobs.exporter import export
from annotator.jobs.importer import import_paths
from annotator.store.exporting import ExportFilter
from annotator.store.project import Project
from tests.conftest import refused_leaving_unchanged
from tests.formats.corpus import build


@pytest.fixture
def built(project, tmp_path):
    build(project, tmp_path)
    _label_a_quote(project)
    return project


def _label_a_quote(project):
    """Labels were once dropped on import while this snapshot left them out."""
    from dataclasses import replace

    from annotator.domain.annotations import as_draft
    from annotator.domain.scheme import Label

    scheme = project.scheme.load()
    layers = tuple(
        replace(layer, labels=(Label("verbatim"), Label("paraphrase")))
        if layer.name == "quote" else layer
        for layer in scheme.layers
    )  # fmt: skip
    project.scheme.install(replace(scheme, layers=layers))
    quote = next(a for a in project.annotations.for_document(1) if a.layer == "quote")
    project.annotations.update(quote.id, replace(as_draft(quote), label="verbatim"))


def snapshot(project):
    """Everything a user would call 'the annotations', without database ids."""
    actors = {a.id: a for a in project.actors.list()}

    def actor(actor_id):
        if actor_id is None:
            return None
        a = actors[actor_id]
        return (a.name, a.kind, a.aliases, actor(a.parent_id), a.external_id)

    result = []
    for summary in project.documents.list():
        document = project.documents.get(summary.id)
        spans = project.annotations.for_document(summary.id)
        by_id = {s.id: s for s in spans}
        result.append((
            document.title, document.text, document.status, document.metadata,
            sorted(
                (s.layer, s.label, s.start, s.end, s.text, sorted(s.attributes.items()),
                 actor(s.actor_id), s.annotator, s.origin,
                 sorted((link.type, actor(link.actor_id),
                         (by_id[link.annotation_id].start, by_id[link.annotation_id].end)
                         if link.annotation_id else None) for link in s.links))
                for s in spans
            ),
        ))  # fmt: skip
    return result


def test_export_import_export_gives_the_same_file_and_the_same_annotations(built, tmp_path):
    first = tmp_path / "first.jsonl"
    export(built, "jsonl", first)
    with Project.open(tmp_path / "copy.sqlite") as copy:
        report = import_paths(copy, [first])
        assert report.refused == [] and report.imported == 3
        assert snapshot(copy) == snapshot(built)
        assert [s[1] for doc in snapshot(copy) for s in doc[4] if s[1]] == ["verbatim"]
        second = tmp_path / "second.jsonl"
        export(copy, "jsonl", second)
    assert second.read_bytes() == first.read_bytes()


def test_every_line_matches_the_published_json_schema(built, tmp_path):
    out = tmp_path / "out.jsonl"
    export(built, "jsonl", out)
    schema = json.loads(
        resources.files("annotator.resources").joinpath("annotator-jsonl.schema.json").read_text()
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    lines = out.read_text(encoding="utf-8").splitlines()
    for line in lines:
        record = json.loads(line)
        jsonschema.validate(record, schema)
        for span in record["spans"]:  # offsets are code points of the text as written
            assert record["text"][span["start"] : span["end"]] == span["text"]
    assert "\r" not in out.read_text(encoding="utf-8")


def test_filters_by_layer_status_and_annotator(built, tmp_path):
    out = tmp_path / "quotes.jsonl"
    export(built, "jsonl", out, ExportFilter(layers=frozenset({"quote"})))
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert {s["layer"] for r in records for s in r["spans"]} == {"quote"}
    out = tmp_path / "nobody.jsonl"
    export(built, "jsonl", out, ExportFilter(annotator="nobody"))
    assert all(json.loads(line)["spans"] == [] for line in out.read_text().splitlines())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r["spans"][0].update(end=10_000), "outside the text"),
        (lambda r: r["spans"][0].update(start=5, end=2), "reversed"),
        (lambda r: r["spans"][0].update(text="something else"), "the file says"),
        (lambda r: r.update(text=r["text"].replace("\n", "\r\n")), "carriage returns"),
        (lambda r: r["spans"][0].pop("layer"), "not an annotator-jsonl/1 record"),
    ],
)
def test_a_bad_line_refuses_the_whole_file_and_names_the_line(built, tmp_path, change, message):
    out = tmp_path / "good.jsonl"
    export(built, "jsonl", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[1])
    change(record)
    lines[1] = json.dumps(record, ensure_ascii=False)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines), encoding="utf-8")
    error = refused_leaving_unchanged(tmp_path / "target.sqlite", bad)
    assert message in error.reason and error.line == 2


def test_cli_export_with_splits_and_reimport(built, tmp_path, capsys, db_path):
    built.close()
    out = str(tmp_path / "splits")
    split = ["--split", "train=0.67,test=0.33", "--seed", "3"]
    code = main(["export", "--db", str(db_path), "--format", "jsonl", "--out", out, *split])
    assert code == 0
    names = sorted(p.name for p in (tmp_path / "splits").iterdir())
    assert names == ["test.jsonl", "train.jsonl"]
    counts = [len((tmp_path / "splits" / n).read_text().splitlines()) for n in names]
    assert sorted(counts) == [1, 2]
    capsys.readouterr()
    code = main(["import", "--db", str(tmp_path / "new.sqlite"),
                 str(tmp_path / "splits" / "train.jsonl")])  # fmt: skip
    assert code == 0
    assert "imported with" in capsys.readouterr().out
