"""Krippendorff's α, from a coincidence matrix (Krippendorff, "Computing Krippendorff's
Alpha-Reliability", 2011).

Reliability data are units, each with the values the coders gave it (missing values left out).
Every unit with two or more values adds, for each ordered pair of its values, ``1 / (m - 1)``
to the coincidence of those two values (m = how many values the unit has); a unit may also
carry a weight (a stretch of text counts as many character positions as it is long). Then

    α = 1 − (n − 1) · Σ o_ck δ²(c, k) / Σ n_c n_k δ²(c, k)

with n_c the marginal sums and n their total. δ² is the level of measurement's difference
function: nominal (0 if equal, else 1), ordinal (by ranks of the values in their given order),
interval ((c − k)²) and ratio (((c − k) / (c + k))²). No library is used: the ``krippendorff``
package is GPL-3.0, which our licence cannot take in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from enum import StrEnum
from typing import Any

Coincidences = dict[tuple[Hashable, Hashable], float]
_Delta = Callable[[Hashable, Hashable], float]


class Level(StrEnum):
    NOMINAL = "nominal"
    ORDINAL = "ordinal"
    INTERVAL = "interval"
    RATIO = "ratio"


def coincidences(
    units: Iterable[Sequence[Hashable | None]], weights: Iterable[float] | None = None
) -> Coincidences:
    """The coincidence matrix of ``units`` (each the values its coders gave; None is missing)."""
    found: Coincidences = defaultdict(float)
    weighted = iter(weights) if weights is not None else None
    alike: dict[tuple[Hashable, ...], float] = defaultdict(float)  # identical units, summed
    for unit in units:
        alike[tuple(v for v in unit if v is not None)] += (
            next(weighted) if weighted is not None else 1.0
        )
    for values, weight in alike.items():
        m = len(values)
        if m < 2:
            continue
        share = weight / (m - 1)
        for i, c in enumerate(values):  # every ordered pair of two different coders' values
            for j, k in enumerate(values):
                if i != j:
                    found[(c, k)] += share
    return found


def alpha(
    units: Iterable[Sequence[Hashable | None]],
    level: Level = Level.NOMINAL,
    *,
    order: Sequence[Hashable] | None = None,
    weights: Iterable[float] | None = None,
) -> float | None:
    """Krippendorff's α of the reliability data ``units``; None when it is undefined (fewer
    than two pairable values, or no variation at all). ``order`` ranks the values for the
    ordinal level (default: sorted)."""
    return alpha_of(coincidences(units, weights), level, order=order)


def alpha_of(
    matrix: Coincidences, level: Level = Level.NOMINAL, *, order: Sequence[Hashable] | None = None
) -> float | None:
    """α from a coincidence matrix (several tables' matrices can be summed first)."""
    marginals: dict[Hashable, float] = defaultdict(float)
    for (c, _k), count in matrix.items():
        marginals[c] += count
    n = sum(marginals.values())
    if n <= 1:
        return None
    delta = _difference(level, marginals, order)
    observed = sum(count * delta(c, k) for (c, k), count in matrix.items())
    expected = sum(
        n_c * n_k * delta(c, k) for c, n_c in marginals.items() for k, n_k in marginals.items()
    )
    if expected == 0:
        return None
    return 1.0 - (n - 1) * observed / expected


def _difference(
    level: Level, marginals: dict[Hashable, float], order: Sequence[Hashable] | None
) -> _Delta:
    if level is Level.NOMINAL:
        return lambda c, k: 0.0 if c == k else 1.0
    if level is Level.INTERVAL:
        return lambda c, k: (_number(c) - _number(k)) ** 2
    if level is Level.RATIO:
        return _ratio
    ranked = list(order) if order is not None else sorted(marginals, key=_sort_key)
    position = {value: i for i, value in enumerate(ranked)}
    cumulative = [0.0]
    for value in ranked:
        cumulative.append(cumulative[-1] + marginals.get(value, 0.0))

    def ordinal(c: Hashable, k: Hashable) -> float:
        low, high = sorted((position[c], position[k]))
        between = cumulative[high + 1] - cumulative[low]
        return (between - (marginals.get(c, 0.0) + marginals.get(k, 0.0)) / 2) ** 2

    return ordinal


def _ratio(c: Hashable, k: Hashable) -> float:
    total = _number(c) + _number(k)
    return 0.0 if total == 0 else ((_number(c) - _number(k)) / total) ** 2


def _number(value: Hashable) -> float:
    numeric: Any = value
    return float(numeric)


def _sort_key(value: Hashable) -> tuple[int, float | str]:
    return (0, float(value)) if isinstance(value, int | float) else (1, str(value))
