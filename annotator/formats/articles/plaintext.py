"""Plain text: the whole file is the article; its first line is the title."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.domain.documents import DocumentDraft
from annotator.formats.articles.records import title_from_text
from annotator.formats.decoding import read_text_file


def read_txt(path: Path, encoding: str | None = None) -> Iterator[DocumentDraft]:
    decoded = read_text_file(path, encoding)
    yield DocumentDraft(
        text=decoded.text,
        title=title_from_text(decoded.text, path.stem),
        metadata={"file": path.name, "encoding": decoded.encoding},
        imported_from=str(path),
    )
