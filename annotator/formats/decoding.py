"""Bytes to text: byte-order marks first, then strict UTF-8, then charset detection.

Anything that looks binary (NUL bytes without a UTF-16/32 BOM, control characters) is refused
with the line it was found on, rather than imported as mojibake.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from charset_normalizer import CharsetMatch, from_bytes

from annotator.domain.errors import InputError
from annotator.domain.text import first_control_character, line_of, normalise_newlines
from annotator.formats.files import read_bytes_limited
from annotator.formats.plausibility import plausibility, word_hits

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TIE_CHAOS = 0.1
_WESTERN = ("cp1252", "iso8859_15")


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str  # newlines already folded to "\n"
    encoding: str


def read_text_file(path: Path, encoding: str | None = None, *, check: bool = True) -> DecodedText:
    """Read and decode ``path``; raise InputError naming the file (and line) when it can't.

    ``check=False`` skips the search for control characters, for readers of records that
    check each record's text themselves.
    """
    return decode(read_bytes_limited(path), path, encoding, check=check)


def decode(
    data: bytes, path: Path | str, encoding: str | None = None, *, check: bool = True
) -> DecodedText:
    if not data or data.isspace():
        raise InputError(path, "file is empty")
    if encoding is not None:
        text, used = _decode_as(data, encoding, path), encoding
    else:
        text, used = _detect(data, path)
    text = normalise_newlines(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    if check:
        check_prose(text, path)
    if not text or text.isspace():
        raise InputError(path, "file has no text")
    return DecodedText(text, used)


def check_prose(text: str, path: Path | str, first_line: int = 1) -> None:
    """Refuse text with control characters, naming the line they are on."""
    bad = first_control_character(text)
    if bad is not None:
        raise InputError(
            path,
            f"binary data or wrong encoding: control character U+{ord(text[bad]):04X}",
            first_line - 1 + line_of(text, bad),
        )


def _detect(data: bytes, path: Path | str) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom) :], codec, path), codec
    nul = data.find(b"\x00")
    if nul >= 0:
        hint = _utf16_hint(data)
        if hint:
            raise InputError(
                path, f"looks like {hint} without a byte-order mark; pass --encoding {hint}"
            )
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(path, "binary file (NUL byte); text files must not contain NUL", line)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data))
    if not matches:
        raise InputError(path, "cannot tell the text encoding; pass --encoding")
    return _most_plausible(data, matches)


def _most_plausible(data: bytes, matches: list[CharsetMatch]) -> tuple[str, str]:
    """Among the detector's near ties (and the two commonest Western code pages), the
    decoding that spells the most frequent words of one language, then the one whose letters
    best fit one language, then the detector's own order.

    Short texts fit several code pages about equally by byte statistics. A fixed preference
    for cp1252 among near ties once overrode a detector that was right about Turkish
    ("Ýstanbul … kalabalýk"); the decoded words, not the code page's popularity, decide now.
    """
    best = matches[0]
    if not _single_byte(best.encoding):  # CJK code pages are told apart by the detector
        return str(best), best.encoding
    candidates = [
        (m.encoding, str(m))
        for m in matches
        if m.chaos <= best.chaos + _TIE_CHAOS and _single_byte(m.encoding)
    ]
    for extra in _WESTERN:
        if all(extra != encoding for encoding, _ in candidates):
            try:
                candidates.append((extra, data.decode(extra)))
            except UnicodeDecodeError:
                continue
    candidates = [(e, t) for e, t in candidates if first_control_character(t) is None] or [
        (best.encoding, str(best))
    ]
    scored = [
        (word_hits(text), round(plausibility(text), 3), -index, encoding, text)
        for index, (encoding, text) in enumerate(candidates)
    ]
    *_, encoding, text = max(scored)
    return text, encoding


@cache
def _single_byte(encoding: str) -> bool:
    """Whether ``encoding`` maps each byte to one character (a legacy code page)."""
    try:
        return len(bytes(range(256)).decode(encoding, errors="replace")) == 256
    except LookupError:
        return False


def _decode_as(data: bytes, codec: str, path: Path | str) -> str:
    try:
        return data.decode(codec)
    except LookupError:
        raise InputError(path, f"unknown encoding {codec!r}") from None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            path, f"not valid {codec}: byte {exc.start} cannot be decoded", line
        ) from exc


def _utf16_hint(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when NUL bytes sit in every other position, as in Latin text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None
