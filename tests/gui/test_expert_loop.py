"""The loop an expert repeats a thousand times a day, driven by keys to the focused widget."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.domain.documents import DocumentDraft, DocumentStatus


def test_the_status_filter_lists_the_documents_of_that_status(qtbot, make_window, project):
    project.documents.add_many([DocumentDraft(text=f"Story {i}.", title=f"S{i}") for i in range(3)])
    first = project.documents.list()[0].id
    project.documents.set_status(first, DocumentStatus.DONE)
    window = make_window(project)
    combo = window.documents.status
    combo.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is combo)
    for _ in range(3):  # All → new → in progress → done
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert combo.currentText() == "done"
    assert window.documents.model.rowCount() == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)  # in progress: none
    assert window.documents.model.rowCount() == 0


def _picker():
    from annotator.gui.dialogs.actor_picker import ActorPicker

    popup = QApplication.activePopupWidget()
    return popup if isinstance(popup, ActorPicker) else None


def _with_picker(qtbot, then):
    """Run ``then(picker)`` once the real picker is up (it blocks in its own event loop)."""
    from PySide6.QtCore import QTimer

    seen = []

    def step():
        picker = _picker()
        if picker is None:
            QTimer.singleShot(20, step)
            return
        seen.append(picker)
        then(picker)

    QTimer.singleShot(20, step)
    return seen


def _real_picker(window):
    window.annotating.pick_actor = window.annotating._ask_actor


def test_without_a_nearby_mention_the_speaker_picker_preselects_nothing(qtbot, window, project):
    _real_picker(window)
    document = window.workspace.documents()[0].id
    window.open_document(document)
    text = window.view.text
    start = text.index("the barrier costs")
    window.view.select_text(start, start + len("the barrier costs €212 million"))

    def answer(picker):
        assert QApplication.focusWidget() is picker.query
        assert picker.list.currentItem().text() == "No claimant yet (fill in later)"
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    seen = _with_picker(qtbot, answer)
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    assert seen
    [claim] = project.annotations.for_document(document)
    assert claim.links == ()


def test_esc_in_the_speaker_picker_creates_nothing(qtbot, window, project):
    _real_picker(window)
    document = window.workspace.documents()[0].id
    window.open_document(document)
    start = window.view.text.index("“a promise")
    window.view.select_text(start, start + len("“a promise to every family”"))
    seen = _with_picker(
        qtbot, lambda p: qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    )
    qtbot.keyClick(window.view, Qt.Key.Key_Q)
    assert seen
    assert project.annotations.for_document(document) == []
    assert window.workspace.undo_stack.count() == 0


def test_the_picker_for_a_selection_running_out_of_view_is_on_screen(qtbot, make_window, project):
    long_text = "\n\n".join(
        f"Paragraph {i}: the council met again and said little." for i in range(400)
    )
    project.documents.add_many([DocumentDraft(text=long_text, title="Long")])
    window = make_window(project)
    _real_picker(window)
    window.open_document(project.documents.list()[0].id)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
    placed = []

    def answer(picker):
        screen = picker.screen().availableGeometry()
        placed.append((screen.contains(picker.frameGeometry()), picker.pos().y()))
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)

    _with_picker(qtbot, answer)
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    [(inside, y)] = placed
    assert inside and y < 30_000
    assert project.annotations.count() == 0  # Esc never creates anything


def test_the_quote_kind_follows_the_quotation_marks(qtbot, window, project):
    document = window.workspace.documents()[0].id
    window.open_document(document)
    text = window.view.text
    for phrase in ("“a promise to every family”", "the barrier costs €212 million",
                   "the plan was “a promise to every family”"):  # fmt: skip
        start = text.index(phrase)
        window.view.select_text(start, start + len(phrase))
        qtbot.keyClick(window.view, Qt.Key.Key_Q)
    kinds = sorted(
        (a.text, a.attributes["kind"]) for a in project.annotations.for_document(document)
    )
    assert kinds == [
        ("the barrier costs €212 million", "indirect"),
        ("the plan was “a promise to every family”", "mixed"),
        ("“a promise to every family”", "direct"),
    ]


def test_the_same_span_twice_is_refused_and_odd_spans_are_pointed_out(qtbot, window, project):
    document = window.workspace.documents()[0].id
    window.open_document(document)
    text = window.view.text
    start = text.index("the barrier costs")
    for _ in range(2):
        window.view.select_text(start, start + len("the barrier costs €212 million"))
        qtbot.keyClick(window.view, Qt.Key.Key_C)
    assert len(project.annotations.for_document(document)) == 1
    assert "there already" in window.statusBar().currentMessage()
    mark = text.index("“")
    window.actions_by_name["snap"].trigger()  # exactly what is selected
    window.view.select_text(mark, mark + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_Q)
    assert "only punctuation" in window.statusBar().currentMessage()
    window.view.select_text(0, text.index("قال") + 3)
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    assert "across paragraphs" in window.statusBar().currentMessage()
    assert len(project.annotations.for_document(document)) == 3  # allowed, but said


def _wheel(widget, steps=-3):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    centre = QPointF(widget.rect().center())
    for _ in range(abs(steps)):
        event = QWheelEvent(
            centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
            QPoint(0, 120 if steps > 0 else -120), Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        QApplication.sendEvent(widget, event)


def test_the_wheel_over_the_span_panel_never_changes_a_value(qtbot, window, project):
    from annotator.domain.actors import ActorDraft, ActorKind

    for name in ("Hamas", "Al Jazeera", "Egypt", "Haniyeh"):
        window.workspace.create_actor(ActorDraft(name, ActorKind.ORGANISATION))
    document = window.workspace.documents()[0].id
    window.open_document(document)
    start = window.view.text.index("the barrier costs")
    window.view.select_text(start, start + len("the barrier costs €212 million"))
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    [before] = project.annotations.for_document(document)
    window.view.setFocus()
    claimant = window.details.actor_combos["claimant"]
    kind = window.details.fields["kind"]
    for widget in (claimant, kind):
        shown = widget.currentIndex()
        _wheel(widget, -3)
        _wheel(widget, 2)
        assert widget.currentIndex() == shown
    [after] = project.annotations.for_document(document)
    assert after == before  # nothing was saved
    kind.setFocus()  # a focused value does take the wheel
    qtbot.waitUntil(kind.hasFocus)
    _wheel(kind, -1)
    assert kind.currentIndex() != 0 or kind.count() == 1


def test_ctrl_equals_zooms_in_and_f1_has_one_annotate_section(qtbot, window):
    from annotator.gui.dialogs.shortcuts import shortcuts_html

    size = window.view.font().pointSizeF()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.font().pointSizeF() > size
    sheet = shortcuts_html(window.actions_by_name, window.workspace.scheme)
    assert sheet.count("<h3>Annotate</h3>") == 1
    assert "Ctrl+=" in sheet


def test_one_search_hit_is_one_article(qtbot, window):
    window.documents.search.setFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "barrier")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.documents.hits_label.text() != "", timeout=3000)
    assert window.documents.hits_label.text().startswith("1 article matches")


def test_a_restart_reopens_the_document_open_at_quit_however_it_was_reached(
    qtbot, make_window, project
):
    project.documents.add_many([DocumentDraft(text=f"Story {i}.", title=f"S{i}") for i in range(3)])
    window = make_window(project)
    ids = window.documents.document_ids()
    window.open_document(ids[0])
    window.view.setFocus()
    qtbot.keyClick(
        window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )  # done, next
    assert window.workspace.document.id == ids[1]
    window.close()
    again = make_window(project)
    assert again.workspace.document.id == ids[1]


def test_the_actor_list_starts_sorted_a_to_z_under_an_ascending_arrow(qtbot, window):
    from annotator.domain.actors import ActorDraft

    for name in ("Zainab", "Albert", "Maya"):
        window.workspace.create_actor(ActorDraft(name))
    proxy = window.actors.proxy
    names = [proxy.index(row, 0).data() for row in range(proxy.rowCount())]
    assert names == ["Albert", "Maya", "Zainab"]
    header = window.actors.table.horizontalHeader()
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder


def test_the_first_screen_of_a_big_article_shows_its_spans(qtbot, make_window, project):
    from annotator.domain.annotations import AnnotationDraft

    paragraph = "The council met again and Okafor said the barrier would hold. " * 12
    text = "\n".join(paragraph for _ in range(1500))  # about 1.1 million characters
    project.documents.add_many([DocumentDraft(text=text, title="Big")])
    document = project.documents.list()[0].id
    for start in range(0, 20_000, 400):
        project.annotations.create(document, AnnotationDraft("quote", start, start + 40))
    window = make_window(project)
    window.open_document(document)
    window.view.viewport().repaint()  # the first paint, before Qt has laid the text out
    assert window.view.spans_painted > 0


def test_typed_text_is_saved_after_a_pause_and_undone_as_one_edit(qtbot, window, project):
    document = window.workspace.documents()[0].id
    window.open_document(document)
    start = window.view.text.index("“a promise")
    window.view.select_text(start, start + len("“a promise to every family”"))
    qtbot.keyClick(window.view, Qt.Key.Key_Q)
    [quote] = project.annotations.for_document(document)
    steps = window.workspace.undo_stack.count()
    cue = window.details.fields["cue"]
    cue.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is cue)
    qtbot.keyClicks(QApplication.focusWidget(), "insi")
    qtbot.waitUntil(lambda: project.annotations.get(quote.id).attributes.get("cue") == "insi",
                    timeout=3000)  # fmt: skip
    assert QApplication.focusWidget() is cue  # still typing in the same field
    qtbot.keyClicks(QApplication.focusWidget(), "sted")
    qtbot.waitUntil(lambda: project.annotations.get(quote.id).attributes.get("cue") == "insisted",
                    timeout=3000)  # fmt: skip
    assert window.workspace.undo_stack.count() == steps + 1  # one edit for the visit
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "cue" not in project.annotations.get(quote.id).attributes


def _answer_boxes(qtbot, button_text):
    """Press ``button_text`` in the next message box or dialog that opens."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def press():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        [button] = [b for b in box.buttons() if b.text().replace("&", "") == button_text]
        button.click()

    QTimer.singleShot(20, press)


