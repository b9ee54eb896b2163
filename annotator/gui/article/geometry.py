"""Where text is on screen in a QTextEdit: the lines in view, and rectangles of a range.

A paint collects the visible lines once (document positions in UTF-16 units, sorted); each
span then finds its lines by binary search, so the cost grows with what is on screen only.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRectF
from PySide6.QtGui import QAbstractTextDocumentLayout, QTextBlock, QTextLine
from PySide6.QtWidgets import QTextEdit


@dataclass(frozen=True, slots=True)
class VisibleLine:
    start: int  # document position (UTF-16) of the line's first character
    end: int  # one past its last character
    block_start: int
    line: QTextLine
    origin: QPointF  # viewport position of the block layout's origin


class VisibleLines:
    """The laid-out lines in the viewport, in document order."""

    def __init__(self, edit: QTextEdit) -> None:
        self.lines: list[VisibleLine] = []
        document = edit.document()
        layout = document.documentLayout()
        scroll = QPointF(edit.horizontalScrollBar().value(), edit.verticalScrollBar().value())
        height = edit.viewport().height()
        block = _first_visible_block(edit, layout, scroll.y())
        while block.isValid():
            rect = layout.blockBoundingRect(block)  # also makes Qt lay the block out
            if rect.top() - scroll.y() > height:
                break
            if rect.bottom() - scroll.y() >= 0:
                text_layout = block.layout()
                origin = text_layout.position() - scroll
                base = block.position()
                for number in range(text_layout.lineCount()):
                    line = text_layout.lineAt(number)
                    start = base + line.textStart()
                    self.lines.append(
                        VisibleLine(start, start + line.textLength(), base, line, origin)
                    )
            block = block.next()
        self._starts = [line.start for line in self.lines]
        self._ends = [line.end for line in self.lines]

    @property
    def first(self) -> int:
        return self.lines[0].start if self.lines else 0

    @property
    def last(self) -> int:
        return self.lines[-1].end if self.lines else 0

    def rects(self, start: int, end: int) -> list[QRectF]:
        """Rectangles (viewport coordinates) of the UTF-16 range ``[start, end)``."""
        low = bisect_right(self._ends, start)
        high = bisect_left(self._starts, end)
        rects: list[QRectF] = []
        for visible in self.lines[low:high]:
            line = visible.line
            if start <= visible.start and end >= visible.end:  # the whole line: no lookups
                natural = line.naturalTextRect()  # already placed for alignment and RTL
                x1, x2 = natural.left(), natural.right()
            else:
                left = max(start, visible.start) - visible.block_start
                right = min(end, visible.end) - visible.block_start
                if right <= left:
                    continue
                x1, x2 = sorted((_x(line, left), _x(line, right)))
            rects.append(
                QRectF(
                    visible.origin.x() + x1, visible.origin.y() + line.y(), x2 - x1, line.height()
                )
            )
        return rects

    def text_left(self) -> float | None:
        if not self.lines:
            return None
        first = self.lines[0]
        return first.origin.x() + first.line.x()


def _first_visible_block(
    edit: QTextEdit, layout: QAbstractTextDocumentLayout, top: float
) -> QTextBlock:
    """The block at the top of the viewport. Qt's hit test answers from the layout as far as
    it has got; before a big document is laid out (its first paint) it names a block far
    below, so step back until the block starts at or above the top. Asking a block's rectangle
    makes Qt lay the document out up to it."""
    block = edit.cursorForPosition(QPoint(0, 0)).block()
    while block.isValid() and block.previous().isValid():
        if layout.blockBoundingRect(block).top() <= top:
            break
        block = block.previous()
    return block


def _x(line: QTextLine, position: int) -> float:
    found: Any = line.cursorToX(position)  # a (x, position) pair in some PySide6 versions
    return float(found[0] if isinstance(found, tuple) else found)
