"""``annotator undo``/``redo``/``history``/``restore``: the workbench's steps from a shell."""

import json

from annotator.domain.annotations import AnnotationDraft
from annotator.domain.documents import DocumentDraft
from annotator.store.project import Project
from tests.cli.test_cli import run


def _project(path):
    with Project.open(path) as project:
        project.documents.add_many([DocumentDraft(text="Mayor Okafor spoke.", title="t")])
        span = project.annotations.create(1, AnnotationDraft("actor", 6, 12))
        project.annotations.delete(span.id)
    return span.id


def test_undo_redo_and_nothing_left_to_undo(capsys, tmp_path):
    db = str(tmp_path / "p.sqlite")
    span = _project(db)
    assert run(capsys, "undo", "--db", db)[:2] == (0, "undone: Delete mention “Okafor”\n")
    with Project.open(db) as project:
        assert project.annotations.get(span).text == "Okafor"
    assert run(capsys, "undo", "--db", db)[0] == 0
    code, _out, err = run(capsys, "undo", "--db", db)
    assert code == 2 and "nothing to undo" in err
    assert run(capsys, "redo", "--db", db)[:2] == (0, "redone: Add mention “Okafor”\n")


def test_history_filters_and_restore_brings_back_a_deleted_span(capsys, tmp_path):
    db = str(tmp_path / "p.sqlite")
    span = _project(db)
    code, out, _ = run(capsys, "history", "--db", db, "--doc", "1", "--json")
    listed = json.loads(out)
    assert code == 0 and [e["action"] for e in listed] == ["delete", "update", "create"]
    assert listed[0]["restorable"] and listed[0]["before"]["text"] == "Okafor"
    code, out, _ = run(capsys, "history", "--db", db, "--annotator", "nobody")
    assert (code, out) == (0, "")
    assert run(capsys, "restore", "--db", db, str(listed[0]["edit"]))[0] == 0
    with Project.open(db) as project:
        assert project.annotations.get(span).text == "Okafor"
    code, _, err = run(capsys, "restore", "--db", db, str(listed[1]["edit"]))
    assert code == 2 and "nothing to restore" in err


def test_delete_doc_and_undo_it(capsys, tmp_path):
    db = str(tmp_path / "p.sqlite")
    _project(db)
    code, out, _ = run(capsys, "delete-doc", "--db", db, "1")
    assert code == 0 and out.startswith("deleted document 1 “t” with 0 spans")
    assert run(capsys, "list", "--db", db, "--json")[1].strip() == "[]"
    assert run(capsys, "undo", "--db", db)[:2] == (0, "undone: Delete document “t”\n")
    assert "t" in run(capsys, "list", "--db", db)[1]
    code, _, err = run(capsys, "delete-doc", "--db", db, "9")
    assert code != 0 and "no document with id 9" in err
