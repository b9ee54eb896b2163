"""Reading documents out for export: filtered, streamed one document at a time."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from sqlalchemy import select

from annotator.domain.corpus import AnnotatedDocument
from annotator.domain.documents import DocumentStatus
from annotator.store.models import DocumentRow
from annotator.store.project import Project


@dataclass(frozen=True, slots=True)
class ExportFilter:
    status: DocumentStatus | None = None
    layers: frozenset[str] | None = None  # None: every layer
    annotator: str | None = None  # only spans made by this annotator


def document_ids(project: Project, chosen: ExportFilter) -> list[int]:
    query = select(DocumentRow.id).order_by(DocumentRow.id)
    if chosen.status is not None:
        query = query.where(DocumentRow.status == chosen.status.value)
    with project.db.read() as session:
        return list(session.scalars(query))


def iter_annotated(
    project: Project, chosen: ExportFilter, ids: list[int] | None = None
) -> Iterator[AnnotatedDocument]:
    """Each chosen document (or each of ``ids``) with its chosen spans, one at a time."""
    for document_id in document_ids(project, chosen) if ids is None else ids:
        document = project.documents.get(document_id)
        spans = [
            a
            for a in project.annotations.for_document(document_id)
            if (chosen.layers is None or a.layer in chosen.layers)
            and (chosen.annotator is None or a.annotator == chosen.annotator)
        ]
        if chosen.layers is not None:  # links to spans that were left out cannot be kept
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
        yield AnnotatedDocument(document, tuple(spans))
