"""What an import could not take, counted by kind: silent loss is the worst defect there is.

Every reader and the store report what they leave out (a relation to an event, a label given
only as a number, a link to a span that is not there) as :class:`Dropped` items; an import adds
them up in :class:`Losses`, which the command line prints and turns into exit status 1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Dropped:
    """``count`` things of one ``kind`` (a short phrase) were not taken; ``example`` shows one."""

    kind: str
    example: str
    count: int = 1


@dataclass(slots=True)
class Losses:
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    def add(self, kind: str, example: str, count: int = 1) -> None:
        if count <= 0:
            return
        self.counts[kind] += count
        self.examples.setdefault(kind, example)

    def extend(self, dropped: Iterable[Dropped]) -> None:
        for item in dropped:
            self.add(item.kind, item.example, item.count)

    def merge(self, other: Losses) -> None:
        for kind, count in other.counts.items():
            self.add(kind, other.examples[kind], count)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def __bool__(self) -> bool:
        return self.total > 0

    def lines(self) -> list[str]:
        return [
            f"{count} × {kind} (e.g. {self.examples[kind]})"
            for kind, count in self.counts.most_common()
        ]

    def as_dict(self) -> dict[str, dict[str, object]]:
        return {
            kind: {"count": count, "example": self.examples[kind]}
            for kind, count in self.counts.most_common()
        }
