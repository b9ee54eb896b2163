"""The rules of editing a span that the workbench applies: moving it to another layer, linking
it to an actor, setting a value. Plain functions from a span to the draft that is saved, so the
same rules hold wherever an edit comes from."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from annotator.domain.annotations import Annotation, AnnotationDraft, LinkDraft, as_draft
from annotator.domain.errors import AnnotatorError
from annotator.domain.scheme import AttributeKind, Layer


def moved_to_layer(annotation: Annotation, old: Layer, new: Layer) -> AnnotationDraft:
    """The span on layer ``new``, keeping every attribute value the new layer accepts.

    The first actor attribute carries over to the new layer's first (a quote's speaker becomes
    a claim's claimant) when the new layer has no attribute of the old name; the mention's own
    actor stays only on a layer whose spans name actors; the label goes (labels are a layer's).
    """
    kept: dict[str, Any] = {}
    for key, value in annotation.attributes.items():
        spec = next((a for a in new.attributes if a.name == key), None)
        if spec is not None and spec.kind is not AttributeKind.ACTOR:
            try:
                kept[key] = spec.check(value)
            except AnnotatorError:
                continue
    targets = [spec.name for spec in new.actor_attributes]
    links: list[LinkDraft] = []
    for link in annotation.links:
        if link.actor_id is None:
            continue
        kind = link.type
        first_of_old = bool(old.actor_attributes) and old.actor_attributes[0].name == kind
        if kind not in targets and first_of_old and targets:
            kind = targets[0]
        if kind in targets and kind not in {x.type for x in links}:
            links.append(LinkDraft(kind, actor_id=link.actor_id))
    actor = annotation.actor_id if new.refers_to_actor else None
    return replace(
        as_draft(annotation), layer=new.name, attributes=kept, links=tuple(links),
        actor_id=actor, label=None,
    )  # fmt: skip


def with_actor(annotation: Annotation, attribute: str, actor_id: int | None) -> AnnotationDraft:
    """The span linked to ``actor_id`` through ``attribute`` (a speaker, a claimant), or as
    the actor it names when ``attribute`` is empty; ``None`` unlinks."""
    draft = as_draft(annotation)
    if attribute == "":
        return replace(draft, actor_id=actor_id)
    others = tuple(link for link in draft.links if link.type != attribute)
    new = (LinkDraft(attribute, actor_id=actor_id),) if actor_id is not None else ()
    return replace(draft, links=others + new)


def with_value(annotation: Annotation, name: str, value: Any) -> AnnotationDraft:
    """The span with attribute ``name`` set to ``value`` (``None`` removes it)."""
    attributes = dict(annotation.attributes)
    if value is None:
        attributes.pop(name, None)
    else:
        attributes[name] = value
    return replace(as_draft(annotation), attributes=attributes)
