"""Spans over an article's text, and the typed links between spans and actors."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from annotator.domain.errors import ValidationError
from annotator.domain.suggestions import Why


class Origin(StrEnum):
    """How an annotation came to be."""

    MANUAL = "manual"
    IMPORTED = "imported"
    SUGGESTED = "suggested"


@dataclass(frozen=True, slots=True)
class LinkDraft:
    """A directed link from an annotation to an actor or to another annotation."""

    type: str
    actor_id: int | None = None
    annotation_id: int | None = None

    def __post_init__(self) -> None:
        if (self.actor_id is None) == (self.annotation_id is None):
            raise ValidationError(f"link {self.type!r} needs exactly one target")


@dataclass(frozen=True, slots=True)
class Link:
    id: int
    type: str
    source_id: int
    actor_id: int | None
    annotation_id: int | None


@dataclass(frozen=True, slots=True)
class AnnotationDraft:
    """A span to create. Offsets are code points, end exclusive."""

    layer: str
    start: int
    end: int
    label: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    actor_id: int | None = None
    links: tuple[LinkDraft, ...] = ()
    origin: Origin = Origin.MANUAL
    suggestion: Why | None = None  # which engine proposed it and why (origin suggested)


@dataclass(frozen=True, slots=True)
class Annotation:
    id: int
    document_id: int
    layer: str
    label: str | None
    start: int
    end: int
    text: str
    attributes: dict[str, Any]
    actor_id: int | None
    links: tuple[Link, ...]
    annotator: str
    origin: Origin
    # None where a bulk read (an export) did not load them
    created_at: datetime | None = None
    updated_at: datetime | None = None
    # Raised by one on every change; an edit made from an older copy is refused.
    version: int = 1
    suggestion: Why | None = None  # which engine proposed it and why (origin suggested)


def check_span(length: int, start: int, end: int) -> None:
    """Raise unless ``start:end`` is a non-empty span inside a text of ``length`` code points."""
    if not 0 <= start < end <= length:
        raise ValidationError(f"span {start}..{end} is empty or outside the text (0..{length})")


def span_warnings(covered: str) -> list[str]:
    """What is odd about a span's text, though allowed: only punctuation, or several
    paragraphs (usually a selection that ran on)."""
    found = []
    if covered.strip() and not any(char.isalnum() for char in covered):
        found.append("this span holds only punctuation")
    if "\n" in covered.strip():
        found.append("this span runs across paragraphs")
    return found


def as_draft(annotation: Annotation) -> AnnotationDraft:
    """The draft that would re-create ``annotation`` (for undo and for edits)."""
    return AnnotationDraft(
        layer=annotation.layer,
        start=annotation.start,
        end=annotation.end,
        label=annotation.label,
        attributes=dict(annotation.attributes),
        actor_id=annotation.actor_id,
        links=tuple(
            LinkDraft(link.type, actor_id=link.actor_id, annotation_id=link.annotation_id)
            for link in annotation.links
        ),
        origin=annotation.origin,
        suggestion=annotation.suggestion,
    )