def test_del_in_the_actor_list_deletes_the_actor_and_undo_brings_it_back(qtbot, window, project):
    from annotator.domain.actors import ActorDraft
    from annotator.gui.dialogs.actor_picker import PickedActor

    document = window.workspace.documents()[0].id
    window.open_document(document)
    okafor = window.workspace.create_actor(ActorDraft("Okafor"))
    window.annotating.pick_actor = lambda *args: PickedActor(okafor.id)
    start = window.view.text.index("Okafor")
    window.view.select_text(start, start + 6)
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    [mention] = project.annotations.for_document(document)
    window.actors.show()
    window.actors.table.setFocus()
    window.actors.table.selectRow(0)
    _answer_boxes(qtbot, "Yes")
    qtbot.keyClick(window.actors.table, Qt.Key.Key_Delete)
    assert project.actors.list() == []
    assert project.annotations.get(mention.id).actor_id is None  # the span stays
    assert window.actors.proxy.rowCount() == 0
    window.workspace.undo_stack.undo()
    assert [a.name for a in project.actors.list()] == ["Okafor"]
    assert project.annotations.get(mention.id).actor_id == okafor.id


def test_the_picker_learns_wordings_keeps_aliases_and_warns_of_duplicates(
    qtbot, make_window, project
):
    from annotator.domain.actors import ActorDraft, ActorKind
    from annotator.gui.dialogs.actor_picker import PickedActor

    text = "Egyptian officials met. Later Egyptian officials left. Haniyeh spoke; Haniyeh left."
    project.documents.add_many([DocumentDraft(text=text, title="t")])
    window = make_window(project)
    document = project.documents.list()[0].id
    window.open_document(document)
    egypt = window.workspace.create_actor(ActorDraft("Egypt", ActorKind.STATE))
    window.annotating.pick_actor = lambda *args: PickedActor(egypt.id)
    window.view.select_text(0, len("Egyptian officials"))
    qtbot.keyClick(window.view, Qt.Key.Key_A)

    _real_picker(window)
    second = text.index("Egyptian officials", 5)
    window.view.select_text(second, second + len("Egyptian officials"))

    def take_first(picker):
        assert picker.list.currentItem().text().startswith("Egypt")  # learnt, not "Create"
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    _with_picker(qtbot, take_first)
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    assert [a.actor_id for a in project.annotations.for_document(document)] == [egypt.id] * 2

    window.annotating.pick_actor = lambda *args: PickedActor(None, "Ismail Haniyeh")
    asked = []
    window.annotating.confirm_new_actor = lambda name, similar: asked.append(name)
    first = text.index("Haniyeh")
    window.view.select_text(first, first + 7)
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    ismail = next(a for a in project.actors.list() if a.name == "Ismail Haniyeh")
    assert ismail.aliases == ("Haniyeh",) and asked == []  # nobody like him yet

    window.annotating.pick_actor = lambda *args: PickedActor(None, "Haniyeh")
    window.annotating.confirm_new_actor = lambda name, similar: similar[0].id  # "use him"
    later = text.index("Haniyeh", first + 7)
    window.view.select_text(later, later + 7)
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    assert [a.name for a in project.actors.list()].count("Haniyeh") == 0
    assert project.annotations.for_document(document)[-1].actor_id == ismail.id


