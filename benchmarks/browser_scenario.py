"""``browser_open_100k``: the statement browser filled with 100,000 rows and painted once ÷ a
``QTableView`` over a plain list model of the same rows, painted once. The run checks that the
browser shows every row."""

from __future__ import annotations

import os
import random
import time
from datetime import date, timedelta
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

from annotator.gui.dialogs.statement_browser import COLUMNS, StatementBrowser
from annotator.jobs.statements import StatementRow

ROWS, REPEATS = 100_000, 3


def _rows() -> list[StatementRow]:
    """Rows as :func:`statement_rows` gives them: in date order."""
    rng = random.Random(9)
    start = date(2024, 1, 1)
    made = [
        StatementRow(n, n // 50, f"Article {n // 50}", rng.choice(("quote", "claim")),
                     f"Actor {rng.randrange(300)}", n % 300, "person", "direct",
                     f"topic {rng.randrange(40)}", rng.choice(("for", "against")),
                     start + timedelta(days=rng.randrange(700)), "Courier",
                     "the plan was too expensive by half, said the opposition", 0, 40, "bench")
        for n in range(ROWS)
    ]  # fmt: skip
    return sorted(made, key=lambda r: (r.published, r.document_id))


class _Plain(QAbstractTableModel):
    def __init__(self, rows: list[tuple[str, ...]]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None


def measure() -> tuple[float, float]:
    app = QApplication.instance() or QApplication([])
    rows = _rows()
    plain = [(r.who, r.layer, r.kind, r.topic, r.stance, r.published.isoformat() if r.published
              else "", r.source, r.title, r.text) for r in rows]  # fmt: skip
    parent = QMainWindow()
    ours = base = float("inf")
    for _ in range(REPEATS):
        browser = StatementBrowser(parent)  # type: ignore[arg-type]
        browser.resize(1100, 600)
        started = time.perf_counter()
        browser.load(rows, ["quote", "claim"])  # in date order, as statement_rows gives them
        browser.show()
        browser.table.viewport().repaint()
        app.processEvents()
        ours = min(ours, time.perf_counter() - started)
        assert browser.model.rowCount() == ROWS, "not every row is shown"
        browser.close()
        browser.deleteLater()
        table = QTableView()
        table.resize(1100, 600)
        started = time.perf_counter()
        table.setModel(_Plain(plain))
        table.show()
        table.viewport().repaint()
        app.processEvents()
        base = min(base, time.perf_counter() - started)
        table.close()
    return ours, base
