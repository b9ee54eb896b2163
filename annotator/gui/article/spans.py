"""What the article view knows of a span: its offsets (code points) and how to draw it."""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from PySide6.QtGui import QColor


class SpanStyle(Enum):
    UNDERLINE = "underline"  # actor mentions, in their actor's colour
    TINT = "tint"  # quotes: a tinted background
    BRACKET = "bracket"  # claims: a bracket in the margin and a dotted underline


class ViewSpan(NamedTuple):  # a tuple: cheap to make by the ten thousand
    id: int
    start: int  # code points of the stored text; converted to Qt's UTF-16 when painted
    end: int
    style: SpanStyle
    color: QColor
