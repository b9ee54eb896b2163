"""Where text is on screen in a QTextEdit: blocks in view, and rectangles of a range per line."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPoint, QPointF, QRectF
from PySide6.QtGui import QTextBlock, QTextLine
from PySide6.QtWidgets import QTextEdit


def visible_blocks(edit: QTextEdit) -> Iterator[tuple[QTextBlock, QPointF]]:
    """Each block in the viewport with the viewport position of its layout's origin."""
    document = edit.document()
    layout = document.documentLayout()
    scroll = QPointF(edit.horizontalScrollBar().value(), edit.verticalScrollBar().value())
    height = edit.viewport().height()
    block = edit.cursorForPosition(QPoint(0, 0)).block()
    while block.isValid():
        rect = layout.blockBoundingRect(block)  # also makes Qt lay the block out
        top = rect.top() - scroll.y()
        if top > height:
            break
        if rect.bottom() - scroll.y() >= 0:
            yield block, block.layout().position() - scroll
        block = block.next()


def line_rects(block: QTextBlock, origin: QPointF, start: int, end: int) -> list[QRectF]:
    """Rectangles (viewport coordinates) of ``[start, end)`` — UTF-16 positions — in ``block``."""
    layout = block.layout()
    base = block.position()
    local_start = max(start - base, 0)
    local_end = min(end - base, block.length() - 1)
    rects: list[QRectF] = []
    if local_end <= local_start:
        return rects
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        line_start = line.textStart()
        line_end = line_start + line.textLength()
        if line_end <= local_start or line_start >= local_end:
            continue
        rects.append(_rect(line, origin, max(local_start, line_start), min(local_end, line_end)))
    return rects


def _rect(line: QTextLine, origin: QPointF, start: int, end: int) -> QRectF:
    x1 = _x(line, start)
    x2 = _x(line, end)
    left, right = sorted((x1, x2))
    return QRectF(origin.x() + left, origin.y() + line.y(), right - left, line.height())


def _x(line: QTextLine, position: int) -> float:
    found = line.cursorToX(position)
    return float(found[0] if isinstance(found, tuple) else found)
