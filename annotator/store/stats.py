"""Counts over the whole project, for ``annotator stats`` and the status bar."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from annotator.domain.annotations import Origin
from annotator.store.database import Database
from annotator.store.models import (
    ActorRow,
    AnnotationRow,
    AnnotatorRow,
    DocumentRow,
    LayerRow,
    LinkRow,
)

_SUGGESTED = Origin.SUGGESTED.value  # not a span until someone accepts it


@dataclass(frozen=True, slots=True)
class ProjectStats:
    documents: int
    characters: int
    documents_by_status: dict[str, int]
    annotations: int
    annotations_by_layer: dict[str, int]
    links: int
    actors: int
    actors_by_kind: dict[str, int]
    annotations_by_annotator: dict[str, int]


def project_stats(db: Database) -> ProjectStats:
    with db.read() as session:
        documents, characters = session.execute(
            select(func.count(DocumentRow.id), func.coalesce(func.sum(DocumentRow.chars), 0))
        ).one()
        by_status = dict(
            session.execute(
                select(DocumentRow.status, func.count()).group_by(DocumentRow.status)
            ).all()
        )
        by_layer = dict(
            session.execute(
                select(LayerRow.name, func.count(AnnotationRow.id))
                .outerjoin(
                    AnnotationRow,
                    (AnnotationRow.layer_id == LayerRow.id) & (AnnotationRow.origin != _SUGGESTED),
                )
                .group_by(LayerRow.name, LayerRow.position)
                .order_by(LayerRow.position)
            ).all()
        )
        by_kind = dict(
            session.execute(select(ActorRow.kind, func.count()).group_by(ActorRow.kind)).all()
        )
        by_annotator = dict(
            session.execute(
                select(AnnotatorRow.name, func.count(AnnotationRow.id))
                .join(AnnotationRow, AnnotationRow.annotator_id == AnnotatorRow.id)
                .where(AnnotationRow.origin != _SUGGESTED)
                .group_by(AnnotatorRow.name)
            ).all()
        )
        links = session.scalar(select(func.count()).select_from(LinkRow)) or 0
    return ProjectStats(
        documents=documents,
        characters=characters,
        documents_by_status=by_status,
        annotations=sum(by_layer.values()),
        annotations_by_layer=by_layer,
        links=links,
        actors=sum(by_kind.values()),
        actors_by_kind=by_kind,
        annotations_by_annotator=by_annotator,
    )
