"""A drop-down of actors, with the actors mentioned near the span first."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from annotator.domain.actors import Actor
from annotator.gui.colors import actor_color
from annotator.gui.icons import icon

NEW_ACTOR = -1


class ActorCombo(QComboBox):
    """Items: none, the nearby actors, a separator, every other actor, "New actor…"."""

    actorChosen = Signal(object)  # int | None, or NEW_ACTOR

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxVisibleItems(20)
        # Shrink with the dock instead of forcing a horizontal scroll bar on it.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)
        self.activated.connect(self._on_activated)

    def populate(self, actors: dict[int, Actor], nearby: list[int], current: int | None) -> None:
        self.blockSignals(True)
        self.clear()
        self.addItem("— none —", None)
        shown: set[int] = set()
        for actor_id in nearby:
            if actor_id in actors:
                self._add(actors[actor_id], "nearby")
                shown.add(actor_id)
        if shown:
            self.insertSeparator(self.count())
        for actor in sorted(actors.values(), key=lambda a: a.name.casefold()):
            if actor.id not in shown:
                self._add(actor, "")
        self.addItem(icon("actor-new"), "New actor…", NEW_ACTOR)
        found = self.findData(current)
        self.setCurrentIndex(found if found >= 0 else 0)
        self.blockSignals(False)

    def _add(self, actor: Actor, note: str) -> None:
        label = f"{actor.name}  ({actor.kind.value}{', ' + note if note else ''})"
        self.addItem(label, actor.id)
        self.setItemData(self.count() - 1, actor_color(actor.id), 1)  # DecorationRole: a swatch

    def _on_activated(self, index: int) -> None:
        self.actorChosen.emit(self.itemData(index))
