"""File → New actor guesses the kind from the name as the picker does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.domain.actors import Actor, ActorKind
from annotator.gui.combo_values import current_enum
from annotator.gui.dialogs.actor_editor import ActorEditor


def _shown(qtbot, editor: ActorEditor) -> ActorEditor:
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    _focus(qtbot, editor.name)
    return editor


def _focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_the_kind_follows_the_typed_name_until_picked_by_hand(qtbot):
    editor = _shown(qtbot, ActorEditor({}))
    qtbot.keyClicks(QApplication.focusWidget(), "Port Authority")
    assert current_enum(editor.kind, ActorKind) == ActorKind.ORGANISATION
    _focus(qtbot, editor.kind)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # picked by hand
    picked = current_enum(editor.kind, ActorKind)
    assert picked != ActorKind.ORGANISATION
    _focus(qtbot, editor.name)
    qtbot.keyClicks(QApplication.focusWidget(), " residents")
    assert current_enum(editor.kind, ActorKind) == picked
    assert editor.draft().kind == picked


def test_a_name_given_by_the_selection_sets_the_kind_and_editing_keeps_it(qtbot):
    assert current_enum(ActorEditor({}, name="Daily Courier").kind, ActorKind) == ActorKind.MEDIA
    existing = Actor(
        id=1, name="Harbour Council", kind=ActorKind.PERSON, aliases=(),
        description=None, parent_id=None, external_id=None,
    )  # fmt: skip
    editor = _shown(qtbot, ActorEditor({1: existing}, existing))
    qtbot.keyClicks(QApplication.focusWidget(), " Authority")
    assert current_enum(editor.kind, ActorKind) == ActorKind.PERSON
