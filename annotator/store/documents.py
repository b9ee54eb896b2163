"""Articles in the store: bulk import, listing, reading and workflow status."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session

from annotator.domain.annotations import Origin
from annotator.domain.documents import (
    Document,
    DocumentDraft,
    DocumentStatus,
    DocumentSummary,
)
from annotator.domain.errors import NotFoundError
from annotator.domain.text import fingerprint
from annotator.store.changes import ChangeKind, step
from annotator.store.edit_log import Action
from annotator.store.inserts import insert_rows_new
from annotator.store.models import AnnotationRow, DocumentRow
from annotator.store.models.base import utcnow
from annotator.store.search import SearchHit, search_documents
from annotator.store.service import Service
from annotator.store.versions import claim

CHUNK = 500


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A draft whose text is already stored as document ``existing_id``."""

    draft: DocumentDraft
    existing_id: int | None  # None when the twin came earlier in the same batch
    existing_title: str


@dataclass(slots=True)
class AddResult:
    added: int = 0
    duplicates: list[Duplicate] = field(default_factory=list)


class DocumentStore(Service):
    def add_many(
        self,
        drafts: Iterable[DocumentDraft],
        *,
        source: str | None = None,
        checkpoint: Callable[[], None] | None = None,
    ) -> AddResult:
        """Store every draft in ONE transaction; texts already present count as duplicates.

        ``drafts`` may be a lazy reader: if it raises part way, or ``checkpoint`` raises (to
        cancel), nothing of this call is kept.
        """
        result = AddResult()
        label = f"Import {source or 'articles'}"
        with step(self._db, kind=ChangeKind.JOB, label=label), self._db.write() as session:
            seen: dict[str, str] = {}
            for chunk in _chunks(drafts, CHUNK):
                if checkpoint is not None:
                    checkpoint()
                rows = self._new_rows(session, chunk, seen, result)
                stored = _insert_documents(session, rows)
                result.added += len(stored)
                if len(stored) < len(rows):  # another program stored them meanwhile
                    _count_raced(session, chunk, rows, stored, result)
            if result.added:
                self._log(
                    session,
                    Action.IMPORT,
                    "document",
                    None,
                    after={"source": source, "documents": result.added},
                )
        return result

    def _new_rows(
        self,
        session: Session,
        chunk: list[DocumentDraft],
        seen: dict[str, str],
        result: AddResult,
    ) -> list[dict[str, object]]:
        hashes = [fingerprint(d.text) for d in chunk]
        stored = {
            sha: (id_, title)
            for sha, id_, title in session.execute(
                select(DocumentRow.sha256, DocumentRow.id, DocumentRow.title).where(
                    DocumentRow.sha256.in_(set(hashes))
                )
            )
        }
        rows: list[dict[str, object]] = []
        for draft, sha in zip(chunk, hashes, strict=True):
            if sha in stored:
                result.duplicates.append(Duplicate(draft, *stored[sha]))
                continue
            if sha in seen:
                result.duplicates.append(Duplicate(draft, None, seen[sha]))
                continue
            seen[sha] = draft.title
            rows.append(
                {
                    "title": draft.title,
                    "source": draft.source,
                    "url": draft.url,
                    "author": draft.author,
                    "published": draft.published,
                    "language": draft.language,
                    "text": draft.text,
                    "chars": len(draft.text),
                    "sha256": sha,
                    "status": DocumentStatus.NEW.value,
                    "metadata": draft.metadata,
                    "imported_from": draft.imported_from,
                }
            )
        return rows

    def list(self, status: DocumentStatus | None = None) -> list[DocumentSummary]:
        counts = (
            select(AnnotationRow.document_id, func.count().label("n"))
            .where(AnnotationRow.origin != Origin.SUGGESTED.value)  # not a span until accepted
            .group_by(AnnotationRow.document_id)
            .subquery()
        )
        query = (
            select(
                DocumentRow.id,
                DocumentRow.title,
                DocumentRow.source,
                DocumentRow.published,
                DocumentRow.language,
                DocumentRow.status,
                DocumentRow.chars,
                func.coalesce(counts.c.n, 0),
            )
            .outerjoin(counts, counts.c.document_id == DocumentRow.id)
            .order_by(DocumentRow.id)
        )
        if status is not None:
            query = query.where(DocumentRow.status == status.value)
        with self._db.read() as session:
            return [
                DocumentSummary(
                    id=id_,
                    title=title,
                    source=source,
                    published=published,
                    language=language,
                    status=DocumentStatus(state),
                    chars=chars,
                    annotations=n,
                )
                for id_, title, source, published, language, state, chars, n in session.execute(
                    query
                )
            ]

    def get(self, document_id: int) -> Document:
        with self._db.read() as session:
            row = session.execute(
                select(*_DOCUMENT_COLUMNS).where(DocumentRow.id == document_id)
            ).first()
            if row is None:
                raise NotFoundError(f"no document with id {document_id}")
            return _to_document(row)

    def get_many(self, document_ids: builtins.list[int]) -> builtins.list[Document]:
        """Several documents in the order asked (missing ids are left out)."""
        with self._db.read() as session:
            rows = session.execute(
                select(*_DOCUMENT_COLUMNS).where(DocumentRow.id.in_(document_ids))
            )
            found = {document.id: document for document in map(_to_document, rows)}
        return [found[i] for i in document_ids if i in found]

    def id_for_fingerprint(self, sha256: str) -> int | None:
        """The id of the document whose text has this SHA-256, if there is one."""
        with self._db.read() as session:
            return session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == sha256))

    def search(self, query: str, limit: int = 200) -> builtins.list[SearchHit]:
        """Full-text search over every article; see :mod:`annotator.store.search`."""
        return search_documents(self._db, query, limit)

    def next_to_annotate(self, after_id: int) -> int | None:
        """The first document after ``after_id`` (wrapping round) that is not done or reviewed."""
        open_ = DocumentRow.status.in_([DocumentStatus.NEW.value, DocumentStatus.IN_PROGRESS.value])
        with self._db.read() as session:
            later = session.scalar(
                select(DocumentRow.id)
                .where(open_, DocumentRow.id > after_id)
                .order_by(DocumentRow.id)
            )
            if later is not None:
                return later
            return session.scalar(
                select(DocumentRow.id)
                .where(open_, DocumentRow.id != after_id)
                .order_by(DocumentRow.id)
            )

    def count(self) -> int:
        with self._db.read() as session:
            return session.scalar(select(func.count()).select_from(DocumentRow)) or 0

    def set_status(
        self, document_id: int, status: DocumentStatus, *, expected_version: int | None = None
    ) -> int:
        """Set a document's workflow status; returns its new version.

        With ``expected_version``, a document somebody changed since is left as it is.
        """
        with self._db.write() as session:
            return self.change_status(session, document_id, status, expected_version)

    def change_status(
        self,
        session: Session,
        document_id: int,
        status: DocumentStatus,
        expected_version: int | None = None,
    ) -> int:
        """:meth:`set_status` in the caller's transaction (and change)."""
        before = session.scalar(select(DocumentRow.status).where(DocumentRow.id == document_id))
        if before is None:
            raise NotFoundError(f"no document with id {document_id}")
        what = f"document #{document_id}"
        version = claim(session, DocumentRow, "document", document_id, expected_version, what)
        session.execute(
            update(DocumentRow)
            .where(DocumentRow.id == document_id)
            .values(status=status.value, updated_at=utcnow())
        )
        self._log(
            session,
            Action.UPDATE,
            "document",
            document_id,
            document_id=document_id,
            before={"status": before, "version": version - 1},
            after={"status": status.value, "version": version},
        )
        return version


