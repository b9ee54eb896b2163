"""Actors everywhere: every name and alias of every actor, found in a text.

One Aho–Corasick automaton (pyahocorasick) over the lower-cased names finds every candidate
in one pass; then a candidate must be whole words (clitics as in the workbench: "Okafor’s",
"l’Élysée", "وقطر"; a hyphenated compound names its parts: "Verdi" in "Verdi-Sprecherin"),
match the name's capitals (a capital in the name must be a capital in the text; a small
letter may be either, so "PORT AUTHORITY" in a headline is the port
authority, "us" is not the "US", and an alias written in small letters, "the minister",
matches at the start of a sentence), and not overlap text already annotated. Overlapping
candidates: the longest wins. A wording that names two actors is left out and counted.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import ahocorasick

from annotator.domain.actors import Actor
from annotator.domain.annotations import AnnotationDraft, Origin
from annotator.domain.suggestions import Why
from annotator.domain.words import stands_alone

ENGINE = "actors"


@dataclass(frozen=True, slots=True)
class _Name:
    written: str  # as the actor's name or alias is written
    actor_id: int
    actor: str  # the actor's canonical name
    alias: bool
    why: Why  # made once per name, shared by every span it finds


@dataclass(slots=True)
class ActorFinding:
    drafts: list[AnnotationDraft] = field(default_factory=list)
    ambiguous: int = 0  # wordings that name more than one actor


class ActorFinder:
    """Built once per run from the registry, then :meth:`find` per text."""

    def __init__(self, actors: Iterable[Actor], layer: str = "actor") -> None:
        self.layer = layer
        by_key: dict[str, list[_Name]] = {}
        for actor in actors:
            for index, written in enumerate(actor.names()):
                key = _fold(written.strip())
                if len(key) < 2 or len(key) != len(written.strip()):
                    continue  # a one-letter alias finds everything; odd case rules nothing
                shown = written.strip()
                reason = f"alias “{shown}” of {actor.name}" if index else f"name of {actor.name}"
                entry = _Name(shown, actor.id, actor.name, index > 0, Why(ENGINE, reason))
                by_key.setdefault(key, []).append(entry)
        self._automaton = ahocorasick.Automaton()
        for key, names in by_key.items():
            self._automaton.add_word(key, (len(key), tuple(names)))
        self.empty = not by_key
        self._longest = max((len(key) for key in by_key), default=0)
        if not self.empty:
            self._automaton.make_automaton()

    def find(self, text: str, taken: Sequence[tuple[int, int]] = ()) -> ActorFinding:
        """Suggested mentions in ``text``, none overlapping a ``taken`` (start, end)."""
        found = ActorFinding()
        if self.empty:
            return found
        candidates: list[tuple[int, int, _Name]] = []
        shared: list[tuple[int, int]] = []  # wordings several actors are called by
        folded = _fold(text)
        # leftmost-longest matches, in C; then the matches that start inside one: a longer
        # name may ("The Chamber" | "Chamber of Commerce"), and where the leftmost is no whole
        # word ("Okaforian"), a shorter one inside it may stand
        for last, (length, names) in self._automaton.iter_long(folded):
            start, end = last + 1 - length, last + 1
            took = self._take(text, start, end, names, candidates, shared)
            reach = min(len(folded), end + self._longest)
            for inner_last, (inner, inner_names) in self._automaton.iter(folded, start, reach):
                inner_start, inner_end = inner_last + 1 - inner, inner_last + 1
                if not start <= inner_start < end or (inner_start, inner_end) == (start, end):
                    continue
                if inner > length or not took:
                    self._take(text, inner_start, inner_end, inner_names, candidates, shared)
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))  # longest first, then leftmost
        chosen = _union(taken)
        for start, end, name in candidates:
            if _overlaps(chosen, start, end):
                continue
            bisect.insort(chosen, (start, end))
            found.drafts.append(_draft(self.layer, start, end, name))
        found.drafts.sort(key=lambda d: d.start)
        found.ambiguous = sum(not _overlaps(chosen, start, end) for start, end in shared)
        return found

    @staticmethod
    def _take(
        text: str, start: int, end: int, names: tuple[_Name, ...],
        candidates: list[tuple[int, int, _Name]], shared: list[tuple[int, int]],
    ) -> bool:  # fmt: skip
        """Keep a match that is whole words written with the name's capitals; False if it
        is none."""
        if not stands_alone(text, start, end, compounds=True):
            return False
        if len(names) == 1:
            if not _capitals_match(names[0].written, text, start):
                return False
            candidates.append((start, end, names[0]))
            return True
        fitting = [n for n in names if _capitals_match(n.written, text, start)]
        if len({n.actor_id for n in fitting}) > 1:
            shared.append((start, end))
            return True
        if not fitting:
            return False
        candidates.append((start, end, min(fitting, key=lambda n: n.alias)))
        return True


def _draft(layer: str, start: int, end: int, name: _Name) -> AnnotationDraft:
    return AnnotationDraft(
        layer, start, end, actor_id=name.actor_id, origin=Origin.SUGGESTED, suggestion=name.why
    )


def _fold(text: str) -> str:
    """Lower case with every character kept in place (offsets must not move)."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(c if len(low := c.lower()) != 1 else low for c in text)


def _capitals_match(name: str, text: str, start: int) -> bool:
    if text.startswith(name, start):
        return True  # written as the name is: the common case
    for offset, char in enumerate(name):
        written = text[start + offset]
        if char != written and (char.isupper() or char != written.lower()):
            return False
    return True


def _union(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The text ``spans`` cover, as sorted stretches that do not overlap."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _overlaps(chosen: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    index = bisect.bisect_left(chosen, (start, end))
    before = chosen[index - 1] if index > 0 else None
    after = chosen[index] if index < len(chosen) else None
    return (before is not None and before[1] > start) or (after is not None and after[0] < end)
