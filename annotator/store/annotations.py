"""Spans and their links. Each call is one transaction and one entry in the edit log."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from annotator.domain.annotations import (
    Annotation,
    AnnotationDraft,
    Link,
    LinkDraft,
    Origin,
    check_span,
)
from annotator.domain.errors import NotFoundError, ValidationError
from annotator.domain.scheme import AttributeKind, Layer
from annotator.store.database import Database
from annotator.store.edit_log import Action
from annotator.store.models import (
    ActorRow,
    AnnotationRow,
    AnnotatorRow,
    DocumentRow,
    LabelRow,
    LayerRow,
    LinkRow,
)
from annotator.store.scheme_store import SchemeStore
from annotator.store.service import Service


class AnnotationStore(Service):
    def __init__(self, db: Database, scheme: SchemeStore, annotator: str) -> None:
        super().__init__(db, annotator)
        self._scheme = scheme

    def create(
        self, document_id: int, draft: AnnotationDraft, *, annotation_id: int | None = None
    ) -> Annotation:
        """Validate ``draft`` against the text and the scheme, store it, return it with its id.

        ``annotation_id`` re-creates a deleted span under its old id (undo of a deletion).
        """
        attributes = self._validated(draft)
        with self._guard(), self._db.write() as session:
            covered = _covered_text(session, document_id, draft.start, draft.end)
            who = self._who(session)
            row = AnnotationRow(document_id=document_id, annotator_id=who)
            if annotation_id is not None:
                row.id = annotation_id
            _fill(session, row, draft, covered, attributes)
            session.add(row)
            session.flush()
            _replace_links(session, row.id, draft.links, who)
            annotation = _load(session, row.id)
            self._log(
                session,
                Action.CREATE,
                "annotation",
                row.id,
                document_id=document_id,
                after=serialise(annotation),
            )
            return annotation

    def update(self, annotation_id: int, draft: AnnotationDraft) -> Annotation:
        """Replace a span's layer, offsets, label, attributes, actor and links with ``draft``."""
        attributes = self._validated(draft)
        with self._guard(), self._db.write() as session:
            before = _load(session, annotation_id)
            row = session.get(AnnotationRow, annotation_id)
            assert row is not None
            covered = _covered_text(session, row.document_id, draft.start, draft.end)
            who = self._who(session)
            _fill(session, row, draft, covered, attributes)
            row.annotator_id = who
            session.flush()
            _replace_links(session, row.id, draft.links, who)
            after = _load(session, annotation_id)
            self._log(
                session,
                Action.UPDATE,
                "annotation",
                annotation_id,
                document_id=row.document_id,
                before=serialise(before),
                after=serialise(after),
            )
            return after

    def get(self, annotation_id: int) -> Annotation:
        with self._db.read() as session:
            return _load(session, annotation_id)

    def _validated(self, draft: AnnotationDraft) -> dict[str, Any]:
        layer = self._scheme.load().layer(draft.layer)
        layer.check_label(draft.label)
        attributes = layer.check_values(draft.attributes)
        _check_links(layer, draft)
        return attributes

    @staticmethod
    @contextmanager
    def _guard() -> Iterator[None]:
        try:
            yield
        except IntegrityError as exc:
            raise ValidationError(
                "the annotation refers to an actor or annotation that does not exist, "
                "or its id is taken"
            ) from exc

    def delete(self, annotation_id: int) -> Annotation:
        """Remove a span with its links; returns what was removed (for undo)."""
        with self._db.write() as session:
            annotation = _load(session, annotation_id)
            session.execute(delete(AnnotationRow).where(AnnotationRow.id == annotation_id))
            self._log(
                session,
                Action.DELETE,
                "annotation",
                annotation_id,
                document_id=annotation.document_id,
                before=serialise(annotation),
            )
            return annotation

    def for_document(self, document_id: int) -> list[Annotation]:
        """Every span of one document, ordered by position, with its links."""
        with self._db.read() as session:
            ids = session.scalars(
                select(AnnotationRow.id)
                .where(AnnotationRow.document_id == document_id)
                .order_by(AnnotationRow.start, AnnotationRow.end.desc(), AnnotationRow.id)
            ).all()
            return _load_many(session, list(ids))

    def count(self) -> int:
        with self._db.read() as session:
            return session.scalar(select(func.count()).select_from(AnnotationRow)) or 0


