"""An actor's page (Analysis → Actor page…, or from the Actors panel): aliases and kind, the
articles that mention the actor, the quotes and claims it made, and the actors named in the
same articles. Enter on a row opens the article there."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.wording import counted
from annotator.gui.safe_text import plain_label
from annotator.jobs.actor_profile import ActorProfile

PLACE = int(Qt.ItemDataRole.UserRole)


class ActorPage(QDialog):
    placeRequested = Signal(int, int, int, int)  # document, start, end, span (0: none)

    def __init__(self, parent: QWidget, profile: ActorProfile) -> None:
        super().__init__(parent)
        actor = profile.actor
        self.setWindowTitle(f"Actor — {actor.name}")
        about = plain_label(
            f"{actor.name} · {actor.kind.value}"
            + (f" · also: {', '.join(actor.aliases)}" if actor.aliases else "")
            + (f"\n{actor.description}" if actor.description else "")
        )
        about.setWordWrap(True)
        self.tabs = QTabWidget()
        self.mentions = self._tree(["Article", "Mentions"])
        for document, title, count, start, end in profile.mentions:
            item = QTreeWidgetItem([title, str(count)])
            item.setData(0, PLACE, (document, start, end, 0))
            self.mentions.addTopLevelItem(item)
        self.statements = self._tree(["Layer", "Kind", "Topic", "Stance", "Date", "Text"])
        for row in profile.statements:
            item = QTreeWidgetItem([row.layer, row.kind, row.topic, row.stance,
                                    row.published.isoformat() if row.published else "",
                                    " ".join(row.text.split())])  # fmt: skip
            item.setData(0, PLACE, (row.document_id, row.start, row.end, row.id))
            self.statements.addTopLevelItem(item)
        self.together = self._tree(["Actor", "Articles together"])
        for name, shared in profile.together:
            self.together.addTopLevelItem(QTreeWidgetItem([name, str(shared)]))
        for tree in (self.mentions, self.statements, self.together):
            for column in range(tree.columnCount() - 1):
                tree.resizeColumnToContents(column)
                tree.setColumnWidth(column, min(tree.columnWidth(column), 420))
        mentioned = sum(count for _d, _t, count, _s, _e in profile.mentions)
        self.tabs.addTab(self.mentions, f"Mentions ({mentioned})")
        self.tabs.addTab(self.statements, f"Quotes and claims ({len(profile.statements)})")
        self.tabs.addTab(self.together, f"Named with ({len(profile.together)})")
        summary = QLabel(
            f"{counted(len(profile.mentions), 'article')} · {counted(mentioned, 'mention')} · "
            f"{counted(len(profile.statements), 'statement')} · Enter opens the article there"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(summary)
        for tree in (self.mentions, self.statements, self.together):
            first = tree.topLevelItem(0)
            if first is not None:
                tree.setCurrentItem(first)  # arrows and Enter work at once
        self.mentions.setFocus()
        self.resize(760, 520)

    def _tree(self, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setSortingEnabled(True)
        tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        tree.installEventFilter(self)
        tree.itemActivated.connect(lambda item, _column: self._open(item))
        return tree

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QTreeWidget) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = watched.currentItem()
                if item is not None:
                    self._open(item)
                return True
        return super().eventFilter(watched, event)

    def _open(self, item: QTreeWidgetItem) -> None:
        place = item.data(0, PLACE)
        if place:
            self.placeRequested.emit(*place)
