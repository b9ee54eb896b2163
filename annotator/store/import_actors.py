"""The actors one annotated file names, resolved to the project's: matched by external id,
then by name and kind, then by an alias (an actor merged into another here), else made."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.domain.actor_kinds import guess_kind
from annotator.domain.corpus import ImportedActor
from annotator.store.actors import find_actors
from annotator.store.models import ActorAliasRow, ActorRow

if TYPE_CHECKING:
    from annotator.store.annotated_import import AnnotatedResult


class ImportActors:
    def __init__(self, session: Session, result: AnnotatedResult) -> None:
        self.session = session
        self.result = result
        self.ids: dict[str, int] = {}  # the file's actor key -> the project's actor id

    def resolve(self, key: str | None, known: dict[str, ImportedActor]) -> int | None:
        """The project's actor for the file's actor ``key``: matched, or made."""
        if key is None:
            return None
        if key in self.ids:
            return self.ids[key]
        actor = known.get(key) or ImportedActor(key=key, name=key)
        parent = self.resolve(actor.parent_key, known) if actor.parent_key else None
        found = self._match(actor)
        if found is None:
            row = ActorRow(
                name=actor.name, kind=actor.kind.value, description=actor.description,
                parent_id=parent, external_id=actor.external_id,
                aliases=[ActorAliasRow(alias=a) for a in dict.fromkeys(actor.aliases)
                         if a != actor.name],
            )  # fmt: skip
            self.session.add(row)
            self.session.flush()
            found = row.id
            self.result.actors_created += 1
        self.ids[key] = found
        return found

    def _match(self, actor: ImportedActor) -> int | None:
        if actor.external_id:
            found = self.session.scalar(
                select(ActorRow.id).where(ActorRow.external_id == actor.external_id)
            )
            if found is not None:
                return found
        found = self.session.scalar(
            select(ActorRow.id)
            .where(ActorRow.name == actor.name, ActorRow.kind == actor.kind.value)
            .order_by(ActorRow.id)
        )
        if found is not None:
            return found
        # an actor merged into another here: its name lives on as that one's alias
        aliased = self.session.execute(
            select(ActorRow.id, ActorRow.name)
            .join(ActorAliasRow, ActorAliasRow.actor_id == ActorRow.id)
            .where(ActorAliasRow.alias == actor.name, ActorRow.kind == actor.kind.value)
            .order_by(ActorRow.id)
        ).first()
        if aliased is None:
            return None
        self.result.notices.append(
            f"actor {actor.name!r} is an alias of {aliased.name!r} here (merged on one side): "
            "its spans name that actor"
        )
        return int(aliased.id)

    def named(self, value: Any, known: dict[str, ImportedActor]) -> int | None:
        """The actor a value written as a name stands for: one by that name or alias, else a
        new one (its kind guessed from the name)."""
        if not isinstance(value, str) or not " ".join(value.split()):
            return None
        name = " ".join(value.split())
        key = f"name:{name.casefold()}"
        if key not in known:
            found = self._by_name_or_alias(name)
            if found is not None:
                self.ids[key] = found
                return found
            known[key] = ImportedActor(key=key, name=name, kind=guess_kind(name))
        return self.resolve(key, known)

    def _by_name_or_alias(self, name: str) -> int | None:
        """An actor named so (first) or with that alias, ignoring case (the registry's own
        lookup, :func:`find_actors`)."""
        found = find_actors(self.session, name.casefold())
        named = [a for a in found if a.name.casefold() == name.casefold()]
        return (named or found)[0].id if found else None
