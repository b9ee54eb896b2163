"""The document list: sortable, filtered by status, with full-text search over every article."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.documents import DocumentStatus
from annotator.gui.combo_values import current_enum
from annotator.gui.document_table import DocumentTableModel
from annotator.gui.html_delegate import HtmlDelegate
from annotator.gui.icons import icon
from annotator.gui.safe_text import plain_label
from annotator.gui.table_model import read_only_table
from annotator.gui.workspace import Workspace
from annotator.store.search import SearchHit

ALL = "All statuses"


class DocumentsDock(QDockWidget):
    documentChosen = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__("Documents", parent)
        self.setObjectName("documents-dock")
        self._workspace = workspace
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search all articles…")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.status = QComboBox()
        self.status.addItem(ALL, None)
        for status in DocumentStatus:
            self.status.addItem(
                icon(f"status-{status.value}"), status.value.replace("_", " "), status
            )
        self.model = DocumentTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(DocumentTableModel.SortRole)
        self.table = read_only_table(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: sizing columns to their contents reads every row of a long list
        for column, width in ((1, 140), (2, 86), (3, 104), (4, 52)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnHidden(1, True)  # the source is in the article header and tooltip
        self.hits = QListWidget()
        self.hits.setItemDelegate(HtmlDelegate(self.hits))
        self.hits.setWordWrap(True)
        self.hits_label = plain_label()
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.hits_label)
        results_layout.addWidget(self.hits)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(results)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.stack)
        self.setWidget(body)

        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self._following = False  # the table follows the open document: no documentChosen
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.hits.itemActivated.connect(self._on_hit)
        self.hits.itemClicked.connect(self._on_hit)
        workspace.documentsChanged.connect(self.refresh)
        workspace.annotationAdded.connect(lambda _a: self._recount())
        workspace.annotationRemoved.connect(lambda _i, _d: self._recount())
        workspace.annotationChanged.connect(lambda _a: self._recount())  # an accepted suggestion
        workspace.documentOpened.connect(self._show_current)
        self.refresh()

    def refresh(self) -> None:
        current = self._workspace.document.id if self._workspace.document else None
        status = current_enum(self.status, DocumentStatus)
        self.model.set_documents(self._workspace.documents(status))
        self._show_current(None, current)

    def document_ids(self) -> list[int]:
        """Ids in the order the table shows them (sorted and filtered)."""
        return [
            self.model.document(self.proxy.mapToSource(self.proxy.index(row, 0)).row()).id
            for row in range(self.proxy.rowCount())
        ]

    def _recount(self) -> None:
        if self._workspace.document is not None:
            self.model.set_count(self._workspace.document.id, self._workspace.span_count())

    def _show_current(self, _document: object = None, document_id: int | None = None) -> None:
        if document_id is None and self._workspace.document is not None:
            document_id = self._workspace.document.id
        row = self.model.row_of(document_id) if document_id is not None else None
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        # not by blocking the selection model's signals: the table would then never hear that
        # the earlier rows were deselected, and would go on painting them highlighted
        self._following = True
        try:
            self.table.setCurrentIndex(index)
        finally:
            self._following = False
        self.table.scrollTo(index)

    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._following:
            row = self.proxy.mapToSource(current).row()
            self.documentChosen.emit(self.model.document(row).id)

    def _run_search(self) -> None:
        query = self.search.text().strip()
        if not query:
            self.stack.setCurrentIndex(0)
            return
        found = self._workspace.project.documents.search(query)
        self.hits.clear()
        for hit in found:
            item = QListWidgetItem(_hit_html(hit))
            item.setData(Qt.ItemDataRole.UserRole, hit.document_id)
            self.hits.addItem(item)
        matches = "1 article matches" if len(found) == 1 else f"{len(found)} articles match"
        self.hits_label.setText(f"{matches} “{query}”")
        self.stack.setCurrentIndex(1)

    def _on_hit(self, item: QListWidgetItem) -> None:
        self.documentChosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))


def _hit_html(hit: SearchHit) -> str:
    parts: list[str] = []
    position = 0
    for start, end in hit.highlights:
        parts.append(html.escape(hit.snippet[position:start]))
        parts.append(
            f"<b style='background:#ffe066;color:#000'>{html.escape(hit.snippet[start:end])}</b>"
        )
        position = end
    parts.append(html.escape(hit.snippet[position:]))
    return f"<b>{html.escape(hit.title)}</b><br><small>{''.join(parts)}</small>"
