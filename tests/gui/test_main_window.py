"""The window around the article: lists, navigation, search, import, shortcuts, screenshots."""

import json

from PySide6.QtCore import Qt

from annotator.cli.main import main
from annotator.domain.documents import DocumentDraft, DocumentStatus
from annotator.gui.dialogs.shortcuts import shortcuts_html
from annotator.jobs.samples import add_samples


def test_documents_are_listed_and_opening_one_shows_its_text_and_spans(make_window, project):
    add_samples(project)
    window = make_window(project)
    assert window.documents.model.rowCount() == project.documents.count()
    ids = window.documents.document_ids()
    window.documents.table.selectRow(3)
    document = project.documents.get(ids[3])
    assert window.view.text == document.text
    assert window.view.span_count() == len(project.annotations.for_document(document.id))
    assert document.title in window.windowTitle()
    assert window.annotations.model.rowCount() == window.view.span_count()
    assert "Actor mention" in window.legend.label.text()


def test_empty_project_explains_what_to_do(make_window, project):
    window = make_window(project)
    assert window.panel.stack.currentWidget() is window.panel.empty
    assert "Import articles" in window.panel.empty.text()


def test_mark_done_opens_the_next_document_not_done(qtbot, make_window, project):
    project.documents.add_many([DocumentDraft(text=f"Story {i}", title=f"S{i}") for i in range(3)])
    project.documents.set_status(2, DocumentStatus.DONE)
    window = make_window(project)
    window.open_document(1)
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert project.documents.get(1).status is DocumentStatus.DONE
    assert window.workspace.document.id == 3
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.document.id == 2
    window.workspace.undo_stack.undo()
    assert project.documents.get(1).status is DocumentStatus.NEW


