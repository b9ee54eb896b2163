"""A file's format is judged by what its records hold, and the choice is reported."""

import json

from annotator.cli.main import main
from annotator.jobs.importer import import_paths


def test_articles_whose_first_key_is_id_are_articles_not_label_studio(project, tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(
        '{"id": 1, "title": "Strike", "text": "Rail workers walked out."}\n'
        '{"id": 2, "title": "Vote", "text": "The council voted."}\n'
    )
    report = import_paths(project, [path])
    assert report.refused == [] and report.imported == 2
    assert report.files[0].read_as is None  # plain articles
    assert {d.title for d in project.documents.list()} == {"Strike", "Vote"}


def test_the_guess_is_reported_and_a_refusal_says_how_to_choose_another(db_path, tmp_path, capsys):
    path = tmp_path / "tasks.json"
    region = {"type": "labels", "id": "a", "value": {"start": 0, "end": 99, "labels": ["PER"]}}
    task = {"id": 1, "data": {"text": "Okafor spoke."}, "annotations": [{"result": [region]}]}
    path.write_text(json.dumps([task]))
    assert main(["import", "--db", str(db_path), str(path)]) == 1
    err = capsys.readouterr().err
    assert "read as labelstudio: 1 of 1 sampled records look like labelstudio" in err
    assert "use --format" in err and "articles" in err


def test_format_articles_imports_the_texts_alone(project, tmp_path):
    path = tmp_path / "doccano.jsonl"
    path.write_text('{"text": "Okafor spoke.", "label": [[0, 6, "PER"]]}\n')
    report = import_paths(project, [path], format_name="articles")
    assert report.imported == 1 and report.spans == 0
    assert project.annotations.count() == 0


def test_a_single_task_object_and_a_file_starting_with_a_bracket_brace_are_detected(
    project, tmp_path
):
    task = {"data": {"text": "Okafor spoke today."},
            "annotations": [{"result": [{"id": "r1", "type": "labels", "from_name": "label",
                                          "to_name": "text", "value": {"start": 0, "end": 6,
                                          "text": "Okafor", "labels": ["actor"]}}]}]}  # fmt: skip
    single = tmp_path / "one.json"
    single.write_text(json.dumps(task, indent=2))
    packed = tmp_path / "packed.json"
    packed.write_text("[" + json.dumps({**task, "data": {"text": "Okafor left."}}) + "]")
    report = import_paths(project, [single, packed])
    assert [f.read_as.split(":")[0] for f in report.files] == ["read as labelstudio"] * 2
    assert report.spans == 2 and report.complete


def test_a_label_mapping_given_once_is_remembered_and_a_bad_one_refused(db_path, tmp_path, capsys):
    first = tmp_path / "a.jsonl"
    first.write_text(
        '{"text": "Brandt met the mayor in Wendhausen.", "label": [[24, 34, "LOC"]]}\n'
    )
    second = tmp_path / "b.jsonl"
    second.write_text('{"text": "Wendhausen voted.", "label": [[0, 10, "LOC"]]}\n')
    assert main(["import", "--db", str(db_path), "--map", "LOC=actor:state", str(first)]) == 0
    assert main(["import", "--db", str(db_path), str(second)]) == 0  # remembered
    err = capsys.readouterr().err
    assert "'LOC' spans read as actor spans naming states" in err
    from annotator.store.project import Project

    with Project.open(db_path) as project:
        layers = [a.layer for d in project.documents.list()
                  for a in project.annotations.for_document(d.id)]  # fmt: skip
        assert layers == ["actor", "actor"]
        [place] = project.actors.list()
        assert (place.name, place.kind.value) == ("Wendhausen", "state")
    third = tmp_path / "c.jsonl"
    third.write_text('{"text": "Brandt spoke.", "label": [[0, 6, "PER"]]}\n')
    assert main(["import", "--db", str(db_path), "--map", "PER=nosuch", str(third)]) == 2
    assert "no layer 'nosuch'" in capsys.readouterr().err


def test_exporting_an_empty_selection_says_so(db_path, tmp_path, capsys):
    assert main(["export", "--db", str(db_path), "--format", "jsonl", "--status", "reviewed",
                 "--out", str(tmp_path / "out.jsonl")]) == 1  # fmt: skip
    assert "nothing exported" in capsys.readouterr().err


def test_span_fields_an_article_reader_keeps_as_metadata_are_counted(project, tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text('{"text": "Okafor spoke.", "marks": [{"start": 0, "end": 6, "tag": "P"}]}\n')
    report = import_paths(project, [path])
    assert report.imported == 1 and not report.complete
    [line] = report.losses.lines()
    assert line.startswith("1 × 'marks' fields that look like spans, kept only as metadata")


def test_the_format_names_the_command_line_shows_are_the_registrys():
    from annotator.formats.annotations.registry import FORMATS
    from annotator.formats.names import READABLE, WRITABLE

    readable = tuple(sorted(n for n, f in FORMATS.items() if f.reader))
    writable = tuple(sorted(n for n, f in FORMATS.items() if f.writable))
    assert (readable, writable) == (READABLE, WRITABLE)
