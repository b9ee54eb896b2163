"""The window and the core's history: imports, undo across restarts, other programs' writes."""

import json
import subprocess
import sys

from PySide6.QtCore import Qt

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft
from annotator.domain.documents import DocumentDraft, DocumentStatus
from annotator.store.project import Project

TEXT = "Okafor said the barrier would hold."


def _native(path, layer="stance_note"):
    record = {
        "format": "annotator-jsonl/1", "title": "Imported", "text": TEXT,
        "actors": [{"key": "a1", "name": "Okafor", "kind": "person"}],
        "spans": [
            {"key": "s1", "layer": "actor", "start": 0, "end": 6, "actor": "a1"},
            {"key": "s2", "layer": layer, "start": 12, "end": 34},
        ],
    }  # fmt: skip
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_a_layer_an_import_adds_is_drawn_and_listed_at_once(qtbot, make_window, project, tmp_path):
    window = make_window(project)
    flow = window.files.import_files([_native(tmp_path / "in.jsonl")])
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=10_000)
    with qtbot.waitSignal(flow.done, timeout=10_000):  # the label mapping step: a new layer
        qtbot.keyClick(flow.dialog, Qt.Key.Key_Return)
    assert "stance_note" in [layer.name for layer in window.workspace.scheme.layers]
    document = next(d.id for d in project.documents.list() if d.title == "Imported")
    window.open_document(document)
    window.view.viewport().repaint()  # raised KeyError in the paint with a stale scheme
    rows = window.annotations.model.rowCount()
    assert rows == 2 and window.view.span_count() == 2


def test_undo_after_an_import_that_uses_the_actor_is_refused_and_shown(
    qtbot, make_window, project, tmp_path
):
    window = make_window(project)
    window.workspace.create_actor(ActorDraft("Okafor", ActorKind.PERSON))
    flow = window.files.import_files([_native(tmp_path / "in.jsonl", layer="quote")])
    with qtbot.waitSignal(flow.done, timeout=10_000):
        pass
    [okafor] = [a for a in project.actors.list() if a.name == "Okafor"]
    assert project.annotations.count() == 2  # the import's mention names the same Okafor
    assert window.workspace.undo_stack.undoText() == "Add actor Okafor"
    window.actions_by_name["undo"].trigger()
    assert "cannot undo “Add actor Okafor”" in window.statusBar().currentMessage()
    assert "still mentioned" in window.statusBar().currentMessage()
    assert project.actors.get(okafor.id).name == "Okafor"  # nothing moved
    assert window.workspace.undo_stack.undoText() == "Add actor Okafor"


def test_undoing_the_first_span_puts_the_document_back_to_new(qtbot, make_window, project):
    project.documents.add_many([DocumentDraft(text=TEXT, title="t")])
    window = make_window(project)
    document = project.documents.list()[0].id
    window.open_document(document)
    window.view.select_text(12, 34)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    assert window.workspace.document.status is DocumentStatus.IN_PROGRESS
    window.actions_by_name["undo"].trigger()
    assert project.annotations.for_document(document) == []
    assert window.workspace.document.status is DocumentStatus.NEW
    assert project.documents.get(document).status is DocumentStatus.NEW


def test_the_window_reopens_with_its_undo_history(qtbot, make_window, db_path, project):
    project.documents.add_many([DocumentDraft(text=TEXT, title="t")])
    document = project.documents.list()[0].id
    project.annotations.create(document, AnnotationDraft("claim", 12, 34))
    window = make_window(project)  # as after a restart: the step was taken before it opened
    assert window.actions_by_name["undo"].isEnabled()
    assert "Add claim" in window.actions_by_name["undo"].text()
    window.open_document(document)
    window.actions_by_name["undo"].trigger()
    assert window.view.span_count() == 0
    assert window.actions_by_name["redo"].isEnabled()


def test_an_edit_by_another_program_reaches_the_open_window(qtbot, make_window, db_path, project):
    project.documents.add_many([DocumentDraft(text=TEXT, title="t")])
    document = project.documents.list()[0].id
    window = make_window(project)
    window.open_document(document)
    script = (
        "import sys\n"
        "from annotator.store.project import Project\n"
        "from annotator.domain.actors import ActorDraft\n"
        "from annotator.domain.annotations import AnnotationDraft\n"
        "with Project.open(sys.argv[1], 'colleague') as other:\n"
        "    okafor = other.actors.create(ActorDraft('Adaeze Okafor'))\n"
        "    other.annotations.create(int(sys.argv[2]), AnnotationDraft('actor', 0, 6,"
        " actor_id=okafor.id))\n"
    )
    # another process: another window, the command line, a colleague on the same server
    subprocess.run([sys.executable, "-c", script, str(db_path), str(document)], check=True)
    qtbot.waitUntil(lambda: window.view.span_count() == 1, timeout=10_000)
    assert "Adaeze Okafor" in {a.name for a in window.workspace.actors.values()}
    assert window.workspace.document.status is DocumentStatus.IN_PROGRESS
    assert window.workspace.undo_stack.count() == 0  # the colleague's steps are not ours


