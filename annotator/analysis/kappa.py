"""Cohen's κ for two annotators and Fleiss' κ for three or more, on nominal values."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence


def cohen_kappa(pairs: Iterable[tuple[Hashable, Hashable]]) -> float | None:
    """κ of two annotators' values on the same units; None when undefined (no units, or
    both gave one and the same value throughout)."""
    items = list(pairs)
    if not items:
        return None
    n = len(items)
    observed = sum(1 for a, b in items if a == b) / n
    first, second = Counter(a for a, _ in items), Counter(b for _, b in items)
    expected = sum(first[v] * second[v] for v in first) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def fleiss_kappa(table: Sequence[Mapping[Hashable, int]]) -> float | None:
    """κ of a table with one row per unit giving how many annotators chose each value; every
    unit must have the same number of annotators (at least two)."""
    rows = [row for row in table if sum(row.values())]
    if not rows:
        return None
    raters = sum(rows[0].values())
    if raters < 2 or any(sum(row.values()) != raters for row in rows):
        raise ValueError("Fleiss' kappa needs the same number of annotators (two or more) per unit")
    units = len(rows)
    totals: Counter[Hashable] = Counter()
    for row in rows:
        totals.update(row)
    agreement = (
        sum(
            (sum(count * count for count in row.values()) - raters) / (raters * (raters - 1))
            for row in rows
        )
        / units
    )
    shares = [total / (units * raters) for total in totals.values()]
    expected = sum(p * p for p in shares)
    if expected == 1:
        return None
    return (agreement - expected) / (1 - expected)
