"""Formats without actors point at a mention of the actor instead: the nearest one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from annotator.domain.annotations import Annotation

K = TypeVar("K")


def nearest_mention(
    annotations: tuple[Annotation, ...], source: Annotation, actor_id: int
) -> Annotation | None:
    """The mention of ``actor_id`` closest to ``source`` (earlier wins a tie), if any."""
    mentions = [a for a in annotations if a.actor_id == actor_id]
    if not mentions:
        return None
    return min(mentions, key=lambda m: (abs(m.start - source.start), m.start))


def mention_key(
    annotations: tuple[Annotation, ...], source: Annotation, actor_id: int, keys: Mapping[int, K]
) -> K | None:
    """The file's key of the nearest mention of ``actor_id``, if the document has one."""
    mention = nearest_mention(annotations, source, actor_id)
    return keys[mention.id] if mention is not None else None
