"""Actors: the people, organisations and states that mentions refer to."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    STATE = "state"
    GROUP = "group"
    MEDIA = "media"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class ActorDraft:
    """A new actor. ``parent_id`` names the actor it belongs to (a minister to a state)."""

    name: str
    kind: ActorKind = ActorKind.OTHER
    aliases: tuple[str, ...] = ()
    description: str | None = None
    parent_id: int | None = None
    external_id: str | None = None  # e.g. a Wikidata QID


@dataclass(frozen=True, slots=True)
class Actor:
    id: int
    name: str
    kind: ActorKind
    aliases: tuple[str, ...]
    description: str | None
    parent_id: int | None
    external_id: str | None
    version: int = 1  # raised by one on every change

    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)


def actor_draft(actor: Actor) -> ActorDraft:
    """The draft that would re-create ``actor`` (for undo and for edits)."""
    return ActorDraft(
        name=actor.name,
        kind=actor.kind,
        aliases=actor.aliases,
        description=actor.description,
        parent_id=actor.parent_id,
        external_id=actor.external_id,
    )
