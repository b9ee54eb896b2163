"""Which layer a foreign label goes to: ``PER`` in a CoNLL or doccano file is an actor mention.

NER-style files name their spans PER, ORG, LOC, MISC …; taken as layers of their own, none of
them would be actor mentions, and the actor exports (CoNLL, spaCy ``doc.ents``, actor tables,
networks) of imported data would be empty. A mapping sends a label to a layer of the scheme,
and for actor layers says what kind of actor its mentions name. The well-known person,
organisation, state and group labels map to actor mentions unless told otherwise; a project
remembers the mappings given on the command line for later imports.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.domain.actors import ActorKind
from annotator.domain.errors import UsageError


@dataclass(frozen=True, slots=True)
class LayerTarget:
    layer: str
    kind: ActorKind | None = None  # the kind of the actors an actor layer's mentions name

    def __str__(self) -> str:
        return f"{self.layer}:{self.kind.value}" if self.kind else self.layer


DEFAULT_LABELS: dict[str, LayerTarget] = {
    "per": LayerTarget("actor", ActorKind.PERSON),
    "person": LayerTarget("actor", ActorKind.PERSON),
    "org": LayerTarget("actor", ActorKind.ORGANISATION),
    "organization": LayerTarget("actor", ActorKind.ORGANISATION),
    "organisation": LayerTarget("actor", ActorKind.ORGANISATION),
    "gpe": LayerTarget("actor", ActorKind.STATE),
    "norp": LayerTarget("actor", ActorKind.GROUP),
}


def parse_target(text: str) -> LayerTarget:
    """``actor:person`` or ``quote`` as a target."""
    layer, _, kind = text.strip().partition(":")
    if not layer:
        raise UsageError(f"no layer in {text!r}; write LAYER or LAYER:KIND")
    if not kind:
        return LayerTarget(layer)
    try:
        return LayerTarget(layer, ActorKind(kind.strip().lower()))
    except ValueError:
        kinds = ", ".join(k.value for k in ActorKind)
        raise UsageError(f"unknown actor kind {kind!r} (one of {kinds})") from None


def parse_mapping(text: str) -> tuple[str, LayerTarget]:
    """``PER=actor:person`` as (label, target)."""
    label, equals, target = text.partition("=")
    if not equals or not label.strip():
        raise UsageError(f"bad mapping {text!r}; write LABEL=LAYER or LABEL=LAYER:KIND")
    return label.strip(), parse_target(target)


@dataclass(frozen=True, slots=True)
class LabelMap:
    """Mappings by label (ignoring case): given for this import, remembered, and defaults."""

    given: dict[str, LayerTarget]
    remembered: dict[str, LayerTarget]

    def target(self, label: str, *, is_layer: bool) -> LayerTarget | None:
        """Where spans labelled ``label`` go; ``is_layer`` when the scheme has such a layer,
        which only a mapping given for this import overrides."""
        key = label.casefold()
        if key in self.given:
            return self.given[key]
        if is_layer:
            return None
        return self.remembered.get(key) or DEFAULT_LABELS.get(key)


def mapping_dict(entries: dict[str, LayerTarget]) -> dict[str, str]:
    return {label: str(target) for label, target in entries.items()}


def mapping_from_dict(data: object) -> dict[str, LayerTarget]:
    if not isinstance(data, dict):
        return {}
    found: dict[str, LayerTarget] = {}
    for label, target in data.items():
        try:
            found[str(label).casefold()] = parse_target(str(target))
        except UsageError:
            continue
    return found
