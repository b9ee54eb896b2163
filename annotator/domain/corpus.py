"""Annotated documents as they travel to and from files."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from annotator.domain.actors import Actor, ActorKind
from annotator.domain.annotations import Annotation, Origin
from annotator.domain.documents import Document, DocumentDraft, DocumentStatus
from annotator.domain.errors import ValidationError
from annotator.domain.losses import Dropped
from annotator.domain.scheme import AttributeKind, Scheme


@dataclass(frozen=True, slots=True)
class AnnotatedDocument:
    """A stored document with its spans, on the way out to a file."""

    document: Document
    annotations: tuple[Annotation, ...]


@dataclass(frozen=True, slots=True)
class Corpus:
    """What every export needs besides the documents: the project's actors and scheme."""

    actors: dict[int, Actor]
    scheme: Scheme
    # the stored exchange GUID of each key of a kind (REFI-QDA); None: fresh ones each time
    guids: Callable[[str, Iterable[str]], dict[str, str]] | None = None

    def attribute_kind(self, layer: str, name: str) -> AttributeKind | None:
        """The kind of attribute ``name`` of ``layer``, or None if the scheme has no such one."""
        try:
            return self.scheme.layer(layer).attribute(name).kind
        except ValidationError:
            return None


@dataclass(frozen=True, slots=True)
class ImportedActor:
    """An actor named in a file. ``key`` is the file's own reference to it."""

    key: str
    name: str
    kind: ActorKind = ActorKind.OTHER
    aliases: tuple[str, ...] = ()
    parent_key: str | None = None
    external_id: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class ImportedLink:
    type: str
    actor_key: str | None = None
    span_key: str | None = None


@dataclass(frozen=True, slots=True)
class ImportedSpan:
    key: str
    layer: str
    start: int  # code points
    end: int
    label: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    actor_key: str | None = None
    links: tuple[ImportedLink, ...] = ()
    annotator: str | None = None
    origin: Origin = Origin.IMPORTED
    text: str | None = None  # what the file says the span covers, checked on import
    line: int | None = None  # where the file defines it, for messages
    choices: frozenset[str] = frozenset()  # attributes whose values come from a fixed list


@dataclass(frozen=True, slots=True)
class CodebookEntry:
    """A place in the scheme a file's code book declares, used by a span or not: a layer, one
    of its labels, or a value of one of its choice attributes (a QDA program's code tree)."""

    layer: str
    label: str | None = None
    attribute: str | None = None
    value: str | None = None


@dataclass(frozen=True, slots=True)
class ImportedDocument:
    draft: DocumentDraft
    spans: tuple[ImportedSpan, ...] = ()
    actors: tuple[ImportedActor, ...] = ()
    status: DocumentStatus | None = None
    line: int | None = None
    # The format has no actor identity: mentions name their actor by their text, and links
    # from a quote or claim to a mention mean the mention's actor.
    infer_actors: bool = False
    notices: tuple[str, ...] = ()  # what the reader wants the user to know
    dropped: tuple[Dropped, ...] = ()  # what the reader could not take from this record
    codebook: tuple[CodebookEntry, ...] = ()  # the file's code book, given with one record
    # nothing to store: the record only says what was not taken (a source outside the file)
    placeholder: bool = False
