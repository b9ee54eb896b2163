"""Reverting one edit-log entry through the services that wrote it.

Each entry holds what its row was before and after. Reverting it writes the "before" back
through the same service call an edit uses (so the same validation and the same log apply),
after checking that the row is still as the entry left it: what somebody changed since is never
overwritten silently (:class:`ConflictError` names who changed it and when).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from annotator.domain.actors import Actor, actor_draft
from annotator.domain.annotations import Annotation, Link, Origin, as_draft
from annotator.domain.documents import DocumentStatus
from annotator.domain.errors import ConflictError, NotFoundError, UsageError
from annotator.domain.scheme import scheme_from_dict
from annotator.domain.suggestions import Why
from annotator.store.actors import (
    ActorStore,
    actor_from_dict,
    deletion_from_dict,
    merge_from_dict,
    split_from_dict,
)
from annotator.store.annotations import AnnotationStore
from annotator.store.assignments import AssignmentStore
from annotator.store.document_deletion import DocumentDeletion
from annotator.store.documents import DocumentStore
from annotator.store.scheme_store import SchemeStore


class Entry:
    """One edit-log entry, as reverting and listing need it. ``before`` and ``after`` may be
    given as JSON text and are decoded when first read (a history of 10,000 entries lists
    without decoding them all)."""

    __slots__ = ("_after", "_before", "action", "change_id", "document_id", "entity", "entity_id",
                 "id")  # fmt: skip

    def __init__(
        self,
        id: int,
        change_id: int | None,
        action: str,
        entity: str,
        entity_id: int | None,
        document_id: int | None,
        before: dict[str, Any] | str | None,
        after: dict[str, Any] | str | None,
    ) -> None:
        self.id, self.change_id, self.action = id, change_id, action
        self.entity, self.entity_id, self.document_id = entity, entity_id, document_id
        self._before, self._after = before, after

    @property
    def before(self) -> dict[str, Any] | None:
        if isinstance(self._before, str):
            self._before = json.loads(self._before)
        return cast(dict[str, Any] | None, self._before)

    @property
    def after(self) -> dict[str, Any] | None:
        if isinstance(self._after, str):
            self._after = json.loads(self._after)
        return cast(dict[str, Any] | None, self._after)

    def __repr__(self) -> str:
        return f"Entry(#{self.id} {self.action} {self.entity} {self.entity_id})"


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Services:
    annotations: AnnotationStore
    actors: ActorStore
    documents: DocumentStore
    scheme: SchemeStore
    document_deletion: DocumentDeletion
    assignments: AssignmentStore


def annotation_from_dict(data: dict[str, Any]) -> Annotation:
    """An :class:`Annotation` from its edit-log form."""
    return Annotation(
        id=int(data["id"]),
        document_id=int(data["document_id"]),
        layer=str(data["layer"]),
        label=data.get("label"),
        start=int(data["start"]),
        end=int(data["end"]),
        text=str(data.get("text", "")),
        attributes=dict(data.get("attributes") or {}),
        actor_id=data.get("actor_id"),
        links=tuple(Link(**link) for link in data.get("links") or ()),
        annotator=str(data.get("annotator", "")),
        origin=Origin(data.get("origin", Origin.MANUAL.value)),
        version=int(data.get("version", 1)),
        suggestion=Why.from_dict(data.get("suggestion")),
    )


def revert(services: Services, entry: Entry) -> None:
    """Write back what ``entry`` changed; refuses when its row changed since."""
    if entry.entity == "annotation":
        _revert_annotation(services.annotations, entry)
    elif entry.entity == "actor":
        _revert_actor(services.actors, entry)
    elif entry.entity == "document" and entry.action == "update" and entry.before:
        _revert_status(services.documents, entry)
    elif entry.entity == "document" and entry.action == "delete" and entry.before:
        services.document_deletion.restore(entry.before)
    elif entry.entity == "document" and entry.action == "create" and entry.entity_id:
        services.document_deletion.delete(entry.entity_id)
    elif entry.entity == "assignment":
        _revert_assignment(services.assignments, entry)
    elif entry.entity == "scheme" and entry.before is not None:
        services.scheme.install(scheme_from_dict(entry.before))
    else:
        raise UsageError(f"an {entry.action} of {entry.entity} cannot be undone")


# -- spans ------------------------------------------------------------------------------------
def _revert_annotation(store: AnnotationStore, entry: Entry) -> None:
    if entry.action == "delete":
        assert entry.before is not None
        old = annotation_from_dict(entry.before)
        store.create(
            old.document_id, as_draft(old), annotation_id=old.id, annotator=old.annotator,
            rules=False,
        )  # fmt: skip
        return
    assert entry.after is not None
    left = annotation_from_dict(entry.after)
    current = _current_annotation(store, left)
    if entry.action == "create":
        store.delete(left.id, expected_version=current.version)
    elif entry.action == "update":
        assert entry.before is not None
        old = annotation_from_dict(entry.before)
        store.update(
            old.id, as_draft(old), expected_version=current.version, annotator=old.annotator
        )


def _current_annotation(store: AnnotationStore, left: Annotation) -> Annotation:
    """The span as stored now, if it is still as ``left`` (an entry's "after") left it."""
    return _unchanged(
        lambda: store.get(left.id), _span_content, left, _what(left),
        lambda: store.last_change("annotation", left.id),
    )  # fmt: skip


def _unchanged(
    read: Callable[[], T],
    content: Callable[[T], Any],
    left: T,
    what: str,
    who: Callable[[], str],
) -> T:
    """``read()``, refused with who changed it when it is gone or differs from ``left``."""
    try:
        current = read()
    except NotFoundError:
        raise ConflictError(f"{what} was deleted since ({who()})") from None
    if content(current) != content(left):
        raise ConflictError(f"{what} was changed since by {who()}")
    return current


def _span_content(span: Annotation) -> tuple[Any, ...]:
    links = sorted((link.type, link.actor_id or 0, link.annotation_id or 0) for link in span.links)
    return (
        span.layer, span.label, span.start, span.end, span.attributes, span.actor_id, links,
    )  # fmt: skip


def _what(span: Annotation) -> str:
    text = " ".join(span.text.split())
    return f"the {span.layer} “{text if len(text) <= 30 else text[:29] + '…'}”"


# -- actors -----------------------------------------------------------------------------------
def _revert_actor(store: ActorStore, entry: Entry) -> None:
    before, after = entry.before or {}, entry.after or {}
    action = entry.action
    if action == "create":
        store.delete(int(after["id"]), expected_version=_current_actor(store, after).version)
    elif action == "delete":
        store.restore(actor_from_dict(before))
    elif action == "update":
        current = _current_actor(store, after)
        draft = actor_draft(actor_from_dict(before))
        store.update(current.id, draft, expected_version=current.version)
    elif action == "merge":
        current = _current_actor(store, after)
        store.unmerge(merge_from_dict(before["merge"]), expected_version=current.version)
    elif action == "unmerge":
        merge = merge_from_dict(before["merge"])
        store.merge(merge.keep.id, merge.drop.id)
    elif action == "remove":
        store.unremove(deletion_from_dict(before["deletion"]))
    elif action == "unremove":
        store.remove(deletion_from_dict(after["deletion"]).actor.id)
    elif action == "split":
        store.unsplit(split_from_dict(after["split"]))
    elif action == "unsplit":
        split = split_from_dict(before["split"])
        store.split(
            split.source.id, list(split.mentions), actor_draft(split.made), made_id=split.made.id
        )
    else:
        raise UsageError(f"an actor {action} cannot be undone")


def _current_actor(store: ActorStore, left: dict[str, Any]) -> Actor:
    """The actor as stored now, if it is still as an entry's "after" left it."""
    wanted = actor_from_dict(left)
    return _unchanged(
        lambda: store.get(wanted.id), actor_draft, wanted, f"the actor {wanted.name}",
        lambda: store.last_change("actor", wanted.id),
    )  # fmt: skip


# -- documents --------------------------------------------------------------------------------
def _revert_status(store: DocumentStore, entry: Entry) -> None:
    assert entry.before is not None and entry.after is not None and entry.entity_id is not None
    document = store.get(entry.entity_id)
    if document.status.value != entry.after["status"]:
        raise ConflictError(
            f"document #{document.id} is marked {document.status.value} now, by "
            f"{store.last_change('document', document.id)}"
        )
    store.set_status(
        document.id, DocumentStatus(entry.before["status"]), expected_version=document.version
    )


# -- assignments ------------------------------------------------------------------------------
def _revert_assignment(store: AssignmentStore, entry: Entry) -> None:
    assert entry.document_id is not None
    data = entry.after or entry.before or {}
    annotator = str(data["annotator"])
    if entry.action == "create":
        store.unassign(entry.document_id, annotator)
    elif entry.action == "delete":
        store.assign([entry.document_id], [annotator])
        if entry.before and entry.before.get("status") != DocumentStatus.NEW.value:
            store.set_status(
                entry.document_id, DocumentStatus(entry.before["status"]), annotator=annotator
            )
    elif entry.action == "update" and entry.before and entry.after:
        current = next(
            (a for a in store.list(document_id=entry.document_id) if a.annotator == annotator),
            None,
        )
        if current is None or current.status.value != entry.after["status"]:
            raise ConflictError(
                f"{annotator}'s status on document #{entry.document_id} was changed since"
            )
        store.set_status(
            entry.document_id, DocumentStatus(entry.before["status"]), annotator=annotator,
            expected_version=current.version,
        )  # fmt: skip
