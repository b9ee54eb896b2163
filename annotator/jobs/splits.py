"""Train/dev/test splits: documents shuffled with a seed and cut by the given fractions."""

from __future__ import annotations

import random
import re

from annotator.domain.errors import UsageError

# A split is written as OUT/NAME.ext: nothing that could leave OUT or hide a file.
_SPLIT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def parse_split(text: str) -> dict[str, float]:
    """``train=0.8,dev=0.1,test=0.1`` -> fractions that add up to 1."""
    fractions: dict[str, float] = {}
    for part in text.split(","):
        name, _, value = part.partition("=")
        try:
            fractions[name.strip()] = float(value)
        except ValueError:
            raise UsageError(
                f"bad split {part!r}; write it like train=0.8,dev=0.1,test=0.1"
            ) from None
    if not fractions or any(not n or f < 0 for n, f in fractions.items()):
        raise UsageError(f"bad split {text!r}")
    for name in fractions:
        if not _SPLIT_NAME.fullmatch(name):
            raise UsageError(
                f"bad split name {name!r}: a split becomes a file name, so use letters, digits, "
                "'_' and '-' only (train, dev, test)"
            )
    if abs(sum(fractions.values()) - 1) > 1e-6:
        raise UsageError(f"split fractions add up to {sum(fractions.values()):g}, not 1")
    return fractions


def assign_splits(ids: list[int], fractions: dict[str, float], seed: int) -> dict[int, str]:
    """Which split each document goes to; the same ids, fractions and seed give the same answer."""
    shuffled = sorted(ids)
    random.Random(seed).shuffle(shuffled)
    assigned: dict[int, str] = {}
    start = 0
    names = list(fractions)
    for position, name in enumerate(names):
        if position == len(names) - 1:
            end = len(shuffled)
        else:
            end = start + round(fractions[name] * len(shuffled))
        for document_id in shuffled[start:end]:
            assigned[document_id] = name
        start = end
    return assigned
