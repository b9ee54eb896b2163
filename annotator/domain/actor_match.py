"""Finding the actor a piece of text names: the picker's ranking and its duplicate warning.

Matching is loose where annotators expect it: case and accents do not matter, and a
possessive or an elision around a name is not part of it ("Qatar's" is Qatar, "l'Élysée" is
Élysée). Wordings linked before count most: the second "Egyptian officials" is offered the
actor the first one was linked to.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from annotator.domain.actors import Actor

_POSSESSIVE = re.compile(r"['\u2019]s$", re.IGNORECASE)
_ELISION = re.compile(
    r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|dell|all|dall|nell|sull)['\u2019]",
    re.IGNORECASE,
)
_EDGES = " \t\n\"'“”„«»‹›‘’.,;:!?()[]"


def bare_name(text: str) -> str:
    """``text`` as a name: one line, no quotes or punctuation around it, no possessive or
    elision, casefolded and without accents, for comparing."""
    name = " ".join(text.split()).strip(_EDGES)
    name = _ELISION.sub("", _POSSESSIVE.sub("", name))
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip(_EDGES)


def display_name(text: str) -> str:
    """``text`` as a name to show or keep as an alias: one line, no quotes, punctuation,
    possessive or elision around it; case and accents as written."""
    name = " ".join(text.split()).strip(_EDGES)
    return _ELISION.sub("", _POSSESSIVE.sub("", name)).strip(_EDGES)


def wording_key(text: str) -> str:
    """The key under which a mention's wording is remembered with its actor."""
    return bare_name(text)


def rank_actors(
    actors: Iterable[Actor],
    query: str,
    nearby: list[int],
    linked: Mapping[int, int] | None = None,
) -> list[Actor]:
    """Actors whose name or alias contains ``query`` (loosely): those this wording was
    linked to before first (most often first), then exact names, prefixes, the rest; within
    each, actors mentioned near the span first."""
    key = bare_name(query)
    order = {actor_id: i for i, actor_id in enumerate(nearby)}
    linked = linked or {}

    def score(actor: Actor) -> tuple[int, int, int, str] | None:
        names = [bare_name(n) for n in actor.names()]
        times = linked.get(actor.id, 0)
        if key and not times and not any(key in n for n in names):
            return None
        prefix = any(n.startswith(key) for n in names)
        tier = 0 if times else 1 if key in names else 2 if prefix else 3
        return (tier, -times, order.get(actor.id, len(order)), actor.name.casefold())

    scored = [(s, a) for a in actors if (s := score(a)) is not None]
    return [actor for _, actor in sorted(scored, key=lambda pair: pair[0])]


def likely_duplicates(actors: Iterable[Actor], name: str) -> list[Actor]:
    """Actors a new actor called ``name`` probably is already: the same name loosely, or a
    name that is a whole-word part of the other ("Haniyeh" and "Ismail Haniyeh")."""
    new = bare_name(name)
    if not new:
        return []
    new_words = _words(name)
    found = []
    for actor in actors:
        for other in actor.names():
            words = _words(other)
            same = bare_name(other) == new
            if same or _contains(new_words, words) or _contains(words, new_words):
                found.append(actor)
                break
    return found


def exact_match(actors: Iterable[Actor], text: str) -> bool:
    """Whether some actor is called ``text`` (loosely) by name or alias."""
    key = bare_name(text)
    return bool(key) and any(key == bare_name(n) for a in actors for n in a.names())


def _words(name: str) -> list[str]:
    return [word for word in (bare_name(w) for w in name.split()) if word]


def _contains(longer: list[str], shorter: list[str]) -> bool:
    if not shorter or len(shorter) >= len(longer):
        return False
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))
