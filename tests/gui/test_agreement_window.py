"""Analysis → Agreement: computed off the GUI thread; a disagreement opens the article there."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.domain.annotations import AnnotationDraft
from annotator.domain.documents import DocumentDraft
from annotator.store.project import Project

TEXT = 'Mayor Okafor said "we will build it" and the council said "not with our money".'


def test_the_figures_and_a_disagreement_opened_by_enter(qtbot, make_window, project, db_path):
    project.documents.add_many([DocumentDraft(text="Another story.", title="Other")])
    project.documents.add_many([DocumentDraft(text=TEXT, title="Barrier")])
    document = next(d.id for d in project.documents.list() if d.title == "Barrier")
    first = TEXT.index('"we')
    second = TEXT.index('"not')
    for name, spans in {"alice": [(first, 36), (second, 78)], "bob": [(first, 36)]}.items():
        with Project.open(db_path, name) as other:
            for start, end in spans:
                other.annotations.create(document, AnnotationDraft("quote", start, end))
    window = make_window(project)
    dialog = window.team.show_agreement()
    qtbot.keyClick(dialog.annotators, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    quote = next(
        dialog.summary.topLevelItem(i) for i in range(dialog.summary.topLevelItemCount())
        if dialog.summary.topLevelItem(i).text(0).startswith("quote")
    )  # fmt: skip
    assert quote.child(0).text(0) == "alice – bob" and quote.child(0).text(1) == "0.667"
    dialog.tabs.setCurrentWidget(dialog.disagreements)
    tree = dialog.disagreements
    assert tree.topLevelItem(0).text(4) == "only alice"
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(0))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.workspace.document.id == document
    assert window.view.text_selection() == (second, 78)


def test_accepting_agreed_spans_from_the_window(qtbot, make_window, project, db_path):
    from annotator.jobs.curation import CURATED

    project.documents.add_many([DocumentDraft(text=TEXT, title="Barrier")])
    document = project.documents.list()[0].id
    first = TEXT.index('"we')
    for name in ("alice", "bob"):
        with Project.open(db_path, name) as other:
            other.annotations.create(document, AnnotationDraft("quote", first, 36))
    window = make_window(project)
    dialog = window.team.show_agreement()
    dialog.rule.setCurrentIndex(dialog.rule.findData("all"))
    dialog.accept_agreed.click()
    qtbot.waitUntil(lambda: "accepted" in dialog.status.text(), timeout=10_000)
    assert dialog.status.text().startswith("1 span accepted into the curated annotation")
    spans = project.annotations.for_document(document)
    assert [s.annotator for s in spans if s.annotator == CURATED] == [CURATED]
