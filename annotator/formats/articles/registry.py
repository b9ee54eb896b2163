"""Which reader handles which file, and how folders are walked."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from annotator.domain.documents import DocumentDraft
from annotator.formats.articles.csvrecords import read_csv
from annotator.formats.articles.html import read_html
from annotator.formats.articles.jsonrecords import read_json, read_jsonl
from annotator.formats.articles.markdown import read_md
from annotator.formats.articles.plaintext import read_txt

Reader = Callable[[Path, str | None], Iterator[DocumentDraft]]

READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".text": read_txt,
    ".md": read_md,
    ".markdown": read_md,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".csv": read_csv,
    ".tsv": read_csv,
}


def reader_for(path: Path) -> Reader | None:
    return READERS.get(path.suffix.lower())


def expand(
    paths: Iterable[Path], keep: Callable[[Path], bool] = lambda _path: False
) -> Iterator[tuple[Path, bool]]:
    """Each file to import, with whether the user named it (True) or a folder held it (False).

    Folders are walked recursively in natural name order (a2 before a10), skipping hidden
    files and folders; a folder for which ``keep`` is true is yielded whole (a brat
    collection).
    """
    for path in paths:
        if not path.is_dir() or keep(path):
            yield path, True
            continue
        for root, dirs, files in os.walk(path):
            if keep(Path(root)) and Path(root) != path:
                yield Path(root), False
                dirs[:] = []
                continue
            dirs[:] = sorted((d for d in dirs if not d.startswith(".")), key=natural)
            for name in sorted(files, key=natural):
                if not name.startswith("."):
                    yield Path(root) / name, False


def natural(name: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that orders the numbers in names by value: a2, a10, b1."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in re.split(r"(\d+)", name)
        if part
    )
