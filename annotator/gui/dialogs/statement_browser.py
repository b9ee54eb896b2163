"""Analysis → Statements: every quote and claim across the corpus in one table.

Sortable by any column, filtered by typing (every word must appear in the row, in any column)
and by layer; the count says how many of how many are shown. Enter or a double click opens
the article with the statement selected.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from annotator.domain.errors import AnnotatorError
from annotator.domain.wording import counted
from annotator.gui.table_model import Index, read_only_table
from annotator.jobs.statements import StatementRow

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow

COLUMNS = ("Who", "Layer", "Kind", "Topic", "Stance", "Date", "Source", "Article", "Text")


class StatementModel(QAbstractTableModel):
    """All rows, the ones shown (filtered) in their order (sorted): sorting and filtering run
    over keys made once per load, in Python, not through a proxy asking for every cell."""

    def __init__(self) -> None:
        super().__init__()
        self._all: list[StatementRow] = []
        self._haystack: list[str] = []  # what a filter looks in, per row (made when asked)
        self._order: Sequence[int] = []  # every row, in the current sort order
        self._shown: Sequence[int] = []  # the rows the filter keeps, in that order
        self._filter: tuple[list[str], str | None] = ([], None)
        self.total = 0

    def set_rows(
        self, rows: list[StatementRow], words: list[str] | None = None, layer: str | None = None
    ) -> None:
        """Rows in date order (as :func:`statement_rows` gives them), filtered by ``words``
        and ``layer``; nothing is computed per row until it is shown, filtered or sorted."""
        self.beginResetModel()
        self._all = rows
        self._haystack = []
        self._order = range(len(rows))  # date order; a list once the user sorts
        self._filter = (words or [], layer)
        self._shown = self._filtered()
        self.total = len(rows)
        self.endResetModel()

    def _cell(self, i: int, column: int) -> str:
        r = self._all[i]
        if column == 5:
            return r.published.isoformat() if r.published else ""
        if column == 8:
            return " ".join(r.text.split())
        return (r.who or "—", r.layer, r.kind, r.topic, r.stance, "", r.source, r.title)[column]

    def apply(self, words: list[str], layer: str | None) -> None:
        """Show the rows holding every word (and of ``layer``), in the current order."""
        self.beginResetModel()
        self._filter = (words, layer)
        self._shown = self._filtered()
        self.endResetModel()

    def _filtered(self) -> Sequence[int]:
        words, layer = self._filter
        if not words and layer is None:
            return self._order  # shared, never changed in place: sort makes a new order
        if words and not self._haystack:
            self._haystack = [
                " ".join(self._cell(i, c) for c in range(len(COLUMNS))).casefold()
                for i in range(len(self._all))
            ]
        return [
            i for i in self._order
            if (layer is None or self._all[i].layer == layer)
            and all(word in self._haystack[i] for word in words)
        ]  # fmt: skip

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        cell = self._cell
        self._order = sorted(self._order, key=lambda i: cell(i, column).casefold(),
                             reverse=order == Qt.SortOrder.DescendingOrder)  # fmt: skip
        self._shown = self._filtered()
        self.layoutChanged.emit()

    def row(self, number: int) -> StatementRow:
        return self._all[self._shown[number]]

    def shown_rows(self) -> list[StatementRow]:
        """The rows the filter keeps, in the order shown."""
        return [self._all[i] for i in self._shown]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(self._shown[index.row()], index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == len(COLUMNS) - 1:
            return self._all[self._shown[index.row()]].text
        return None


WIDTHS = (170, 60, 80, 130, 70, 90, 110, 200)  # the last column stretches


class StatementBrowser(QDialog):
    placeRequested = Signal(int, int, int, int)  # document, start, end, span

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle("Statements")
        self._window = window
        self.model = StatementModel()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter: words in any column (who, topic, article, text …)")
        self.search.textChanged.connect(self._refilter)
        self.layer = QComboBox()
        self.layer.addItem("Quotes and claims", None)
        self.count = QLabel()
        self.table = read_only_table(self.model)
        self.table.horizontalHeader().setSortIndicator(
            COLUMNS.index("Date"), Qt.SortOrder.AscendingOrder
        )
        self.table.setSortingEnabled(True)
        for column, width in enumerate(WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open)
        self.table.installEventFilter(self)
        self.save = QPushButton("&Save as CSV…")
        self.save.setAutoDefault(False)  # Enter in the filter does not save
        self.save.clicked.connect(self.save_as)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.layer)
        top.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.layer.currentIndexChanged.connect(lambda _i: self._refilter())
        self.resize(1100, 600)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.search.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def load(self, rows: list[StatementRow], layers: list[str]) -> None:
        """Show ``rows``; ``layers`` (the scheme's layers of statements) fill the layer filter."""
        current = self.layer.currentData()
        self.layer.blockSignals(True)
        while self.layer.count() > 1:
            self.layer.removeItem(1)
        for name in sorted(layers):
            self.layer.addItem(name.capitalize() + "s", name)
        self.layer.setCurrentIndex(max(self.layer.findData(current), 0))
        self.layer.blockSignals(False)
        self.model.set_rows(rows, self._words(), self.layer.currentData())
        header = self.table.horizontalHeader()
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        if (column, order) != (COLUMNS.index("Date"), Qt.SortOrder.AscendingOrder):
            self.model.sort(column, order)  # the order the user chose, kept on reload
        self._count()

    def _words(self) -> list[str]:
        return self.search.text().casefold().split()

    def _refilter(self) -> None:
        self.model.apply(self._words(), self.layer.currentData())
        self._count()

    def _count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
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

    def save_as(self) -> None:
        settings = self._window.settings
        folder = Path(str(settings.value("export_folder", str(Path.home()))))
        path, _filter = QFileDialog.getSaveFileName(
            self, "Save statements", str(folder / "statements.csv"), "CSV table (*.csv)"
        )
        if path:
            settings.setValue("export_folder", str(Path(path).parent))
            self.save_to(Path(path))

    def save_to(self, out: Path) -> int | None:
        """The statements shown, in their order, as a CSV table (the count said below)."""
        rows, queries = self.model.shown_rows(), self._window.workspace.analysis
        try:
            written = self._window.workspace.attempt(lambda: queries.save_statements(rows, out))
        except (AnnotatorError, OSError) as exc:
            self.count.setText(f"Not saved: {exc}")
            return None
        self.count.setText(f"{counted(written, 'statement')} written to {out}")
        return written

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.model.row(index.row())
        self.placeRequested.emit(row.document_id, row.start, row.end, row.id)
