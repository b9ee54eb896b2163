"""Quotation marks and sentences of a text, found by regular expressions (no tokenising).

Quotation marks are paired per typography: “…” ‘…’ "…" „…“ „…” ‚…‘ «…» »…« ‹…›; a pair never
crosses a paragraph, an opening mark starts a word, and an apostrophe inside a word ("it’s")
closes nothing. Sentences end at . ! ? outside quotation marks, or right after a closing mark
that follows one ("… vor.“", "« … fin. »"), and at every line end.
"""

from __future__ import annotations

import bisect
import re

OPENERS = {"“": "”", "„": "“”", "«": "»", "»": "«", "‹": "›", "‚": "‘’", "‘": "’", '"': '"'}
ENDS = ".!?"
_OPENING = re.compile("[" + re.escape("".join(OPENERS)) + "]")
_CLOSING = {
    opener: re.compile("[" + re.escape(closers) + "]") for opener, closers in OPENERS.items()
}
_CUT = re.compile(r"[.!?](?=\s|$|[”“»«›‹\"’])|\n")
_ENDS = ENDS


def quotations(text: str) -> list[tuple[int, int]]:
    """Every quoted stretch, its marks included, paired within a paragraph."""
    found: list[tuple[int, int]] = []
    index = 0
    while True:
        mark = _OPENING.search(text, index)
        if mark is None:
            return found
        opened = mark.start()
        if not _may_open(text, opened):
            index = opened + 1
            continue
        end = _closing(text, opened + 1, _CLOSING[text[opened]])
        if end is None:
            index = opened + 1
            continue
        found.append((opened, end + 1))
        index = end + 1


def _may_open(text: str, index: int) -> bool:
    """An opening mark starts a word: after a space, a paragraph, a dash or a bracket."""
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if text[index] in "‘'\"":
        return (before.isspace() or before in "([—–-:") and not after.isspace()
    return not before.isalnum()


def _closing(text: str, start: int, closers: re.Pattern[str]) -> int | None:
    """The closing mark of a quotation opened before ``start``, within its paragraph."""
    paragraph = text.find("\n\n", start)
    limit = len(text) if paragraph < 0 else paragraph
    index = start
    while True:
        mark = closers.search(text, index, limit)
        if mark is None:
            return None
        at = mark.start()
        if text[at] in "’'" and text[at + 1 : at + 2].isalpha():
            index = at + 1  # an apostrophe inside a word: "it’s"
            continue
        return at if at > start else None


def sentences(text: str, quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans: ends at . ! ? outside quotation marks, or right after a closing mark
    that follows one, when a space or a paragraph comes next; paragraphs always end one."""
    starts = [start for start, _end in quoted]
    after_closing = set()
    for start, end in quoted:
        inner = text[start + 1 : end - 1].rstrip(" \u00a0\u202f")  # « … fin. » in French
        if inner and inner[-1] in _ENDS:
            after_closing.add(end)
    found: list[tuple[int, int]] = []
    start = 0
    for cut_mark in _CUT.finditer(text):
        at = cut_mark.start()
        if text[at] == "\n":
            cut = at
        else:
            cut = at + 1
            inside = bisect.bisect_right(starts, at) - 1
            if inside >= 0 and at < quoted[inside][1]:  # inside a quotation
                if quoted[inside][1] not in after_closing:
                    continue
                cut = quoted[inside][1]
                if cut < len(text) and not text[cut].isspace():
                    continue
        if cut <= start:
            continue
        if text[start:cut].strip():
            found.append(_trimmed(text, start, cut))
        start = cut
    if text[start:].strip():
        found.append(_trimmed(text, start, len(text)))
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