def test_a_merge_or_an_undo_keeps_the_reader_where_they_were(qtbot, make_window, project):
    from annotator.domain.actors import ActorDraft

    text = "\n\n".join(f"Paragraph {i}: the council met and Okafor spoke." for i in range(300))
    project.documents.add_many([DocumentDraft(text=text, title="Long")])
    window = make_window(project)
    window.open_document(project.documents.list()[0].id)
    bar = window.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 1000)
    bar.setValue(bar.maximum() // 2)
    position = bar.value()
    keep = window.workspace.create_actor(ActorDraft("Okafor"))
    drop = window.workspace.create_actor(ActorDraft("Mayor Okafor"))
    window.workspace.merge_actors(keep.id, drop.id)  # reloads the open article
    assert bar.value() == position
    window.workspace.undo_stack.undo()
    assert bar.value() == position


def test_a_span_jumped_to_lands_in_the_middle_of_the_view(qtbot, make_window, project):
    from annotator.domain.annotations import AnnotationDraft

    text = "\n\n".join(f"Paragraph {i}: the council met and Okafor spoke." for i in range(300))
    project.documents.add_many([DocumentDraft(text=text, title="Long")])
    document = project.documents.list()[0].id
    target = text.index("Paragraph 250")
    span = project.annotations.create(document, AnnotationDraft("quote", target, target + 13))
    window = make_window(project)
    window.open_document(document)
    window.annotating.select(span.id, reveal=True)
    view = window.view
    rect = view.cursorRect()
    middle = view.viewport().height() / 2
    assert abs(rect.center().y() - middle) < view.viewport().height() / 4


def test_at_1024_by_700_the_docks_give_way_and_the_title_is_one_line(qtbot, make_window, project):
    title = "Council backs flood barrier despite warnings from engineers, residents and the port"
    project.documents.add_many([DocumentDraft(text="The council met. " * 50, title=title)])
    window = make_window(project, resize=False)
    window.resize(1024, 700)
    window.open_document(project.documents.list()[0].id)
    qtbot.waitUntil(lambda: window.panel.width() >= 440, timeout=3000)
    label = window.panel.title
    assert label.height() < 2.2 * label.fontMetrics().height()
    assert label.full_text() == title
    assert label.text().endswith("…") or label.text() == title


def test_a_quote_with_speaker_kind_and_cue_from_the_keyboard_alone(qtbot, make_window, project):
    from annotator.domain.actors import ActorDraft
    from annotator.domain.annotations import AnnotationDraft

    text = "Okafor said the barrier would hold. Okafor insisted that the council would pay."
    project.documents.add_many([DocumentDraft(text=text, title="t")])
    document = project.documents.list()[0].id
    okafor = project.actors.create(ActorDraft("Okafor"))
    for start in (0, text.index("Okafor", 5)):
        project.annotations.create(document, AnnotationDraft("actor", start, start + 6,
                                                             actor_id=okafor.id))  # fmt: skip
    earlier = text.index("the barrier")
    earlier_quote = AnnotationDraft("quote", earlier, earlier + 22, attributes={"cue": "insisted"})
    project.annotations.create(document, earlier_quote)
    window = make_window(project)
    _real_picker(window)
    window.open_document(document)
    start = text.index("the council")
    window.view.select_text(start, len(text) - 1)
    keys = []

    def press(key, modifier=Qt.KeyboardModifier.NoModifier):
        from PySide6.QtWidgets import QAbstractItemView

        keys.append(key)  # to what the keyboard reaches: an open completion list first
        popup = QApplication.activePopupWidget()
        completing = isinstance(popup, QAbstractItemView)
        qtbot.keyClick(popup if completing else QApplication.focusWidget(), key, modifier)

    _with_picker(qtbot, lambda picker: press(Qt.Key.Key_Return))  # the nearest speaker
    window.view.setFocus()
    press(Qt.Key.Key_Q)
    assert QApplication.focusWidget() is window.details.fields["kind"]
    press(Qt.Key.Key_2)  # the second choice: indirect
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.details.fields["cue"]
    for key in (Qt.Key.Key_I, Qt.Key.Key_N):
        press(key)
    qtbot.waitUntil(lambda: window.details.fields["cue"].completer().popup().isVisible())
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Return)  # takes the completion "insisted"
    press(Qt.Key.Key_Return)  # done: back to the article
    assert QApplication.focusWidget() is window.view
    quote = max(project.annotations.for_document(document), key=lambda a: a.id)
    assert quote.attributes == {"kind": "indirect", "cue": "insisted"}
    assert [(link.type, link.actor_id) for link in quote.links] == [("speaker", okafor.id)]
    assert len(keys) == 9  # Q, Enter, 2, Tab, i, n, ↓, Enter, Enter


