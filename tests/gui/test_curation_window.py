"""Curate this article: each annotator's version side by side, chosen by digit keys."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.domain.annotations import AnnotationDraft
from annotator.domain.documents import DocumentDraft
from annotator.jobs.curation import CURATED
from annotator.store.project import Project

TEXT = 'Mayor Okafor said "we will build it" and the council said "not with our money".'


def test_digits_choose_the_curated_version_and_undo_takes_it_back(
    qtbot, make_window, project, db_path
):
    project.documents.add_many([DocumentDraft(text=TEXT, title="Barrier")])
    document = project.documents.list()[0].id
    first, second = TEXT.index('"we'), TEXT.index('"not')
    plans = {"alice": [(first, 36, "direct"), (second, 78, "direct")],
             "bob": [(first, 36, "direct"), (second, 78, "indirect")]}  # fmt: skip
    for name, spans in plans.items():
        with Project.open(db_path, name) as other:
            for start, end, kind in spans:
                other.annotations.create(document, AnnotationDraft(
                    "quote", start, end, attributes={"kind": kind}))  # fmt: skip
    window = make_window(project)
    window.open_document(document)
    dialog = window.team.show_curation()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.tree)
    tree = dialog.tree
    assert [tree.headerItem().text(i) for i in range(tree.columnCount())] == [
        "Where", "Layer", "1. alice", "2. bob", "Curated"]  # fmt: skip
    assert tree.topLevelItem(0).toolTip(0) == "everyone agrees"
    qtbot.keyClick(tree, Qt.Key.Key_1)  # the agreed one: alice's (= bob's)
    qtbot.keyClick(tree, Qt.Key.Key_2)  # the second place: bob's "indirect"
    curated = sorted(
        (a.start, a.attributes["kind"])
        for a in project.annotations.for_document(document) if a.annotator == CURATED
    )  # fmt: skip
    assert curated == [(first, "direct"), (second, "indirect")]
    assert tree.topLevelItem(1).text(4).endswith("(kind=indirect)")
    qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [a.start for a in project.annotations.for_document(document)
            if a.annotator == CURATED] == [first]  # fmt: skip
    tree.setCurrentItem(tree.topLevelItem(0))
    qtbot.keyClick(tree, Qt.Key.Key_0)  # nothing here after all
    assert all(a.annotator != CURATED for a in project.annotations.for_document(document))


def test_ctrl_enter_marks_the_article_curated(qtbot, make_window, project, db_path):
    from annotator.domain.documents import DocumentStatus
    from annotator.jobs.curation import curated_status

    project.documents.add_many([DocumentDraft(text=TEXT, title="Barrier")])
    document = project.documents.list()[0].id
    for name in ("alice", "bob"):
        with Project.open(db_path, name) as other:
            other.annotations.create(document, AnnotationDraft("quote", 18, 36))
    window = make_window(project)
    window.open_document(document)
    dialog = window.team.show_curation()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.tree)
    assert dialog.windowTitle().endswith("curation new")
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert curated_status(project, document) is DocumentStatus.DONE
    assert dialog.windowTitle().endswith("curation done")


def test_curated_annotation_only_shows_and_writes_the_curated_set(
    qtbot, make_window, project, db_path
):
    project.documents.add_many([DocumentDraft(text=TEXT, title="Barrier")])
    document = project.documents.list()[0].id
    with Project.open(db_path, "alice") as alice:
        alice.annotations.create(document, AnnotationDraft("quote", 18, 36))
    window = make_window(project)
    window.open_document(document)
    assert window.view.span_count() == 1
    window.actions_by_name["curating"].trigger()  # on
    assert window.view.span_count() == 0  # alice's work is out of the way
    window.view.select_text(0, 12)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    [mine] = window.workspace.annotations.values()
    assert mine.annotator == CURATED
    window.actions_by_name["curating"].trigger()  # off: everyone's again
    assert window.view.span_count() == 2


def test_e_edits_the_curated_version_in_the_article_with_the_annotation_keys(
    qtbot, make_window, project, db_path
):
    project.documents.add_many([DocumentDraft(text=TEXT, title="Barrier")])
    document = project.documents.list()[0].id
    start = TEXT.index('"we')
    for name, end in (("alice", 36), ("bob", 32)):
        with Project.open(db_path, name) as other:
            other.annotations.create(document, AnnotationDraft("quote", start, end))
    window = make_window(project)
    window.open_document(document)
    dialog = window.team.show_curation()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.tree)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_E)  # nothing curated yet: says so, changes nothing
    assert "choose a version first" in dialog.help.text()
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
    qtbot.keyClick(dialog.tree, Qt.Key.Key_2)  # bob's, which stops one word short
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
    qtbot.keyClick(dialog.tree, Qt.Key.Key_E)
    assert window.actions_by_name["curating"].isChecked()
    assert window.view.span_count() == 1  # the curated annotation only
    [curated] = window.workspace.annotations.values()
    assert window.view.selected_span == curated.id
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    focused = QApplication.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    [after] = [a for a in project.annotations.for_document(document) if a.annotator == CURATED]
    assert (after.start, after.end) == (start, TEXT.index('it"') + 2)  # now with "it"
