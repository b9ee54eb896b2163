"""ArticleView: the stored text as readable prose, with every layer painted over it.

Offsets enter and leave this widget as code points of the stored text; Qt's UTF-16 positions
are converted here and nowhere else (``Utf16Index``). Spans live in a ``SpanIndex`` so a paint
only looks at the spans of the visible blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from annotator.domain.offsets import Utf16Index
from annotator.domain.span_index import SpanIndex
from annotator.domain.words import name_at, snap_to_words
from annotator.gui.article.painter import (
    MARGIN,
    build_scene,
    paint_over_text,
    paint_under_text,
)
from annotator.gui.article.spans import MakeSpan, Spanned, ViewSpan

LINE_HEIGHT_PERCENT = 155
READING_WIDTH = 820  # pixels of text per line at 100 % zoom; wider windows get side margins


class ArticleView(QTextEdit):
    """Read-only prose with spans. Emits ``spanClicked`` when a click picks a span."""

    spanClicked = Signal(int)
    spanDoubleClicked = Signal(int)
    emptyClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setMouseTracking(True)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        font = QFont()
        font.setFamilies(["Noto Serif", "Georgia", "DejaVu Serif", "Times New Roman", "serif"])
        font.setPointSizeF(12.5)
        self.setFont(font)
        self._text = ""
        self._utf16 = Utf16Index("")
        self._index = SpanIndex()
        self._sources: dict[int, Spanned] = {}
        self._made: dict[int, ViewSpan] = {}  # drawing details, made when first painted
        self._selected: int | None = None
        self._find_hits: list[tuple[int, int]] = []
        self._press: QPoint | None = None
        self._last_click: tuple[int, list[int]] | None = None
        self.snap_to_words = True
        self.make_span: MakeSpan = _as_view_span
        self.tooltip_for: Callable[[int], str] = lambda span_id: ""
        self.spans_painted = 0

    # -- content ---------------------------------------------------------------------------
    def set_document(self, text: str, spans: Iterable[Spanned]) -> None:
        """Show ``text`` (never edited) with ``spans``; replaces whatever was shown.

        Only the offsets are read now; colours and styles are asked of :attr:`make_span` when
        a span is first painted, so opening a document with 10,000 spans does not style them.
        """
        self._text = text
        self._utf16 = Utf16Index(text)
        self._selected = None
        self._find_hits = []
        self._last_click = None
        self._index.clear()
        self._sources = {span.id: span for span in spans}
        self._made = {}
        self._index.add_many((span.id, span.start, span.end) for span in self._sources.values())
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)  # the text is never edited; recording 1 MB costs
        document.setDefaultFont(self.font())
        cursor = QTextCursor(document)
        block = QTextBlockFormat()
        block.setLineHeight(LINE_HEIGHT_PERCENT, 1)  # 1 = QTextBlockFormat.ProportionalHeight
        block.setLeftMargin(MARGIN)
        block.setRightMargin(MARGIN / 2)
        cursor.setBlockFormat(block)
        cursor.insertText(text)
        self.setDocument(document)  # deletes the previous document, which this view owned
        self._fit_width()

    def add_span(self, span: Spanned) -> None:
        """Show ``span``, or show it anew (new offsets, new actor colour)."""
        self._sources[span.id] = span
        self._made.pop(span.id, None)
        self._index.add(span.id, span.start, span.end)
        self.viewport().update()

    def remove_span(self, span_id: int) -> None:
        if span_id in self._sources:
            del self._sources[span_id]
            self._made.pop(span_id, None)
            self._index.remove(span_id)
            if self._selected == span_id:
                self._selected = None
            self.viewport().update()

    def span(self, span_id: int) -> ViewSpan | None:
        """How span ``span_id`` is drawn (made on first use)."""
        made = self._made.get(span_id)
        if made is None and span_id in self._sources:
            made = self._made[span_id] = self.make_span(self._sources[span_id])
        return made

    def restyle(self) -> None:
        """Colours or styles changed (actors merged, scheme edited): make them again."""
        self._made.clear()
        self.viewport().update()

    def span_count(self) -> int:
        return len(self._sources)

    @property
    def text(self) -> str:
        return self._text

    # -- selection of spans and of text ----------------------------------------------------
    @property
    def selected_span(self) -> int | None:
        return self._selected

    def select_span(self, span_id: int | None, *, reveal: bool = True) -> None:
        self._selected = span_id if span_id in self._sources else None
        if self._selected is not None and reveal:
            span = self._sources[self._selected]
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._utf16.to_utf16(span.end))
            self.setTextCursor(cursor)
            cursor.setPosition(self._utf16.to_utf16(span.start))
            self.setTextCursor(cursor)
            self.centre_on(span.start)
        self.viewport().update()

    def centre_on(self, offset: int) -> None:
        """Scroll so that the line holding code point ``offset`` is in the middle of the view
        (a find hit or a span jumped to is never left at the bottom edge)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._utf16.to_utf16(min(offset, len(self._text))))
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

    def spans_at(self, offset: int) -> list[int]:
        """Ids of the spans covering the character at ``offset``, innermost first."""
        found = self._index.overlapping(offset, offset + 1)
        ranges = self._index.range
        return sorted(found, key=lambda i: (ranges(i)[1] - ranges(i)[0], i))

    def caret(self) -> int:
        """Where the caret is, in code points."""
        return self._utf16.to_codepoint(self.textCursor().position(), snap="left")

    def text_selection(self) -> tuple[int, int] | None:
        """The selected text as code points, snapped to words if that is switched on."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._snapped(cursor)

    def selection_or_name(self) -> tuple[int, int] | None:
        """The selected text, or without a selection the word or name at the caret (so a
        name is tagged with one key, no selecting)."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            return self._snapped(cursor)
        return name_at(self._text, self._utf16.to_codepoint(cursor.position(), snap="left"))

    def _snapped(self, cursor: QTextCursor) -> tuple[int, int] | None:
        start = self._utf16.to_codepoint(cursor.selectionStart(), snap="left")
        end = self._utf16.to_codepoint(cursor.selectionEnd(), snap="right")
        if self.snap_to_words:
            start, end = snap_to_words(self._text, start, end)
        return (start, end) if start < end else None

    def select_text(self, start: int, end: int) -> None:
        """Select the code points ``[start, end)`` as if the user had dragged over them."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._utf16.to_utf16(start))
        cursor.setPosition(self._utf16.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def clear_text_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def set_find_hits(self, hits: list[tuple[int, int]]) -> None:
        self._find_hits = hits
        self.viewport().update()

    def offset_at(self, point: QPoint) -> int | None:
        """Code point offset of the character under ``point`` (viewport coordinates)."""
        scroll = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        hit = self.document().documentLayout().hitTest(point + scroll, Qt.HitTestAccuracy.ExactHit)
        if hit < 0 or hit >= self._utf16.utf16_length:
            return None
        return self._utf16.to_codepoint(hit, snap="left")

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        scene = build_scene(self, self._index, self.span, self._utf16, self._find_hits)
        self.spans_painted = len(scene.rects)  # what the last paint drew (tests, benchmarks)
        painter = QPainter(self.viewport())
        paint_under_text(painter, scene)
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        focus = self.palette().color(QPalette.ColorRole.Highlight)
        paint_over_text(painter, scene, self._selected, focus)
        painter.end()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit_width()

    def _fit_width(self) -> None:
        """Keep lines at a readable length: centre the text column in wide windows."""
        spare = self.viewport().width() - int(READING_WIDTH * self.font().pointSizeF() / 12.5)
        margin = max(spare // 2, 0)
        if self.document() is not None:
            self.document().setDocumentMargin(8)
            self.setViewportMargins(0, 0, 0, 0)
            frame = self.document().rootFrame().frameFormat()
            if frame.leftMargin() != margin:
                frame.setLeftMargin(margin)
                frame.setRightMargin(margin)
                self.document().rootFrame().setFrameFormat(frame)

    # -- mouse -----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        dragged = self._press is not None and (point - self._press).manhattanLength() > 3
        if event.button() != Qt.MouseButton.LeftButton or dragged:
            return
        if self.textCursor().hasSelection():
            return
        offset = self.offset_at(point)
        stacked = self.spans_at(offset) if offset is not None else []
        if not stacked:
            self._last_click = None
            self.emptyClicked.emit()
            return
        chosen = stacked[0]
        if self._last_click is not None and self._last_click[1] == stacked:
            previous = self._selected
            if previous in stacked:
                chosen = stacked[(stacked.index(previous) + 1) % len(stacked)]
        self._last_click = (offset or 0, stacked)
        self.select_span(chosen, reveal=False)
        self.spanClicked.emit(chosen)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        offset = self.offset_at(event.position().toPoint())
        stacked = self.spans_at(offset) if offset is not None else []
        if stacked and self._selected in stacked:
            self.spanDoubleClicked.emit(self._selected)
            return
        super().mouseDoubleClickEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            offset = self.offset_at(self.viewport().mapFromGlobal(event.globalPos()))
            stacked = self.spans_at(offset) if offset is not None else []
            tips = [tip for tip in (self.tooltip_for(span_id) for span_id in stacked) if tip]
            if tips:
                QToolTip.showText(event.globalPos(), "<hr>".join(tips), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


def _as_view_span(span: Spanned) -> ViewSpan:
    if isinstance(span, ViewSpan):
        return span
    raise TypeError("set ArticleView.make_span to draw spans that are not ViewSpans")
