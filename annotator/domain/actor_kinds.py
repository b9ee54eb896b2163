"""A first guess at a new actor's kind from the words of its name.

The guess only sets what the actor picker offers; the person annotating sees it beside the name
and changes it with a key. Names with none of these words are taken for people, the most
frequent actors in news.
"""

from __future__ import annotations

import re

from annotator.domain.actors import ActorKind

_WORDS: dict[ActorKind, frozenset[str]] = {
    ActorKind.ORGANISATION: frozenset(
        [
            "council",
            "authority",
            "ministry",
            "department",
            "agency",
            "company",
            "corp",
            "corporation",
            "inc",
            "ltd",
            "llc",
            "plc",
            "gmbh",
            "ag",
            "sa",
            "bank",
            "university",
            "college",
            "school",
            "hospital",
            "court",
            "commission",
            "committee",
            "board",
            "party",
            "union",
            "association",
            "institute",
            "foundation",
            "office",
            "police",
            "army",
            "market",
            "group",
        ]
    ),
    ActorKind.MEDIA: frozenset(
        [
            "news",
            "times",
            "post",
            "courier",
            "herald",
            "gazette",
            "tribune",
            "journal",
            "radio",
            "tv",
            "television",
            "press",
            "broadcasting",
        ]
    ),
    ActorKind.STATE: frozenset(["republic", "kingdom", "states", "emirates", "federation"]),
    ActorKind.GROUP: frozenset(
        ["residents", "protesters", "farmers", "workers", "voters", "citizens", "activists"]
    ),
}
_ORDER = (ActorKind.ORGANISATION, ActorKind.MEDIA, ActorKind.STATE, ActorKind.GROUP)
_WORD = re.compile(r"\w+")


def guess_kind(name: str) -> ActorKind:
    """``ActorKind.PERSON`` unless a word of ``name`` names another kind of actor."""
    words = {word.casefold() for word in _WORD.findall(name)}
    if not words:
        return ActorKind.PERSON
    for kind in _ORDER:
        if words & _WORDS[kind]:
            return kind
    return ActorKind.PERSON
