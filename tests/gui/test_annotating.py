"""Annotating as a person does it: select text, press a key, pick an actor, undo, reopen."""

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from annotator.gui.dialogs.actor_picker import NO_ACTOR, ActorPicker, PickedActor
from annotator.store.project import Project
from tests.gui.conftest import ARTICLE


def select(window, text, occurrence_after=0):
    start = ARTICLE.index(text, occurrence_after)
    window.view.select_text(start, start + len(text))
    return start, start + len(text)


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.view, key, modifier)


def spans(project, layer=None):
    return [a for a in project.annotations.for_document(1) if layer is None or a.layer == layer]


def test_actor_hotkey_opens_the_picker_and_creates_the_actor_in_place(qtbot, window, project):
    window.annotating.pick_actor = window.annotating._ask_actor  # the real popup
    select(window, "Okafor")  # snapping keeps the word as it is

    def answer():
        picker = QApplication.activePopupWidget() or window.findChild(ActorPicker)
        assert isinstance(picker, ActorPicker)
        typing = QApplication.focusWidget()
        assert typing is picker.query  # typing goes to the search field at once
        assert typing.text() == "Okafor" and typing.selectedText() == "Okafor"
        qtbot.keyClicks(typing, "Zoe Okafor")  # replaces the selected query (QTest types ASCII)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    QTimer.singleShot(100, answer)
    press(qtbot, window, Qt.Key.Key_A)
    [mention] = spans(project, "actor")
    assert mention.text == "Okafor"
    [actor] = project.actors.list()
    assert actor.name == "Zoe Okafor" and mention.actor_id == actor.id
    assert window.view.selected_span == mention.id
    assert window.details.annotation == mention


def test_quote_and_claim_hotkeys_create_spans_with_defaults(qtbot, window, project):
    select(window, "“a promise to every family”")
    press(qtbot, window, Qt.Key.Key_Q)
    select(window, "the barrier costs €212 million")
    press(qtbot, window, Qt.Key.Key_C)
    [quote] = spans(project, "quote")
    [claim] = spans(project, "claim")
    assert quote.text == "“a promise to every family”"
    assert quote.attributes == {"kind": "direct"}
    assert claim.text == "the barrier costs €212 million"
    assert project.documents.get(1).status.value == "in_progress"


def test_speaker_is_asked_for_nearby_first_and_claimant_set_in_the_details(qtbot, window, project):
    window.annotating.pick_actor = lambda text, nearby, where, prompt: PickedActor(None, "Okafor")
    select(window, "Okafor")
    press(qtbot, window, Qt.Key.Key_A)
    select(window, "The council")
    window.annotating.pick_actor = lambda text, nearby, where, prompt: PickedActor(
        None, "City council"
    )
    press(qtbot, window, Qt.Key.Key_A)
    okafor, city = sorted(project.actors.list(), key=lambda a: a.id)

    asked = []

    def pick_speaker(text, nearby, where, prompt):
        asked.append((text, nearby, prompt))
        return PickedActor(nearby[0])

    window.annotating.pick_actor = pick_speaker
    select(window, "“a promise to every family”")
    press(qtbot, window, Qt.Key.Key_Q)
    assert asked == [("", [okafor.id, city.id], "Speaker")]
    assert window.workspace.undo_stack.count() == 3  # each new actor with its mention is one step

    window.annotating.pick_actor = lambda text, nearby, where, prompt: NO_ACTOR

    select(window, "the barrier costs €212 million")
    press(qtbot, window, Qt.Key.Key_C)
    claimant = window.details.actor_combos["claimant"]
    index = claimant.findData(city.id)
    claimant.setCurrentIndex(index)
    claimant.activated.emit(index)

    [quote] = spans(project, "quote")
    [claim] = spans(project, "claim")
    assert [(link.type, link.actor_id) for link in quote.links] == [("speaker", okafor.id)]
    assert [(link.type, link.actor_id) for link in claim.links] == [("claimant", city.id)]


def test_undo_and_redo_every_step(qtbot, window, project):
    select(window, "“a promise to every family”")
    press(qtbot, window, Qt.Key.Key_Q)
    [quote] = spans(project, "quote")
    window.details.fields["cue"].setText("said")
    window.details.fields["cue"].editingFinished.emit()
    assert spans(project, "quote")[0].attributes["cue"] == "said"
    press(qtbot, window, Qt.Key.Key_Delete)
    assert spans(project) == []
    assert window.view.span_count() == 0

    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert spans(project, "quote")[0].attributes["cue"] == "said"
    assert window.view.span_count() == 1
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "cue" not in spans(project, "quote")[0].attributes
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert spans(project) == []
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    for _ in range(2):
        qtbot.keyClick(window.view, Qt.Key.Key_Z, redo)
    [again] = spans(project, "quote")
    assert again.id == quote.id and again.attributes["cue"] == "said"


def test_everything_is_there_after_reopening(qtbot, make_window, project, article, db_path):
    window = make_window(project)
    window.annotating.pick_actor = lambda text, nearby, where, prompt: PickedActor(None, "Okafor")
    select(window, "Okafor")
    press(qtbot, window, Qt.Key.Key_A)
    select(window, "«الاتفاق قريب»")
    press(qtbot, window, Qt.Key.Key_Q)
    before = spans(project)
    assert len(before) == 2
    window.close()
    project.close()
    with Project.open(db_path) as reopened:
        again = make_window(reopened)
        assert [(a.layer, a.start, a.end, a.text) for a in spans(reopened)] == [
            (a.layer, a.start, a.end, a.text) for a in before
        ]
        assert again.view.span_count() == 2
        assert again.workspace.document is not None and again.workspace.document.id == 1