def test_a_selected_quote_keeps_the_underlines_of_the_mentions_inside_it(qtbot, window, project):
    from PySide6.QtGui import QColor

    from annotator.domain.actors import ActorDraft
    from annotator.gui.article.painter import build_scene
    from annotator.gui.colors import actor_color
    from annotator.gui.dialogs.actor_picker import PickedActor

    document = window.workspace.documents()[0].id
    window.open_document(document)
    text = window.view.text
    okafor = window.workspace.create_actor(ActorDraft("Okafor"))
    window.annotating.pick_actor = lambda *args: PickedActor(okafor.id)
    start = text.index("Okafor")
    window.view.select_text(start, start + 6)
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    window.annotating.pick_actor = lambda *args: PickedActor(None, "")
    window.view.select_text(0, text.index("said") + 4)
    qtbot.keyClick(window.view, Qt.Key.Key_Q)  # a quote around the mention, now selected
    view = window.view
    view.viewport().repaint()
    scene = build_scene(view, view._index, view.span, view._utf16, [])
    mention = next(s for s in scene.spans if s.style.name == "UNDERLINE")
    rect = scene.rects[mention.id][0]
    image = view.viewport().grab().toImage()
    y = int(rect.bottom() + 1)
    colours = {QColor(image.pixel(int(rect.center().x()), y + dy)).name() for dy in (-1, 0, 1)}
    assert QColor(actor_color(okafor.id)).name() in colours


