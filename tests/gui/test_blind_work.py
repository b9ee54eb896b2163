"""On a document assigned to me I see only my spans and my own status."""

from PySide6.QtCore import Qt

from annotator.domain.annotations import AnnotationDraft
from annotator.domain.documents import DocumentDraft, DocumentStatus
from annotator.store.project import Project

TEXT = "Okafor said the barrier would hold."


def test_an_assigned_document_hides_the_others_spans_and_shows_my_status(
    qtbot, make_window, db_path, project
):
    project.documents.add_many([DocumentDraft(text=TEXT, title="Assigned"),
                                DocumentDraft(text="Another one.", title="Free")])  # fmt: skip
    assigned, free = (d.id for d in project.documents.list())
    project.assignments.assign([assigned], ["tester", "bob"])
    with Project.open(db_path, "bob") as bob:
        bob.annotations.create(assigned, AnnotationDraft("claim", 12, 34))
        bob.annotations.create(free, AnnotationDraft("claim", 0, 7))
        bob.assignments.set_status(assigned, DocumentStatus.DONE)
    window = make_window(project)
    window.open_document(assigned)
    assert window.view.span_count() == 0  # bob's claim is hidden: I annotate blind
    assert window.workspace.document.status is DocumentStatus.NEW  # mine, not bob's "done"
    window.view.select_text(0, 6)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    assert window.view.span_count() == 1
    assert window.workspace.document.status is DocumentStatus.IN_PROGRESS
    window.actions_by_name["status-done"].trigger()
    assert project.assignments.mine(assigned).status is DocumentStatus.DONE
    assert project.documents.get(assigned).status is not DocumentStatus.DONE  # the project's
    statuses = {s.title: s.status for s in window.workspace.documents()}
    assert statuses["Assigned"] is DocumentStatus.DONE
    window.open_document(free)
    assert window.view.span_count() == 1  # not assigned to me: everything shows
