"""Turning a file's offsets into code points of the stored (newline-folded) text."""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

from annotator.domain.errors import InputError
from annotator.domain.offsets import Utf16Index
from annotator.domain.text import newline_shift


class OffsetReader:
    """Offsets into ``raw`` (in UTF-16 units or code points) -> code points of the folded text."""

    def __init__(self, raw: str, unit: str, path: Path, line: int | None) -> None:
        self._utf16 = Utf16Index(raw) if unit == "utf16" else None
        self._shift = newline_shift(raw)
        self._length = self._utf16.utf16_length if self._utf16 else len(raw)
        self._path, self._line = path, line

    @property
    def differs(self) -> bool:
        """True when UTF-16 units and code points differ somewhere in this text."""
        return self._utf16 is not None and not self._utf16.is_trivial

    def __call__(self, offset: object) -> int:
        if not isinstance(offset, int) or isinstance(offset, bool):
            raise InputError(self._path, f"offset {offset!r} is not a whole number", self._line)
        if not 0 <= offset <= self._length:
            raise InputError(
                self._path, f"offset {offset} is outside the text (0..{self._length})", self._line
            )
        point = offset
        if self._utf16 is not None:
            try:
                point = self._utf16.to_codepoint(offset)
            except ValueError:
                raise InputError(
                    self._path,
                    f"offset {offset} falls inside a character (UTF-16 surrogate pair); "
                    "are the offsets code points? try --offsets codepoints",
                    self._line,
                ) from None
        return point - bisect_left(self._shift, point)
