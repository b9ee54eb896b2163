"""Which actors an annotator most likely means: those mentioned closest to a span come first."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.domain.annotations import Annotation


def actors_by_proximity(mentions: Iterable[Annotation], start: int, end: int) -> list[int]:
    """Actor ids of ``mentions``, nearest to ``[start, end)`` first (inside the span counts 0).

    A mention before the span wins a tie over one after it: speakers are usually named first.
    """
    best: dict[int, tuple[int, int]] = {}
    for mention in mentions:
        if mention.actor_id is None:
            continue
        if mention.end <= start:
            key = (start - mention.end, 0)
        elif mention.start >= end:
            key = (mention.start - end, 1)
        else:
            key = (0, 0)
        if mention.actor_id not in best or key < best[mention.actor_id]:
            best[mention.actor_id] = key
    return sorted(best, key=best.__getitem__)
