"""Which actors an annotator most likely means: those mentioned closest to a span come first."""

from __future__ import annotations

import re
from collections.abc import Iterable

from annotator.domain.annotations import Annotation

# the end of a sentence or of a paragraph between a mention and the span
_BOUNDARY = re.compile(r"[.!?…]['\"”’»)]*\s|\n")


def actors_by_proximity(
    mentions: Iterable[Annotation], start: int, end: int, text: str = ""
) -> list[int]:
    """Actor ids of ``mentions``, nearest to ``[start, end)`` first (inside the span counts 0).

    Given the article's ``text``, a mention in the span's own sentence comes before one across
    a sentence or paragraph end, however close: in "Saar told councillors that the barrier
    would hold. Reyes voted against", the speaker of the quote is Saar. A mention before the
    span wins a tie over one after it: speakers are usually named first.
    """
    best: dict[int, tuple[bool, int, int]] = {}
    for mention in mentions:
        if mention.actor_id is None:
            continue
        if mention.end <= start:
            gap, key = text[mention.end : start], (start - mention.end, 0)
        elif mention.start >= end:
            gap, key = text[end : mention.start], (mention.start - end, 1)
        else:
            gap, key = "", (0, 0)
        ranked = (_BOUNDARY.search(gap) is not None, *key)
        if mention.actor_id not in best or ranked < best[mention.actor_id]:
            best[mention.actor_id] = ranked
    return sorted(best, key=best.__getitem__)
