"""The actor registry: every actor with kind, affiliation and mention count."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.colors import actor_color
from annotator.gui.icons import icon
from annotator.gui.safe_text import plain_tooltip
from annotator.gui.table_model import read_only_table
from annotator.gui.workspace import Workspace

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
SEARCH_ROLE = int(Qt.ItemDataRole.UserRole) + 2


class ActorsDock(QDockWidget):
    editRequested = Signal(int)
    mergeRequested = Signal(int, int)  # keep, drop
    newRequested = Signal()
    deleteRequested = Signal(int)
    splitRequested = Signal(int)
    historyRequested = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__("Actors", parent)
        self.setObjectName("actors-dock")
        self._workspace = workspace
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find an actor or alias…")
        self.search.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, 4)
        self.model.setHorizontalHeaderLabels(["Name", "Kind", "Belongs to", "Mentions"])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(ID_ROLE + 10)
        self.table = read_only_table(self.proxy, multiple=True)
        self.table.setSortingEnabled(True)
        # Qt's header starts out descending: say A→Z, and show it, from the start
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        buttons = QHBoxLayout()
        for name, tip, slot in (
            ("actor-new", "New actor (Ctrl+Shift+A)", self.newRequested.emit),
            ("actor-edit", "Edit the selected actor: name, aliases, kind, affiliation", self._edit),
            ("actor-merge", "Merge the selected actors into the first one selected", self._merge),
            ("actor-split", "Split the selected actor: move some of its mentions to a new one",
             lambda: self._emit_first(self.splitRequested)),
            ("actor-delete", "Delete the selected actor (Del); its mentions keep their spans",
             lambda: self._emit_first(self.deleteRequested)),
            ("history", "History of the selected actor: who changed it and its spans, when",
             lambda: self._emit_first(self.historyRequested)),
        ):  # fmt: skip
            button = QToolButton()
            button.setIcon(icon(name))
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.doubleClicked.connect(lambda _i: self._edit())
        self.table.installEventFilter(self)
        workspace.actorsChanged.connect(self.refresh)
        workspace.annotationAdded.connect(lambda _a: self.refresh())
        workspace.annotationChanged.connect(lambda _a: self.refresh())
        workspace.annotationRemoved.connect(lambda *_a: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        actors = self._workspace.actors
        counts = self._workspace.mention_counts
        self.model.setRowCount(0)
        for actor in actors.values():
            parent = actors[actor.parent_id].name if actor.parent_id in actors else ""
            mentions = counts.get(actor.id, 0)
            cells = [
                QStandardItem(actor.name),
                QStandardItem(actor.kind.value),
                QStandardItem(parent),
                QStandardItem(str(mentions)),
            ]
            cells[0].setData(actor_color(actor.id), Qt.ItemDataRole.DecorationRole)
            cells[0].setToolTip(plain_tooltip("\n".join(actor.names())))
            cells[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            search = " ".join(actor.names())
            for cell, sort in zip(
                cells,
                (actor.name.casefold(), actor.kind.value, parent.casefold(), mentions),
                strict=True,
            ):
                cell.setData(actor.id, ID_ROLE)
                cell.setData(search, SEARCH_ROLE)
                cell.setData(sort, ID_ROLE + 10)
            self.model.appendRow(cells)

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [int(self.proxy.data(index, ID_ROLE)) for index in rows]

    def _edit(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.editRequested.emit(ids[0])

    def _emit_first(self, signal: SignalInstance) -> None:
        ids = self.selected_ids()
        if ids:
            signal.emit(ids[0])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Del in the actor list deletes the actor, not the span selected in the article."""
        deleting = (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        )
        if deleting and event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        if deleting and event.type() == QEvent.Type.KeyPress:
            self._emit_first(self.deleteRequested)
            return True
        if watched is self.table and event.type() == QEvent.Type.FocusIn:
            self._select_current()
        return super().eventFilter(watched, event)

    def _select_current(self) -> None:
        """Reached by Tab with nothing chosen, the row with the focus frame is chosen, so Del,
        Enter or the actor page act on the actor the user sees marked."""
        if self.table.selectionModel().hasSelection() or not self.proxy.rowCount():
            return
        self.table.selectRow(max(self.table.currentIndex().row(), 0))

    def _merge(self) -> None:
        ids = self.selected_ids()
        if len(ids) >= 2:
            for drop in ids[1:]:
                self.mergeRequested.emit(ids[0], drop)
