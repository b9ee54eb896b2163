"""HTML pages: the article body only (no scripts, styles, navigation or footers), via trafilatura.

trafilatura is a maintained boilerplate remover for news pages; it also reads the page title,
author, date and site name. The language comes from ``<html lang>``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.domain.documents import DocumentDraft
from annotator.domain.errors import InputError
from annotator.formats.articles.records import draft_from_record
from annotator.formats.decoding import read_text_file


def read_html(path: Path, encoding: str | None = None) -> Iterator[DocumentDraft]:
    import trafilatura  # imported when a page is read: it is slow to import

    decoded = read_text_file(path, encoding)
    page = trafilatura.load_html(decoded.text)
    if page is None:
        raise InputError(path, "not an HTML page")
    found = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        favor_recall=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(found, "text", None)
    if not text or not text.strip():
        raise InputError(path, "no article text found in the page")
    record: dict[str, Any] = {
        "text": text,
        "title": getattr(found, "title", None),
        "author": getattr(found, "author", None),
        "date": getattr(found, "date", None),
        "url": getattr(found, "url", None),
        "source": getattr(found, "sitename", None),
        "language": page.get("lang"),
        "description": getattr(found, "description", None),
        "file": path.name,
        "encoding": decoded.encoding,
    }
    yield draft_from_record(record, path, None, path.stem)
