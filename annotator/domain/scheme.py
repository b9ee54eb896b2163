"""The project scheme: which layers exist, their labels, colours, hotkeys and typed attributes.

An attribute of kind ``actor`` is a reference to an actor (a quote's speaker, a claim's claimant).
Its value is stored as a typed link from the annotation to that actor, so exports see a relation
rather than a string. Every other kind is a plain JSON value on the annotation.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from annotator.domain.errors import ValidationError

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")
# the actor attributes that say who made a statement (see Layer.statement_actor)
STATEMENT_ACTORS = ("speaker", "claimant")


class AttributeKind(StrEnum):
    CHOICE = "choice"
    TEXT = "text"
    NUMBER = "number"
    BOOLEAN = "boolean"
    ACTOR = "actor"


@dataclass(frozen=True, slots=True)
class AttributeSpec:
    name: str
    kind: AttributeKind
    title: str = ""
    choices: tuple[str, ...] = ()  # a choice's values; a text's vocabulary (offered first)
    required: bool = False  # flagged as incomplete when missing; never blocks a write
    default: Any = None
    closed: bool = False  # a text whose vocabulary is the only values allowed

    def check(self, value: Any) -> Any:
        """Return ``value`` if it fits this attribute, else raise ValidationError."""
        if value is None:
            return None
        ok = {
            AttributeKind.CHOICE: isinstance(value, str) and value in self.choices,
            AttributeKind.TEXT: isinstance(value, str)
            and (not self.closed or value in self.choices),
            AttributeKind.NUMBER: isinstance(value, int | float)
            and not isinstance(value, bool)
            and math.isfinite(value),
            AttributeKind.BOOLEAN: isinstance(value, bool),
            AttributeKind.ACTOR: isinstance(value, int) and not isinstance(value, bool),
        }[self.kind]
        if not ok:
            expected = (
                f"one of {', '.join(self.choices)}"
                if self.kind is AttributeKind.CHOICE or self.closed
                else f"a {self.kind.value} value"
            )
            raise ValidationError(f"attribute {self.name!r}: {value!r} is not {expected}")
        return value


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    color: str | None = None
    hotkey: str | None = None


@dataclass(frozen=True, slots=True)
class Layer:
    name: str
    title: str
    color: str
    hotkey: str | None = None
    refers_to_actor: bool = False  # each span names the actor it mentions
    labels: tuple[Label, ...] = ()
    attributes: tuple[AttributeSpec, ...] = ()

    def attribute(self, name: str) -> AttributeSpec:
        for spec in self.attributes:
            if spec.name == name:
                return spec
        known = ", ".join(a.name for a in self.attributes) or "none"
        raise ValidationError(f"layer {self.name!r} has no attribute {name!r} (known: {known})")

    @property
    def actor_attributes(self) -> tuple[AttributeSpec, ...]:
        return tuple(a for a in self.attributes if a.kind is AttributeKind.ACTOR)

    @property
    def statement_actor(self) -> str | None:
        """The actor attribute that says who made the layer's statements ("speaker" of a
        quote, "claimant" of a claim); None for a layer whose spans are not statements. The
        one rule for the statement browser, charts and networks."""
        return next((a.name for a in self.actor_attributes if a.name in STATEMENT_ACTORS), None)

    def check_label(self, label: str | None) -> None:
        if label is None or not self.labels:
            if label is not None:
                raise ValidationError(f"layer {self.name!r} has no labels, got {label!r}")
            return
        if label not in {lab.name for lab in self.labels}:
            names = ", ".join(lab.name for lab in self.labels)
            raise ValidationError(f"layer {self.name!r} has no label {label!r} (one of {names})")

    def check_values(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Validate the plain (non-actor) attribute values of one span; drops ``None`` values."""
        clean: dict[str, Any] = {}
        for name, value in values.items():
            spec = self.attribute(name)
            if spec.kind is AttributeKind.ACTOR:
                raise ValidationError(
                    f"attribute {name!r} refers to an actor; give it as a link, not a value"
                )
            if spec.check(value) is not None:
                clean[name] = value
        return clean


