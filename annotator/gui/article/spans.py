"""What the article view knows of a span: its offsets (code points) and how to draw it."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import NamedTuple, Protocol

from PySide6.QtGui import QColor


class SpanStyle(Enum):
    UNDERLINE = "underline"  # actor mentions, in their actor's colour
    TINT = "tint"  # quotes: a tinted background
    BRACKET = "bracket"  # claims: a bracket in the margin and a dotted underline
    SUGGESTED = "suggested"  # a suggestion of any layer: a dashed outline, no fill


class ViewSpan(NamedTuple):  # a tuple: cheap to make by the ten thousand
    id: int
    start: int  # code points of the stored text; converted to Qt's UTF-16 when painted
    end: int
    style: SpanStyle
    color: QColor


class Spanned(Protocol):
    """Anything with an id and code point offsets: an annotation, or a ViewSpan itself."""

    @property
    def id(self) -> int: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


#: Turns what the view was given into how it is drawn; called only for spans that are painted.
MakeSpan = Callable[[Spanned], ViewSpan]
