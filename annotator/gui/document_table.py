"""A read-only table model over the project's document summaries."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from annotator.domain.documents import DocumentSummary
from annotator.gui.icons import icon
from annotator.gui.safe_text import plain_tooltip
from annotator.gui.table_model import RowTableModel


class DocumentTableModel(RowTableModel):
    SortRole = int(Qt.ItemDataRole.UserRole) + 1
    columns = ("Title", "Source", "Date", "Status", "Spans")

    def __init__(self) -> None:
        super().__init__()
        self._by_id: dict[int, int] = {}

    def set_documents(self, rows: list[DocumentSummary]) -> None:
        self._by_id = {doc.id: i for i, doc in enumerate(rows)}
        self.set_rows(rows)

    def set_count(self, document_id: int, annotations: int) -> None:
        row = self._by_id.get(document_id)
        if row is None:
            return
        self._rows[row] = replace(self._rows[row], annotations=annotations)
        cell = self.index(row, 4)
        self.dataChanged.emit(cell, cell)

    def document(self, row: int) -> DocumentSummary:
        found: DocumentSummary = self.row(row)
        return found

    def row_of(self, document_id: int) -> int | None:
        return self._by_id.get(document_id)

    def cell(self, doc: DocumentSummary, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                doc.title,
                doc.source or "",
                doc.published.isoformat() if doc.published else "",
                _status(doc),
                doc.annotations,
            )[column]
        if role == self.SortRole:
            return (
                doc.title.casefold(),
                (doc.source or "").casefold(),
                doc.published.isoformat() if doc.published else "",
                list(type(doc.status)).index(doc.status),
                doc.annotations,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return plain_tooltip(f"{doc.title}\n{doc.source or ''}")
        if role == Qt.ItemDataRole.ToolTipRole and column == 3 and doc.team:
            return plain_tooltip(
                "\n".join(f"{name}: {status.value.replace('_', ' ')}" for name, status in doc.team)
            )
        if role == Qt.ItemDataRole.DecorationRole and column == 3:
            return icon(f"status-{doc.status.value}")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _status(doc: DocumentSummary) -> str:
    """The status; on a document given to annotators (not to me), also how many are done."""
    shown = doc.status.value.replace("_", " ")
    if doc.team:
        shown += f" · {doc.team_done}/{len(doc.team)} done"
    return shown
