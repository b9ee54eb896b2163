"""Find the spans that overlap a range without looking at the others.

Spans are kept sorted by start. A query looks at the spans starting between ``start - long``
and its end, by binary search, plus the few spans longer than ``long`` (claims that run over
whole paragraphs), which are kept apart. So painting the visible part of a 1,000,000-character
article costs the same with 10 or 10,000 spans elsewhere, and opening a document is one sort.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator

LONG = 2048
_SHIFT = 32  # short spans are sorted as one integer: start << 32 | key (sorting ints is fast)
_KEYS = (1 << _SHIFT) - 1


class SpanIndex:
    """Half-open ranges ``[start, end)`` by integer key (a span's id), in any one unit."""

    def __init__(self, long: int = LONG) -> None:
        self._long_after = long
        self.clear()

    def __len__(self) -> int:
        return len(self._ranges)

    def __contains__(self, key: object) -> bool:
        return key in self._ranges

    def __iter__(self) -> Iterator[int]:
        return iter(self._ranges)

    def range(self, key: int) -> tuple[int, int]:
        return self._ranges[key]

    def clear(self) -> None:
        self._ranges: dict[int, tuple[int, int]] = {}
        self._sorted: list[int] = []  # start << _SHIFT | key, for the short spans
        self._long: dict[int, tuple[int, int]] = {}

    def add(self, key: int, start: int, end: int) -> None:
        """File ``key`` (0 <= key < 2**32) under ``[start, end)``, replacing an earlier range."""
        if key in self._ranges:
            self.remove(key)
        self._ranges[key] = (start, end)
        if end - start > self._long_after:
            self._long[key] = (start, end)
        else:
            insort(self._sorted, start << _SHIFT | key)

    def add_many(self, items: Iterable[tuple[int, int, int]]) -> None:
        """File many ``(key, start, end)`` at once (opening a document): one sort."""
        if self._ranges:
            for item in items:
                self.add(*item)
            return
        limit = self._long_after
        self._ranges = {key: (start, end) for key, start, end in items}
        self._long = {k: r for k, r in self._ranges.items() if r[1] - r[0] > limit}
        self._sorted = sorted([r[0] << _SHIFT | k for k, r in self._ranges.items()
                               if r[1] - r[0] <= limit])  # fmt: skip

    def remove(self, key: int) -> None:
        start, _end = self._ranges.pop(key)
        if self._long.pop(key, None) is None:
            del self._sorted[bisect_left(self._sorted, start << _SHIFT | key)]

    def overlapping(self, start: int, end: int) -> list[int]:
        """Keys whose range overlaps ``[start, end)``, by start; a point is ``(p, p + 1)``."""
        ranges = self._ranges
        low = bisect_left(self._sorted, max(start - self._long_after, 0) << _SHIFT)
        high = bisect_left(self._sorted, max(end, 0) << _SHIFT)
        found = [
            key for packed in self._sorted[low:high] if ranges[key := packed & _KEYS][1] > start
        ]
        found += [key for key, (s, e) in self._long.items() if s < end and e > start]
        return sorted(found, key=ranges.__getitem__)
