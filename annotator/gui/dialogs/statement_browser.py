"""Analysis → Statements: every quote and claim across the corpus in one table.

Sortable by any column, filtered by typing (every word must appear in the row, in any column)
and by layer; the count says how many of how many are shown. Enter or a double click opens
the article with the statement selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from annotator.domain.wording import counted
from annotator.gui.table_model import Index, RowTableModel, read_only_table
from annotator.jobs.statements import StatementRow

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow

COLUMNS = ("Who", "Layer", "Kind", "Topic", "Stance", "Date", "Source", "Article", "Text")


class StatementModel(RowTableModel):
    columns = COLUMNS
    SortRole = int(Qt.ItemDataRole.UserRole) + 1
    FilterRole = int(Qt.ItemDataRole.UserRole) + 2

    def cell(self, row: StatementRow, column: int, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, self.SortRole):
            values = (
                row.who or "—", row.layer, row.kind, row.topic, row.stance,
                row.published.isoformat() if row.published else "", row.source, row.title,
                " ".join(row.text.split()),
            )  # fmt: skip
            return values[column]
        if role == self.FilterRole and column == 0:
            return " ".join((row.who, row.layer, row.kind, row.topic, row.stance, row.source,
                             row.title, row.text)).casefold()  # fmt: skip
        if role == Qt.ItemDataRole.ToolTipRole and column == len(COLUMNS) - 1:
            return row.text
        return None


class _Filter(QSortFilterProxyModel):
    """Every typed word in the row (any column); the layer chosen, or all."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self.layer: str | None = None
        self.setSortRole(StatementModel.SortRole)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, StatementModel)
        row: StatementRow = model.row(source_row)
        if self.layer is not None and row.layer != self.layer:
            return False
        if not self.words:
            return True
        haystack = str(model.data(model.index(source_row, 0), StatementModel.FilterRole))
        return all(word in haystack for word in self.words)


class StatementBrowser(QDialog):
    placeRequested = Signal(int, int, int)  # document, start, end

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle("Statements")
        self._window = window
        self.model = StatementModel()
        self.proxy = _Filter()
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter: words in any column (who, topic, article, text …)")
        self.search.textChanged.connect(self._refilter)
        self.layer = QComboBox()
        self.layer.addItem("Quotes and claims", None)
        self.count = QLabel()
        self.table = read_only_table(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open)
        self.table.installEventFilter(self)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.layer)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.layer.currentIndexChanged.connect(lambda _i: self._refilter())
        self.resize(1100, 600)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.search.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def load(self, rows: list[StatementRow]) -> None:
        self.model.set_rows(rows)
        layers = sorted({row.layer for row in rows})
        current = self.layer.currentData()
        self.layer.blockSignals(True)
        while self.layer.count() > 1:
            self.layer.removeItem(1)
        for name in layers:
            self.layer.addItem(name.capitalize() + "s", name)
        self.layer.setCurrentIndex(max(self.layer.findData(current), 0))
        self.layer.blockSignals(False)
        self.table.sortByColumn(COLUMNS.index("Date"), Qt.SortOrder.AscendingOrder)
        self.table.resizeColumnsToContents()
        for column in range(len(COLUMNS) - 1):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 220))
        self._refilter()

    def _refilter(self) -> None:
        self.proxy.words = self.search.text().casefold().split()
        self.proxy.layer = self.layer.currentData()
        self.proxy.invalidate()
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        shown_text = f", {shown} shown" if shown != total else ""
        self.count.setText(
            f"{counted(total, 'statement')}{shown_text} · Enter opens the article there"
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open(self.table.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row: StatementRow = self.model.row(self.proxy.mapToSource(index).row())
        self.placeRequested.emit(row.document_id, row.start, row.end)
