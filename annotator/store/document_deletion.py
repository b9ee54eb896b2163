"""Deleting a document so that it can be brought back: the edit log keeps all of it.

The entry of a deletion holds the document row, its text and every span with its links, so
Undo, History → Restore and ``annotator restore`` put it back under the same ids, exactly.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from annotator.domain.errors import ConflictError
from annotator.store.annotations import select_annotations, serialise
from annotator.store.annotators import annotator_id
from annotator.store.edit_log import Action
from annotator.store.models import (
    AnnotationRow,
    DocumentRow,
    LabelRow,
    LayerRow,
    LinkRow,
)
from annotator.store.models.base import utcnow
from annotator.store.service import Service
from annotator.store.versions import claim

_FIELDS = ("title", "source", "url", "author", "language", "text", "chars", "sha256", "status",
           "imported_from")  # fmt: skip


def snapshot(session: Session, document_id: int, spans: list[dict[str, Any]]) -> dict[str, Any]:
    """The document row as JSON, with its spans (serialised annotations)."""
    row = session.get(DocumentRow, document_id)
    assert row is not None
    data: dict[str, Any] = {name: getattr(row, name) for name in _FIELDS}
    data.update(
        id=row.id,
        published=row.published.isoformat() if row.published else None,
        metadata=row.meta,
        version=row.version,
    )
    return {"document": data, "spans": spans}


def remove(session: Session, document_id: int) -> None:
    """Delete the document; its spans and their links go with it (ON DELETE CASCADE)."""
    session.execute(delete(LinkRow).where(LinkRow.source_id.in_(_span_ids(document_id))))
    session.execute(delete(AnnotationRow).where(AnnotationRow.document_id == document_id))
    session.execute(delete(DocumentRow).where(DocumentRow.id == document_id))


def put_back(session: Session, data: dict[str, Any]) -> int:
    """Insert a deleted document again from its :func:`snapshot`, under the same ids; refused
    when its text is in the project again (imported since)."""
    document = data["document"]
    taken = session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == document["sha256"]))
    if taken is not None:
        raise ConflictError(
            f"the text of “{document['title']}” is in the project again (document #{taken}); "
            "delete that one first"
        )
    published = document.get("published")
    session.execute(
        insert(DocumentRow).values(
            id=document["id"], **{name: document[name] for name in _FIELDS},
            published=date.fromisoformat(published) if published else None,
            metadata=document.get("metadata") or {}, version=int(document["version"]) + 1,
            created_at=utcnow(), updated_at=utcnow(),
        )
    )  # fmt: skip
    links: list[dict[str, Any]] = []
    for span in data["spans"]:
        layer_id = session.scalar(select(LayerRow.id).where(LayerRow.name == span["layer"]))
        if layer_id is None:
            raise ConflictError(f"the scheme has no layer {span['layer']!r} any more")
        label_id = session.scalar(
            select(LabelRow.id).where(LabelRow.layer_id == layer_id, LabelRow.name == span["label"])
        )
        session.execute(
            insert(AnnotationRow).values(
                id=span["id"], document_id=document["id"], layer_id=layer_id, label_id=label_id,
                start=span["start"], end=span["end"], text=span["text"],
                attributes=span.get("attributes") or {}, actor_id=span.get("actor_id"),
                annotator_id=annotator_id(session, span["annotator"]), origin=span["origin"],
                version=int(span.get("version", 1)) + 1, created_at=utcnow(),
                updated_at=utcnow(),
            )
        )  # fmt: skip
        links.extend({**link, "annotator": span["annotator"]} for link in span.get("links") or ())
    for link in links:
        session.execute(
            insert(LinkRow).values(
                type=link["type"], source_id=link["source_id"],
                target_actor_id=link.get("actor_id"),
                target_annotation_id=link.get("annotation_id"),
                annotator_id=annotator_id(session, link["annotator"]),
            )
        )  # fmt: skip
    return int(document["id"])


def _span_ids(document_id: int) -> Any:
    return select(AnnotationRow.id).where(AnnotationRow.document_id == document_id)


class DocumentDeletion(Service):
    """Deleting whole documents (one step; Undo and Restore put them back)."""

    def delete(self, document_id: int, *, expected_version: int | None = None) -> int:
        """Delete a document with its spans and links; returns how many spans went."""
        with self._db.write() as session:
            what = f"document #{document_id}"
            claim(session, DocumentRow, "document", document_id, expected_version, what)
            spans = [
                serialise(span)
                for span in select_annotations(session, AnnotationRow.document_id == document_id)
            ]
            data = snapshot(session, document_id, spans)
            remove(session, document_id)
            self._log(
                session, Action.DELETE, "document", document_id, document_id=document_id,
                before=data,
            )  # fmt: skip
            return len(spans)

    def restore(self, data: dict[str, Any]) -> int:
        """Put back a document deleted with :meth:`delete`, from its edit-log entry."""
        with self._db.write() as session:
            document_id = put_back(session, data)
            self._log(
                session, Action.CREATE, "document", document_id, document_id=document_id,
                after=data,
            )  # fmt: skip
            return document_id
