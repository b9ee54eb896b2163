"""Split an actor: tick the mentions that name someone else, and name that new actor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.actors import Actor, ActorDraft, ActorKind
from annotator.gui.combo_values import current_enum, enum_combo
from annotator.gui.dialogs.buttons import ok_cancel
from annotator.gui.safe_text import plain_label


class ActorSplitDialog(QDialog):
    def __init__(
        self, actor: Actor, mentions: list[tuple[int, str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Split {actor.name}")
        self.setObjectName("actor-split")
        self.resize(560, 480)
        intro = plain_label(
            f"Tick the mentions of “{actor.name}” that name someone else; they move to the new "
            "actor. Space ticks, arrows move."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        for span_id, title, text in mentions:
            item = QListWidgetItem(f"“{' '.join(text.split())}” — {title}")
            item.setData(Qt.ItemDataRole.UserRole, span_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.name = QLineEdit()
        self.name.setPlaceholderText("Name of the new actor")
        self.kind = enum_combo(ActorKind, actor.kind)
        form = QFormLayout()
        form.addRow("New actor", self.name)
        form.addRow("Kind", self.kind)
        buttons = ok_cancel(self.accept, self.reject, "Split")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.list.setFocus()
        if self.list.count():
            self.list.setCurrentRow(0)

    def chosen(self) -> list[int]:
        return [
            int(self.list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def draft(self) -> ActorDraft:
        kind = current_enum(self.kind, ActorKind) or ActorKind.OTHER
        return ActorDraft(self.name.text().strip(), kind)