@dataclass(frozen=True, slots=True)
class Scheme:
    name: str
    layers: tuple[Layer, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        names = [layer.name for layer in self.layers]
        if len(set(names)) != len(names):
            raise ValidationError("layer names must be unique")
        keys = [k.upper() for k in self.hotkeys()]
        if len(set(keys)) != len(keys):
            raise ValidationError("two layers or labels share a hotkey")

    def layer(self, name: str) -> Layer:
        for layer in self.layers:
            if layer.name == name:
                return layer
        known = ", ".join(layer.name for layer in self.layers)
        raise ValidationError(f"no layer {name!r} in the scheme (known: {known})")

    def hotkeys(self) -> list[str]:
        keys = [layer.hotkey for layer in self.layers if layer.hotkey]
        keys += [lab.hotkey for layer in self.layers for lab in layer.labels if lab.hotkey]
        return keys


def scheme_from_dict(data: Mapping[str, Any]) -> Scheme:
    """Build a scheme from its YAML/JSON form (see resources/default_scheme.yaml)."""
    try:
        layers = tuple(_layer_from_dict(item) for item in data.get("layers", []))
        return Scheme(name=str(data.get("name", "Scheme")), layers=layers)
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, ValidationError):
            raise
        raise ValidationError(f"malformed scheme: {exc}") from exc


def scheme_to_dict(scheme: Scheme) -> dict[str, Any]:
    """The inverse of :func:`scheme_from_dict`, omitting empty fields."""

    def attr(spec: AttributeSpec) -> dict[str, Any]:
        out: dict[str, Any] = {"name": spec.name, "kind": spec.kind.value}
        if spec.title:
            out["title"] = spec.title
        if spec.choices:
            out["choices"] = list(spec.choices)
        if spec.closed:
            out["closed"] = True
        if spec.required:
            out["required"] = True
        if spec.default is not None:
            out["default"] = spec.default
        return out

    def layer(item: Layer) -> dict[str, Any]:
        out: dict[str, Any] = {"name": item.name, "title": item.title, "color": item.color}
        if item.hotkey:
            out["hotkey"] = item.hotkey
        if item.refers_to_actor:
            out["refers_to_actor"] = True
        if item.labels:
            out["labels"] = [
                {
                    k: v
                    for k, v in (("name", lab.name), ("color", lab.color), ("hotkey", lab.hotkey))
                    if v
                }
                for lab in item.labels
            ]
        if item.attributes:
            out["attributes"] = [attr(a) for a in item.attributes]
        return out

    return {"name": scheme.name, "layers": [layer(item) for item in scheme.layers]}


def _layer_from_dict(data: Mapping[str, Any]) -> Layer:
    name = _checked_name(data["name"], "layer")
    color = str(data.get("color", "#888888"))
    if not _COLOUR.match(color):
        raise ValidationError(f"layer {name!r}: colour {color!r} is not #rrggbb")
    labels = tuple(
        Label(name=str(lab["name"]), color=lab.get("color"), hotkey=lab.get("hotkey"))
        for lab in data.get("labels", [])
    )
    attributes = tuple(_attribute_from_dict(a, name) for a in data.get("attributes", []))
    if len({a.name for a in attributes}) != len(attributes):
        raise ValidationError(f"layer {name!r}: attribute names must be unique")
    return Layer(
        name=name,
        title=str(data.get("title") or name.capitalize()),
        color=color,
        hotkey=data.get("hotkey"),
        refers_to_actor=bool(data.get("refers_to_actor", False)),
        labels=labels,
        attributes=attributes,
    )


def _attribute_from_dict(data: Mapping[str, Any], layer: str) -> AttributeSpec:
    name = _checked_name(data["name"], f"attribute of layer {layer!r}")
    try:
        kind = AttributeKind(data.get("kind", "text"))
    except ValueError:
        kinds = ", ".join(k.value for k in AttributeKind)
        raise ValidationError(
            f"layer {layer!r}, attribute {name!r}: kind must be one of {kinds}"
        ) from None
    choices = tuple(str(c) for c in data.get("choices", []))
    if kind is AttributeKind.CHOICE and not choices:
        raise ValidationError(f"layer {layer!r}, attribute {name!r}: a choice needs choices")
    closed = bool(data.get("closed", False))
    if closed and (kind is not AttributeKind.TEXT or not choices):
        raise ValidationError(
            f"layer {layer!r}, attribute {name!r}: only a text attribute with choices (its "
            "vocabulary) can be closed"
        )
    spec = AttributeSpec(
        name=name,
        kind=kind,
        title=str(data.get("title") or ""),
        choices=choices,
        required=bool(data.get("required", False)),
        default=data.get("default"),
        closed=closed,
    )
    spec.check(spec.default)
    return spec


def _checked_name(value: Any, what: str) -> str:
    name = str(value)
    if not _NAME.match(name):
        raise ValidationError(f"{what} name {name!r}: use letters, digits, '_' or '-'")
    return name
