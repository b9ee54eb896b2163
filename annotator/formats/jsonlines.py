"""Reading JSON and JSON Lines; malformed JSON is refused naming its line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.domain.errors import InputError
from annotator.formats.decoding import read_text_file


def json_lines(path: Path, encoding: str | None = None) -> Iterator[tuple[int, Any]]:
    """``(line number, parsed value)`` for every non-blank line of ``path``."""
    text = read_text_file(path, encoding, check=False).text
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            message = f"malformed JSON: {exc.msg} (column {exc.colno})"
            raise InputError(path, message, number) from None


def json_file(path: Path, encoding: str | None = None) -> Any:
    """The JSON value in ``path``."""
    text = read_text_file(path, encoding, check=False).text
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        message = f"malformed JSON: {exc.msg} (column {exc.colno})"
        raise InputError(path, message, exc.lineno) from None
