"""The Edit menu's view of the core's undo history (:class:`annotator.store.history.History`).

It holds no commands of its own: Undo and Redo are core steps on the edit log, so they work the
same after a restart and from the command line. This object only says what Undo and Redo would
do next, with the signals ``QUndoStack`` offers, refreshed after every write the window sees.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from annotator.store.history import ChangeSummary, History


class UndoHistory(QObject):
    canUndoChanged = Signal(bool)
    canRedoChanged = Signal(bool)
    undoTextChanged = Signal(str)
    redoTextChanged = Signal(str)

    def __init__(
        self,
        history: History,
        undo: Callable[[], object],
        redo: Callable[[], object],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._history = history
        self._undo, self._redo = undo, redo
        self._stacks: tuple[list[ChangeSummary], list[ChangeSummary]] = ([], [])
        self.refresh()

    def refresh(self) -> None:
        """Read the stacks again and tell the actions what changed."""
        before = (self.canUndo(), self.canRedo(), self.undoText(), self.redoText())
        self._stacks = self._history.stacks()
        after = (self.canUndo(), self.canRedo(), self.undoText(), self.redoText())
        signals = (self.canUndoChanged, self.canRedoChanged, self.undoTextChanged,
                   self.redoTextChanged)  # fmt: skip
        for signal, old, new in zip(signals, before, after, strict=True):
            if old != new:
                signal.emit(new)

    def count(self) -> int:
        """How many steps Undo can take back."""
        return len(self._stacks[0])

    def canUndo(self) -> bool:
        return bool(self._stacks[0])

    def canRedo(self) -> bool:
        return bool(self._stacks[1])

    def undoText(self) -> str:
        return self._stacks[0][-1].label if self._stacks[0] else ""

    def redoText(self) -> str:
        return self._stacks[1][-1].label if self._stacks[1] else ""

    def undo(self) -> None:
        self._undo()

    def redo(self) -> None:
        self._redo()
