"""One editing widget per scheme attribute kind; each reports a new value through a callback."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QWidget

from annotator.domain.scheme import AttributeKind, AttributeSpec

Commit = Callable[[str, Any], None]
SAVE_AFTER_MS = 600


def attribute_widget(spec: AttributeSpec, value: Any, commit: Commit) -> QWidget:
    """A widget showing ``value`` that calls ``commit(name, new_value)`` when the user edits."""
    if spec.kind is AttributeKind.CHOICE:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.addItem("—", None)
        for choice in spec.choices:
            combo.addItem(choice, choice)
        combo.setCurrentIndex(max(combo.findData(value), 0))
        combo.activated.connect(lambda i: commit(spec.name, combo.itemData(i)))
        return combo
    if spec.kind is AttributeKind.BOOLEAN:
        box = QCheckBox()
        box.setChecked(bool(value))
        box.toggled.connect(lambda checked: commit(spec.name, checked))
        return box
    if spec.kind is AttributeKind.NUMBER:
        spin = QDoubleSpinBox()
        spin.setRange(-1e12, 1e12)
        spin.setDecimals(3)
        spin.setValue(float(value or 0))
        spin.editingFinished.connect(lambda: commit(spec.name, spin.value()))
        return spin
    line = QLineEdit(str(value or ""))
    line.setPlaceholderText(spec.title or spec.name)
    # Typed text is saved after a short pause too, not only on Enter or leaving the field:
    # what is on screen must survive the program being killed.
    pause = QTimer(line)
    pause.setSingleShot(True)
    pause.setInterval(SAVE_AFTER_MS)
    if not spec.closed:  # a closed vocabulary is saved when chosen, not half typed
        line.textEdited.connect(lambda _text: pause.start())
    pause.timeout.connect(lambda: commit(spec.name, line.text().strip() or None))
    line.editingFinished.connect(pause.stop)
    line.editingFinished.connect(lambda: commit(spec.name, line.text().strip() or None))
    return line