def test_a_with_no_selection_tags_the_name_at_the_caret(qtbot, window, project):
    from PySide6.QtGui import QTextCursor

    from annotator.gui.dialogs.actor_picker import PickedActor

    document = window.workspace.documents()[0].id
    window.open_document(document)
    text = window.view.text
    window.annotating.pick_actor = lambda *args: PickedActor(None, "Okafor")
    cursor = window.view.textCursor()
    cursor.setPosition(text.index("Okafor") + 2)  # the caret inside the name
    window.view.setTextCursor(cursor)
    assert not window.view.textCursor().hasSelection()
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    [mention] = project.annotations.for_document(document)
    assert mention.text.endswith("Okafor") and mention.text.startswith("Mayor")
    assert isinstance(cursor, QTextCursor)


def test_the_spans_table_keeps_its_highlight_on_the_selected_span(qtbot, window, project):
    document = window.workspace.documents()[0].id
    window.open_document(document)
    text = window.view.text
    late = text.index("the barrier costs")
    window.view.select_text(late, late + len("the barrier costs €212 million"))
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    claim = window.annotating.selected()
    window.view.setFocus()
    early = text.index("“a promise")
    window.view.select_text(early, early + len("“a promise to every family”"))
    qtbot.keyClick(window.view, Qt.Key.Key_Q)  # a new span in a row above
    quote = window.annotating.selected()
    table = window.annotations.table
    [row] = table.selectionModel().selectedRows()
    assert window.annotations.model.row(row.row()).id == quote.id
    window.annotating.select(claim.id)
    [row] = table.selectionModel().selectedRows()
    assert window.annotations.model.row(row.row()).id == claim.id


def test_a_closed_topic_completes_from_its_vocabulary_and_refuses_others(qtbot, window, project):
    from dataclasses import replace as changed

    from annotator.domain.scheme import AttributeKind, AttributeSpec

    scheme = window.workspace.scheme
    claim = scheme.layer("claim")
    topic = AttributeSpec("topic", AttributeKind.TEXT, choices=("housing", "transport"),
                          closed=True)  # fmt: skip
    attributes = tuple(topic if a.name == "topic" else a for a in claim.attributes)
    layers = tuple(changed(claim, attributes=attributes) if lay.name == "claim" else lay
                   for lay in scheme.layers)  # fmt: skip
    window.workspace.change_scheme(changed(scheme, layers=layers))
    document = window.workspace.documents()[0].id
    window.open_document(document)
    start = window.view.text.index("the barrier costs")
    window.view.select_text(start, start + len("the barrier costs €212 million"))
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    field = window.details.fields["topic"]
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    qtbot.keyClicks(field, "tra")
    qtbot.waitUntil(lambda: field.completer().popup().isVisible())
    assert field.completer().currentCompletion() == "transport"
    field.completer().popup().hide()
    field.selectAll()
    qtbot.keyClicks(field, "weather")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "one of housing, transport" in window.statusBar().currentMessage()
    [claim_span] = project.annotations.for_document(document)
    assert "topic" not in claim_span.attributes


def test_either_end_of_a_text_selection_moves_by_a_word(qtbot, window):
    document = window.workspace.documents()[0].id
    window.open_document(document)
    text = window.view.text
    start = text.index("costs")
    window.view.select_text(start, start + len("costs"))
    window.view.setFocus()
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(window.view, Qt.Key.Key_Left, alt)  # the start one word earlier
    qtbot.keyClick(window.view, Qt.Key.Key_Right, alt | Qt.KeyboardModifier.ShiftModifier)
    chosen = window.view.text_selection()
    assert chosen is not None
    assert text[chosen[0] : chosen[1]] == "barrier costs €212"
    assert window.workspace.project.annotations.count() == 0  # nothing tagged yet


