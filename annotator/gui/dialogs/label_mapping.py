"""The mapping step of an import: labels the scheme has no layer for, and where they go.

A file from an NER tool may tag LOC, MISC, EVENT …; each becomes a new layer unless the user
sends it to a layer of the scheme (and, for the actor layer, says what kind of actors its
mentions name). The choices are remembered by the project for later imports.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.actors import ActorKind
from annotator.domain.label_map import LayerTarget
from annotator.domain.scheme import Scheme
from annotator.gui.dialogs.buttons import ok_cancel
from annotator.gui.safe_text import esc, plain_label

NEW_LAYER = None


class LabelMappingDialog(QDialog):
    def __init__(
        self, labels: dict[str, int], scheme: Scheme, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Labels to map")
        self.setObjectName("label-mapping")
        self.setMinimumWidth(520)
        intro = QLabel(
            "These labels have no layer in the project. Choose where their spans go; the "
            "project remembers it for later imports."
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.choices: dict[str, QComboBox] = {}
        for label, count in labels.items():
            combo = QComboBox()
            combo.addItem(f"A new layer “{label}”", NEW_LAYER)
            for layer in scheme.layers:
                if layer.refers_to_actor:
                    for kind in ActorKind:
                        combo.addItem(f"{layer.title}: {kind.value}", LayerTarget(layer.name, kind))
                else:
                    combo.addItem(layer.title, LayerTarget(layer.name))
            self.choices[label] = combo
            spans = "1 span" if count == 1 else f"{count:,} spans"
            form.addRow(plain_label(f"{label} ({spans})"), combo)
        buttons = ok_cancel(self.accept, self.reject, "Import")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setToolTip(esc(", ".join(labels)))
        if self.choices:
            next(iter(self.choices.values())).setFocus()

    def mapping(self) -> dict[str, LayerTarget]:
        """The labels the user sent to a layer of the scheme (the others become layers)."""
        chosen: dict[str, LayerTarget] = {}
        for label, combo in self.choices.items():
            target = combo.currentData()
            if isinstance(target, LayerTarget):
                chosen[label] = target
        return chosen
