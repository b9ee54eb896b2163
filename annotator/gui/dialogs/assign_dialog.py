"""Document → Assign…: give the open article, or every article in the list, to annotators."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.wording import counted
from annotator.gui.dialogs.buttons import ok_cancel


class AssignDialog(QDialog):
    def __init__(self, title: str, listed: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Assign")
        self.annotators = QLineEdit()
        self.annotators.setPlaceholderText("e.g. alice, bob, carol")
        self.this = QRadioButton(f"this article: “{title[:50]}”")
        self.every = QRadioButton(f"the {counted(listed, 'article')} in the list")
        self.this.setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.this)
        scope.addButton(self.every)
        choice = QVBoxLayout()
        choice.addWidget(self.this)
        choice.addWidget(self.every)
        form = QFormLayout(self)
        form.addRow("Annotators", self.annotators)
        form.addRow("Articles", choice)
        form.addRow(ok_cancel(self._accept, self.reject, "Assign"))
        self.annotators.setFocus()

    def names(self) -> list[str]:
        return [n.strip() for n in self.annotators.text().split(",") if n.strip()]

    def _accept(self) -> None:
        if not self.names():
            self.annotators.setFocus()
            return
        self.accept()