def test_next_and_previous_span_walk_the_article(qtbot, make_window, project):
    add_samples(project)
    window = make_window(project)
    ordered = window.workspace.sorted_annotations()
    qtbot.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.view.selected_span == ordered[0].id
    qtbot.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.view.selected_span == ordered[1].id
    assert window.details.annotation.id == ordered[1].id
    qtbot.keyClick(window.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.view.selected_span == ordered[0].id


def test_find_in_article_highlights_every_match(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.panel.find_bar.isVisible()
    qtbot.keyClicks(window.panel.find_bar.query, "the")
    assert len(window.panel.find_bar.hits) == 3
    selected = window.view.textCursor().selectedText()
    assert selected.casefold() == "the"


def test_full_text_search_lists_matching_articles(qtbot, make_window, project):
    add_samples(project)
    window = make_window(project)
    window.documents.search.setText("Gewerkschaft")
    qtbot.waitUntil(lambda: window.documents.stack.currentIndex() == 1, timeout=2000)
    assert window.documents.hits.count() == 1
    item = window.documents.hits.item(0)
    assert "<b style=" in item.text()
    window.documents._on_hit(item)
    assert window.workspace.document.language == "de"


def test_dropped_files_import_in_the_background(qtbot, make_window, project, tmp_path):
    window = make_window(project)
    (tmp_path / "a.txt").write_text("Dropped story\n\nBody")
    (tmp_path / "bad.jsonl").write_text('{"text": }')
    job = window.files.import_files([tmp_path / "a.txt", tmp_path / "bad.jsonl"])
    with qtbot.waitSignal(job.done, timeout=10_000):
        pass
    assert window.documents.model.rowCount() == 1
    assert "1 imported" in window.statusBar().currentMessage()
    assert "1 files refused" in window.statusBar().currentMessage()


def test_every_action_has_a_shortcut_in_its_tooltip_and_the_sheet(window):
    sheet = shortcuts_html(window.actions_by_name, window.workspace.scheme)
    for name in ("undo", "redo", "delete", "find", "done-next", "next-document"):
        action = window.actions_by_name[name]
        keys = action.shortcut().toString()
        assert keys and keys.split(",")[0] in action.toolTip()
        assert action.shortcut().toString().split(",")[0] in sheet
    assert "Actor mention" in sheet and "<b>A</b>" in sheet


def test_window_layout_is_remembered(make_window, project, settings):
    window = make_window(project)
    window.resize(720, 520)
    window.actors.hide()
    window.close()
    again = make_window(project, resize=False)
    assert (again.size().width(), again.size().height()) == (720, 520)
    assert not again.actors.isVisible()


def test_screenshot_command_writes_an_image(tmp_path, capsys):
    db = tmp_path / "p.sqlite"
    out = tmp_path / "shot.png"
    assert main(["list", "--db", str(db), "--json"]) == 0
    json.loads(capsys.readouterr().out)
    from annotator.store.project import Project

    with Project.open(db) as project:
        add_samples(project)
    code = main(
        [
            "screenshot",
            "--db",
            str(db),
            "--doc",
            "1",
            "--out",
            str(out),
            "--width",
            "1000",
            "--height",
            "700",
        ]
    )
    assert code == 0
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)
    from annotator.store.backups import list_backups

    assert list_backups(db) == []  # rendering a picture takes no backup of the project


def test_hovering_a_span_describes_every_span_under_the_mouse(make_window, project):
    add_samples(project)
    window = make_window(project)
    quote = next(a for a in window.workspace.annotations.values() if a.layer == "quote")
    tip = window.annotating.tooltip(quote.id)
    speaker = window.workspace.actors[quote.links[0].actor_id].name
    assert "<b>Quote</b>" in tip and f"Speaker: {speaker}" in tip
    assert f"Kind: {quote.attributes['kind']}" in tip


def test_export_dialog_runs_in_the_background_and_reports_what_was_left_out(
    qtbot, make_window, project, tmp_path
):
    from annotator.gui.dialogs.export_dialog import ExportDialog

    add_samples(project)
    window = make_window(project)
    dialog = ExportDialog(window.workspace.scheme, tmp_path, window)
    dialog.format.setCurrentIndex(dialog.format.findData("conll"))
    assert dialog.path.text().endswith(".conll")
    dialog.split.setText("train=0.5,oops")
    dialog._accept()
    assert "bad split" in dialog.error.text() and dialog.request is None
    dialog.split.setText("")
    dialog._accept()
    job = window.files.export_to(dialog.request)
    with qtbot.waitSignal(job.done, timeout=10_000):
        pass
    assert dialog.request.out.exists()
    assert "documents and" in window.statusBar().currentMessage()


def test_editing_the_scheme_adds_a_layer_with_its_hotkey_and_undo_removes_it(
    qtbot, window, project
):
    from annotator.gui.dialogs.scheme_editor import SchemeEditor

    editor = SchemeEditor(window.workspace.scheme, window.workspace.change_scheme, window)
    editor.editor.appendPlainText(
        "- name: source\n  title: Source\n  color: '#795548'\n  hotkey: S\n"
    )
    assert editor.try_apply(), editor.error.text()
    assert "Source" in window.legend.label.text()
    window.view.select_text(0, 5)
    qtbot.keyClick(window.view, Qt.Key.Key_S)
    [span] = project.annotations.for_document(1)
    assert span.layer == "source"
    window.workspace.undo_stack.undo()  # the span
    window.workspace.undo_stack.undo()  # the scheme
    assert [layer.name for layer in project.scheme.load().layers] == ["actor", "quote", "claim"]
    assert "tag-source" not in window.actions_by_name
    bad = SchemeEditor(window.workspace.scheme, window.workspace.change_scheme, window)
    bad.editor.setPlainText("layers:\n- {name: a, hotkey: A}\n- {name: b, hotkey: a}\n")
    assert not bad.try_apply()
    assert "hotkey" in bad.error.text()


def test_the_document_menu_sets_any_status_undoably(qtbot, window, project):
    qtbot.keyClick(window.view, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert project.documents.get(1).status is DocumentStatus.REVIEWED
    assert "reviewed" in window.panel.header.text()
    window.workspace.undo_stack.undo()
    assert project.documents.get(1).status is DocumentStatus.NEW


def test_the_span_dock_opens_the_actor_editor_for_the_linked_actor(make_window, project):
    add_samples(project)
    window = make_window(project)
    opened = []
    window.details.editActorRequested.disconnect()
    window.details.editActorRequested.connect(opened.append)
    mention = next(a for a in window.workspace.annotations.values() if a.actor_id)
    window.annotating.select(mention.id)
    window.details._edit_actor(window.details.actor_combos[""])
    assert opened == [mention.actor_id]


def test_screenshots_of_the_analysis_windows(tmp_path, capsys):
    from PySide6.QtGui import QImage

    from annotator.store.project import Project

    db = tmp_path / "p.sqlite"
    with Project.open(db) as project:
        add_samples(project)
        actor = project.actors.list()[0].id
    for view, extra in (("statements", []), ("charts", ["--chart", "stance"]),
                        ("actor", ["--actor", str(actor)]),
                        ("network", ["--network", "layer=quote,var2=source"]),
                        ("export", ["--network", "format=qdpx"])):  # fmt: skip
        out = tmp_path / f"{view}.png"
        assert main(["screenshot", "--db", str(db), "--view", view, "--out", str(out),
                     *extra]) == 0  # fmt: skip
        image = QImage(str(out))
        assert not image.isNull() and image.width() > 500
    assert main(["screenshot", "--db", str(db), "--view", "network", "--network", "type=nope",
                 "--out", str(tmp_path / "x.png")]) == 2  # fmt: skip
    assert main(["screenshot", "--db", str(db), "--view", "actor", "--out",
                 str(tmp_path / "x.png")]) == 2  # fmt: skip


def test_the_export_dialog_writes_a_qdpx_for_nvivo(qtbot, make_window, project, tmp_path):
    import zipfile

    from annotator.gui.dialogs.export_dialog import ExportDialog

    add_samples(project)
    window = make_window(project)
    dialog = ExportDialog(window.workspace.scheme, tmp_path, window)
    assert not dialog.qdpx_target.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("qdpx"))
    assert dialog.qdpx_target.isEnabled() and dialog.path.text().endswith(".qdpx")
    dialog.qdpx_target.setCurrentIndex(dialog.qdpx_target.findData("nvivo"))
    dialog._accept()
    assert dialog.request.options.qdpx_target == "nvivo"
    job = window.files.export_to(dialog.request)
    with qtbot.waitSignal(job.done, timeout=10_000):
        pass
    assert "project.qde" in zipfile.ZipFile(dialog.request.out).namelist()
