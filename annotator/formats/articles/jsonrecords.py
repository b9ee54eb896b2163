"""JSON Lines (one article per line) and JSON (an array of articles, or one article)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.domain.documents import DocumentDraft
from annotator.domain.errors import InputError
from annotator.formats.articles.records import draft_from_record
from annotator.formats.jsonlines import json_file, json_lines


def read_jsonl(path: Path, encoding: str | None = None) -> Iterator[DocumentDraft]:
    for number, record in json_lines(path, encoding):
        yield _draft(record, path, number, f"{path.stem} {number}")


def read_json(path: Path, encoding: str | None = None) -> Iterator[DocumentDraft]:
    data = json_file(path, encoding)
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records, start=1):
        yield _draft(
            record, path, None, f"{path.stem} {index}", index if len(records) > 1 else None
        )


def _draft(
    record: Any, path: Path, line: int | None, title: str, index: int | None = None
) -> DocumentDraft:
    if not isinstance(record, dict):
        where = f"record {index}: " if index else ""
        raise InputError(path, f"{where}expected a JSON object, got {type(record).__name__}", line)
    try:
        draft = draft_from_record(record, path, line, title)
    except InputError as exc:
        if index is None:
            raise
        raise InputError(path, f"record {index}: {exc.reason}", exc.line) from None
    return draft
