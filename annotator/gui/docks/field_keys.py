"""The Span panel from the keyboard: digits choose, Enter finishes, Esc goes back.

In a focused choice field, **1**…**9** pick the first to ninth choice (and save it), **0** none.
**Enter** in any value field saves it and hands the keyboard back to the article, where the next
span is tagged; **Tab** moves on to the next field, as everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}


class FieldKeys(QObject):
    finished = Signal()  # Enter or Esc in a field: back to the article

    def watch(self, root: QWidget) -> None:
        for widget in root.findChildren(QComboBox) + root.findChildren(QLineEdit):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        combo = watched if isinstance(watched, QComboBox) else None
        choosing = combo is not None and not combo.isEditable() and not _list_open(combo)
        if combo is not None and choosing and key in _DIGITS:
            index = _DIGITS[key]
            if index < combo.count():
                combo.setCurrentIndex(index)
                combo.activated.emit(index)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            if combo is not None and _list_open(combo):
                return False  # the open list takes its own Enter and Esc
            if isinstance(watched, QLineEdit) and key != Qt.Key.Key_Escape:
                completer = watched.completer()
                popup = completer.popup() if completer is not None else None
                if popup is not None and popup.isVisible():
                    return False  # Enter takes the completion first
                watched.editingFinished.emit()
            self.finished.emit()
            return True
        return False


def _list_open(combo: QComboBox) -> bool:
    view = combo.view()
    return view is not None and view.isVisible()