def test_selection_and_highlight_cover_exactly_the_characters_with_emoji_marks_and_arabic(
    qtbot, window, project
):
    window.view.snap_to_words = False
    for text in ("Zoe\u0301 Okafor 👩🏽‍🍳", "«الاتفاق قريب»", "€212"):
        start = ARTICLE.index(text)
        utf16_start = len(ARTICLE[:start].encode("utf-16-le")) // 2
        utf16_end = utf16_start + len(text.encode("utf-16-le")) // 2
        cursor = QTextCursor(window.view.document())  # what a mouse drag produces
        cursor.setPosition(utf16_start)
        cursor.setPosition(utf16_end, QTextCursor.MoveMode.KeepAnchor)
        window.view.setTextCursor(cursor)
        assert cursor.selectedText() == text
        press(qtbot, window, Qt.Key.Key_Q)
        created = next(a for a in spans(project) if a.text == text)
        assert (created.start, created.end) == (start, start + len(text))
    window.view.snap_to_words = True
    select(window, "Zoe")  # a click-drag on the first letters still takes the whole word
    assert window.view.text_selection() == (ARTICLE.index("Zoe"), ARTICLE.index("Zoe") + 4)


def test_clicks_select_and_cycle_through_stacked_spans(qtbot, window, project):
    window.annotating.pick_actor = lambda text, nearby, where, prompt: PickedActor(None, "Okafor")
    select(window, "Okafor")
    press(qtbot, window, Qt.Key.Key_A)
    select(window, "Mayor Zoe\u0301 Okafor 👩🏽‍🍳 said")
    press(qtbot, window, Qt.Key.Key_Q)
    window.annotating.select(None)
    inner, outer = sorted(spans(project), key=lambda a: a.end - a.start)
    offset = ARTICLE.index("Okafor") + 2
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(len(ARTICLE[:offset].encode("utf-16-le")) // 2)
    point = window.view.cursorRect(cursor).center() + QPoint(2, 0)
    clicks = []
    for _ in range(3):
        qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        clicks.append(window.view.selected_span)
    assert clicks == [inner.id, outer.id, inner.id]
    assert window.details.annotation.id == inner.id


def test_span_boundaries_move_by_word_and_follow_a_new_selection(qtbot, window, project):
    select(window, "the barrier costs")
    press(qtbot, window, Qt.Key.Key_C)
    [claim] = spans(project, "claim")
    qtbot.keyClick(window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert spans(project, "claim")[0].text == "barrier costs"
    both = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.view, Qt.Key.Key_Right, both)
    assert spans(project, "claim")[0].text == "barrier costs €212"
    select(window, "The council insists")
    qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert spans(project, "claim")[0].text == "The council insists"
    assert spans(project, "claim")[0].id == claim.id


def test_shift_hotkey_turns_a_span_into_another_layer(qtbot, window, project):
    select(window, "the barrier costs €212 million")
    press(qtbot, window, Qt.Key.Key_Q)
    qtbot.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ShiftModifier)
    [claim] = spans(project)
    assert claim.layer == "claim" and claim.attributes == {}


def test_the_edit_menu_names_what_undo_will_undo(qtbot, window, project):
    select(window, "“a promise to every family”")
    press(qtbot, window, Qt.Key.Key_Q)
    undo = window.actions_by_name["undo"]
    assert undo.text().startswith("&Undo Add quote") and undo.iconText() == "Undo"
    window.workspace.undo_stack.undo()
    assert window.actions_by_name["redo"].text().startswith("&Redo Add quote")


def test_keyboard_selection_with_shift_and_ctrl_then_tag(qtbot, window, project):
    cursor = window.view.textCursor()
    cursor.setPosition(0)
    window.view.setTextCursor(cursor)
    window.view.setFocus()
    both = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window.view, Qt.Key.Key_Right, both)  # one word
    assert window.view.text_selection() == (0, 5)
    press(qtbot, window, Qt.Key.Key_C)
    [claim] = spans(project)
    assert claim.text == "Mayor"


def test_the_picker_guesses_a_new_actors_kind_and_a_kind_picked_by_key_sticks(
    qtbot, window, project
):
    window.annotating.pick_actor = window.annotating._ask_actor  # the real popup
    select(window, "council")
    seen: list[str] = []

    def answer():
        picker = QApplication.activePopupWidget() or window.findChild(ActorPicker)
        qtbot.keyClicks(QApplication.focusWidget(), "Harbour Authority")
        seen.append(picker.kind.currentText())  # guessed from the name
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is picker.kind
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # the next kind, by key
        seen.append(picker.kind.currentText())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)  # Tab selected the name
        qtbot.keyClicks(QApplication.focusWidget(), " Board")  # the name no longer sets it
        seen.append(picker.kind.currentText())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    QTimer.singleShot(100, answer)
    press(qtbot, window, Qt.Key.Key_A)
    assert seen == ["organisation", "state", "state"]
    [actor] = project.actors.list()
    assert (actor.name, actor.kind.value) == ("Harbour Authority Board", "state")


def test_enter_on_the_kind_creates_the_actor(qtbot, window, project):
    window.annotating.pick_actor = window.annotating._ask_actor
    select(window, "council")

    def answer():
        qtbot.keyClicks(QApplication.focusWidget(), "Elden Courier")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    QTimer.singleShot(100, answer)
    press(qtbot, window, Qt.Key.Key_A)
    [actor] = project.actors.list()
    assert (actor.name, actor.kind.value) == ("Elden Courier", "media")
    assert [a.actor_id for a in spans(project, "actor")] == [actor.id]
