"""Colours: one per actor (stable across sessions), and a drawing style per layer."""

from __future__ import annotations

from PySide6.QtGui import QColor

from annotator.domain.annotations import Annotation
from annotator.domain.scheme import Scheme
from annotator.gui.article.spans import SpanStyle, ViewSpan

# A categorical palette that stays distinguishable on light and dark backgrounds.
_ACTOR_COLOURS = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
    "#8c564b", "#e377c2", "#bcbd22", "#7f7f7f", "#3949ab", "#00897b",
)  # fmt: skip


def actor_color(actor_id: int) -> QColor:
    return QColor(_ACTOR_COLOURS[(actor_id - 1) % len(_ACTOR_COLOURS)])


def layer_styles(scheme: Scheme) -> dict[str, SpanStyle]:
    """Actor layers are underlined; the other layers alternate between tint and bracket."""
    styles: dict[str, SpanStyle] = {}
    others = 0
    for layer in scheme.layers:
        if layer.refers_to_actor:
            styles[layer.name] = SpanStyle.UNDERLINE
        else:
            styles[layer.name] = SpanStyle.TINT if others % 2 == 0 else SpanStyle.BRACKET
            others += 1
    return styles


def view_span(annotation: Annotation, scheme: Scheme, styles: dict[str, SpanStyle]) -> ViewSpan:
    layer = scheme.layer(annotation.layer)
    if annotation.actor_id is not None:
        color = actor_color(annotation.actor_id)
    else:
        label = next((lab for lab in layer.labels if lab.name == annotation.label), None)
        color = QColor(label.color if label and label.color else layer.color)
    return ViewSpan(
        id=annotation.id,
        start=annotation.start,
        end=annotation.end,
        style=styles[annotation.layer],
        color=color,
    )