def test_a_claim_with_claimant_kind_topic_and_stance_from_the_keyboard_alone(
    qtbot, make_window, project
):
    """As walked on a real X server: a digit saves the kind and rebuilds the panel; the
    keyboard stays in the kind field, so Tab reaches the topic (it once jumped to the
    documents' search field)."""
    from annotator.domain.actors import ActorDraft
    from annotator.domain.annotations import AnnotationDraft

    text = "Café owner Zoë Nakamura said she lost a morning's takings."
    project.documents.add_many([DocumentDraft(text=text, title="t")])
    document = project.documents.list()[0].id
    zoe = project.actors.create(ActorDraft("Zoë Nakamura"))
    start = text.index("Zoë")
    project.annotations.create(document, AnnotationDraft("actor", start, start + 12,
                                                         actor_id=zoe.id))  # fmt: skip
    window = make_window(project)
    _real_picker(window)
    window.open_document(document)
    window.view.select_text(text.index("she lost"), len(text) - 1)
    window.view.setFocus()

    def press(key):
        qtbot.keyClick(QApplication.focusWidget(), key)

    _with_picker(qtbot, lambda picker: press(Qt.Key.Key_Return))  # Zoë, in the same sentence
    press(Qt.Key.Key_C)
    kind = window.details.fields["kind"]
    assert QApplication.focusWidget() is kind
    press(Qt.Key.Key_1)  # fact
    assert QApplication.focusWidget() is window.details.fields["kind"]
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.details.fields["topic"]
    qtbot.keyClicks(QApplication.focusWidget(), "outage")
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.details.fields["stance"]
    press(Qt.Key.Key_2)  # against
    press(Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.view
    claim = max(project.annotations.for_document(document), key=lambda a: a.id)
    assert claim.attributes == {"kind": "fact", "topic": "outage", "stance": "against"}
    assert [(link.type, link.actor_id) for link in claim.links] == [("claimant", zoe.id)]


def test_stepping_through_documents_highlights_only_the_open_one(qtbot, make_window, project):
    """Seen on a real X server: after Ctrl+PgDown four times every row stayed highlighted,
    because the table was never told that the earlier rows were deselected (a grab repaints
    everything afresh, so the test listens for what the table hears)."""
    project.documents.add_many([DocumentDraft(text=f"Story {i}.", title=f"S{i}") for i in range(4)])
    window = make_window(project)
    table = window.documents.table
    heard = []
    table.selectionModel().selectionChanged.connect(
        lambda selected, deselected: heard.append(
            ({i.row() for i in selected.indexes()}, {i.row() for i in deselected.indexes()})
        )
    )
    window.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    for _ in range(3):
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier
        )
    assert heard[-1] == ({3}, {2})
    assert {index.row() for index in table.selectionModel().selectedRows()} == {3}
    assert window.workspace.document.title == "S3"


def test_a_field_reached_by_tab_below_the_fold_scrolls_into_view(qtbot, window, project):
    from annotator.domain.annotations import AnnotationDraft

    text = "The council insists that the barrier costs too much."
    project.documents.add_many([DocumentDraft(text=text, title="short panel")])
    document = next(d.id for d in project.documents.list() if d.title == "short panel")
    claim = project.annotations.create(document, AnnotationDraft("claim", 0, len(text) - 1))
    window.open_document(document)
    window.annotating.select(claim.id)
    window.details.resize(window.details.width(), 160)  # a short panel, as on a laptop
    stance = window.details.fields["stance"]
    window.details.fields["topic"].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.details.fields["topic"])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is stance
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)  # saved: the panel is rebuilt
    stance = window.details.fields["stance"]
    assert QApplication.focusWidget() is stance and stance.currentText() == "against"
    viewport = window.details._scroll.viewport()

    def shown() -> bool:  # the scroll follows the rebuild at the next turn of the loop
        top = stance.mapTo(viewport, stance.rect().topLeft()).y()
        return top >= 0 and top + stance.height() <= viewport.height()

    qtbot.waitUntil(shown, timeout=3000)
