"""What kind of quote a span is, from its quotation marks: direct, mixed or indirect."""

from __future__ import annotations

# Marks that open or close a quotation in the languages we annotate: English “…” and "…",
# German „…“ and »…«, French «…», single ‘…’ and ‹…›.
_OPENING = frozenset('“„«»‹›‘‚"')
_CLOSING = frozenset('”“»«›‹’‘"')
_TRAILING = ".,;:!?…"
KINDS = frozenset({"direct", "indirect", "mixed"})


def quote_kind(text: str) -> str:
    """``direct`` when the span is wrapped in quotation marks, ``mixed`` when marks appear
    inside it (an indirect report with quoted words), ``indirect`` when there are none."""
    body = text.strip()
    trimmed = body.rstrip(_TRAILING).rstrip()
    if len(trimmed) >= 2 and trimmed[0] in _OPENING and trimmed[-1] in _CLOSING:
        return "direct"
    if any(char in _OPENING or char in _CLOSING for char in body if char not in "‘’'"):
        return "mixed"
    if _quoted_with_single_marks(body):
        return "mixed"
    return "indirect"


def _quoted_with_single_marks(text: str) -> bool:
    """Single curly marks used as quotation marks (not as apostrophes inside words)."""
    for index, char in enumerate(text):
        if char == "‘" and (index == 0 or not text[index - 1].isalnum()):
            return True
    return False
