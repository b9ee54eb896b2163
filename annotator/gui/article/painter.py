"""Drawing the spans of the visible blocks. Work is proportional to what is on screen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QTextEdit

from annotator.domain.offsets import Utf16Index
from annotator.domain.span_index import SpanIndex
from annotator.gui.article.geometry import VisibleLines
from annotator.gui.article.spans import SpanStyle, ViewSpan

TINT_ALPHA = 48
FIND_COLOR = QColor(255, 200, 0, 110)
UNDERLINE_GAP = 3
BRACKET_LANE = 6
MARGIN = 40


@dataclass
class Scene:
    """The visible spans of one paint, each with its on-screen rectangles."""

    rects: dict[int, list[QRectF]] = field(default_factory=dict)
    spans: list[ViewSpan] = field(default_factory=list)
    find: list[QRectF] = field(default_factory=list)
    text_left: float = MARGIN  # x where lines start; brackets go to its left


def build_scene(
    edit: QTextEdit,
    index: SpanIndex,
    spans: Callable[[int], ViewSpan | None],
    utf16: Utf16Index,
    find_hits: list[tuple[int, int]],
) -> Scene:
    scene = Scene()
    lines = VisibleLines(edit)
    if not lines.lines:
        return scene
    scene.text_left = lines.text_left() or MARGIN
    first = utf16.to_codepoint(min(lines.first, utf16.utf16_length), snap="left")
    last = utf16.to_codepoint(min(lines.last + 1, utf16.utf16_length), snap="right")
    scene.spans = [
        made for key in index.overlapping(first, max(last, first + 1)) if (made := spans(key))
    ]
    for span in scene.spans:
        rects = lines.rects(utf16.to_utf16(span.start), utf16.to_utf16(span.end))
        if rects:
            scene.rects[span.id] = rects
    for start, end in find_hits:
        if end >= first and start <= last:
            scene.find.extend(lines.rects(utf16.to_utf16(start), utf16.to_utf16(end)))
    return scene


def paint_under_text(painter: QPainter, scene: Scene) -> None:
    """Backgrounds, drawn before the text so the text stays crisp."""
    for rect in scene.find:
        painter.fillRect(rect, FIND_COLOR)
    for span in scene.spans:
        if span.style is SpanStyle.TINT:
            tint = QColor(span.color)
            tint.setAlpha(TINT_ALPHA)
            for rect in scene.rects.get(span.id, ()):
                painter.fillRect(rect.adjusted(0, -1, 0, 1), tint)


def paint_over_text(painter: QPainter, scene: Scene, selected: int | None, focus: QColor) -> None:
    """Underlines, margin brackets and the outline of the selected span."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    if selected is not None and selected in scene.rects:
        # first, and below the underline lanes, so the mentions inside stay visible
        painter.setPen(QPen(focus, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in scene.rects[selected]:
            painter.drawRect(rect.adjusted(-2, -2, 2, 3 + 2 * UNDERLINE_GAP))
    for span in scene.spans:
        if span.style is SpanStyle.SUGGESTED and span.id in scene.rects:
            painter.setPen(QPen(focus if span.id == selected else span.color, 1,
                                Qt.PenStyle.DashLine))  # fmt: skip
            for rect in scene.rects[span.id]:
                painter.drawRect(rect.adjusted(-1, -1, 1, 1))
    mentions = [s for s in scene.spans if s.style is SpanStyle.UNDERLINE and s.id in scene.rects]
    for span in mentions:
        depth = sum(1 for other in mentions if _contains(other, span))
        pen = QPen(span.color, 2)
        painter.setPen(pen)
        for rect in scene.rects[span.id]:
            y = rect.bottom() + 1 + depth * UNDERLINE_GAP
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
    claims = sorted(
        (s for s in scene.spans if s.style is SpanStyle.BRACKET and s.id in scene.rects),
        key=lambda s: (s.start, -s.end),
    )
    lanes: list[int] = []  # end offset of the claim occupying each lane
    for span in claims:
        lane = next((i for i, end in enumerate(lanes) if end <= span.start), len(lanes))
        if lane == len(lanes):
            lanes.append(span.end)
        else:
            lanes[lane] = span.end
        x = scene.text_left - 10 - lane * BRACKET_LANE
        _bracket(painter, span, scene.rects[span.id], x, span.id == selected, focus)


def _bracket(
    painter: QPainter, span: ViewSpan, rects: list[QRectF], x: float, chosen: bool, focus: QColor
) -> None:
    color = focus if chosen else span.color
    dotted = QPen(color, 1, Qt.PenStyle.DotLine)
    painter.setPen(dotted)
    for rect in rects:
        y = rect.bottom() + 1 + 3 * UNDERLINE_GAP
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
    top = min(r.top() for r in rects)
    bottom = max(r.bottom() for r in rects)
    painter.setPen(QPen(color, 3 if chosen else 2))
    painter.drawLine(QPointF(x, top), QPointF(x, bottom))
    painter.drawLine(QPointF(x, top), QPointF(x + 4, top))
    painter.drawLine(QPointF(x, bottom), QPointF(x + 4, bottom))


def _contains(outer: ViewSpan, inner: ViewSpan) -> bool:
    """``outer`` strictly encloses ``inner`` (ties broken by id, so each pair counts once)."""
    if outer.id == inner.id:
        return False
    if outer.start <= inner.start and inner.end <= outer.end:
        same = (outer.start, outer.end) == (inner.start, inner.end)
        return not same or outer.id < inner.id
    return False
