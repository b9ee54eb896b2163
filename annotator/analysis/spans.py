"""Agreement on where the spans are: pairwise F1 (exact and overlap matching) and the spans
that match across annotators (α_u is in :mod:`annotator.analysis.unitizing`).

A span here is a :class:`Unit`: its offsets, what it is (the layer, or layer:label) and the
values it carries (attributes, and actors by id for speaker, claimant and the mention's actor).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Unit:
    id: int
    start: int
    end: int
    kind: str  # the layer, or "layer:label"
    values: Mapping[str, Any] = field(default_factory=dict)  # attribute -> value (actor id)

    def overlap(self, other: Unit) -> int:
        return max(0, min(self.end, other.end) - max(self.start, other.start))


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


def matches(
    first: Sequence[Unit], second: Sequence[Unit], *, overlap: bool
) -> list[tuple[Unit, Unit]]:
    """One-to-one matches of the same kind: identical offsets first; with ``overlap``, then
    the pairs that share the most characters."""
    exact = {(u.start, u.end, u.kind): u for u in second}
    found: list[tuple[Unit, Unit]] = []
    used: set[int] = set()
    rest: list[Unit] = []
    for unit in first:
        twin = exact.get((unit.start, unit.end, unit.kind))
        if twin is not None and twin.id not in used:
            found.append((unit, twin))
            used.add(twin.id)
        else:
            rest.append(unit)
    if overlap and rest:
        candidates = sorted(
            _overlapping(rest, [b for b in second if b.id not in used]),
            key=lambda item: (-item[0], item[1], item[2]),
        )
        taken: set[int] = set()
        for _shared, a_id, b_id, a, b in candidates:
            if a_id in taken or b_id in used:
                continue
            found.append((a, b))
            taken.add(a_id)
            used.add(b_id)
    return found


def _overlapping(
    first: Sequence[Unit], second: Sequence[Unit]
) -> list[tuple[int, int, int, Unit, Unit]]:
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


def pair_score(first: Sequence[Unit], second: Sequence[Unit], *, overlap: bool) -> PairScore:
    matched = len(matches(first, second, overlap=overlap))
    return PairScore(matched, len(first) - matched, len(second) - matched)


def groups(by_annotator: Mapping[str, Sequence[Unit]]) -> list[dict[str, Unit]]:
    """The spans that match across annotators (overlap matching), one dict per group from
    annotator to span. Each annotator's span is in exactly one group; a span nobody else has
    is a group of one."""
    names = sorted(by_annotator)
    found: list[dict[str, Unit]] = []
    placed: dict[tuple[str, int], dict[str, Unit]] = {}
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
