"""Printing: JSON for scripts, aligned plain text for people."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any, TextIO


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, set | tuple):
        return list(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


# Control characters (C0 but tab and newline, DEL, C1) and the bidi embeddings, overrides and
# isolates: in a title or a file name they could move the cursor, retitle the terminal (OSC),
# fake further output lines or reverse what follows.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_C1 = re.compile("[\x80-\x9f]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def term(text: object, *, keep_newlines: bool = False) -> str:
    """``text`` safe to print to a terminal: control characters shown as ``\\x1b`` escapes.

    Titles, names and file names come from data; only an article body keeps its newlines.
    """
    return (_UNSAFE if keep_newlines else _UNSAFE_LINE).sub(_escape, str(text))


def print_json(data: Any, out: TextIO | None = None) -> None:
    stream = out or sys.stdout
    text = json.dumps(data, ensure_ascii=False, indent=2, default=_default)
    # JSON escapes C0 itself; C1 characters (CSI is \x9b) are escaped here, still valid JSON.
    stream.write(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    stream.write("\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]], right: set[int]) -> None:
    """Columns padded to their widest cell; columns in ``right`` aligned right (numbers)."""
    cells = [[str(h) for h in headers]] + [["" if c is None else term(c) for c in r] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for row in cells:
        line = "  ".join(
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        )
        print(line.rstrip())


def shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def warn(message: str) -> None:
    """One line to standard error, with any control characters from data escaped."""
    print(term(message), file=sys.stderr)
