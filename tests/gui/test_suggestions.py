"""Reviewing suggestions by keys: run, accept, reject, step, all of one engine, undo."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import Origin
from annotator.domain.documents import DocumentDraft
from annotator.gui.article.spans import SpanStyle

TEXT = "Mayor Okafor said the barrier would hold. Reyes disagreed with Okafor and Reyes."


def _open(qtbot, make_window, project):
    project.documents.add_many([DocumentDraft(text=TEXT, title="Barrier")])
    project.actors.create(ActorDraft("Adaeze Okafor", ActorKind.PERSON, ("Okafor",)))
    project.actors.create(ActorDraft("Tomás Reyes", ActorKind.PERSON, ("Reyes",)))
    window = make_window(project)
    window.open_document(project.documents.list()[0].id)
    window.view.setFocus()
    return window


def _run(qtbot, window):
    job = window.assist.suggest("actors", listed=False)
    qtbot.waitUntil(
        lambda: not job.running and bool(window.workspace.suggestions()), timeout=10_000
    )


def test_suggestions_are_drawn_dashed_and_reviewed_by_keys(qtbot, make_window, project):
    window = _open(qtbot, make_window, project)
    qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    qtbot.waitUntil(lambda: len(window.workspace.suggestions()) == 4, timeout=10_000)
    suggestions = window.workspace.suggestions()
    assert window.view.selected_span == suggestions[0].id  # the first is selected at once
    assert window.view.make_span(suggestions[0]).style is SpanStyle.SUGGESTED
    why = window.details.findChild(QLabel, "suggestion-why")
    assert why.text() == "Suggested by actors: alias “Okafor” of Adaeze Okafor"
    focused = QApplication.focusWidget()
    assert focused is window.view
    qtbot.keyClick(focused, Qt.Key.Key_Y)  # accept "Okafor", the next is selected
    qtbot.keyClick(window.view, Qt.Key.Key_N)  # reject "Reyes"
    qtbot.keyClick(window.view, Qt.Key.Key_Return)  # accept the second "Okafor"
    spans = {a.start: a.origin for a in project.annotations.for_document(1)}
    assert spans == {6: Origin.MANUAL, TEXT.index("Okafor and"): Origin.MANUAL,
                     TEXT.rindex("Reyes"): Origin.SUGGESTED}  # fmt: skip
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace)  # the last "Reyes": rejected, not deleted
    assert window.workspace.suggestions() == []
    assert project.suggestions.rejections(1) == 2
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [a.text for a in window.workspace.suggestions()] == ["Reyes"]  # undo brings it back


def test_shift_y_accepts_every_suggestion_of_that_engine_and_dots_step(qtbot, make_window, project):
    window = _open(qtbot, make_window, project)
    _run(qtbot, window)
    first, second, *_ = window.workspace.suggestions()
    qtbot.keyClick(window.view, Qt.Key.Key_Period)
    assert window.view.selected_span == second.id
    qtbot.keyClick(window.view, Qt.Key.Key_Comma)
    assert window.view.selected_span == first.id
    qtbot.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ShiftModifier)
    assert window.workspace.suggestions() == []
    assert {a.origin for a in project.annotations.for_document(1)} == {Origin.MANUAL}
    assert window.documents.model.document(0).annotations == 4
    assert project.documents.get(1).status.value == "in_progress"  # a first span, as by hand


def test_the_verdict_keys_sleep_while_no_suggestion_is_selected(qtbot, make_window, project):
    window = _open(qtbot, make_window, project)
    assert not window.actions_by_name["accept-suggestion"].isEnabled()
    window.view.select_text(6, 12)
    qtbot.keyClick(window.view, Qt.Key.Key_N)  # nothing happens: no suggestion selected
    assert project.annotations.for_document(1) == []


def test_annotate_all_occurrences_previews_the_count_then_adds_them(qtbot, make_window, project):
    from annotator.domain.annotations import AnnotationDraft

    project.documents.add_many([
        DocumentDraft(text=TEXT, title="Barrier"),
        DocumentDraft(text="Okafor again. The Okaforian era; OKAFOR in capitals.", title="B"),
    ])  # fmt: skip
    okafor = project.actors.create(ActorDraft("Adaeze Okafor", ActorKind.PERSON))
    first = project.annotations.create(1, AnnotationDraft("actor", 6, 12, actor_id=okafor.id))
    window = make_window(project)
    window.open_document(1)
    window.annotating.select(first.id)
    asked = []

    def answer(wording, places, articles):
        asked.append((wording, places, articles))
        return "spans"

    window.assist.ask_occurrences = answer
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked == [("Okafor", 3, 2)]  # not "Okaforian"; "OKAFOR" in capitals is
    second = "Okafor again. The Okaforian era; OKAFOR in capitals."
    mentions = [a.start for a in project.annotations.for_document(2)]
    assert mentions == [0, second.index("OKAFOR")]
    assert all(a.origin is Origin.MANUAL and a.actor_id == okafor.id
               for d in (1, 2) for a in project.annotations.for_document(d))  # fmt: skip


def test_the_assist_menu_lists_every_engine_and_verdict(make_window, project):
    window = make_window(project)
    from PySide6.QtWidgets import QMenu

    [assist] = [m for m in window.menuBar().findChildren(QMenu) if m.title() == "Ass&ist"]
    names = [action.objectName() for action in assist.actions() if not action.isSeparator()]
    for name in (
        "suggest-actors",
        "suggest-quotes",
        "suggest-claims",
        "suggest-model",
        "annotate-all",
        "train-model",
        "accept-suggestion",
        "reject-suggestion",
    ):
        assert name in names
