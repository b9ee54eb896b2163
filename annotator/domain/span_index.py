"""Find the spans that overlap a range without looking at the others.

Each span is filed in every fixed-size bucket it touches. A query looks only at the buckets of
its range, so painting the visible part of a 1,000,000-character article costs the same with 10
or 10,000 spans elsewhere, and adding or removing one span touches only its own buckets.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class SpanIndex(Generic[K]):
    """Half-open ranges ``[start, end)`` by key; positions are any one unit, used consistently."""

    def __init__(self, bucket: int = 2048) -> None:
        self._bucket = bucket
        self._buckets: dict[int, set[K]] = {}
        self._ranges: dict[K, tuple[int, int]] = {}

    def __len__(self) -> int:
        return len(self._ranges)

    def __contains__(self, key: object) -> bool:
        return key in self._ranges

    def __iter__(self) -> Iterator[K]:
        return iter(self._ranges)

    def range(self, key: K) -> tuple[int, int]:
        return self._ranges[key]

    def add(self, key: K, start: int, end: int) -> None:
        """File ``key`` under ``[start, end)``, replacing any earlier range of the same key."""
        if key in self._ranges:
            self.remove(key)
        self._ranges[key] = (start, end)
        for bucket in self._bucket_numbers(start, end):
            self._buckets.setdefault(bucket, set()).add(key)

    def add_many(self, items: Iterable[tuple[K, int, int]]) -> None:
        """File many ``(key, start, end)`` at once (opening a document)."""
        size, buckets, ranges = self._bucket, self._buckets, self._ranges
        for key, start, end in items:
            if key in ranges:
                self.remove(key)
            ranges[key] = (start, end)
            first, last = start // size, max(start, end - 1) // size
            for bucket in range(first, last + 1):
                members = buckets.get(bucket)
                if members is None:
                    buckets[bucket] = {key}
                else:
                    members.add(key)

    def remove(self, key: K) -> None:
        start, end = self._ranges.pop(key)
        for bucket in self._bucket_numbers(start, end):
            members = self._buckets[bucket]
            members.discard(key)
            if not members:
                del self._buckets[bucket]

    def clear(self) -> None:
        self._buckets.clear()
        self._ranges.clear()

    def overlapping(self, start: int, end: int) -> list[K]:
        """Keys whose range overlaps ``[start, end)``; a point query is ``(p, p + 1)``."""
        found: set[K] = set()
        for bucket in self._bucket_numbers(start, end):
            for key in self._buckets.get(bucket, ()):
                if key in found:
                    continue
                low, high = self._ranges[key]
                if low < end and high > start:
                    found.add(key)
        return sorted(found, key=self._ranges.__getitem__)

    def _bucket_numbers(self, start: int, end: int) -> range:
        return range(start // self._bucket, max(start, end - 1) // self._bucket + 1)
