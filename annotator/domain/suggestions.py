"""Suggestions: spans an engine proposes (origin ``suggested``) until a person accepts or
rejects them. They never enter a dataset unreviewed: exports, agreement and the span counts
leave them out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Why:
    """Which engine proposed a span and why: the rule or alias that matched, a model's
    score."""

    engine: str  # "actors", "quotes", "claims", "model"
    reason: str
    score: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"engine": self.engine, "reason": self.reason, "score": self.score}

    @staticmethod
    def from_dict(data: dict[str, Any] | None) -> Why | None:
        if not data:
            return None
        score = data.get("score")
        return Why(str(data.get("engine", "")), str(data.get("reason", "")),
                   float(score) if score is not None else None)  # fmt: skip

    def describe(self) -> str:
        score = f", score {self.score:.2f}" if self.score is not None else ""
        return f"{self.engine}: {self.reason}{score}"


ENGINES = ("actors", "quotes", "claims", "model")
