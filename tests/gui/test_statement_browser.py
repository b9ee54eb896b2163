"""Analysis → Statements: every quote and claim, filtered by typing, opened by Enter."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft, LinkDraft
from annotator.domain.documents import DocumentDraft

TEXT = "Okafor said the barrier holds. Reyes said rents must fall."


def test_type_to_filter_then_enter_opens_the_article_there(qtbot, make_window, project):
    project.documents.add_many([
        DocumentDraft(text=TEXT, title="Barrier"),
        DocumentDraft(text="Nothing said here.", title="Other"),
    ])  # fmt: skip
    okafor = project.actors.create(ActorDraft("Adaeze Okafor", ActorKind.PERSON))
    reyes = project.actors.create(ActorDraft("Tom Reyes", ActorKind.PERSON))
    project.annotations.create(1, AnnotationDraft(
        "quote", 12, 29, attributes={"kind": "indirect"},
        links=(LinkDraft("speaker", actor_id=okafor.id),)))  # fmt: skip
    rents = TEXT.index("rents")
    project.annotations.create(1, AnnotationDraft(
        "claim", rents, rents + 15, attributes={"kind": "demand", "topic": "housing"},
        links=(LinkDraft("claimant", actor_id=reyes.id),)))  # fmt: skip
    window = make_window(project)
    window.open_document(2)
    browser = window.analysis.show_statements()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is browser.search)
    assert browser.count.text().startswith("2 statements")
    qtbot.keyClicks(QApplication.focusWidget(), "housing reyes")
    assert browser.model.rowCount() == 1 and "1 shown" in browser.count.text()
    browser.table.setFocus()
    browser.table.setCurrentIndex(browser.model.index(0, 0))
    qtbot.keyClick(browser.table, Qt.Key.Key_Return)
    assert window.workspace.document.id == 1
    chosen = window.annotating.selected()  # the claim itself, ready to edit in the Span panel
    assert (chosen.layer, chosen.start, chosen.end) == ("claim", rents, rents + 15)


def _three_speakers(project, title):
    """One article, three quotes in reading order by Aalto, Yilmaz and Zorn."""
    project.documents.add_many([DocumentDraft(text=TEXT, title=title)])
    names = ("Bea Aalto", "Cem Yilmaz", "Ana Zorn")
    for n, name in enumerate(names):
        actor = project.actors.create(ActorDraft(name, ActorKind.PERSON))
        project.annotations.create(1, AnnotationDraft(
            "quote", n * 7, n * 7 + 6, attributes={"kind": "indirect"},
            links=(LinkDraft("speaker", actor_id=actor.id),)))  # fmt: skip
    return names


def test_a_sort_and_a_filter_hold_across_a_reload(qtbot, make_window, project):
    names = _three_speakers(project, "Barrier")
    window = make_window(project)
    browser = window.analysis.show_statements()
    assert [browser.model.row(i).who for i in range(3)] == list(names)  # date, then place
    header = browser.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(0) + 20, 5))  # fmt: skip
    first = [browser.model.row(i).who for i in range(3)]
    assert first in (sorted(names), sorted(names, reverse=True))
    qtbot.keyClicks(browser.search, "a")  # every name holds an "a"
    assert browser.model.rowCount() == 3
    qtbot.keyClicks(browser.search, "alto")
    assert [browser.model.row(i).who for i in range(browser.model.rowCount())] == ["Bea Aalto"]
    browser.search.clear()
    window.analysis.show_statements()  # loaded again, as after an edit
    assert [browser.model.row(i).who for i in range(3)] == first
    assert browser.count.text().startswith("3 statements ·")


def test_the_rows_shown_are_saved_as_csv_in_their_order(qtbot, make_window, project, tmp_path):
    import csv

    _three_speakers(project, 'Barrier, "quoted"')
    window = make_window(project)
    browser = window.analysis.show_statements()
    qtbot.keyClicks(browser.search, "z")  # Yilmaz and Zorn
    out = tmp_path / "shown.csv"
    assert browser.save_to(out) == 2 and "2 statements written" in browser.count.text()
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [r["who"] for r in rows] == ["Cem Yilmaz", "Ana Zorn"]
    assert rows[0]["title"] == 'Barrier, "quoted"' and rows[0]["start"] == "7"
    assert not list(tmp_path.glob("*.part"))
    assert browser.save_to(tmp_path / "missing" / "x.csv") is None  # said, not raised
    assert browser.count.text().startswith("Not saved")
