"""The actor page: an actor across the corpus, from the selected span, by keys."""

from PySide6.QtCore import Qt

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft, LinkDraft
from annotator.domain.documents import DocumentDraft

ONE = "Okafor met Reyes. Okafor said the barrier holds."
TWO = "Later, Okafor spoke again."


def test_mentions_statements_and_who_else_from_the_selected_span(qtbot, make_window, project):
    project.documents.add_many([DocumentDraft(text=ONE, title="One"),
                                DocumentDraft(text=TWO, title="Two")])  # fmt: skip
    okafor = project.actors.create(ActorDraft("Adaeze Okafor", ActorKind.PERSON, ("Okafor",)))
    reyes = project.actors.create(ActorDraft("Tom Reyes", ActorKind.PERSON))
    first = project.annotations.create(1, AnnotationDraft("actor", 0, 6, actor_id=okafor.id))
    project.annotations.create(1, AnnotationDraft("actor", 11, 16, actor_id=reyes.id))
    project.annotations.create(1, AnnotationDraft("actor", 18, 24, actor_id=okafor.id))
    at = TWO.index("Okafor")
    project.annotations.create(2, AnnotationDraft("actor", at, at + 6, actor_id=okafor.id))
    said = ONE.index("the barrier")
    project.annotations.create(1, AnnotationDraft(
        "quote", said, said + 18, attributes={"kind": "indirect"},
        links=(LinkDraft("speaker", actor_id=okafor.id),)))  # fmt: skip
    window = make_window(project)
    window.open_document(1)
    window.annotating.select(first.id)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    from annotator.gui.dialogs.actor_page import ActorPage

    [page] = window.findChildren(ActorPage)
    assert page.tabs.tabText(0) == "Mentions (3)" and page.mentions.topLevelItemCount() == 2
    assert page.statements.topLevelItem(0).text(5) == "the barrier holds."
    assert page.together.topLevelItem(0).text(0) == "Tom Reyes"
    page.tabs.setCurrentIndex(0)
    page.mentions.setFocus()
    [two] = page.mentions.findItems("Two", Qt.MatchFlag.MatchExactly, 0)
    page.mentions.setCurrentItem(two)
    qtbot.keyClick(page.mentions, Qt.Key.Key_Return)
    assert window.workspace.document.id == 2


def test_the_caret_in_a_quote_or_the_actors_list_chooses_the_actor(qtbot, make_window, project):
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from annotator.gui.dialogs.actor_page import ActorPage

    project.documents.add_many([DocumentDraft(text=ONE, title="One")])
    okafor = project.actors.create(ActorDraft("Adaeze Okafor", ActorKind.PERSON))
    reyes = project.actors.create(ActorDraft("Tom Reyes", ActorKind.PERSON))
    said = ONE.index("the barrier")
    project.annotations.create(1, AnnotationDraft(
        "quote", said, said + 18, attributes={"kind": "indirect"},
        links=(LinkDraft("speaker", actor_id=okafor.id),)))  # fmt: skip
    window = make_window(project)
    window.open_document(1)
    window.view.setFocus()
    cursor = window.view.textCursor()
    cursor.setPosition(said + 4)  # the caret inside the quote, nothing selected
    window.view.setTextCursor(cursor)
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.view, Qt.Key.Key_P, keys)
    [page] = window.findChildren(ActorPage)
    assert page.windowTitle() == "Actor — Adaeze Okafor"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.mentions)
    qtbot.keyClick(page.mentions, Qt.Key.Key_Escape)
    assert not page.isVisible()
    window.activateWindow()  # as the window manager does when a dialog closes
    qtbot.waitUntil(window.isActiveWindow)
    cursor.movePosition(QTextCursor.MoveOperation.Start)  # before any span
    window.view.setTextCursor(cursor)
    window.actors.raise_()
    window.actors.search.setFocus()
    qtbot.keyClicks(window.actors.search, "reyes")
    qtbot.keyClick(window.actors.search, Qt.Key.Key_Tab)  # into the list: its one row chosen
    assert QApplication.focusWidget() is window.actors.table
    assert window.actors.selected_ids() == [reyes.id]
    qtbot.keyClick(window.actors.table, Qt.Key.Key_P, keys)
    [shown] = [p for p in window.findChildren(ActorPage) if p.isVisible()]
    assert shown.windowTitle() == "Actor — Tom Reyes"
