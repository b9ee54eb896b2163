"""Rules for article text: how it is normalised once at import, and how it is fingerprinted."""

from __future__ import annotations

import hashlib
import re

_LINE_BREAKS = re.compile(r"\r\n?")
# C0 controls other than tab, newline, vertical tab, form feed and carriage return; DEL; the C1
# controls, which only appear in text decoded with the wrong legacy code page; and lone
# surrogates, which JSON escapes can produce but no encoding can store.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x9f\ud800-\udfff]")


def normalise_newlines(text: str) -> str:
    """Fold CRLF and lone CR to LF. This is the only change ever made to an article's text."""
    return _LINE_BREAKS.sub("\n", text) if "\r" in text else text


def fingerprint(text: str) -> str:
    """SHA-256 of the UTF-8 text: the same text is never stored twice in a project."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def line_of(text: str, offset: int) -> int:
    """1-based line number of a code point offset, for messages."""
    return text.count("\n", 0, offset) + 1


def first_control_character(text: str) -> int | None:
    """Offset of the first character that does not belong in prose (binary data, mojibake)."""
    found = _CONTROL.search(text)
    return None if found is None else found.start()


def newline_shift(text: str) -> list[int]:
    """Positions of the CR characters that :func:`normalise_newlines` removes (CR of CRLF).

    An offset ``o`` into ``text`` becomes ``o - bisect_left(shift, o)`` in the folded text.
    """
    return [m.start() for m in re.finditer("\r\n", text)]
