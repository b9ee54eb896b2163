"""Where an actor is used (its mentions, the links to it, the actors that belong to it), and
moving those uses to another actor or to none. Merge, delete and split are built on it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from annotator.store.models import ActorRow, AnnotationRow, LinkRow


@dataclass(frozen=True, slots=True)
class ActorUses:
    mentions: tuple[int, ...]  # spans whose actor it is
    links: tuple[int, ...]  # links (speaker, claimant …) to it
    children: tuple[int, ...]  # actors that belong to it

    @property
    def count(self) -> int:
        return len(self.mentions) + len(self.links) + len(self.children)


def uses_of(session: Session, actor_id: int) -> ActorUses:
    return ActorUses(
        mentions=tuple(
            session.scalars(select(AnnotationRow.id).where(AnnotationRow.actor_id == actor_id))
        ),
        links=tuple(session.scalars(select(LinkRow.id).where(LinkRow.target_actor_id == actor_id))),
        children=tuple(session.scalars(select(ActorRow.id).where(ActorRow.parent_id == actor_id))),
    )


def repoint(session: Session, uses: ActorUses, actor_id: int | None) -> None:
    """Point mentions, links and children at ``actor_id`` (mentions and children at none when
    it is None; links cannot point at none and must be deleted first), raising versions."""
    if uses.mentions:
        session.execute(
            update(AnnotationRow)
            .where(AnnotationRow.id.in_(uses.mentions))
            .values(actor_id=actor_id, version=AnnotationRow.version + 1)
        )
    if uses.links and actor_id is not None:
        session.execute(
            update(LinkRow).where(LinkRow.id.in_(uses.links)).values(target_actor_id=actor_id)
        )
        sources = select(LinkRow.source_id).where(LinkRow.id.in_(uses.links))
        session.execute(
            update(AnnotationRow)
            .where(AnnotationRow.id.in_(sources))
            .values(version=AnnotationRow.version + 1)
        )
    if uses.children:
        session.execute(
            update(ActorRow)
            .where(ActorRow.id.in_(uses.children))
            .values(parent_id=actor_id, version=ActorRow.version + 1)
        )
