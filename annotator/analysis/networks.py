"""Discourse networks as the Discourse Network Analyzer (DNA, Leifeld) defines them.

A statement has two variables (an actor and a concept: a topic, a source, an actor's kind …)
and may have a qualifier (a stance). After duplicates are dropped, ``a[i][j][k]`` counts the
statements with first variable i, second variable j and qualifier level k.

**Two-mode** (i × j): *ignore* Σ_k a; *subtract* Σ_k sign(q_k)·a (agreeing minus
disagreeing); *combine* a code for which levels occur, read as a binary number over the levels
(with levels [no, yes]: 1 yes only, 2 no only, 3 both). Normalisation *activity* divides a row
by its total, *prominence* a column by its total.

**One-mode** (i × i, i ≠ i'), over the concepts j both use: *ignore* Σ_j n_ij·n_i'j (n summed
over levels); *congruence* Σ_j Σ_k Σ_k' a_ijk·a_i'jk'·(1 − d(k, k')); *conflict* the same with
d(k, k'); *subtract* congruence − conflict. d is 0 for the same level and 1 for another (a
number qualifier: the difference over the range). Normalisation *average* divides by
(n_i + n_i') / 2, *jaccard* by m10 + m01 + m11 (statements of one actor on levels the other
has none of, and the products where both have some), *cosine* by n_i·n_i'.

**Duplicates**: *include* counts every statement; *document* counts the same statement
(variables and qualifier) once per document; *week*, *month*, *year* once per calendar week,
month or year — whole dates: week 3 of 2024 and week 3 of 2025 are different weeks (DNA
compares the week or month number alone).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

POSITIVE = frozenset({"for", "yes", "true", "agree", "support", "pro", "1", "dafür", "pour"})
NEGATIVE = frozenset({"against", "no", "false", "disagree", "oppose", "contra", "0",
                      "dagegen", "contre"})  # fmt: skip


class Statement(NamedTuple):
    """One statement (a tuple: a network is built from 100,000 of them)."""

    id: int
    document_id: int
    when: date | None
    first: str  # variable 1 (an actor)
    second: str  # variable 2 (a concept)
    qualifier: Hashable | None = None


@dataclass(slots=True)
class Network:
    rows: list[str]
    columns: list[str]  # the same as rows for a one-mode network
    weights: dict[tuple[str, str], float] = field(default_factory=dict)
    statements: int = 0
    start: date | None = None
    end: date | None = None
    codes: dict[int, tuple[Hashable, ...]] = field(default_factory=dict)  # combine: code -> levels
    kept: list[Statement] = field(default_factory=list, repr=False)  # the statements it counts

    @property
    def one_mode(self) -> bool:
        return self.rows is self.columns

    def weight(self, row: str, column: str) -> float:
        return self.weights.get((row, column), 0.0)


def deduplicate(statements: Iterable[Statement], duplicates: str) -> list[Statement]:
    if duplicates == "include":
        return list(statements)
    seen: set[tuple[Hashable, ...]] = set()
    kept = []
    for statement in statements:
        key = (statement.first, statement.second, statement.qualifier, _period(statement,
               duplicates))  # fmt: skip
        if key not in seen:
            seen.add(key)
            kept.append(statement)
    return kept


def _period(statement: Statement, duplicates: str) -> Hashable:
    when = statement.when
    if duplicates == "document" or when is None:
        return ("document", statement.document_id)
    if duplicates == "week":
        year, week, _day = when.isocalendar()
        return (year, week)
    if duplicates == "month":
        return (when.year, when.month)
    if duplicates == "year":
        return when.year
    raise ValueError(f"duplicates: include, document, week, month or year, not {duplicates!r}")


def levels(
    statements: Sequence[Statement], order: Sequence[Hashable] | None = None
) -> list[Hashable]:
    """The qualifier's levels: negative ones first, then positive, then the rest (in
    ``order`` where given), so a yes/no qualifier is [no, yes] as in DNA."""
    present = {s.qualifier for s in statements}
    ranked = list(order) if order is not None else sorted(present, key=str)
    ranked += sorted((q for q in present if q not in ranked), key=str)

    def polarity(value: Hashable) -> int:
        text = str(value).casefold()
        return 0 if text in NEGATIVE else 1 if text in POSITIVE else 2

    return sorted((q for q in ranked if q in present), key=lambda q: (polarity(q), ranked.index(q)))


def _array(
    statements: Sequence[Statement], levels_: Sequence[Hashable]
) -> dict[str, dict[str, list[float]]]:
    array: dict[str, dict[str, list[float]]] = defaultdict(dict)
    index = {level: k for k, level in enumerate(levels_)}
    for statement in statements:
        cell = array[statement.first].setdefault(statement.second, [0.0] * len(levels_))
        cell[index[statement.qualifier]] += 1
    return array


def two_mode(
    statements: Sequence[Statement], aggregation: str = "ignore", normalization: str = "no",
    order: Sequence[Hashable] | None = None,
) -> Network:  # fmt: skip
    levels_ = levels(statements, order) or [None]
    array = _array(statements, levels_)
    rows = sorted(array)
    columns = sorted({j for cells in array.values() for j in cells})
    network = Network(rows, columns, statements=len(statements))
    sign = [_sign(level) for level in levels_]
    for i, cells in array.items():
        for j, counts in cells.items():
            if aggregation == "ignore":
                value = sum(counts)
            elif aggregation == "subtract":
                value = sum(s * c for s, c in zip(sign, counts, strict=True))
            elif aggregation == "combine":
                used = tuple(level for level, c in zip(levels_, counts, strict=True) if c > 0)
                value = sum(2 ** (len(levels_) - 1 - k) for k, c in enumerate(counts) if c > 0)
                network.codes[int(value)] = used
            else:
                raise ValueError(f"two-mode aggregation: ignore, subtract or combine, not "
                                 f"{aggregation!r}")  # fmt: skip
            if value:
                network.weights[(i, j)] = float(value)
    _normalise_two_mode(network, array, normalization)
    return network


def _sign(level: Hashable) -> float:
    if isinstance(level, int | float) and not isinstance(level, bool):
        return float(level)
    text = str(level).casefold()
    return 1.0 if text in POSITIVE else -1.0 if text in NEGATIVE else 0.0


def _normalise_two_mode(
    network: Network, array: dict[str, dict[str, list[float]]], normalization: str
) -> None:
    if normalization == "no":
        return
    totals: dict[str, float] = defaultdict(float)
    for i, cells in array.items():
        for j, counts in cells.items():
            totals[i if normalization == "activity" else j] += sum(counts)
    if normalization not in ("activity", "prominence"):
        raise ValueError(f"two-mode normalization: no, activity or prominence, not "
                         f"{normalization!r}")  # fmt: skip
    for (i, j), value in list(network.weights.items()):
        total = totals[i if normalization == "activity" else j]
        network.weights[(i, j)] = value / total if total else 0.0


def one_mode(
    statements: Sequence[Statement], aggregation: str = "ignore", normalization: str = "no",
    order: Sequence[Hashable] | None = None,
) -> Network:  # fmt: skip
    if aggregation not in ("ignore", "congruence", "conflict", "subtract"):
        raise ValueError(f"one-mode aggregation: ignore, congruence, conflict or subtract, not "
                         f"{aggregation!r}")  # fmt: skip
    levels_ = levels(statements, order) or [None]
    distance = _distance(levels_)
    categorical = distance(0, 0) == 0 and all(
        distance(k, k2) == (0.0 if k == k2 else 1.0)
        for k in range(len(levels_)) for k2 in range(len(levels_))
    )  # fmt: skip
    array = _array(statements, levels_)
    actors = sorted(array)
    network = Network(actors, actors, statements=len(statements))
    totals = {i: sum(sum(c) for c in cells.values()) for i, cells in array.items()}
    if categorical:
        sums = _categorical_sums(array, len(levels_), aggregation)
    else:
        sums = _weighted_sums(array, distance)
    for (a, b), (together, congruent, conflicting) in sums.items():
        value = {"ignore": together, "congruence": congruent, "conflict": conflicting,
                 "subtract": congruent - conflicting}[aggregation]  # fmt: skip
        norm = _norm(array[a], array[b], totals[a], totals[b], normalization)
        value = value / norm if norm else 0.0
        if value:
            network.weights[(a, b)] = value
    return network


def _categorical_sums(
    array: dict[str, dict[str, list[float]]], size: int, aggregation: str
) -> dict[tuple[str, str], list[float]]:
    """(together, congruent, conflicting) per ordered pair, where every other level is a
    disagreement: products of counts within each concept (together) and each concept and
    level (congruent) — only the pairs that share one, as DNA's loops over all pairs give."""
    by_concept: dict[str, list[tuple[str, float]]] = defaultdict(list)
    by_level: dict[tuple[str, int], list[tuple[str, float]]] = defaultdict(list)
    for actor, cells in array.items():
        for concept, counts in cells.items():
            by_concept[concept].append((actor, sum(counts)))
            for k in range(size):
                if counts[k]:
                    by_level[(concept, k)].append((actor, counts[k]))
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    if aggregation != "congruence":
        _add_products(by_concept.values(), sums, 0)
    _add_products(by_level.values(), sums, 1)
    for cell in sums.values():
        cell[2] = cell[0] - cell[1]
    return sums


