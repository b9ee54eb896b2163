"""A matplotlib figure on screen (the Charts and Network windows), replaced as a whole when the
choice changes; clicks come back in data coordinates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget


class FigurePane(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self.canvas: Any = None  # matplotlib's FigureCanvasQTAgg, or None while nothing is drawn

    @property
    def dark(self) -> bool:
        """Whether the window is dark, for a figure drawn to match it."""
        return self.palette().window().color().lightness() < 128

    def show_figure(self, figure: Any, clicked: Callable[[Any], None]) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg  # slow: when drawn

        self.clear()
        self.canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
        self.canvas.mpl_connect("button_press_event", clicked)
        self._box.addWidget(self.canvas)

    def clear(self) -> None:
        """No figure; the old canvas is gone at once, not at the next turn of the event loop."""
        if self.canvas is not None:
            self._box.removeWidget(self.canvas)
            self.canvas.hide()
            self.canvas.setParent(None)
            self.canvas.deleteLater()
            self.canvas = None
