"""A refused or failed edit is shown to the user; nothing is half applied, undo is unchanged."""

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from sqlalchemy.exc import OperationalError

from annotator.domain.annotations import AnnotationDraft, as_draft
from annotator.domain.documents import DocumentStatus
from annotator.domain.errors import ReadOnlyError
from annotator.store.project import Project


def _failure_dialog(window) -> QMessageBox | None:
    for box in window.findChildren(QMessageBox, "failure-dialog"):
        if box.isVisible():
            return box
    return None


def _select(window, text):
    start = window.workspace.document.text.index(text)
    window.view.select_text(start, start + len(text))


@pytest.fixture
def opened(window):
    window.open_document(window.workspace.documents()[0].id)
    return window


def test_a_database_error_while_tagging_is_shown_and_leaves_nothing(qtbot, opened, monkeypatch):
    window = opened
    stack = window.workspace.undo_stack

    def broken(*_args, **_kwargs):
        raise OperationalError("INSERT INTO annotation", {}, RuntimeError("disk I/O error"))

    monkeypatch.setattr(window.workspace.project.annotations, "create", broken)
    _select(window, "Okafor")
    qtbot.keyClick(window.view, Qt.Key.Key_Q)
    qtbot.waitUntil(lambda: _failure_dialog(window) is not None, timeout=2000)
    box = _failure_dialog(window)
    assert "could not be saved" in box.informativeText()
    assert "disk I/O error" in box.informativeText()
    assert "could not be saved" in window.statusBar().currentMessage()
    assert window.view.span_count() == 0
    assert (stack.count(), stack.canUndo()) == (0, False)
    assert window.workspace.project.annotations.count() == 0
    box.close()


def test_a_write_lock_held_too_long_by_another_program_is_waited_for_then_shown(
    qtbot, opened, db_path
):
    window = opened
    project = window.workspace.project
    project.db.lock_wait = 1.5
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        _select(window, "Okafor")
        qtbot.keyClick(window.view, Qt.Key.Key_Q)
        qtbot.waitUntil(lambda: _failure_dialog(window) is not None, timeout=5000)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert window.lock_wait.waits >= 1  # "Waiting for another program…" was shown
    assert "busy" in _failure_dialog(window).informativeText()
    assert window.view.span_count() == 0
    assert window.workspace.undo_stack.count() == 0
    assert project.annotations.count() == 0


def test_an_edit_from_a_stale_copy_is_refused_naming_who_and_the_span_reloads(
    qtbot, opened, db_path
):
    window = opened
    _select(window, "a promise to every family")
    qtbot.keyClick(window.view, Qt.Key.Key_Q)
    quote = window.annotating.selected()
    assert window.details.annotation.id == quote.id
    with Project.open(db_path, annotator="colleague") as other:
        theirs = other.annotations.get(quote.id)
        changed = as_draft(theirs)
        changed.attributes["cue"] = "said"
        other.annotations.update(quote.id, changed, expected_version=theirs.version)
    undo_before = window.workspace.undo_stack.count()
    cue = window.details.fields["cue"]
    assert isinstance(cue, QLineEdit)
    cue.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is cue)
    qtbot.keyClicks(QApplication.focusWidget(), "insisted")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _failure_dialog(window) is not None, timeout=2000)
    assert "changed by colleague" in _failure_dialog(window).informativeText()
    assert window.workspace.annotations[quote.id].attributes.get("cue") == "said"
    assert window.details.fields["cue"].text() == "said"  # the stored version is shown
    assert window.workspace.undo_stack.count() == undo_before
    assert window.workspace.project.annotations.get(quote.id).attributes["cue"] == "said"


def test_a_validation_refusal_goes_to_the_status_bar_without_a_dialog(qtbot, opened):
    window = opened
    window.workspace.project.annotations.create(
        window.workspace.document.id, AnnotationDraft("quote", 0, 5)
    )
    with pytest.raises(Exception, match="outside the text"):
        window.workspace.add_annotation(AnnotationDraft("quote", 0, 10**6))
    assert "outside the text" in window.statusBar().currentMessage()
    assert _failure_dialog(window) is None


def test_a_read_only_project_says_so_and_offers_no_edits(qtbot, make_window, project, article):
    path = project.location
    project.close()
    with Project.open(path, read_only=True) as read_only:
        window = make_window(read_only)
        assert "(read-only)" in window.windowTitle()
        assert not window.actions_by_name["delete"].isEnabled()
        assert not window.actions_by_name["import"].isEnabled()
        assert not window.actions_by_name["tag-quote"].isEnabled()
        window.open_document(window.workspace.documents()[0].id)
        _select(window, "Okafor")
        qtbot.keyClick(window.view, Qt.Key.Key_Q)  # nothing happens
        assert window.view.span_count() == 0
        with pytest.raises(ReadOnlyError):  # and were an edit asked for anyway, it is refused
            window.workspace.add_annotation(AnnotationDraft("quote", 0, 5))
        qtbot.waitUntil(lambda: _failure_dialog(window) is not None, timeout=2000)
        assert "read-only" in _failure_dialog(window).informativeText()
        assert window.view.span_count() == 0
        assert read_only.documents.get(window.workspace.document.id).status is DocumentStatus.NEW


def test_a_new_speaker_is_taken_back_when_its_quote_cannot_be_saved(qtbot, opened, monkeypatch):
    from annotator.gui.dialogs.actor_picker import PickedActor

    window = opened
    project = window.workspace.project
    window.annotating.pick_actor = lambda *args: PickedActor(None, "Zoë Okafor")

    def broken(*_args, **_kwargs):
        raise OperationalError("INSERT INTO annotation", {}, RuntimeError("disk I/O error"))

    monkeypatch.setattr(project.annotations, "create", broken)
    _select(window, "a promise to every family")
    qtbot.keyClick(window.view, Qt.Key.Key_Q)
    qtbot.waitUntil(lambda: _failure_dialog(window) is not None, timeout=2000)
    assert project.actors.list() == []  # the actor made for it is gone again
    assert window.workspace.actors == {}
    stack = window.workspace.undo_stack
    assert (stack.count(), stack.canUndo(), stack.canRedo()) == (0, False, False)
