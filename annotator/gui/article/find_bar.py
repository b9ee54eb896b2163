"""Ctrl+F within the article: every match highlighted, Enter and Shift+Enter step through."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.gui.icons import icon


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Code point ranges of every case-insensitive occurrence of ``query`` in ``text``."""
    if not query:
        return []
    folded, needle = text.casefold(), query.casefold()
    if len(folded) != len(text):  # casefold changed lengths (ß -> ss): fall back to lower()
        folded, needle = text.lower(), query.lower()
        if len(folded) != len(text):
            folded, needle = text, query
    hits: list[tuple[int, int]] = []
    start = folded.find(needle)
    while start >= 0:
        hits.append((start, start + len(needle)))
        start = folded.find(needle, start + max(len(needle), 1))
    return hits


class FindBar(QWidget):
    hitsChanged = Signal(list)  # list of (start, end)
    hitChosen = Signal(int, int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.hits: list[tuple[int, int]] = []
        self.current = -1
        self.query = QLineEdit()
        self.query.setPlaceholderText("Find in this article")
        self.count = QLabel()
        previous, following, close = QToolButton(), QToolButton(), QToolButton()
        previous.setIcon(icon("previous-annotation"))
        previous.setToolTip("Previous match (Shift+Enter)")
        following.setIcon(icon("next-annotation"))
        following.setToolTip("Next match (Enter)")
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.query, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.query.textChanged.connect(self._search)
        previous.clicked.connect(lambda: self.step(-1))
        following.clicked.connect(lambda: self.step(1))
        close.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self, text: str) -> None:
        self.text = text
        self.show()
        self.query.setFocus()
        self.query.selectAll()
        self._search(self.query.text())

    def close_bar(self) -> None:
        self.hide()
        self.hitsChanged.emit([])
        self.closed.emit()

    def step(self, direction: int) -> None:
        if not self.hits:
            return
        self.current = (self.current + direction) % len(self.hits)
        self.count.setText(f"{self.current + 1} of {len(self.hits)}")
        self.hitChosen.emit(*self.hits[self.current])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.step(-1 if shift else 1)
        elif event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)

    def _search(self, query: str) -> None:
        self.hits = find_all(self.text, query)
        self.current = -1
        self.count.setText(f"{len(self.hits)} matches" if query else "")
        self.hitsChanged.emit(self.hits)
        if self.hits:
            self.step(1)