def test_the_history_dock_lists_the_article_and_restores_a_deleted_span(
    qtbot, make_window, project
):
    project.documents.add_many([DocumentDraft(text=TEXT, title="t")])
    document = project.documents.list()[0].id
    window = make_window(project)
    window.open_document(document)
    window.view.select_text(12, 34)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    [claim] = window.workspace.annotations.values()
    window.workspace.delete_annotation(claim.id)
    dock = window.history
    dock.show()
    dock.raise_()
    qtbot.waitUntil(lambda: dock.tree.topLevelItemCount() == 3)  # added, in progress, deleted
    assert dock.tree.topLevelItem(0).text(2).startswith("claim deleted")
    assert not dock.restore.isEnabled()
    dock.tree.setCurrentItem(dock.tree.topLevelItem(0))
    assert dock.restore.isEnabled() and "layer was: claim" in dock.detail.toPlainText()
    qtbot.mouseClick(dock.restore, Qt.MouseButton.LeftButton)
    assert window.view.span_count() == 1 and project.annotations.get(claim.id).layer == "claim"
    assert dock.tree.topLevelItemCount() == 4  # the restore is in the history too
    dock.who.setCurrentText("nobody-else")
    dock.who.activated.emit(0)  # "Everyone"
    assert dock.tree.topLevelItemCount() == 4


def test_an_actors_history_opens_from_the_actor_list(qtbot, make_window, project):
    project.documents.add_many([DocumentDraft(text=TEXT, title="t")])
    document = project.documents.list()[0].id
    okafor = project.actors.create(ActorDraft("Okafor", ActorKind.PERSON))
    project.annotations.create(document, AnnotationDraft("actor", 0, 6, actor_id=okafor.id))
    window = make_window(project)
    window.actors.show()
    window.actors.raise_()
    window.actors.table.selectRow(0)
    window.actors.historyRequested.emit(okafor.id)
    assert window.history.scope.text() == "Actor: Okafor"
    assert window.history.tree.topLevelItemCount() == 2  # created, and its mention
    window.history.article.click()
    assert window.history.scope.text() == "This article"


def test_deleting_the_open_document_opens_the_next_and_undo_brings_it_back(
    qtbot, make_window, project
):
    project.documents.add_many([DocumentDraft(text=f"{TEXT} {n}", title=f"D{n}") for n in (1, 2)])
    first, second = (d.id for d in project.documents.list())
    project.annotations.create(first, AnnotationDraft("claim", 12, 34))
    window = make_window(project)
    window.open_document(first)
    asked = []
    window.confirm_delete_document = lambda title, spans: asked.append((title, spans)) or True
    window.actions_by_name["delete-document"].trigger()
    assert asked == [("D1", 1)]
    assert window.workspace.document.id == second
    assert window.documents.document_ids() == [second]
    window.actions_by_name["undo"].trigger()
    assert sorted(window.documents.document_ids()) == [first, second]
    window.open_document(first)
    assert window.view.span_count() == 1


def test_file_merge_brings_another_copys_spans_into_the_open_window(
    qtbot, make_window, project, db_path, tmp_path
):
    import shutil

    from annotator.gui.merge_flow import merge_files

    project.documents.add_many([DocumentDraft(text=TEXT, title="t")])
    document = project.documents.list()[0].id
    copy = tmp_path / "laptop.sqlite"
    shutil.copy(project.back_up(), copy)  # a consistent copy, as a laptop would take
    with Project.open(copy, "bob") as bob:
        bob.annotations.create(document, AnnotationDraft("claim", 12, 34))
    window = make_window(project)
    window.open_document(document)
    job = merge_files(window, [copy])
    with qtbot.waitSignal(job.done, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: window.view.span_count() == 1, timeout=10_000)
    assert "Merged laptop.sqlite: 1 span" in window.statusBar().currentMessage()
    assert next(iter(window.workspace.annotations.values())).annotator == "bob"
