"""History: who changed what in this article (or of one actor), when, from what to what; and
Restore for anything deleted."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.errors import AnnotatorError
from annotator.gui.icons import icon
from annotator.gui.workspace import Workspace
from annotator.store.history import HistoryEntry

LIMIT = 500  # newest entries shown
EVERYONE = "Everyone"
_ACTIONS = {
    "create": "added", "update": "changed", "delete": "deleted", "import": "imported",
    "merge": "merged", "unmerge": "unmerged", "remove": "deleted", "unremove": "restored",
    "split": "split", "unsplit": "unsplit",
}  # fmt: skip


class HistoryDock(QDockWidget):
    spanRequested = Signal(int)  # a span to show in the article

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__("History", parent)
        self.setObjectName("history-dock")
        self._workspace = workspace
        self._actor: int | None = None  # showing one actor's history instead of the article's
        self._entries: list[HistoryEntry] = []
        self._stale = True  # changed while hidden: read again when shown
        self.scope = QLabel()
        self.who = QComboBox()
        self.who.setToolTip("Only this annotator's edits")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["When", "Who", "What"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText("Select an entry to see it before and after.")
        self.restore = QPushButton(icon("backup"), "Restore")
        self.restore.setToolTip("Bring back what this entry deleted (a span, an actor, links)")
        self.restore.setEnabled(False)
        self.article = QPushButton("This article")
        self.article.setToolTip("Show the open article's history again")
        self.article.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.scope, 1)
        top.addWidget(self.article)
        top.addWidget(self.who)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setSizes([300, 120])
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.restore)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self.setWidget(body)
        self.tree.currentItemChanged.connect(lambda *_: self._show_current())
        self.tree.itemActivated.connect(lambda *_: self._open_span())
        self.who.activated.connect(lambda _i: self.refresh())
        self.restore.clicked.connect(self._restore)
        self.article.clicked.connect(lambda: self.show_actor(None))
        workspace.documentOpened.connect(lambda _d: self.refresh())
        workspace.logChanged.connect(self.refresh)
        self.visibilityChanged.connect(self._on_visible)
        self.refresh()

    def _on_visible(self, shown: bool) -> None:
        if shown and self._stale:
            self.refresh()

    def show_actor(self, actor_id: int | None) -> None:
        """Show one actor's history (``None``: the open article's again)."""
        self._actor = actor_id
        if actor_id is not None:
            self.show()
            self.raise_()
        self.refresh()

    def refresh(self) -> None:
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        chosen = self.who.currentText()
        annotator = chosen if chosen and chosen != EVERYONE else None
        document = self._workspace.document
        if self._actor is not None:
            actor = self._workspace.actors.get(self._actor)
            self.scope.setText(f"Actor: {actor.name if actor else f'#{self._actor}'}")
            self._entries = self._workspace.history_entries(
                actor_id=self._actor, annotator=annotator, limit=LIMIT
            )
        elif document is not None:
            self.scope.setText("This article")
            self._entries = self._workspace.history_entries(
                document_id=document.id, annotator=annotator, limit=LIMIT
            )
        else:
            self.scope.setText("No article open")
            self._entries = []
        self.article.setVisible(self._actor is not None)
        self._fill_annotators(chosen)
        self.tree.clear()
        today = datetime.now().astimezone().date()
        for entry in self._entries:
            local = entry.at.astimezone()
            when = f"{local:%H:%M}" if local.date() == today else f"{local:%Y-%m-%d}"
            item = QTreeWidgetItem([when, entry.annotator, _what(entry)])
            item.setToolTip(0, f"{local:%Y-%m-%d %H:%M:%S}")
            item.setToolTip(2, f"{entry.label} (edit #{entry.entry.id})")
            if entry.restorable:
                item.setIcon(2, icon("backup"))
                item.setToolTip(2, f"{entry.label}: deleted, Restore brings it back")
            self.tree.addTopLevelItem(item)
        self._show_current()

    def _fill_annotators(self, chosen: str) -> None:
        names = sorted({e.annotator for e in self._entries} | ({chosen} - {"", EVERYONE}))
        self.who.blockSignals(True)
        self.who.clear()
        self.who.addItems([EVERYONE, *names])
        self.who.setCurrentText(chosen or EVERYONE)
        self.who.blockSignals(False)

    def selected(self) -> HistoryEntry | None:
        item = self.tree.currentItem()
        row = self.tree.indexOfTopLevelItem(item) if item is not None else -1
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _show_current(self) -> None:
        entry = self.selected()
        self.restore.setEnabled(entry is not None and entry.restorable)
        names = {a.id: a.name for a in self._workspace.actors.values()}
        self.detail.setPlainText(_before_after(entry, names) if entry is not None else "")

    def _open_span(self) -> None:
        entry = self.selected()
        if entry is not None and entry.entry.entity == "annotation" and entry.entry.entity_id:
            self.spanRequested.emit(entry.entry.entity_id)

    def _restore(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        try:
            self._workspace.restore(entry.entry.id)
        except AnnotatorError:
            return  # shown by the workspace


def _what(entry: HistoryEntry) -> str:
    e = entry.entry
    data = e.after or e.before or {}
    verb = _ACTIONS.get(e.action, e.action)
    if e.entity == "annotation":
        text = " ".join(str(data.get("text", "")).split())
        layer = str(data.get("layer", "span"))
        return f"{'mention' if layer == 'actor' else layer} {verb}: “{text[:40]}”"
    if e.entity == "actor":
        return f"actor {verb}"
    if e.entity == "document" and "status" in data:
        return f"status: {str(data['status']).replace('_', ' ')}"
    return f"{e.entity} {verb}"


def _before_after(entry: HistoryEntry, names: dict[int, str]) -> str:
    """The entry in words: what changed from what to what (only what differs)."""
    e = entry.entry
    when = f"{entry.at.astimezone():%Y-%m-%d %H:%M:%S}"
    head = f"{entry.label}\nedit #{e.id} · {entry.annotator} · {when}"
    before, after = _readable(e.before, names), _readable(e.after, names)
    if before and after:
        lines = [
            f"{key}: {before.get(key, '—')} → {after.get(key, '—')}"
            for key in dict.fromkeys([*before, *after])
            if before.get(key) != after.get(key)
        ]
        return "\n".join([head, *(lines or ["(no visible change)"])])
    shown = before or after
    state = "was" if before else "is"
    return "\n".join([head, *(f"{key} {state}: {value}" for key, value in shown.items())])


_HIDDEN = {"id", "document_id", "created_at", "updated_at", "version", "source_id"}


def _readable(data: dict[str, Any] | None, names: dict[int, str]) -> dict[str, str]:
    """An entry's before or after as short texts per field, actors by name."""
    if not data:
        return {}
    out: dict[str, str] = {}
    for key, value in data.items():
        if key in _HIDDEN or value in (None, {}, [], ""):
            continue
        if key == "links":
            for link in value:
                target = link.get("actor_id")
                shown = (
                    names.get(target, f"actor #{target}")
                    if target
                    else f"span #{link.get('annotation_id')}"
                )
                out[str(link.get("type"))] = shown
        elif key == "attributes" and isinstance(value, dict):
            out.update({str(k): str(v) for k, v in value.items()})
        elif key == "actor_id":
            out["actor"] = names.get(value, f"actor #{value}")
        elif isinstance(value, dict | list):
            out[key] = json.dumps(value, ensure_ascii=False, default=str)[:300]
        else:
            out[key] = str(value)
    return out