def _add_products(
    groups: Iterable[list[tuple[str, float]]], sums: dict[tuple[str, str], list[float]],
    slot: int,
) -> None:  # fmt: skip
    half: dict[tuple[str, str], float] = defaultdict(float)  # each unordered pair once
    for users in groups:
        for n, (a, x) in enumerate(users):
            for b, y in users[n + 1 :]:
                half[(a, b)] += x * y
    for (a, b), value in half.items():  # the network is symmetric: both orders get it
        sums[(a, b)][slot] += value
        sums[(b, a)][slot] += value


def _weighted_sums(
    array: dict[str, dict[str, list[float]]], distance: Callable[[int, int], float]
) -> dict[tuple[str, str], list[float]]:
    """(together, congruent, conflicting) per ordered pair, weighing each pair of levels by
    their distance (a number qualifier)."""
    by_concept: dict[str, list[tuple[str, list[float]]]] = defaultdict(list)
    for actor, cells in array.items():
        for concept, counts in cells.items():
            by_concept[concept].append((actor, counts))
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for users in by_concept.values():
        for a, x in users:
            for b, y in users:
                if a == b:
                    continue
                cell = sums[(a, b)]
                for k, p in enumerate(x):
                    for k2, q in enumerate(y):
                        d = distance(k, k2)
                        cell[0] += p * q
                        cell[1] += p * q * (1 - d)
                        cell[2] += p * q * d
    return sums


