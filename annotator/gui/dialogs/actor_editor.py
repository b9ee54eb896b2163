"""Create or edit an actor: name, kind, aliases, affiliation, description, external id."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from annotator.domain.actor_kinds import guess_kind
from annotator.domain.actors import Actor, ActorDraft, ActorKind
from annotator.gui.combo_values import current_enum, enum_combo
from annotator.gui.dialogs.buttons import ok_cancel


class ActorEditor(QDialog):
    def __init__(
        self,
        actors: dict[int, Actor],
        actor: Actor | None = None,
        name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit actor" if actor else "New actor")
        self.name = QLineEdit(actor.name if actor else name)
        self.kind = enum_combo(ActorKind, actor.kind if actor else guess_kind(name))
        # a new actor's kind follows its name as it is typed, until a kind is picked by hand
        self._kind_chosen = actor is not None
        self.kind.activated.connect(self._choose_kind)
        self.name.textEdited.connect(self._follow_name)
        self.aliases = QLineEdit(", ".join(actor.aliases) if actor else "")
        self.aliases.setPlaceholderText("Other names, separated by commas")
        self.parent_actor = QComboBox()
        self.parent_actor.addItem("— none —", None)
        for other in sorted(actors.values(), key=lambda a: a.name.casefold()):
            if actor is None or other.id != actor.id:
                self.parent_actor.addItem(other.name, other.id)
        if actor and actor.parent_id is not None:
            self.parent_actor.setCurrentIndex(self.parent_actor.findData(actor.parent_id))
        self.external = QLineEdit(actor.external_id or "" if actor else "")
        self.external.setPlaceholderText("e.g. a Wikidata id such as Q42")
        self.description = QPlainTextEdit(actor.description or "" if actor else "")
        self.description.setFixedHeight(70)
        form = QFormLayout(self)
        form.addRow("Name", self.name)
        form.addRow("Kind", self.kind)
        form.addRow("Aliases", self.aliases)
        form.addRow("Belongs to", self.parent_actor)
        form.addRow("External id", self.external)
        form.addRow("Description", self.description)
        form.addRow(ok_cancel(self._accept, self.reject))

    def _choose_kind(self) -> None:
        self._kind_chosen = True

    def _follow_name(self, name: str) -> None:
        if not self._kind_chosen:
            self.kind.setCurrentIndex(self.kind.findData(guess_kind(name)))

    def draft(self) -> ActorDraft:
        return ActorDraft(
            name=self.name.text().strip(),
            kind=current_enum(self.kind, ActorKind) or ActorKind.OTHER,
            aliases=tuple(a.strip() for a in self.aliases.text().split(",") if a.strip()),
            description=self.description.toPlainText().strip() or None,
            parent_id=self.parent_actor.currentData(),
            external_id=self.external.text().strip() or None,
        )

    def _accept(self) -> None:
        if not self.name.text().strip():
            self.name.setFocus()
            return
        self.accept()
