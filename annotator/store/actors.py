"""The actor registry: canonical actors with aliases and affiliations."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from annotator.domain.actors import Actor, ActorDraft, ActorKind
from annotator.domain.errors import NotFoundError, ValidationError
from annotator.store.annotators import annotator_id
from annotator.store.database import Database
from annotator.store.edit_log import Action, record
from annotator.store.models import ActorAliasRow, ActorRow


class ActorStore:
    def __init__(self, db: Database, annotator: str) -> None:
        self._db = db
        self._annotator = annotator

    def create(self, draft: ActorDraft) -> Actor:
        name = draft.name.strip()
        if not name:
            raise ValidationError("an actor needs a name")
        with self._db.write() as session:
            if draft.parent_id is not None and session.get(ActorRow, draft.parent_id) is None:
                raise NotFoundError(f"no actor with id {draft.parent_id} to belong to")
            row = ActorRow(
                name=name,
                kind=ActorKind(draft.kind).value,
                description=draft.description,
                parent_id=draft.parent_id,
                external_id=draft.external_id,
                aliases=[ActorAliasRow(alias=a) for a in _clean_aliases(draft.aliases, name)],
            )
            session.add(row)
            session.flush()
            actor = to_actor(row)
            record(
                session,
                annotator_id=annotator_id(session, self._annotator),
                action=Action.CREATE,
                entity="actor",
                entity_id=actor.id,
                after=asdict(actor),
            )
            return actor

    def get(self, actor_id: int) -> Actor:
        with self._db.read() as session:
            row = session.get(ActorRow, actor_id, options=[selectinload(ActorRow.aliases)])
            if row is None:
                raise NotFoundError(f"no actor with id {actor_id}")
            return to_actor(row)

    def list(self) -> list[Actor]:
        with self._db.read() as session:
            rows = session.scalars(
                select(ActorRow).options(selectinload(ActorRow.aliases)).order_by(ActorRow.name)
            )
            return [to_actor(row) for row in rows]

    def find(self, name: str) -> list[Actor]:
        """Actors whose name or an alias equals ``name``, ignoring case."""
        key = name.strip().lower()
        with self._db.read() as session:
            return find_actors(session, key)


def find_actors(session: Session, key: str) -> list[Actor]:
    aliased = select(ActorAliasRow.actor_id).where(func.lower(ActorAliasRow.alias) == key)
    rows = session.scalars(
        select(ActorRow)
        .options(selectinload(ActorRow.aliases))
        .where(or_(func.lower(ActorRow.name) == key, ActorRow.id.in_(aliased)))
        .order_by(ActorRow.id)
    )
    return [to_actor(row) for row in rows]


def to_actor(row: ActorRow) -> Actor:
    return Actor(
        id=row.id,
        name=row.name,
        kind=ActorKind(row.kind),
        aliases=tuple(a.alias for a in row.aliases),
        description=row.description,
        parent_id=row.parent_id,
        external_id=row.external_id,
    )


def _clean_aliases(aliases: tuple[str, ...], name: str) -> list[str]:
    out: list[str] = []
    for alias in aliases:
        alias = alias.strip()
        if alias and alias != name and alias not in out:
            out.append(alias)
    return out
