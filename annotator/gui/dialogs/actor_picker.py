"""The quick actor picker: type to search names and aliases, Enter links, or create in place."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.actors import Actor, ActorKind
from annotator.gui.colors import actor_color
from annotator.gui.combo_values import current_enum
from annotator.gui.icons import icon
from annotator.gui.safe_text import esc


@dataclass(frozen=True, slots=True)
class PickedActor:
    """Either an existing actor (``actor_id``) or a new one to create (``name``, ``kind``)."""

    actor_id: int | None
    name: str = ""
    kind: ActorKind = ActorKind.PERSON


def rank_actors(actors: list[Actor], query: str, nearby: list[int]) -> list[Actor]:
    """Actors whose name or alias contains ``query``: exact names first, then prefixes, then
    the rest; within each, actors mentioned near the span first."""
    key = query.strip().casefold()
    order = {actor_id: i for i, actor_id in enumerate(nearby)}

    def score(actor: Actor) -> tuple[int, int, str] | None:
        names = [n.casefold() for n in actor.names()]
        if key and not any(key in n for n in names):
            return None
        tier = 0 if key in names else 1 if any(n.startswith(key) for n in names) else 2
        return (tier, order.get(actor.id, len(order)), actor.name.casefold())

    scored = [(s, a) for a in actors if (s := score(a)) is not None]
    return [actor for _, actor in sorted(scored, key=lambda pair: pair[0])]


class ActorPicker(QDialog):
    def __init__(
        self,
        actors: dict[int, Actor],
        text: str,
        nearby: list[int],
        parent: QWidget | None = None,
        *,
        prompt: str = "Actor",
    ) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("actor-picker")
        self._actors = actors
        self._nearby = nearby
        self.query = QLineEdit(text)
        self.query.setPlaceholderText("Actor name or alias")
        self.kind = QComboBox()
        for kind in ActorKind:
            self.kind.addItem(kind.value, kind)
        self.list = QListWidget()
        self.list.setMinimumWidth(380)
        title = QLabel(f"<b>{esc(prompt)}</b>")
        hint = QLabel(
            "<small>↑↓ choose · Enter link · Esc skip · a new actor gets the kind on the "
            "right</small>"
        )
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.kind)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.list)
        layout.addWidget(hint)
        self.picked: PickedActor | None = None
        self.query.textChanged.connect(self._refill)
        self.query.installEventFilter(self)
        self.list.itemActivated.connect(self._choose)
        self._refill()
        self.query.selectAll()

    def _refill(self) -> None:
        self.list.clear()
        query = self.query.text().strip()
        for actor in rank_actors(list(self._actors.values()), query, self._nearby)[:50]:
            aliases = f" — {', '.join(actor.aliases)}" if actor.aliases else ""
            item = QListWidgetItem(f"{actor.name}  ({actor.kind.value}){aliases}")
            item.setData(Qt.ItemDataRole.UserRole, actor.id)
            item.setData(Qt.ItemDataRole.DecorationRole, actor_color(actor.id))
            self.list.addItem(item)
        exact = any(
            query.casefold() in (n.casefold() for n in a.names()) for a in self._actors.values()
        )
        if query and not exact:
            item = QListWidgetItem(icon("actor-new"), f"Create new actor “{query}”")
            item.setData(Qt.ItemDataRole.UserRole, None)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.query
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
                self.list.setCurrentRow(row)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.list.currentItem()
                if item is not None:
                    self._choose(item)
                return True
        return super().eventFilter(watched, event)

    def _choose(self, item: QListWidgetItem) -> None:
        actor_id = item.data(Qt.ItemDataRole.UserRole)
        if actor_id is None:
            kind = current_enum(self.kind, ActorKind) or ActorKind.OTHER
            self.picked = PickedActor(None, self.query.text().strip(), kind)
        else:
            self.picked = PickedActor(int(actor_id))
        self.accept()
