"""The current annotator's view of assigned documents: their own status, their own spans.

On a document assigned to them, an annotator works blind — others' spans are not shown, so
agreement is measured on independent work — and the status they see and set is their own.
Documents not assigned to them show everything and the project's status.
"""

from __future__ import annotations

from dataclasses import replace

from annotator.domain.annotations import Annotation
from annotator.domain.documents import Document, DocumentStatus, DocumentSummary
from annotator.domain.team import CURATED
from annotator.store.assignments import Assignment
from annotator.store.project import Project

_OPEN = (DocumentStatus.NEW, DocumentStatus.IN_PROGRESS)


class MyWork:
    def __init__(self, project: Project) -> None:
        self._project = project
        self._mine: dict[int, Assignment] = {}
        self._team: dict[int, list[tuple[str, DocumentStatus]]] = {}  # everyone's, by document
        # a curator working on the curated annotation: only its spans shown, new ones its
        self.curating = False
        self.reload()

    def reload(self) -> None:
        self._mine, self._team = {}, {}
        for assignment in self._project.assignments.list():
            if assignment.annotator == self._project.annotator:
                self._mine[assignment.document_id] = assignment
            if assignment.annotator != CURATED:
                self._team.setdefault(assignment.document_id, []).append(
                    (assignment.annotator, assignment.status)
                )

    def assigned(self, document_id: int) -> Assignment | None:
        return self._mine.get(document_id)

    def shows(self, annotation: Annotation) -> bool:
        """Whether the window shows a span: on a document assigned to me, only mine; while
        curating, only the curated annotation's."""
        if self.curating:
            return annotation.annotator == CURATED
        if annotation.document_id not in self._mine:
            return True
        return annotation.annotator == self._project.annotator

    @property
    def writes_as(self) -> str | None:
        """Whose work new spans are: the curated annotation's while curating, else mine."""
        return CURATED if self.curating else None

    def document(self, document: Document) -> Document:
        if self.curating:
            return document
        mine = self._mine.get(document.id)
        return replace(document, status=mine.status) if mine else document

    def summaries(self, found: list[DocumentSummary]) -> list[DocumentSummary]:
        """My status and my span count on the documents assigned to me (the others' work there
        is not even counted, so it cannot steer mine); on the others, how far each annotator
        assigned has got (for whoever coordinates)."""
        if not self._mine and not self._team:
            return found
        mine = self._project.annotations.counts_by(self._project.annotator) if self._mine else {}
        return [
            replace(s, status=self._mine[s.id].status, annotations=mine.get(s.id, 0))
            if s.id in self._mine
            else replace(s, team=tuple(self._team[s.id]))
            if s.id in self._team
            else s
            for s in found
        ]

    def set_status(self, document_id: int, status: DocumentStatus) -> bool:
        """Set my own status if the document is assigned to me; False if it is not."""
        mine = self._mine.get(document_id)
        if mine is None:
            return False
        self._project.assignments.set_status(document_id, status, expected_version=mine.version)
        self.reload()
        return True

    def next_after(self, document_id: int) -> int | None:
        """The next document assigned to me that I have not finished (wrapping round); None
        when nothing is assigned to me."""
        if not self._mine:
            return None
        waiting = sorted(d for d, a in self._mine.items() if a.status in _OPEN and d != document_id)
        later = [d for d in waiting if d > document_id]
        if later:
            return later[0]
        return waiting[0] if waiting else None
