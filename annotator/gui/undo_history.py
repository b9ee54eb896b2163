"""The Edit menu's view of the core's undo history (:class:`annotator.store.history.History`).

It holds no commands of its own: Undo and Redo are core steps on the edit log, so they work the
same after a restart and from the command line. This object only says what Undo and Redo would
do next, with the signals ``QUndoStack`` offers, refreshed after every write the window sees.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from annotator.store.history import ChangeSummary, History, Stacks


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
        self._read: Stacks | None = None
        self.refresh()

    def refresh(self) -> None:
        """Read the stacks again and tell the actions what changed."""
        before = (self.canUndo(), self.canRedo(), self.undoText(), self.redoText())
        self._read = self._history.read_stacks(self._read)
        after = (self.canUndo(), self.canRedo(), self.undoText(), self.redoText())
        signals = (self.canUndoChanged, self.canRedoChanged, self.undoTextChanged,
                   self.redoTextChanged)  # fmt: skip
        for signal, old, new in zip(signals, before, after, strict=True):
            if old != new:
                signal.emit(new)

    @property
    def _undo_steps(self) -> list[ChangeSummary]:
        return self._read.undo if self._read is not None else []

    @property
    def _redo_steps(self) -> list[ChangeSummary]:
        return self._read.redo if self._read is not None else []

    def count(self) -> int:
        """How many steps Undo can take back."""
        return len(self._undo_steps)

    def canUndo(self) -> bool:
        return bool(self._undo_steps)

    def canRedo(self) -> bool:
        return bool(self._redo_steps)

    def undoText(self) -> str:
        return self._undo_steps[-1].label if self._undo_steps else ""

    def redoText(self) -> str:
        return self._redo_steps[-1].label if self._redo_steps else ""

    def undo(self) -> None:
        self._undo()

    def redo(self) -> None:
        self._redo()
