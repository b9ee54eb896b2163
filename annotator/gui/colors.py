"""Colours: one per actor (stable across sessions), and a drawing style per layer."""

from __future__ import annotations

from typing import cast

from PySide6.QtGui import QColor

from annotator.domain.annotations import Annotation, Origin
from annotator.domain.scheme import Scheme
from annotator.gui.article.spans import Spanned, SpanStyle, ViewSpan

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


class SpanMaker:
    """Turns annotations into view spans, with colours looked up once per layer and actor."""

    def __init__(self, scheme: Scheme) -> None:
        self._styles = layer_styles(scheme)
        self._layers = {layer.name: layer for layer in scheme.layers}
        self._colours: dict[tuple[str, str | None], QColor] = {}
        self._actors: dict[int, QColor] = {}

    def __call__(self, span: Spanned) -> ViewSpan:
        annotation = cast(Annotation, span)  # the workbench gives the view its annotations
        actor_id = annotation.actor_id
        if actor_id is not None:
            color = self._actors.get(actor_id)
            if color is None:
                color = self._actors[actor_id] = actor_color(actor_id)
        else:
            key = (annotation.layer, annotation.label)
            color = self._colours.get(key)
            if color is None:
                color = self._colours[key] = self._layer_color(*key)
        style = (
            SpanStyle.SUGGESTED
            if annotation.origin is Origin.SUGGESTED
            else self._styles[annotation.layer]
        )
        return ViewSpan(annotation.id, annotation.start, annotation.end, style, color)

    def _layer_color(self, layer_name: str, label_name: str | None) -> QColor:
        layer = self._layers[layer_name]
        label = next((lab for lab in layer.labels if lab.name == label_name), None)
        return QColor(label.color if label and label.color else layer.color)