def serialise(annotation: Annotation) -> dict[str, Any]:
    """A JSON-ready form of an annotation, used by the edit log."""
    data = asdict(annotation)
    data["created_at"] = annotation.created_at.isoformat()
    data["updated_at"] = annotation.updated_at.isoformat()
    return data


def _check_links(layer: Layer, draft: AnnotationDraft) -> None:
    if draft.actor_id is not None and not layer.refers_to_actor:
        raise ValidationError(f"spans of layer {layer.name!r} do not refer to an actor")
    for link in draft.links:
        if link.actor_id is not None:
            spec = layer.attribute(link.type)
            if spec.kind is not AttributeKind.ACTOR:
                raise ValidationError(f"attribute {link.type!r} does not refer to an actor")


def _covered_text(session: Session, document_id: int, start: int, end: int) -> str:
    """The text under ``start:end``, read without loading the whole article."""
    found = session.execute(
        select(
            DocumentRow.chars, func.substr(DocumentRow.text, start + 1, max(end - start, 0))
        ).where(DocumentRow.id == document_id)
    ).first()
    if found is None:
        raise NotFoundError(f"no document with id {document_id}")
    chars, covered = found
    check_span(chars, start, end)
    return str(covered)


def _fill(
    session: Session,
    row: AnnotationRow,
    draft: AnnotationDraft,
    covered: str,
    attributes: dict[str, Any],
) -> None:
    row.layer_id = _layer_id(session, draft.layer)
    row.label_id = _label_id(session, draft.layer, draft.label)
    row.start, row.end, row.text = draft.start, draft.end, covered
    row.attributes = attributes
    row.actor_id = draft.actor_id
    row.origin = Origin(draft.origin).value


def _replace_links(
    session: Session, source_id: int, links: tuple[LinkDraft, ...], who: int
) -> None:
    session.execute(delete(LinkRow).where(LinkRow.source_id == source_id))
    for link in links:
        _insert_link(session, source_id, link, who)


def _layer_id(session: Session, name: str) -> int:
    layer_id = session.scalar(select(LayerRow.id).where(LayerRow.name == name))
    if layer_id is None:
        raise ValidationError(f"no layer {name!r} in the project")
    return layer_id


def _label_id(session: Session, layer: str, label: str | None) -> int | None:
    if label is None:
        return None
    return session.scalar(
        select(LabelRow.id).join(LayerRow).where(LayerRow.name == layer, LabelRow.name == label)
    )


def _insert_link(session: Session, source_id: int, link: LinkDraft, who: int) -> None:
    if link.actor_id is not None and session.get(ActorRow, link.actor_id) is None:
        raise NotFoundError(f"no actor with id {link.actor_id}")
    session.execute(
        insert(LinkRow).values(
            type=link.type,
            source_id=source_id,
            target_actor_id=link.actor_id,
            target_annotation_id=link.annotation_id,
            annotator_id=who,
        )
    )


def _load(session: Session, annotation_id: int) -> Annotation:
    found = _load_many(session, [annotation_id])
    if not found:
        raise NotFoundError(f"no annotation with id {annotation_id}")
    return found[0]


def _load_many(session: Session, ids: list[int]) -> list[Annotation]:
    if not ids:
        return []
    links: dict[int, list[Link]] = {}
    for row in session.scalars(
        select(LinkRow).where(LinkRow.source_id.in_(ids)).order_by(LinkRow.id)
    ):
        links.setdefault(row.source_id, []).append(
            Link(
                id=row.id,
                type=row.type,
                source_id=row.source_id,
                actor_id=row.target_actor_id,
                annotation_id=row.target_annotation_id,
            )
        )
    rows = session.execute(
        select(AnnotationRow, LayerRow.name, LabelRow.name, AnnotatorRow.name)
        .join(LayerRow, LayerRow.id == AnnotationRow.layer_id)
        .outerjoin(LabelRow, LabelRow.id == AnnotationRow.label_id)
        .join(AnnotatorRow, AnnotatorRow.id == AnnotationRow.annotator_id)
        .where(AnnotationRow.id.in_(ids))
    )
    by_id = {
        row.id: Annotation(
            id=row.id,
            document_id=row.document_id,
            layer=layer,
            label=label,
            start=row.start,
            end=row.end,
            text=row.text,
            attributes=dict(row.attributes or {}),
            actor_id=row.actor_id,
            links=tuple(links.get(row.id, ())),
            annotator=who,
            origin=Origin(row.origin),
            created_at=row.created_at,
            updated_at=row.updated_at,
        )
        for row, layer, label, who in rows
    }
    return [by_id[i] for i in ids if i in by_id]
