"""The actor registry: canonical actors with aliases and affiliations."""

from __future__ import annotations

import builtins
from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.orm import Session, selectinload

from annotator.domain.actor_match import wording_key
from annotator.domain.actors import Actor, ActorDraft, ActorKind
from annotator.domain.errors import NotFoundError, ValidationError
from annotator.store.actor_uses import ActorUses, repoint, uses_of
from annotator.store.edit_log import Action
from annotator.store.models import ActorAliasRow, ActorRow, AnnotationRow, DocumentRow, LinkRow
from annotator.store.service import Service
from annotator.store.versions import claim


class ActorStore(Service):
    def create(self, draft: ActorDraft) -> Actor:
        with self._db.write() as session:
            return self._create(session, draft)

    def _create(
        self, session: Session, draft: ActorDraft, *, log: bool = True, actor_id: int | None = None
    ) -> Actor:
        """A new actor from ``draft``, in the caller's transaction (under ``actor_id`` when
        given: a redo re-creates the same actor)."""
        name = draft.name.strip()
        if not name:
            raise ValidationError("an actor needs a name")
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
        if actor_id is not None:
            row.id = actor_id
        session.add(row)
        session.flush()
        actor = to_actor(row)
        if log:
            self._log(session, Action.CREATE, "actor", actor.id, after=asdict(actor))
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
                keep=to_actor(keep), drop=to_actor(drop), uses=uses_of(session, drop_id)
            )
            repoint(session, merge.uses, keep_id)
            names = {a.alias for a in keep.aliases} | {keep.name}
            for alias in (drop.name, *(a.alias for a in drop.aliases)):
                if alias not in names:
                    keep.aliases.append(ActorAliasRow(alias=alias))
                    names.add(alias)
            if keep.parent_id == drop_id:
                keep.parent_id = drop.parent_id if drop.parent_id != keep_id else None
            session.delete(drop)
            session.flush()
            self._log(
                session,
                Action.MERGE,
                "actor",
                keep_id,
                before={"merge": asdict(merge)},
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

    def unmerge(self, merge: ActorMerge, *, expected_version: int | None = None) -> None:
        """Undo :meth:`merge`: the dropped actor comes back with its mentions and links.

        With ``expected_version`` (the kept actor's version right after the merge), a kept
        actor somebody changed since is left as it is."""
        with self._db.write() as session:
            what = f"the actor {merge.keep.name!r}"
            claim(session, ActorRow, "actor", merge.keep.id, expected_version, what)
            keep = _row(session, merge.keep.id)
            drop = merge.drop
            session.add(_new_row(drop))
            session.flush()
            keep.parent_id = merge.keep.parent_id
            keep.aliases = [a for a in keep.aliases if a.alias in merge.keep.aliases]
            repoint(session, merge.uses, drop.id)
            self._log(
                session,
                Action.UNMERGE,
                "actor",
                drop.id,
                before={"merge": asdict(merge)},
                after=asdict(drop),
            )

    def usage(self, actor_id: int) -> ActorUses:
        """Where an actor is used, to say what deleting it would change."""
        with self._db.read() as session:
            return uses_of(session, actor_id)

    def remove(self, actor_id: int) -> ActorDeletion:
        """Delete an actor however it is used: its mentions keep their spans without an actor,
        links to it (speaker, claimant …) go, actors belonging to it belong to none.
        :meth:`unremove` puts all of it back."""
        with self._db.write() as session:
            row = _row(session, actor_id)
            actor = to_actor(row)
            uses = uses_of(session, actor_id)
            links = tuple(
                (id_, kind, source, who)
                for id_, kind, source, who in session.execute(
                    select(LinkRow.id, LinkRow.type, LinkRow.source_id, LinkRow.annotator_id)
                    .where(LinkRow.id.in_(uses.links))
                    .order_by(LinkRow.id)
                )
            )
            sources = {source for _, _, source, _ in links}
            session.execute(delete(LinkRow).where(LinkRow.id.in_(uses.links)))
            if sources:
                session.execute(
                    update(AnnotationRow)
                    .where(AnnotationRow.id.in_(sources))
                    .values(version=AnnotationRow.version + 1)
                )
            repoint(session, uses, None)
            session.delete(row)
            deletion = ActorDeletion(actor, uses, links)
            self._log(
                session, Action.REMOVE, "actor", actor_id, before={"deletion": asdict(deletion)}
            )
            return deletion

    def unremove(self, deletion: ActorDeletion) -> None:
        """Undo :meth:`remove`: the actor, its mentions, links and members come back."""
        with self._db.write() as session:
            session.add(_new_row(deletion.actor))
            session.flush()
            repoint(session, replace(deletion.uses, links=()), deletion.actor.id)
            for id_, kind, source, who in deletion.links:
                session.execute(
                    insert(LinkRow).values(
                        id=id_, type=kind, source_id=source, target_actor_id=deletion.actor.id,
                        annotator_id=who,
                    )
                )  # fmt: skip
            self._log(
                session,
                Action.UNREMOVE,
                "actor",
                deletion.actor.id,
                after={"deletion": asdict(deletion)},
            )

    def split(
        self,
        actor_id: int,
        mentions: list[int],
        draft: ActorDraft,
        *,
        made_id: int | None = None,
    ) -> ActorSplit:
        """Move ``mentions`` of an actor to a new actor made from ``draft`` (under ``made_id``
        when given: a redo makes the same actor again)."""
        if not mentions:
            raise ValidationError("choose the mentions that name the new actor")
        with self._db.write() as session:
            source = _row(session, actor_id)
            owned = set(
                session.scalars(
                    select(AnnotationRow.id).where(
                        AnnotationRow.id.in_(mentions), AnnotationRow.actor_id == actor_id
                    )
                )
            )
            if owned != set(mentions):
                raise ValidationError(f"some of those spans do not name {source.name} (any more)")
            made = self._create(session, draft, log=False, actor_id=made_id)
            repoint(session, ActorUses(tuple(mentions), (), ()), made.id)
            split = ActorSplit(to_actor(source), made, tuple(mentions))
            self._log(session, Action.SPLIT, "actor", actor_id, after={"split": asdict(split)})
            return split

    def unsplit(self, split: ActorSplit) -> None:
        """Undo :meth:`split`: the mentions go back, the new actor goes (in one step)."""
        with self._db.write() as session:
            repoint(session, ActorUses(split.mentions, (), ()), split.source.id)
            made = _row(session, split.made.id)
            if uses_of(session, made.id).count:
                raise ValidationError(f"{made.name} is in use now; delete or merge it instead")
            session.delete(made)
            self._log(
                session, Action.UNSPLIT, "actor", split.source.id, before={"split": asdict(split)}
            )

    def delete(self, actor_id: int, *, expected_version: int | None = None) -> Actor:
        """Remove an actor nobody mentions or links to; returns it (for undo). With
        ``expected_version``, an actor somebody changed since is left as it is."""
        with self._db.write() as session:
            if expected_version is not None:
                claim(session, ActorRow, "actor", actor_id, expected_version, f"actor #{actor_id}")
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

    def mentions_of(self, actor_id: int) -> list[tuple[int, str, str]]:
        """(span id, document title, span text) of every mention of an actor, in reading
        order of the corpus."""
        with self._db.read() as session:
            return [
                (span_id, title, text)
                for span_id, title, text in session.execute(
                    select(AnnotationRow.id, DocumentRow.title, AnnotationRow.text)
                    .join(DocumentRow, DocumentRow.id == AnnotationRow.document_id)
                    .where(AnnotationRow.actor_id == actor_id)
                    .order_by(AnnotationRow.document_id, AnnotationRow.start)
                )
            ]

    def linked_wordings(self) -> dict[str, dict[int, int]]:
        """For each wording of a mention (compared loosely), how often it was linked to which
        actor: what the picker offers first for the same words."""
        found: dict[str, dict[int, int]] = {}
        with self._db.read() as session:
            for text, actor_id, times in session.execute(
                select(AnnotationRow.text, AnnotationRow.actor_id, func.count())
                .where(AnnotationRow.actor_id.is_not(None))
                .group_by(AnnotationRow.text, AnnotationRow.actor_id)
            ):
                if actor_id is None:
                    continue
                linked = found.setdefault(wording_key(text), {})
                linked[actor_id] = linked.get(actor_id, 0) + times
        return found

    def mention_counts(self) -> dict[int, int]:
        """How many spans refer to each actor (actors without mentions are absent)."""
        with self._db.read() as session:
            return {
                int(actor_id): int(count)
                for actor_id, count in session.execute(
                    select(AnnotationRow.actor_id, func.count())
                    .where(AnnotationRow.actor_id.is_not(None))
                    .group_by(AnnotationRow.actor_id)
                )
                if actor_id is not None
            }

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

    def find(self, name: str) -> builtins.list[Actor]:
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
    uses: ActorUses  # the dropped actor's, now the kept one's


@dataclass(frozen=True, slots=True)
class ActorDeletion:
    """An actor deleted with its uses: mentions left without actor, links removed."""

    actor: Actor
    uses: ActorUses
    links: tuple[tuple[int, str, int, int], ...]  # id, type, source span, annotator


@dataclass(frozen=True, slots=True)
class ActorSplit:
    """Mentions moved from ``source`` to the new actor ``made``."""

    source: Actor
    made: Actor
    mentions: tuple[int, ...]


def actor_from_dict(data: dict[str, Any]) -> Actor:
    """An :class:`Actor` from its edit-log form."""
    return Actor(
        id=int(data["id"]),
        name=str(data["name"]),
        kind=ActorKind(data["kind"]),
        aliases=tuple(data.get("aliases") or ()),
        description=data.get("description"),
        parent_id=data.get("parent_id"),
        external_id=data.get("external_id"),
        version=int(data.get("version", 1)),
    )


def _uses_from_dict(data: dict[str, Any]) -> ActorUses:
    return ActorUses(
        tuple(data.get("mentions") or ()),
        tuple(data.get("links") or ()),
        tuple(data.get("children") or ()),
    )


def merge_from_dict(data: dict[str, Any]) -> ActorMerge:
    return ActorMerge(
        actor_from_dict(data["keep"]), actor_from_dict(data["drop"]), _uses_from_dict(data["uses"])
    )


def deletion_from_dict(data: dict[str, Any]) -> ActorDeletion:
    links = tuple(
        (int(id_), str(kind), int(source), int(who)) for id_, kind, source, who in data["links"]
    )
    return ActorDeletion(actor_from_dict(data["actor"]), _uses_from_dict(data["uses"]), links)


def split_from_dict(data: dict[str, Any]) -> ActorSplit:
    return ActorSplit(
        actor_from_dict(data["source"]),
        actor_from_dict(data["made"]),
        tuple(int(m) for m in data["mentions"]),
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
