"""A list of places in the articles (statements, mentions) that Enter or a double click opens:
the list under a chart or a network."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

Place = tuple[int, int, int, int]  # document, start, end, span (0: no span of mine to select)


class PlaceList(QListWidget):
    placeRequested = Signal(int, int, int, int)

    def __init__(self) -> None:
        super().__init__()
        self.itemActivated.connect(self._open)

    def add(self, text: str, place: Place) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, place)
        self.addItem(item)

    def choose_first(self, *, focus: bool = True) -> None:
        """The first row current (and the keyboard here, with ``focus``), if there is one."""
        if self.count():
            self.setCurrentRow(0)
            if focus:
                self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.currentItem()
            if item is not None:
                self._open(item)
            return
        super().keyPressEvent(event)

    def _open(self, item: QListWidgetItem) -> None:
        place = item.data(Qt.ItemDataRole.UserRole)
        if place:
            self.placeRequested.emit(*place)


class PlacePane(QWidget):
    """A line saying what is listed, over the :class:`PlaceList`."""

    def __init__(self, hint: str = "") -> None:
        super().__init__()
        self.hint = QLabel(hint)
        self.spans = PlaceList()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.spans)
