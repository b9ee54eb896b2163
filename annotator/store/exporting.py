"""Reading documents out for export: filtered, streamed one document at a time."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from sqlalchemy import select

from annotator.domain.annotations import Annotation, Origin
from annotator.domain.corpus import AnnotatedDocument
from annotator.domain.documents import Document, DocumentStatus
from annotator.store.models import DocumentRow
from annotator.store.project import Project

BATCH = 100


@dataclass(frozen=True, slots=True)
class ExportFilter:
    status: DocumentStatus | None = None
    layers: frozenset[str] | None = None  # None: every layer
    annotator: str | None = None  # only spans made by this annotator
    suggestions: bool = False  # also the suggestions nobody has accepted yet


def document_ids(project: Project, chosen: ExportFilter) -> list[int]:
    query = select(DocumentRow.id).order_by(DocumentRow.id)
    if chosen.status is not None:
        query = query.where(DocumentRow.status == chosen.status.value)
    with project.db.read() as session:
        return list(session.scalars(query))


def iter_annotated(
    project: Project, chosen: ExportFilter, ids: list[int] | None = None
) -> Iterator[AnnotatedDocument]:
    """Each chosen document (or each of ``ids``) with its chosen spans.

    Documents are read in batches of :data:`BATCH`, so memory stays bounded and the number of
    queries small.
    """
    wanted = document_ids(project, chosen) if ids is None else ids
    for first in range(0, len(wanted), BATCH):
        batch = wanted[first : first + BATCH]
        spans_by_document = project.annotations.for_documents(batch)
        for document in project.documents.get_many(batch):
            yield _chosen_spans(document, spans_by_document[document.id], chosen)


def _chosen_spans(
    document: Document, annotations: list[Annotation], chosen: ExportFilter
) -> AnnotatedDocument:
    spans = [
        a
        for a in annotations
        if (chosen.layers is None or a.layer in chosen.layers)
        and (chosen.annotator is None or a.annotator == chosen.annotator)
        and (chosen.suggestions or a.origin is not Origin.SUGGESTED)
    ]
    if len(spans) < len(annotations):  # links to spans that were left out cannot be kept
        kept = {a.id for a in spans}
        spans = [
            replace(
                a,
                links=tuple(
                    link
                    for link in a.links
                    if link.annotation_id is None or link.annotation_id in kept
                ),
            )
            for a in spans
        ]
    return AnnotatedDocument(document, tuple(spans))
