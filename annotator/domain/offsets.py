"""Code points (how Annotator stores offsets) versus UTF-16 units (how Qt and JavaScript count).

The two differ only after a character outside the Basic Multilingual Plane (most emoji, some CJK
and historic scripts), which takes two UTF-16 units. ``Utf16Index`` keeps the positions of those
characters, so each conversion is a binary search and building the index is one regex scan.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Index:
    """Converts offsets in one text between code points and UTF-16 code units."""

    __slots__ = ("_astral_cp", "_astral_u16", "length", "utf16_length")

    def __init__(self, text: str) -> None:
        self._astral_cp = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_u16 = [cp + k for k, cp in enumerate(self._astral_cp)]
        self.length = len(text)
        self.utf16_length = len(text) + len(self._astral_cp)

    @property
    def is_trivial(self) -> bool:
        """True when both units agree everywhere in this text."""
        return not self._astral_cp

    def to_utf16(self, offset: int) -> int:
        """UTF-16 position of the code point offset ``offset`` (0 <= offset <= len(text))."""
        if not 0 <= offset <= self.length:
            raise ValueError(f"offset {offset} outside 0..{self.length}")
        return offset + bisect_left(self._astral_cp, offset)

    def to_codepoint(self, unit: int, *, snap: str = "error") -> int:
        """Code point offset of the UTF-16 position ``unit``.

        A position between the two halves of a surrogate pair has no code point: ``snap="error"``
        raises, ``"left"`` and ``"right"`` move it to the start or the end of that character.
        """
        if not 0 <= unit <= self.utf16_length:
            raise ValueError(f"UTF-16 position {unit} outside 0..{self.utf16_length}")
        before = bisect_left(self._astral_u16, unit)
        if before and self._astral_u16[before - 1] + 1 == unit:
            if snap == "left":
                return unit - before
            if snap == "right":
                return unit - before + 1
            raise ValueError(f"UTF-16 position {unit} splits a surrogate pair")
        return unit - before
