"""Every annotator's spans per document, read in bulk for agreement (plain Core selects)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Text, select, type_coerce

from annotator.domain.annotations import Origin
from annotator.domain.documents import DocumentStatus
from annotator.store.models import (
    AnnotationRow,
    AnnotatorRow,
    DocumentRow,
    LabelRow,
    LayerRow,
    LinkRow,
)
from annotator.store.service import Service

ACTOR = "actor"  # the value name of a mention's own actor


class CodedSpan(NamedTuple):
    """One annotator's span (a tuple: 150,000 of them are made for one agreement run)."""

    id: int
    document_id: int
    annotator: str
    layer: str
    label: str | None
    start: int
    end: int
    text: str
    attributes: dict[str, Any]
    actor_id: int | None
    links: dict[str, int]  # link type -> actor id
    kind: str  # what the span is, for matching it with others': the layer, or layer:label
    values: dict[str, Any]  # what it says: its attributes, its links and its actor (ACTOR)


def _values(attributes: dict[str, Any], links: dict[str, int], actor: int | None) -> dict[str, Any]:
    if not links and actor is None:
        return attributes
    values = {**attributes, **links}
    if actor is not None:
        values[ACTOR] = actor
    return values


_NO_LINKS: dict[str, int] = {}  # shared by the spans without links: read it, never change it


@dataclass(frozen=True, slots=True)
class CodedDocument:
    id: int
    title: str
    chars: int


class CodedSpans(Service):
    def read(
        self,
        *,
        layers: set[str] | None = None,
        annotators: set[str] | None = None,
        status: DocumentStatus | None = None,
        documents: set[int] | None = None,
        only: set[int] | None = None,
    ) -> tuple[list[CodedDocument], list[CodedSpan]]:
        """The documents (those with spans, or of ``status``) and their spans of ``layers`` by
        ``annotators`` (all when None; ``only``: these spans), ordered by document and
        offsets."""
        query = (
            select(
                AnnotationRow.id, AnnotationRow.document_id, AnnotatorRow.name, LayerRow.name,
                LabelRow.name, AnnotationRow.start, AnnotationRow.end, AnnotationRow.text,
                type_coerce(AnnotationRow.attributes, Text), AnnotationRow.actor_id,
            )
            .join(AnnotatorRow, AnnotatorRow.id == AnnotationRow.annotator_id)
            .join(LayerRow, LayerRow.id == AnnotationRow.layer_id)
            .outerjoin(LabelRow, LabelRow.id == AnnotationRow.label_id)
            .join(DocumentRow, DocumentRow.id == AnnotationRow.document_id)
            .where(AnnotationRow.origin != Origin.SUGGESTED.value)  # nobody's work yet
            .order_by(AnnotationRow.document_id, AnnotationRow.start, AnnotationRow.end)
        )  # fmt: skip
        if layers is not None:
            query = query.where(LayerRow.name.in_(sorted(layers)))
        if annotators is not None:
            query = query.where(AnnotatorRow.name.in_(sorted(annotators)))
        if status is not None:
            query = query.where(DocumentRow.status == status.value)
        if documents is not None:
            query = query.where(AnnotationRow.document_id.in_(sorted(documents)))
        if only is not None:
            query = query.where(AnnotationRow.id.in_(sorted(only)))
        with self._db.read() as session:
            connection = session.connection()
            # the driver's rows as they come: these columns need no conversion, and making
            # 150,000 Row objects costs more than the read itself
            rows = connection.execute(query).cursor.fetchall()
            links: dict[int, dict[str, int]] = defaultdict(dict)
            chosen = query.with_only_columns(AnnotationRow.id).order_by(None).scalar_subquery()
            for source, kind, actor in connection.execute(
                select(LinkRow.source_id, LinkRow.type, LinkRow.target_actor_id).where(
                    LinkRow.target_actor_id.is_not(None), LinkRow.source_id.in_(chosen)
                )
            ):
                if actor is not None:
                    links[source][kind] = actor
            ids = sorted({row[1] for row in rows})
            found = [
                CodedDocument(id_, title, chars)
                for id_, title, chars in connection.execute(
                    select(DocumentRow.id, DocumentRow.title, DocumentRow.chars)
                    .where(DocumentRow.id.in_(ids))
                    .order_by(DocumentRow.id)
                )
            ]
        decoded = _Decoded()
        spans = [  # made inline (no helper call): this runs once per span of the corpus
            CodedSpan(id_, doc, who, layer, label, start, end, text, (given := decoded(values)),
                      actor, (linked := links.get(id_, _NO_LINKS)),
                      f"{layer}:{label}" if label else layer,
                      given if actor is None and not linked else _values(given, linked, actor))
            for id_, doc, who, layer, label, start, end, text, values, actor in rows
        ]  # fmt: skip
        return found, spans


class _Decoded:
    """Attribute JSON decoded once per distinct text: most spans carry the same few values
    ({"kind": "direct"}), so a corpus decodes a handful of strings, not one per span. The
    decoded dicts are shared: read them, never change them."""

    def __init__(self) -> None:
        self._seen: dict[str, dict[str, Any]] = {}

    def __call__(self, raw: str | dict[str, Any] | None) -> dict[str, Any]:
        if raw is None:
            return {}
        if not isinstance(raw, str):  # a driver that decodes JSON itself (psycopg)
            return raw
        found = self._seen.get(raw)
        if found is None:
            found = self._seen[raw] = json.loads(raw) or {}
        return found
