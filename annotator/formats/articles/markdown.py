"""Markdown: the text is kept as written; YAML front matter becomes the article's metadata."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from annotator.domain.documents import DocumentDraft
from annotator.domain.errors import InputError
from annotator.formats.articles.records import draft_from_record
from annotator.formats.decoding import read_text_file

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def read_md(path: Path, encoding: str | None = None) -> Iterator[DocumentDraft]:
    decoded = read_text_file(path, encoding)
    text = decoded.text
    fields: dict[str, Any] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        fields = _front_matter(match.group(1), path)
        text = text[match.end() :]
    if "title" not in {key.lower() for key in fields}:
        heading = _HEADING.search(text)
        if heading:
            fields["title"] = heading.group(1)
    record = {**fields, "text": text, "file": path.name, "encoding": decoded.encoding}
    yield draft_from_record(record, path, None, path.stem)


def _front_matter(block: str, path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        raise InputError(path, f"front matter is not valid YAML: {exc}", line) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(path, "front matter must be a YAML mapping", 2)
    return {str(k): v for k, v in data.items() if str(k).lower() != "text"}
