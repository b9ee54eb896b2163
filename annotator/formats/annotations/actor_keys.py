"""Stable, file-local names for actors ("a1", "a2", ...) in order of first appearance."""

from __future__ import annotations

from annotator.domain.actors import Actor


class ActorKeys:
    def __init__(self, actors: dict[int, Actor]) -> None:
        self._actors = actors
        self._keys: dict[int, str] = {}

    def key(self, actor_id: int) -> str:
        if actor_id not in self._keys:
            self._keys[actor_id] = f"a{len(self._keys) + 1}"
        return self._keys[actor_id]

    def with_parents(self, actor_ids: list[int]) -> list[Actor]:
        """The actors named, in the order given (actors already keyed first), each preceded
        by the chain of actors it belongs to."""
        ordered: list[Actor] = []
        seen: set[int] = set()

        def visit(actor_id: int) -> None:
            if actor_id in seen or actor_id not in self._actors:
                return
            seen.add(actor_id)
            actor = self._actors[actor_id]
            if actor.parent_id is not None:
                visit(actor.parent_id)
            self.key(actor_id)
            ordered.append(actor)

        for actor_id in actor_ids:
            visit(actor_id)
        return ordered
