"""The actor registry: canonical actors with aliases and affiliations."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session, selectinload

from annotator.domain.actors import Actor, ActorDraft, ActorKind
from annotator.domain.errors import NotFoundError, ValidationError
from annotator.store.edit_log import Action
from annotator.store.models import ActorAliasRow, ActorRow, AnnotationRow, LinkRow
from annotator.store.service import Service
from annotator.store.versions import claim


class ActorStore(Service):
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
            self._log(
                session,
                Action.CREATE,
                "actor",
                actor.id,
                after=asdict(actor),
            )
            return actor

    def update(
        self, actor_id: int, draft: ActorDraft, *, expected_version: int | None = None
    ) -> Actor:
        """Replace an actor's name, kind, aliases, description, parent and external id.

        With ``expected_version``, an actor somebody changed since is not overwritten.
        """
        name = draft.name.strip()
        if not name:
            raise ValidationError("an actor needs a name")
        with self._db.write() as session:
            what = f"the actor {draft.name!r}"
            claim(session, ActorRow, "actor", actor_id, expected_version, what)
            row = _row(session, actor_id)
            before = to_actor(row)
            if draft.parent_id is not None:
                _check_parent(session, actor_id, draft.parent_id)
            row.name, row.kind = name, ActorKind(draft.kind).value
            row.description, row.parent_id = draft.description, draft.parent_id
            row.external_id = draft.external_id
            wanted = _clean_aliases(draft.aliases, name)
            row.aliases = [a for a in row.aliases if a.alias in wanted] + [
                ActorAliasRow(alias=a) for a in wanted if a not in {r.alias for r in row.aliases}
            ]
            session.flush()
            after = to_actor(row)
            self._log(
                session,
                Action.UPDATE,
                "actor",
                actor_id,
                before=asdict(before),
                after=asdict(after),
            )
            return after

    def merge(self, keep_id: int, drop_id: int) -> ActorMerge:
        """Fold actor ``drop_id`` into ``keep_id``: its mentions, links, children and names.

        Returns what :meth:`unmerge` needs to undo it.
        """
        if keep_id == drop_id:
            raise ValidationError("an actor cannot be merged into itself")
        with self._db.write() as session:
            claim(session, ActorRow, "actor", keep_id, None, f"actor #{keep_id}")
            keep, drop = _row(session, keep_id), _row(session, drop_id)
            merge = ActorMerge(
                keep=to_actor(keep),
                drop=to_actor(drop),
                mentions=tuple(
                    session.scalars(
                        select(AnnotationRow.id).where(AnnotationRow.actor_id == drop_id)
                    )
                ),
                links=tuple(
                    session.scalars(select(LinkRow.id).where(LinkRow.target_actor_id == drop_id))
                ),
                children=tuple(
                    session.scalars(select(ActorRow.id).where(ActorRow.parent_id == drop_id))
                ),
            )
            _repoint(session, merge, keep_id)
            names = {a.alias for a in keep.aliases} | {keep.name}
            for alias in (drop.name, *(a.alias for a in drop.aliases)):
                if alias not in names:
                    keep.aliases.append(ActorAliasRow(alias=alias))
                    names.add(alias)
            if keep.parent_id == drop_id:
                keep.parent_id = drop.parent_id if drop.parent_id != keep_id else None
            session.delete(drop)
            self._log(
                session,
                Action.UPDATE,
                "actor",
                keep_id,
                before={"merged": asdict(merge.drop)},
                after=asdict(to_actor(keep)),
            )
            return merge

    def restore(self, actor: Actor) -> Actor:
        """Re-create a deleted actor under its old id (redo of a creation, undo of a deletion)."""
        with self._db.write() as session:
            session.add(_new_row(actor))
            self._log(
                session,
                Action.CREATE,
                "actor",
                actor.id,
                after=asdict(actor),
            )
        return actor

    def unmerge(self, merge: ActorMerge) -> None:
        """Undo :meth:`merge`: the dropped actor comes back with its mentions and links."""
        with self._db.write() as session:
            claim(session, ActorRow, "actor", merge.keep.id, None, f"actor {merge.keep.name!r}")
            keep = _row(session, merge.keep.id)
            drop = merge.drop
            session.add(_new_row(drop))
            session.flush()
            keep.parent_id = merge.keep.parent_id
            keep.aliases = [a for a in keep.aliases if a.alias in merge.keep.aliases]
            _repoint(session, merge, drop.id)
            self._log(
                session,
                Action.CREATE,
                "actor",
                drop.id,
                after=asdict(drop),
            )

    def delete(self, actor_id: int) -> Actor:
        """Remove an actor nobody mentions or links to; returns it (for undo)."""
        with self._db.write() as session:
            row = _row(session, actor_id)
            used = session.scalar(
                select(func.count())
                .select_from(AnnotationRow)
                .where(AnnotationRow.actor_id == actor_id)
            ) or session.scalar(
                select(func.count()).select_from(LinkRow).where(LinkRow.target_actor_id == actor_id)
            )
            if used:
                raise ValidationError(
                    f"{row.name} is still mentioned or linked; merge it into another actor instead"
                )
            actor = to_actor(row)
            session.delete(row)
            self._log(
                session,
                Action.DELETE,
                "actor",
                actor_id,
                before=asdict(actor),
            )
            return actor

    def mention_counts(self) -> dict[int, int]:
        """How many spans refer to each actor (actors without mentions are absent)."""
        with self._db.read() as session:
            return dict(
                session.execute(
                    select(AnnotationRow.actor_id, func.count())
                    .where(AnnotationRow.actor_id.is_not(None))
                    .group_by(AnnotationRow.actor_id)
                ).all()
            )

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


@dataclass(frozen=True, slots=True)
class ActorMerge:
    """What a merge changed, so that it can be undone."""

    keep: Actor
    drop: Actor
    mentions: tuple[int, ...]
    links: tuple[int, ...]
    children: tuple[int, ...]


def _repoint(session: Session, merge: ActorMerge, actor_id: int) -> None:
    """Point a merge's mentions, links and children at ``actor_id``, raising their versions."""
    if merge.mentions:
        session.execute(
            update(AnnotationRow)
            .where(AnnotationRow.id.in_(merge.mentions))
            .values(actor_id=actor_id, version=AnnotationRow.version + 1)
        )
    if merge.links:
        session.execute(
            update(LinkRow).where(LinkRow.id.in_(merge.links)).values(target_actor_id=actor_id)
        )
        sources = select(LinkRow.source_id).where(LinkRow.id.in_(merge.links))
        session.execute(
            update(AnnotationRow)
            .where(AnnotationRow.id.in_(sources))
            .values(version=AnnotationRow.version + 1)
        )
    if merge.children:
        session.execute(
            update(ActorRow)
            .where(ActorRow.id.in_(merge.children))
            .values(parent_id=actor_id, version=ActorRow.version + 1)
        )


