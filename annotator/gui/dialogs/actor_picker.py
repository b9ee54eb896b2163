"""The quick actor picker: type to search names and aliases, Enter links, or create in place."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.actor_kinds import guess_kind
from annotator.domain.actor_match import exact_match, rank_actors
from annotator.domain.actors import Actor, ActorKind
from annotator.gui.colors import actor_color
from annotator.gui.combo_values import current_enum, enum_combo
from annotator.gui.icons import icon
from annotator.gui.safe_text import esc


@dataclass(frozen=True, slots=True)
class PickedActor:
    """Either an existing actor (``actor_id``), a new one to create (``name``, ``kind``), or
    :data:`NO_ACTOR`: the user chose to leave it open."""

    actor_id: int | None
    name: str = ""
    kind: ActorKind = ActorKind.PERSON

    @property
    def is_none(self) -> bool:
        return self.actor_id is None and not self.name


NO_ACTOR = PickedActor(None, "")
_NONE_ROW = -1


class ActorPicker(QDialog):
    def __init__(
        self,
        actors: dict[int, Actor],
        text: str,
        nearby: list[int],
        parent: QWidget | None = None,
        *,
        prompt: str = "Actor",
        allow_none: bool = False,
        linked: Mapping[int, int] | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("actor-picker")
        self._actors = actors
        self._nearby = nearby
        self._prompt, self._allow_none = prompt, allow_none
        self._linked = linked or {}  # actor -> times the selected wording was linked to it
        self.query = QLineEdit(text)
        self.query.setPlaceholderText("Actor name or alias")
        self.kind = enum_combo(ActorKind)
        self.list = QListWidget()
        self.list.setMinimumWidth(380)
        title = QLabel(f"<b>{esc(prompt)}</b>")
        hint = QLabel(
            "<small>type to search · ↑↓ choose · Enter link · Esc cancel · a new actor gets "
            "the kind on the right (Tab, ↑↓ to change it)</small>"
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
        self._kind_chosen = False  # once a kind is picked by hand, the name no longer sets it
        self.kind.activated.connect(self._choose_kind)
        self.query.installEventFilter(self)
        self.kind.installEventFilter(self)  # Enter there creates the actor too
        self.list.itemActivated.connect(self._choose)
        self.setFocusProxy(self.query)
        self.anchor: QPoint | None = None  # where it opens: below the selection
        self._refill()
        self.query.selectAll()

    def showEvent(self, event: QShowEvent) -> None:
        """Opens wholly on screen by its anchor; typing goes to the search field at once,
        without a click or Tab first."""
        super().showEvent(event)
        if self.anchor is not None:
            self.move(on_screen(self.anchor, self.frameGeometry().size()))
        self.activateWindow()
        self.query.setFocus(Qt.FocusReason.PopupFocusReason)

    def _choose_kind(self) -> None:
        self._kind_chosen = True

    def _refill(self) -> None:
        self.list.clear()
        query = self.query.text().strip()
        if not self._kind_chosen:
            self.kind.setCurrentIndex(self.kind.findData(guess_kind(query)))
        if self._allow_none and not query:
            item = QListWidgetItem(f"No {self._prompt.lower()} yet (fill in later)")
            item.setData(Qt.ItemDataRole.UserRole, _NONE_ROW)
            self.list.addItem(item)
        ranked = rank_actors(self._actors.values(), query, self._nearby, self._linked)
        for actor in ranked[:50]:
            aliases = f" — {', '.join(actor.aliases)}" if actor.aliases else ""
            item = QListWidgetItem(f"{actor.name}  ({actor.kind.value}){aliases}")
            item.setData(Qt.ItemDataRole.UserRole, actor.id)
            item.setData(Qt.ItemDataRole.DecorationRole, actor_color(actor.id))
            self.list.addItem(item)
        if query and not exact_match(self._actors.values(), query):
            item = QListWidgetItem(icon("actor-new"), f"Create new actor “{query}”")
            item.setData(Qt.ItemDataRole.UserRole, None)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(self._first_choice(query))

    def _first_choice(self, query: str) -> int:
        """The row chosen before the user moves: the best match for a query; without one,
        the nearest actor mentioned around the span, or nothing at all (never merely the
        alphabetically first actor)."""
        if query or not self._allow_none:
            return 0
        second = self.list.item(1)
        nearest = second.data(Qt.ItemDataRole.UserRole) if second is not None else None
        return 1 if nearest in self._nearby else 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched in (self.query, self.kind)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            if watched is self.query and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
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
        if actor_id == _NONE_ROW:
            self.picked = NO_ACTOR
        elif actor_id is None:
            kind = current_enum(self.kind, ActorKind) or ActorKind.OTHER
            self.picked = PickedActor(None, self.query.text().strip(), kind)
        else:
            self.picked = PickedActor(int(actor_id))
        self.accept()


def on_screen(point: QPoint, size: QSize) -> QPoint:
    """``point`` moved so that a popup of ``size`` there is wholly on its screen (above the
    point when there is no room below)."""
    screen = QGuiApplication.screenAt(point) or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    right, bottom = area.x() + area.width(), area.y() + area.height()
    x = max(area.x(), min(point.x(), right - size.width()))
    y = point.y()
    if y + size.height() > bottom:
        y = point.y() - size.height() - 24
    y = max(area.y(), min(y, bottom - size.height()))
    return QPoint(x, y)