def _distance(levels_: Sequence[Hashable]) -> Callable[[int, int], float]:
    numbers = [level for level in levels_ if isinstance(level, int | float)
               and not isinstance(level, bool)]  # fmt: skip
    if numbers and len(numbers) == len(levels_):
        span = max(numbers) - min(numbers)
        values = [float(n) for n in numbers]
        return lambda k, k2: abs(values[k] - values[k2]) / span if span else 0.0
    return lambda k, k2: 0.0 if k == k2 else 1.0


def _norm(
    mine: dict[str, list[float]], theirs: dict[str, list[float]], n_a: float, n_b: float,
    normalization: str,
) -> float:  # fmt: skip
    if normalization == "no":
        return 1.0
    if normalization == "average":
        return (n_a + n_b) / 2
    if normalization == "cosine":
        return n_a * n_b
    if normalization == "jaccard":
        m10 = m01 = m11 = 0.0
        for j in set(mine) | set(theirs):
            x_all = mine.get(j)
            y_all = theirs.get(j)
            size = len(x_all or y_all or [])
            for k in range(size):
                x = x_all[k] if x_all else 0.0
                y = y_all[k] if y_all else 0.0
                if y == 0:
                    m10 += x
                if x == 0:
                    m01 += y
                if x > 0 and y > 0:
                    m11 += x * y
        return m10 + m01 + m11
    raise ValueError(f"one-mode normalization: no, average, jaccard or cosine, not "
                     f"{normalization!r}")  # fmt: skip


def time_windows(
    statements: Sequence[Statement], window: timedelta, step: timedelta
) -> list[tuple[date, date, list[Statement]]]:
    """Windows [start, start + window) moved by ``step`` from the first dated statement to
    the last; undated statements are in none."""
    dated = sorted((s for s in statements if s.when is not None), key=lambda s: s.when or date.min)
    if not dated or window <= timedelta(0) or step <= timedelta(0):
        return []
    first, last = dated[0].when, dated[-1].when
    assert first is not None and last is not None
    found = []
    start = first
    while start <= last:
        end = start + window
        inside = [s for s in dated if s.when is not None and start <= s.when < end]
        found.append((start, end, inside))
        start += step
    return found
