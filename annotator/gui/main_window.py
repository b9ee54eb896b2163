"""The main window: for now the document list beside a preview of the selected article."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTableView,
)

from annotator.gui.document_table import DocumentTableModel
from annotator.gui.icons import icon
from annotator.store.project import Project


class MainWindow(QMainWindow):
    def __init__(self, project: Project) -> None:
        super().__init__()
        self._project = project
        self.setWindowIcon(icon("app"))
        self.setWindowTitle(f"{project.location} — Annotator")
        self.model = DocumentTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText("Select an article to read it.")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.preview)
        splitter.setSizes([300, 500])
        self.setCentralWidget(splitter)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_documents(self._project.documents.list())
        count = self.model.rowCount()
        self.statusBar().showMessage(f"{count} documents")

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if not rows:
            return
        summary = self.model.document(rows[0].row())
        document = self._project.documents.get(summary.id)
        self.preview.setPlainText(document.text)
        self.setWindowTitle(f"{document.title} — {self._project.location} — Annotator")
