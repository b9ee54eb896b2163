"""Scrolling past a value never changes it: the wheel only turns a widget the user focused.

A combo box or spin box under the mouse takes wheel turns as edits by default, so scrolling
the Span panel walked a claimant through every actor, saving each. Guarded widgets pass the
wheel to the panel around them unless they have focus (a click or Tab gives it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            area = _scroll_area(watched)
            if area is not None:
                QApplication.sendEvent(area.viewport(), event)
            return True
        return False


def guard_values(root: QWidget, guard: WheelGuard) -> None:
    """Guard every combo and spin box inside ``root``."""
    for widget in root.findChildren(QComboBox) + root.findChildren(QAbstractSpinBox):
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(guard)


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent
