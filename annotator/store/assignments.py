"""Assignments: which annotator annotates which document independently, and how far they are.

An annotator's own status on an assigned document lives here (the document's status is the
project's). Every change is logged, so Undo and the History dock cover it.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.domain.documents import DocumentStatus
from annotator.domain.errors import NotFoundError, UsageError
from annotator.store.annotators import annotator_id
from annotator.store.edit_log import Action
from annotator.store.models import AnnotatorRow, AssignmentRow, DocumentRow
from annotator.store.models.base import utcnow
from annotator.store.service import Service
from annotator.store.versions import claim


@dataclass(frozen=True, slots=True)
class Assignment:
    document_id: int
    annotator: str
    status: DocumentStatus
    version: int = 1


class AssignmentStore(Service):
    def assign(self, document_ids: Iterable[int], annotators: Iterable[str]) -> int:
        """Give each document to each annotator (those given it already keep theirs);
        returns how many assignments were made."""
        names = [n.strip() for n in annotators if n.strip()]
        if not names:
            raise UsageError("name at least one annotator to assign documents to")
        wanted = sorted(set(document_ids))
        made = 0
        with self._db.write() as session:
            known = set(session.scalars(select(DocumentRow.id).where(DocumentRow.id.in_(wanted))))
            missing = sorted(set(wanted) - known)
            if missing:
                raise NotFoundError(f"no document with id {', '.join(map(str, missing[:10]))}")
            for name in names:
                who = annotator_id(session, name)
                taken = set(
                    session.scalars(
                        select(AssignmentRow.document_id).where(AssignmentRow.annotator_id == who)
                    )
                )
                for document_id in wanted:
                    if document_id in taken:
                        continue
                    row = AssignmentRow(document_id=document_id, annotator_id=who)
                    session.add(row)
                    session.flush()
                    self._log(
                        session, Action.CREATE, "assignment", row.id,
                        document_id=document_id, after={"annotator": name, "status": "new"},
                    )  # fmt: skip
                    made += 1
        return made

    def list(
        self, *, annotator: str | None = None, document_id: int | None = None
    ) -> builtins.list[Assignment]:
        query = (
            select(AssignmentRow.document_id, AnnotatorRow.name, AssignmentRow.status,
                   AssignmentRow.version)
            .join(AnnotatorRow, AnnotatorRow.id == AssignmentRow.annotator_id)
            .order_by(AssignmentRow.document_id, AnnotatorRow.name)
        )  # fmt: skip
        if annotator is not None:
            query = query.where(AnnotatorRow.name == annotator)
        if document_id is not None:
            query = query.where(AssignmentRow.document_id == document_id)
        with self._db.read() as session:
            return [
                Assignment(doc, name, DocumentStatus(status), version)
                for doc, name, status, version in session.execute(query)
            ]

    def mine(self, document_id: int) -> Assignment | None:
        """The current annotator's assignment of a document, if they have one."""
        found = self.list(annotator=self._annotator, document_id=document_id)
        return found[0] if found else None

    def set_status(
        self,
        document_id: int,
        status: DocumentStatus,
        *,
        annotator: str | None = None,
        expected_version: int | None = None,
    ) -> int:
        """Set an annotator's own status on an assigned document (the current annotator's
        by default); returns the new version."""
        with self._db.write() as session:
            return self.change_status(
                session, document_id, status, annotator or self._annotator, expected_version
            )

    def change_status(
        self,
        session: Session,
        document_id: int,
        status: DocumentStatus,
        annotator: str,
        expected_version: int | None = None,
    ) -> int:
        """:meth:`set_status` in the caller's transaction."""
        row = _assigned(session, document_id, annotator)
        what = f"{annotator}'s status on document #{document_id}"
        version = claim(session, AssignmentRow, "assignment", row.id, expected_version, what)
        before = row.status
        row.status, row.updated_at = status.value, utcnow()
        self._log(
            session, Action.UPDATE, "assignment", row.id, document_id=document_id,
            before={"annotator": annotator, "status": before, "version": version - 1},
            after={"annotator": annotator, "status": status.value, "version": version},
        )  # fmt: skip
        return version

    def unassign(self, document_id: int, annotator: str) -> None:
        """Take a document back from an annotator (their spans stay)."""
        with self._db.write() as session:
            row = _assigned(session, document_id, annotator)
            self._log(
                session, Action.DELETE, "assignment", row.id, document_id=document_id,
                before={"annotator": annotator, "status": row.status},
            )  # fmt: skip
            session.delete(row)


def _assigned(session: Session, document_id: int, annotator: str) -> AssignmentRow:
    row = session.scalar(
        select(AssignmentRow)
        .join(AnnotatorRow, AnnotatorRow.id == AssignmentRow.annotator_id)
        .where(AssignmentRow.document_id == document_id, AnnotatorRow.name == annotator)
    )
    if row is None:
        raise NotFoundError(f"document #{document_id} is not assigned to {annotator}")
    return row
