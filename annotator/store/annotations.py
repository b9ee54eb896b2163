"""Spans and their links. Each call is one transaction and one entry in the edit log."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

from sqlalchemy import ColumnElement, delete, func, insert, literal, null, select
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
from annotator.domain.documents import DocumentStatus
from annotator.domain.errors import NotFoundError, ValidationError
from annotator.domain.scheme import AttributeKind, Layer
from annotator.domain.suggestions import Why
from annotator.domain.team import CURATED
from annotator.store.annotators import annotator_id
from annotator.store.assignments import AssignmentStore
from annotator.store.database import Database
from annotator.store.documents import DocumentStore
from annotator.store.edit_log import Action
from annotator.store.models import (
    ActorRow,
    AnnotationRow,
    AnnotatorRow,
    AssignmentRow,
    DocumentRow,
    LabelRow,
    LayerRow,
    LinkRow,
)
from annotator.store.scheme_store import SchemeStore
from annotator.store.service import Service
from annotator.store.versions import claim


class AnnotationStore(Service):
    def __init__(
        self,
        db: Database,
        scheme: SchemeStore,
        documents: DocumentStore,
        assignments: AssignmentStore,
        annotator: str,
    ) -> None:
        super().__init__(db, annotator)
        self._scheme = scheme
        self._documents = documents
        self._assignments = assignments

    def create(
        self,
        document_id: int,
        draft: AnnotationDraft,
        *,
        annotation_id: int | None = None,
        annotator: str | None = None,
        rules: bool = True,
    ) -> Annotation:
        """Validate ``draft`` against the text and the scheme, store it, return it with its id.

        The first span of a new document moves it to "in progress", in the same step (so Undo
        takes both back). ``annotation_id`` and ``annotator`` re-create a deleted span under
        its old id and as its annotator's work (undo of a deletion, restore); an undo also
        passes ``rules=False``, as it reverts the status change itself.
        """
        attributes = self._validated(draft)
        with self._guard(), self._db.write() as session:
            covered = _covered_text(session, document_id, draft.start, draft.end)
            who = annotator_id(session, annotator) if annotator else self._who(session)
            _refuse_twin(session, document_id, draft, who)
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
            if rules:
                self.begin_work(session, document_id, who)
            return annotation

    def begin_work(self, session: Session, document_id: int, who: int) -> None:
        """A first span on a new document moves it, and the annotator's own status on it, to
        "in progress", in the same step (so Undo takes both back)."""
        status = session.scalar(select(DocumentRow.status).where(DocumentRow.id == document_id))
        if status == DocumentStatus.NEW.value:
            self._documents.change_status(session, document_id, DocumentStatus.IN_PROGRESS)
        self._start_assignment(session, document_id, who)

    def _start_assignment(self, session: Session, document_id: int, who: int) -> None:
        """An annotator's first span on a document assigned to them: their status moves to
        "in progress" too, in the same step."""
        status = session.scalar(
            select(AssignmentRow.status).where(
                AssignmentRow.document_id == document_id, AssignmentRow.annotator_id == who
            )
        )
        if status == DocumentStatus.NEW.value:
            name = session.scalar(select(AnnotatorRow.name).where(AnnotatorRow.id == who))
            assert name is not None
            self._assignments.change_status(session, document_id, DocumentStatus.IN_PROGRESS, name)

    def update(
        self,
        annotation_id: int,
        draft: AnnotationDraft,
        *,
        expected_version: int | None = None,
        annotator: str | None = None,
    ) -> Annotation:
        """Replace a span's layer, offsets, label, attributes, actor and links with ``draft``.

        With ``expected_version``, the span must not have changed since that version was read;
        otherwise :class:`ConflictError` names who changed it and nothing is saved. The span
        becomes the current annotator's work, or ``annotator``'s (an undo puts it back); a span
        of the curated annotation stays the curated annotation's.
        """
        attributes = self._validated(draft)
        with self._guard(), self._db.write() as session:
            before = _find(session, annotation_id)
            what = describe(before) if before else f"span #{annotation_id}"
            claim(session, AnnotationRow, "annotation", annotation_id, expected_version, what)
            assert before is not None
            row = session.get(AnnotationRow, annotation_id)
            assert row is not None
            covered = _covered_text(session, row.document_id, draft.start, draft.end)
            if annotator is None and before.annotator == CURATED:
                annotator = CURATED  # a curator fixing the curated annotation keeps it that
            who = annotator_id(session, annotator) if annotator else self._who(session)
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

    def delete(self, annotation_id: int, *, expected_version: int | None = None) -> Annotation:
        """Remove a span with its links; returns what was removed (for undo).

        With ``expected_version``, a span somebody changed since is not deleted (see update).
        """
        with self._db.write() as session:
            found = _find(session, annotation_id)
            what = describe(found) if found else f"span #{annotation_id}"
            # always claimed: on a server a policy may refuse the row, which must not pass
            # silently (a refused DELETE just removes nothing)
            claim(session, AnnotationRow, "annotation", annotation_id, expected_version, what)
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

    def attribute_values(self, layer: str, name: str, limit: int = 200) -> list[str]:
        """The values a text attribute has been given on a layer, most used first (what the
        Span panel offers as completions for a cue or a topic)."""
        value = AnnotationRow.attributes[name].as_string()
        with self._db.read() as session:
            return [
                str(found)
                for found, _ in session.execute(
                    select(value, func.count())
                    .join(LayerRow, LayerRow.id == AnnotationRow.layer_id)
                    .where(LayerRow.name == layer, value.is_not(None), value != "")
                    .group_by(value)
                    .order_by(func.count().desc(), value)
                    .limit(limit)
                )
            ]

    def for_document(self, document_id: int) -> list[Annotation]:
        """Every span of one document, ordered by position, with its links."""
        with self._db.read() as session:
            return select_annotations(session, AnnotationRow.document_id == document_id)

    def for_documents(self, document_ids: list[int]) -> dict[int, list[Annotation]]:
        """The spans of several documents at once, without timestamps (for exports)."""
        found: dict[int, list[Annotation]] = {i: [] for i in document_ids}
        with self._db.read() as session:
            chosen = AnnotationRow.document_id.in_(document_ids)
            for annotation in select_annotations(session, chosen, timestamps=False):
                found[annotation.document_id].append(annotation)
        return found

    def count(self) -> int:
        with self._db.read() as session:
            return session.scalar(select(func.count()).select_from(AnnotationRow)) or 0

    def counts_by(self, annotator: str) -> dict[int, int]:
        """How many spans ``annotator`` has in each document (documents without any left out)."""
        with self._db.read() as session:
            return {
                int(document): int(count)
                for document, count in session.execute(
                    select(AnnotationRow.document_id, func.count())
                    .join(AnnotatorRow, AnnotatorRow.id == AnnotationRow.annotator_id)
                    .where(AnnotatorRow.name == annotator)
                    .where(AnnotationRow.origin != Origin.SUGGESTED.value)
                    .group_by(AnnotationRow.document_id)
                )
            }


def serialise(annotation: Annotation) -> dict[str, Any]:
    """A JSON-ready form of an annotation, used by the edit log."""
    data = asdict(annotation)
    for key in ("created_at", "updated_at"):
        value = getattr(annotation, key)
        data[key] = value.isoformat() if value is not None else None
    return data


def _refuse_twin(session: Session, document_id: int, draft: AnnotationDraft, who: int) -> None:
    """Refuse a span this annotator already has: same layer, offsets and actor. (Another
    annotator's identical span is independent work, and allowed.)"""
    twin = session.scalar(
        select(AnnotationRow.id)
        .join(LayerRow, LayerRow.id == AnnotationRow.layer_id)
        .where(
            AnnotationRow.document_id == document_id,
            LayerRow.name == draft.layer,
            AnnotationRow.start == draft.start,
            AnnotationRow.end == draft.end,
            AnnotationRow.annotator_id == who,
            AnnotationRow.actor_id.is_(None)
            if draft.actor_id is None
            else AnnotationRow.actor_id == draft.actor_id,
        )
        .limit(1)
    )
    if twin is not None:
        raise ValidationError(f"this exact {draft.layer} span is there already (span #{twin})")


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
    row.suggestion = draft.suggestion.as_dict() if draft.suggestion is not None else None


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
    found = _find(session, annotation_id)
    if found is None:
        raise NotFoundError(f"no annotation with id {annotation_id}")
    return found


def _find(session: Session, annotation_id: int) -> Annotation | None:
    found = select_annotations(session, AnnotationRow.id == annotation_id)
    return found[0] if found else None


def describe(annotation: Annotation) -> str:
    """How messages name a span: its layer and the start of its text."""
    text = " ".join(annotation.text.split())
    short = text if len(text) <= 40 else text[:39] + "…"
    return f"the {annotation.layer} “{short}”"


def select_annotations(
    session: Session, condition: ColumnElement[bool], *, timestamps: bool = True
) -> list[Annotation]:
    """The spans matching ``condition`` in reading order, with their links.

    Plain Core selects on the session's connection, not ORM entities: opening a document with
    10,000 spans or exporting 100,000 builds no ORM objects. Exports skip the timestamps and
    the versions (an export edits nothing).
    """
    connection = session.connection()
    chosen = select(AnnotationRow.id).where(condition).scalar_subquery()
    links: dict[int, list[Link]] = {}
    for link_id, kind, source, actor, target in connection.execute(
        select(
            LinkRow.id,
            LinkRow.type,
            LinkRow.source_id,
            LinkRow.target_actor_id,
            LinkRow.target_annotation_id,
        )
        .where(LinkRow.source_id.in_(chosen))
        .order_by(LinkRow.id)
    ):
        links.setdefault(source, []).append(Link(link_id, kind, source, actor, target))
    stamps = (
        (AnnotationRow.created_at, AnnotationRow.updated_at) if timestamps else (null(), null())
    )
    rows = connection.execute(
        select(
            AnnotationRow.id,
            AnnotationRow.document_id,
            LayerRow.name,
            LabelRow.name,
            AnnotationRow.start,
            AnnotationRow.end,
            AnnotationRow.text,
            AnnotationRow.attributes,
            AnnotationRow.actor_id,
            AnnotatorRow.name,
            AnnotationRow.origin,
            *stamps,
            AnnotationRow.version if timestamps else literal(1),
            AnnotationRow.suggestion,
        )
        .join(LayerRow, LayerRow.id == AnnotationRow.layer_id)
        .outerjoin(LabelRow, LabelRow.id == AnnotationRow.label_id)
        .join(AnnotatorRow, AnnotatorRow.id == AnnotationRow.annotator_id)
        .where(condition)
        .order_by(AnnotationRow.start, AnnotationRow.end.desc(), AnnotationRow.id)
    )
    origins = {origin.value: origin for origin in Origin}
    return [
        Annotation(
            id_, document, layer, label, start, end, text, attributes or {}, actor,
            tuple(links.get(id_, ())), who, origins[origin], created, updated, version,
            Why.from_dict(why) if why else None,
        )
        for (id_, document, layer, label, start, end, text, attributes, actor, who, origin,
             created, updated, version, why) in rows
    ]  # fmt: skip
