"""Articles: what an importer produces and what the store hands back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class DocumentStatus(StrEnum):
    """Where an article stands in the annotation workflow."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    REVIEWED = "reviewed"

    @classmethod
    def parse(cls, value: str) -> DocumentStatus:
        """Accepts ``in_progress``, ``in-progress`` and ``In Progress`` alike."""
        key = value.strip().lower().replace("-", "_").replace(" ", "_")
        try:
            return cls(key)
        except ValueError:
            names = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown status {value!r} (one of {names})") from None


@dataclass(frozen=True, slots=True)
class DocumentDraft:
    """An article read from a file, before it has an id. ``text`` is already normalised."""

    text: str
    title: str
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | None = None
    language: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    imported_from: str | None = None  # "path" or "path:line"


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One row of the document list."""

    id: int
    title: str
    source: str | None
    published: date | None
    language: str | None
    status: DocumentStatus
    chars: int
    annotations: int
    team: tuple[tuple[str, DocumentStatus], ...] = ()  # each assigned annotator's own status

    @property
    def team_done(self) -> int:
        return sum(
            status in (DocumentStatus.DONE, DocumentStatus.REVIEWED) for _n, status in self.team
        )


@dataclass(frozen=True, slots=True)
class Document:
    """A stored article with everything but its annotations."""

    id: int
    title: str
    text: str
    sha256: str
    source: str | None
    url: str | None
    author: str | None
    published: date | None
    language: str | None
    status: DocumentStatus
    metadata: dict[str, Any]
    imported_from: str | None
    created_at: datetime
    updated_at: datetime
    version: int = 1  # raised by one on every change (status, title)
