"""Agreement on where the spans are: pairwise F1 (exact and overlap matching) and the spans
that match across annotators (α_u is in :mod:`annotator.analysis.unitizing`).

A span here is anything :class:`Marked`: its id and offsets, what it is (the layer, or
layer:label) and the values it carries (attributes, and actors by id for speaker, claimant and
the mention's actor); :class:`Unit` is the plain one. The store's spans are marked as they are
read, so a corpus is not copied into units first.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol, TypeVar


class Marked(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def values(self) -> Mapping[str, Any]: ...


class Unit(NamedTuple):
    id: int
    start: int
    end: int
    kind: str  # the layer, or "layer:label"
    values: Mapping[str, Any] = {}  # attribute -> value (actor id); never changed


M = TypeVar("M", bound=Marked)


@dataclass(frozen=True, slots=True)
class PairScore:
    matched: int
    only_first: int
    only_second: int

    @property
    def f1(self) -> float | None:
        total = 2 * self.matched + self.only_first + self.only_second
        return None if total == 0 else 2 * self.matched / total

    def __add__(self, other: PairScore) -> PairScore:
        return PairScore(
            self.matched + other.matched,
            self.only_first + other.only_first,
            self.only_second + other.only_second,
        )


def matches(first: Sequence[M], second: Sequence[M], *, overlap: bool) -> list[tuple[M, M]]:
    """One-to-one matches of the same kind: identical offsets first; with ``overlap``, then
    the pairs that share the most characters."""
    found, rest, used = _exact(first, second)
    if overlap and rest:
        found += _closest(rest, [b for b in second if b.id not in used], used)
    return found


def pair_scores(first: Sequence[M], second: Sequence[M]) -> tuple[PairScore, PairScore]:
    """The pair's scores with exact and with overlap matching (the exact matches are found
    once for both)."""
    found, rest, used = _exact(first, second)
    exact = len(found)
    loose = exact + (len(_closest(rest, [b for b in second if b.id not in used], used)) if rest
                     else 0)  # fmt: skip
    return (
        PairScore(exact, len(first) - exact, len(second) - exact),
        PairScore(loose, len(first) - loose, len(second) - loose),
    )


def pair_score(first: Sequence[M], second: Sequence[M], *, overlap: bool) -> PairScore:
    matched = len(matches(first, second, overlap=overlap))
    return PairScore(matched, len(first) - matched, len(second) - matched)


def _exact(first: Sequence[M], second: Sequence[M]) -> tuple[list[tuple[M, M]], list[M], set[int]]:
    """The pairs with identical offsets and kind, the rest of ``first``, and the ids of
    ``second`` used."""
    twins = {(u.start, u.end, u.kind): u for u in second}
    found: list[tuple[M, M]] = []
    used: set[int] = set()
    rest: list[M] = []
    for unit in first:
        twin = twins.get((unit.start, unit.end, unit.kind))
        if twin is not None and twin.id not in used:
            found.append((unit, twin))
            used.add(twin.id)
        else:
            rest.append(unit)
    return found, rest, used


def _closest(first: Sequence[M], second: Sequence[M], used: set[int]) -> list[tuple[M, M]]:
    """Overlapping pairs, the ones sharing the most characters first; adds to ``used``."""
    candidates = sorted(_overlapping(first, second), key=lambda item: (-item[0], item[1], item[2]))
    found: list[tuple[M, M]] = []
    taken: set[int] = set()
    for _shared, a_id, b_id, a, b in candidates:
        if a_id in taken or b_id in used:
            continue
        found.append((a, b))
        taken.add(a_id)
        used.add(b_id)
    return found


def _overlapping(first: Sequence[M], second: Sequence[M]) -> list[tuple[int, int, int, M, M]]:
    """(shared characters, ids, spans) of the pairs of the same kind that overlap, found by
    binary search over ``second`` sorted by start (not by trying every pair)."""
    ordered = sorted(second, key=lambda u: u.start)
    starts = [u.start for u in ordered]
    longest = max((u.end - u.start for u in ordered), default=0)
    found = []
    for a in first:
        low = bisect.bisect_left(starts, a.start - longest)
        high = bisect.bisect_left(starts, a.end)
        for b in ordered[low:high]:
            shared = min(a.end, b.end) - max(a.start, b.start)
            if shared > 0 and a.kind == b.kind:
                found.append((shared, a.id, b.id, a, b))
    return found


def groups(by_annotator: Mapping[str, Sequence[M]]) -> list[dict[str, M]]:
    """The spans that match across annotators (overlap matching), one dict per group from
    annotator to span. Each annotator's span is in exactly one group; a span nobody else has
    is a group of one."""
    names = sorted(by_annotator)
    found: list[dict[str, M]] = []
    placed: dict[tuple[str, int], dict[str, M]] = {}
    for i, a in enumerate(names):
        for unit in by_annotator[a]:
            if (a, unit.id) not in placed:
                group = {a: unit}
                found.append(group)
                placed[(a, unit.id)] = group
        for b in names[i + 1 :]:
            free = [u for u in by_annotator[b] if (b, u.id) not in placed]
            loners = [u for u in by_annotator[a] if b not in placed[(a, u.id)]]
            for mine, theirs in matches(loners, free, overlap=True):
                group = placed[(a, mine.id)]
                group[b] = theirs
                placed[(b, theirs.id)] = group
    return found
