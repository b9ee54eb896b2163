"""One structured record (a JSON object, a CSV row) to one article draft.

``text`` is required; title, source, url, author, date and language are recognised under a few
common names; every other field is kept as metadata.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from annotator.domain.documents import DocumentDraft
from annotator.domain.errors import InputError
from annotator.domain.text import normalise_newlines
from annotator.formats.dates import parse_date
from annotator.formats.decoding import check_prose

TEXT_FIELDS = ("text",)
FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "source": ("source", "outlet", "publisher", "sitename"),
    "url": ("url", "link"),
    "author": ("author", "authors", "byline"),
    "date": ("date", "published", "published_at", "publication_date", "pubdate"),
    "language": ("language", "lang"),
}
METADATA_FIELDS = ("metadata", "meta")
TITLE_CHARS = 120


def title_from_text(text: str, fallback: str) -> str:
    """The first non-empty line, shortened to a title; ``fallback`` if there is none."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line if len(line) <= TITLE_CHARS else line[: TITLE_CHARS - 1] + "…"
    return fallback


def find_field(keys: list[str], names: tuple[str, ...]) -> str | None:
    """The first key of ``keys`` that matches one of ``names``, ignoring case."""
    return _find(_lowered(keys), names)


def _lowered(keys: list[str]) -> dict[str, str]:
    return {key.strip().lower(): key for key in keys}


def _find(lowered: dict[str, str], names: tuple[str, ...]) -> str | None:
    for name in names:
        if name in lowered:
            return lowered[name]
    return None


def draft_from_record(
    record: Mapping[str, Any], path: Path, line: int | None, fallback_title: str
) -> DocumentDraft:
    keys = list(record)
    lowered = _lowered(keys)
    text_key = _find(lowered, TEXT_FIELDS)
    if text_key is None:
        raise InputError(path, "record has no 'text' field", line)
    raw = record[text_key]
    if not isinstance(raw, str):
        raise InputError(path, f"'text' must be a string, not {type(raw).__name__}", line)
    text = normalise_newlines(raw)
    if not text.strip():
        raise InputError(path, "'text' is empty", line)
    check_prose(text, path, line or 1)
    used = {text_key}
    values: dict[str, Any] = {}
    for field, names in FIELDS.items():
        key = _find(lowered, names)
        if key is not None:
            used.add(key)
            values[field] = record[key]
    metadata: dict[str, Any] = {}
    for key in keys:
        if key in used:
            continue
        value = record[key]
        if key.strip().lower() in METADATA_FIELDS and isinstance(value, Mapping):
            metadata.update(value)
        elif value not in (None, ""):
            metadata[key] = value
    published = parse_date(values.get("date"))
    if values.get("date") not in (None, "") and published is None:
        metadata["date"] = values["date"]
    return DocumentDraft(
        text=text,
        title=_short(values.get("title")) or title_from_text(text, fallback_title),
        source=_short(values.get("source")),
        url=_short(values.get("url")),
        author=_short(values.get("author")),
        published=published,
        language=_short(values.get("language")),
        metadata=metadata,
        imported_from=f"{path}:{line}" if line is not None else str(path),
    )


def _short(value: Any) -> str | None:
    """A single-line string for a column: lists are joined, empty values become None."""
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = " ".join(str(value).split())
    return text or None
