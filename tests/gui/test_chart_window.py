"""Analysis → Charts: a chart on screen; a click lists the statements behind it; Enter opens."""

from PySide6.QtCore import Qt

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft, LinkDraft
from annotator.domain.documents import DocumentDraft

TEXT = "Okafor said the barrier holds. Reyes said it leaks."


def _stance_chart(make_window, project):
    """The stance chart of one claim by Okafor on the barrier, in the Charts window."""
    project.documents.add_many([DocumentDraft(text=TEXT, title="Barrier")])
    okafor = project.actors.create(ActorDraft("Adaeze Okafor", ActorKind.PERSON))
    claim = project.annotations.create(1, AnnotationDraft(
        "claim", 12, 29, attributes={"kind": "fact", "topic": "barrier", "stance": "for"},
        links=(LinkDraft("claimant", actor_id=okafor.id),)))  # fmt: skip
    window = make_window(project)
    charts = window.analysis.show_charts()
    charts.kind.setCurrentIndex(charts.kind.findData("stance"))
    return window, charts, claim


def test_a_click_on_a_cell_lists_its_statements_and_enter_opens_one(qtbot, make_window, project):
    window, charts, claim = _stance_chart(make_window, project)
    assert charts.canvas is not None and charts.table.categories == ["Adaeze Okafor"]
    assert charts._cell(charts.table, 0.1, -0.2) == ("Adaeze Okafor", "barrier")
    charts.list_spans(("Adaeze Okafor", "barrier"), charts.table.spans[("Adaeze Okafor",
                                                                        "barrier")])  # fmt: skip
    assert charts.spans.count() == 1 and "Adaeze Okafor (claim)" in charts.spans.item(0).text()
    qtbot.keyClick(charts.spans, Qt.Key.Key_Return)
    assert window.annotating.selected().id == claim.id
    charts.kind.setCurrentIndex(charts.kind.findData("speakers"))  # no quotes: said, not drawn
    assert charts.canvas is None and "Nothing to chart" in charts.hint.text()


def test_the_filters_narrow_the_chart(qtbot, make_window, project):
    from datetime import date

    project.documents.add_many([
        DocumentDraft(text=TEXT, title="A", published=date(2024, 1, 5), source="Courier"),
        DocumentDraft(text=TEXT + " ", title="B", published=date(2024, 6, 5), source="Gazette"),
    ])  # fmt: skip
    okafor = project.actors.create(ActorDraft("Adaeze Okafor", ActorKind.PERSON))
    for document in (1, 2):
        project.annotations.create(document, AnnotationDraft(
            "quote", 12, 29, attributes={"kind": "indirect"},
            links=(LinkDraft("speaker", actor_id=okafor.id),)))  # fmt: skip
    window = make_window(project)
    charts = window.analysis.show_charts()
    charts.kind.setCurrentIndex(charts.kind.findData("actors"))
    assert charts.table.series["quotes"] == [2]
    charts.source.setCurrentIndex(charts.source.findData("Gazette"))
    assert charts.table.series["quotes"] == [1]
    charts.source.setCurrentIndex(0)
    charts.since.setFocus()
    qtbot.keyClicks(charts.since, "2024-03-01")
    qtbot.keyClick(charts.since, Qt.Key.Key_Return)
    assert charts.table.series["quotes"] == [1]
    charts.until.setText("not a date")
    charts.refresh()
    assert "YYYY-MM-DD" in charts.hint.text()


def test_a_mention_bar_lists_its_mentions_and_enter_opens_one(qtbot, make_window, project):
    project.documents.add_many([DocumentDraft(text=TEXT, title="Barrier")])
    okafor = project.actors.create(ActorDraft("Adaeze Okafor", ActorKind.PERSON))
    mention = project.annotations.create(1, AnnotationDraft("actor", 0, 6, actor_id=okafor.id))
    window = make_window(project)
    charts = window.analysis.show_charts()
    charts.kind.setCurrentIndex(charts.kind.findData("actors"))
    cell = ("Adaeze Okafor", "mentions")
    charts.list_spans(cell, charts.table.spans[cell])
    assert charts.spans.item(0).text() == "Actor mention: “Okafor” — Barrier"
    qtbot.keyClick(charts.spans, Qt.Key.Key_Return)
    assert window.annotating.selected().id == mention.id


def test_status_and_annotator_narrow_the_chart(qtbot, make_window, project):
    from annotator.domain.documents import DocumentStatus
    from annotator.store.project import Project

    project.documents.add_many([DocumentDraft(text=TEXT, title="A"),
                                DocumentDraft(text=TEXT + " ", title="B")])  # fmt: skip
    okafor = project.actors.create(ActorDraft("Adaeze Okafor", ActorKind.PERSON))
    quote = AnnotationDraft("quote", 12, 29, attributes={"kind": "indirect"},
                            links=(LinkDraft("speaker", actor_id=okafor.id),))  # fmt: skip
    project.annotations.create(1, quote)
    with Project.open(project.db.where, "bob") as bob:
        bob.annotations.create(2, quote)
    project.documents.set_status(2, DocumentStatus.DONE)
    window = make_window(project)
    charts = window.analysis.show_charts()
    charts.kind.setCurrentIndex(charts.kind.findData("actors"))
    assert charts.table.series["quotes"] == [2]
    charts.annotator.setCurrentIndex(charts.annotator.findData("bob"))
    assert charts.table.series["quotes"] == [1]
    charts.annotator.setCurrentIndex(0)
    charts.status.setCurrentIndex(charts.status.findData(DocumentStatus.IN_PROGRESS))
    assert charts.table.series["quotes"] == [1]


def test_the_numbers_tab_reaches_the_statements_by_keyboard(qtbot, make_window, project):
    from PySide6.QtWidgets import QApplication

    window, charts, claim = _stance_chart(make_window, project)
    qtbot.waitUntil(charts.isActiveWindow)  # the window takes the keyboard when shown
    qtbot.keyClick(charts, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Alt+N: the numbers
    assert charts.views.currentWidget() is charts.numbers
    assert charts.numbers.horizontalHeaderItem(0).text() == "barrier"
    assert charts.numbers.item(0, 0).text() == "1"  # one claim in the cell
    assert QApplication.focusWidget() is charts.numbers  # on the first cell, listed below
    assert charts.spans.count() == 1 and "Adaeze Okafor (claim)" in charts.spans.item(0).text()
    qtbot.keyClick(charts.numbers, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is charts.spans
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.annotating.selected().id == claim.id
