"""What a format could not hold, said once per kind of loss with a count and an example."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class FormatOptions:
    """Choices a user makes per export or import."""

    offsets: str = "utf16"  # doccano: "utf16" (its web front end) or "codepoints" (Python)
    network: str = "actors"  # graphml: "actors" or "actor-topic"
    qdpx_target: str = "standard"  # qdpx: standard, nvivo, maxqda or atlasti
    qdpx_actors: str = "cases"  # qdpx: actors as "cases" or as "codes"


@dataclass(slots=True)
class FormatReport:
    documents: int = 0
    spans: int = 0
    losses: Counter[str] = field(default_factory=Counter)
    layers: Counter[str] = field(default_factory=Counter)  # spans written, per layer
    examples: dict[str, str] = field(default_factory=dict)

    def lost(self, kind: str, example: str) -> None:
        """Record one thing the format could not keep (``kind`` is a short sentence)."""
        self.losses[kind] += 1
        self.examples.setdefault(kind, example)

    def lines(self) -> list[str]:
        return [
            f"{count} × {kind} (e.g. {self.examples[kind]})"
            for kind, count in self.losses.most_common()
        ]
