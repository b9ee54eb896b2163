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
    listed = {s.title: s for s in window.workspace.documents()}
    assert listed["Assigned"].status is DocumentStatus.DONE
    assert listed["Assigned"].annotations == 1  # mine only: bob's claim is not counted
    window.open_document(free)
    assert window.view.span_count() == 1  # not assigned to me: everything shows


def test_document_assign_gives_the_listed_articles_to_annotators(qtbot, make_window, project):
    from annotator.gui.dialogs.assign_dialog import AssignDialog

    project.documents.add_many([DocumentDraft(text=f"Story {n}.", title=f"S{n}") for n in range(3)])
    window = make_window(project)
    first = window.documents.document_ids()[0]
    window.open_document(first)
    window.team.ask_assignment = lambda title, listed: (False, ["alice", "tester"])
    window.actions_by_name["assign"].trigger()
    assert "6 assignments made (3 articles × 2 annotators)" in window.statusBar().currentMessage()
    assert {a.annotator for a in project.assignments.list(document_id=first)} == {"alice", "tester"}
    assert window.workspace.mine.assigned(first) is not None  # mine now: I work blind on it
    dialog = AssignDialog("S0", 3)  # the dialog itself, from the keyboard
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.annotators, "alice, bob ,")
    assert dialog.names() == ["alice", "bob"]


def test_the_coordinator_sees_how_far_each_annotator_has_got(qtbot, make_window, db_path, project):
    project.documents.add_many([DocumentDraft(text=TEXT, title="Shared")])
    [document] = [d.id for d in project.documents.list()]
    project.assignments.assign([document], ["alice", "bob"])  # not to me, the coordinator
    with Project.open(db_path, "alice") as alice:
        alice.assignments.set_status(document, DocumentStatus.DONE)
    window = make_window(project)
    model = window.documents.model
    row = model.row_of(document)
    status = model.index(row, model.columns.index("Status"))
    assert model.data(status) == "new · 1/2 done"
    assert "alice: done<br>bob: new" in model.data(status, Qt.ItemDataRole.ToolTipRole)