def _new_row(actor: Actor) -> ActorRow:
    return ActorRow(
        id=actor.id,
        name=actor.name,
        kind=actor.kind.value,
        description=actor.description,
        parent_id=actor.parent_id,
        external_id=actor.external_id,
        aliases=[ActorAliasRow(alias=a) for a in actor.aliases],
        version=actor.version + 1,
    )


def _row(session: Session, actor_id: int) -> ActorRow:
    row = session.get(ActorRow, actor_id, options=[selectinload(ActorRow.aliases)])
    if row is None:
        raise NotFoundError(f"no actor with id {actor_id}")
    return row


def _check_parent(session: Session, actor_id: int, parent_id: int) -> None:
    """Refuse a missing parent and any parent chain that would lead back to the actor."""
    seen = {actor_id}
    current: int | None = parent_id
    while current is not None:
        if current in seen:
            raise ValidationError("an actor cannot belong to itself, even through others")
        seen.add(current)
        parent = session.get(ActorRow, current)
        if parent is None:
            raise NotFoundError(f"no actor with id {current} to belong to")
        current = parent.parent_id


def to_actor(row: ActorRow) -> Actor:
    return Actor(
        id=row.id,
        name=row.name,
        kind=ActorKind(row.kind),
        aliases=tuple(a.alias for a in row.aliases),
        description=row.description,
        parent_id=row.parent_id,
        external_id=row.external_id,
        version=row.version,
    )


def _clean_aliases(aliases: tuple[str, ...], name: str) -> list[str]:
    out: list[str] = []
    for alias in aliases:
        alias = alias.strip()
        if alias and alias != name and alias not in out:
            out.append(alias)
    return out
