"""Krippendorff's unitizing α (α_u): agreement on where units begin and end and what they are.

Each annotator cuts a continuum (here: the text of one document, counted in characters) into
units of a category and the gaps between them. Per category, for every ordered pair of
annotators i ≠ j and every pair of their segments g (of i) and h (of j):

    δ²(g, h) = (b_g − b_h)² + (e_g − e_h)²   both units, overlapping
             = l_g²                            g a unit lying wholly in the gap h
             = l_h²                            h a unit lying wholly in the gap g
             = 0                               otherwise

    D_o = Σ δ² / (m (m − 1) L · L)
    D_e = 2 Σ_units [ (N_u − 1)/3 · (2l³ − 3l² + l) + l² Σ_gaps, l_gap ≥ l (l_gap − l + 1) ]
          / ((mL (mL − 1) − Σ_units l (l − 1)) · L)
    α_u = 1 − D_o / D_e

with m annotators, L the length of the continuum, N_u the number of units of the category
(Krippendorff, "Content Analysis", 2nd ed., 2004, pp. 251–256; "On the reliability of
unitizing continuous data", Sociological Methodology 25, 1995). Over several documents the
sums run over all of them, and m(m − 1)L and mL become Σ m_c (m_c − 1) L_c and Σ m_c L_c, so a
document two annotators read weighs less than one read by three. The α_u of several
categories is 1 − Σ D_o / Σ D_e.

A unit is a span; one annotator's overlapping spans of the same category become one unit (the
measure wants a category's units not to overlap within one annotator); touching spans stay
two units.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

Segment = tuple[int, int]  # start, end (exclusive), in characters


@dataclass(slots=True)
class _Category:
    observed: float = 0.0  # Σ δ² over ordered annotator pairs
    units: list[int] = field(default_factory=list)  # every unit's length
    gaps: list[int] = field(default_factory=list)  # every gap's length
    present: set[int] = field(default_factory=set)  # the documents someone marked it in


@dataclass(slots=True)
class Unitizing:
    """Adds up documents (:meth:`add`), then gives α_u per category and over all of them."""

    _categories: dict[str, _Category] = field(default_factory=lambda: defaultdict(_Category))
    _pair_length: int = 0  # Σ m (m − 1) L
    _values: int = 0  # Σ m L
    _length: int = 0  # Σ L
    _documents: list[tuple[int, int]] = field(default_factory=list)  # (L, m) of each

    def add(self, length: int, by_annotator: Mapping[str, Sequence[tuple[int, int, str]]]) -> None:
        """One document of ``length`` characters: each annotator's spans as (start, end,
        category). Every annotator named counts, also one with no spans (they found none)."""
        m = len(by_annotator)
        if m < 2 or length <= 0:
            return
        self._pair_length += m * (m - 1) * length
        self._values += m * length
        self._length += length
        self._documents.append((length, m))
        cut: dict[str, dict[str, list[Segment]]] = defaultdict(dict)
        for name, spans in by_annotator.items():
            for category, units in _units(spans, length).items():
                cut[category][name] = units
        for category, units_of in cut.items():
            tally = self._categories[category]
            tally.present.add(len(self._documents) - 1)
            lists = [units_of.get(name, []) for name in by_annotator]
            for units in lists:
                tally.units.extend(end - start for start, end in units)
                tally.gaps.extend(_gaps(units, length))
            for first, second in itertools.combinations(lists, 2):
                tally.observed += 2 * _observed(first, second)

    def categories(self) -> list[str]:
        return sorted(self._categories)

    def disagreement(self, category: str) -> tuple[float, float]:
        """(D_o, D_e) of one category."""
        tally = self._categories.get(category)
        if tally is None or self._length == 0:
            return 0.0, 0.0
        observed = tally.observed / (self._pair_length * self._length)
        return observed, self._expected(tally)

    def alpha(self, category: str | None = None) -> float | None:
        """α_u of one category, or of all together; None when nothing can be expected to
        differ (no units, or the units fill every text)."""
        names = [category] if category is not None else self.categories()
        observed = expected = 0.0
        for name in names:
            d_o, d_e = self.disagreement(name)
            observed, expected = observed + d_o, expected + d_e
        if expected <= 0:
            return None
        return 1.0 - observed / expected

    def _expected(self, tally: _Category) -> float:
        n_units = len(tally.units)
        blank = [  # where nobody marked the category, each annotator's text is one gap
            length
            for index, (length, m) in enumerate(self._documents)
            if index not in tally.present
            for _ in range(m)
        ]
        gaps = sorted(tally.gaps + blank)
        from_long = list(itertools.accumulate(reversed(gaps)))[::-1]  # Σ of gaps[i:]
        total = 0.0
        for length in tally.units:
            first = bisect.bisect_left(gaps, length)
            fitting = len(gaps) - first
            room = (from_long[first] if fitting else 0) - fitting * (length - 1)
            total += (n_units - 1) / 3 * (2 * length**3 - 3 * length**2 + length)
            total += length**2 * room
        pairs = self._values * (self._values - 1) - sum(u * (u - 1) for u in tally.units)
        if pairs <= 0:
            return 0.0
        return 2 * total / (pairs * self._length)


def _units(spans: Sequence[tuple[int, int, str]], length: int) -> dict[str, list[Segment]]:
    """Per category, the annotator's units sorted, overlapping ones joined, clipped to the
    text."""
    found: dict[str, list[Segment]] = defaultdict(list)
    for start, end, category in sorted(spans, key=lambda s: (s[2], s[0], s[1])):
        start, end = max(0, start), min(end, length)
        if end <= start:
            continue
        units = found[category]
        if units and start < units[-1][1]:
            units[-1] = (units[-1][0], max(units[-1][1], end))
        else:
            units.append((start, end))
    return found


def _gaps(units: Sequence[Segment], length: int) -> list[int]:
    found = []
    position = 0
    for start, end in units:
        if start > position:
            found.append(start - position)
        position = end
    if length > position:
        found.append(length - position)
    return found


def _observed(first: Sequence[Segment], second: Sequence[Segment]) -> float:
    """Σ δ² of one annotator pair, one order (both units sorted, none overlapping its own)."""
    return _against(first, second, overlaps=True) + _against(second, first, overlaps=False)


def _against(units: Sequence[Segment], other: Sequence[Segment], *, overlaps: bool) -> float:
    """For each unit: l² when no unit of ``other`` overlaps it (it lies in a gap); with
    ``overlaps``, also the δ² of every overlapping pair (counted once, from this side)."""
    ends = [end for _start, end in other]
    total = 0.0
    for start, end in units:
        index = bisect.bisect_right(ends, start)  # the first of other's units ending after start
        hit = False
        while index < len(other) and other[index][0] < end:
            hit = True
            if overlaps:
                total += (start - other[index][0]) ** 2 + (end - other[index][1]) ** 2
            index += 1
        if not hit:
            total += (end - start) ** 2
    return total
