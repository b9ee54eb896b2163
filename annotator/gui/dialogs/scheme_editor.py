"""Project → Edit scheme: the scheme as YAML, checked before it is applied."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.errors import AnnotatorError
from annotator.domain.scheme import Scheme
from annotator.formats.scheme_yaml import dump_scheme, parse_scheme
from annotator.gui.safe_text import plain_label

HELP = (
    "<p>Layers, their labels, colours, hotkeys and typed attributes. Attribute kinds: "
    "<code>choice</code> (with <code>choices</code>), <code>text</code>, <code>number</code>, "
    "<code>boolean</code> and <code>actor</code> (a speaker, claimant, …). Layers and labels "
    "still in use cannot be removed. The change can be undone.</p>"
)


class SchemeEditor(QDialog):
    def __init__(
        self, scheme: Scheme, apply: Callable[[Scheme], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit scheme")
        self.resize(640, 720)
        self._apply = apply
        intro = QLabel(HELP)
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit(dump_scheme(scheme))
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.editor.setFont(font)
        self.error = plain_label()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.try_apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def try_apply(self) -> bool:
        try:
            scheme = parse_scheme(self.editor.toPlainText(), "scheme")
            self._apply(scheme)
        except AnnotatorError as exc:
            self.error.setText(str(exc))
            return False
        self.accept()
        return True