_DOCUMENT_COLUMNS = (
    DocumentRow.id,
    DocumentRow.title,
    DocumentRow.text,
    DocumentRow.sha256,
    DocumentRow.source,
    DocumentRow.url,
    DocumentRow.author,
    DocumentRow.published,
    DocumentRow.language,
    DocumentRow.status,
    DocumentRow.meta,
    DocumentRow.imported_from,
    DocumentRow.created_at,
    DocumentRow.updated_at,
    DocumentRow.version,
)


def _to_document(row: Any) -> Document:
    (id_, title, text, sha, source, url, author, published, language, status, meta, origin,
     created, updated, version) = row  # fmt: skip
    return Document(
        id=id_,
        title=title,
        text=text,
        sha256=sha,
        source=source,
        url=url,
        author=author,
        published=published,
        language=language,
        status=DocumentStatus(status),
        metadata=dict(meta or {}),
        imported_from=origin,
        created_at=created,
        updated_at=updated,
        version=version,
    )


def _insert_documents(session: Session, rows: list[dict[str, object]]) -> set[str]:
    """Insert ``rows`` in one statement; returns the fingerprints actually stored.

    Core, not the ORM (whose bulk path costs several times more here); timestamps come from the
    database, so no Python default runs per row. A text stored by another program since it was
    checked is skipped by the database rather than failing the whole file.
    """
    table = cast(Table, DocumentRow.__table__)
    return insert_rows_new(
        session, table, "sha256", rows, created_at=func.now(), updated_at=func.now()
    )


def _count_raced(
    session: Session,
    chunk: list[DocumentDraft],
    rows: list[dict[str, object]],
    stored: set[str],
    result: AddResult,
) -> None:
    missed = {str(row["sha256"]) for row in rows} - stored
    existing = {
        sha: (id_, title)
        for sha, id_, title in session.execute(
            select(DocumentRow.sha256, DocumentRow.id, DocumentRow.title).where(
                DocumentRow.sha256.in_(missed)
            )
        )
    }
    for draft in chunk:
        sha = fingerprint(draft.text)
        if sha in missed and sha in existing:
            result.duplicates.append(Duplicate(draft, *existing[sha]))


def _chunks(items: Iterable[DocumentDraft], size: int) -> Iterator[list[DocumentDraft]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
