"""CSV tables for spreadsheets and R/pandas (export only): a folder of quotes.csv, claims.csv,
actors.csv, mentions.csv and spans.csv (every span of every layer, so nothing is left out).

UTF-8 with a byte-order mark, so spreadsheet programs read accents and scripts correctly. A cell
that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is
prefixed with an apostrophe. Offsets are code points.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.domain.annotations import Annotation
from annotator.domain.corpus import AnnotatedDocument, Corpus
from annotator.domain.documents import Document
from annotator.formats.annotations.report import FormatOptions, FormatReport

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

QUOTES = ("document", "title", "date", "source", "speaker", "speaker_kind", "quote", "kind",
          "cue", "start", "end")  # fmt: skip
CLAIMS = ("document", "title", "date", "source", "claimant", "claimant_kind", "addressee",
          "kind", "topic", "stance", "claim", "start", "end")  # fmt: skip
MENTIONS = ("document", "title", "date", "actor", "actor_kind", "mention", "start", "end")
ACTORS = ("actor_id", "name", "kind", "parent", "aliases", "external_id", "mentions",
          "description")  # fmt: skip
SPANS = ("document", "title", "layer", "label", "text", "start", "end", "actor",
         "attributes", "links", "annotator", "origin")  # fmt: skip


def safe(value: Any) -> str:
    """A cell's text, with anything a spreadsheet would evaluate neutralised."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_tables(
    documents: Iterable[AnnotatedDocument],
    corpus: Corpus,
    folder: Path,
    report: FormatReport,
    options: FormatOptions,
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    files = {name: (folder / f"{name}.csv").open("w", encoding="utf-8-sig", newline="")
             for name in ("quotes", "claims", "mentions", "spans")}  # fmt: skip
    try:
        tables = _Tables({name: csv.writer(handle) for name, handle in files.items()}, corpus)
        for item in documents:
            for span in item.annotations:
                tables.add(item.document, span)
                report.spans += 1
            report.documents += 1
    finally:
        for handle in files.values():
            handle.close()
    names, mentions = tables.names, tables.mentions
    with (folder / "actors.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(ACTORS)
        for actor in sorted(corpus.actors.values(), key=lambda a: a.name.casefold()):
            _row(writer, actor.id, actor.name, actor.kind.value,
                 names.get(actor.parent_id or -1), "; ".join(actor.aliases), actor.external_id,
                 mentions[actor.id], actor.description)  # fmt: skip


def _row(writer: Any, *cells: Any) -> None:
    writer.writerow([safe(cell) for cell in cells])


def _json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False) if value else ""


def _links(span: Annotation, names: dict[int, str]) -> str:
    return "; ".join(
        f"{link.type}: {names.get(link.actor_id, '?')}"
        if link.actor_id is not None
        else f"{link.type}: span {link.annotation_id}"
        for link in span.links
    )


class _Tables:
    """The rows one span gives the quotes, claims, mentions and spans tables."""

    def __init__(self, writers: dict[str, Any], corpus: Corpus) -> None:
        self.writers = writers
        self.names = {actor_id: actor.name for actor_id, actor in corpus.actors.items()}
        self.kinds = {actor_id: actor.kind.value for actor_id, actor in corpus.actors.items()}
        self.mentions: Counter[int] = Counter()
        for name, header in (("quotes", QUOTES), ("claims", CLAIMS), ("mentions", MENTIONS),
                             ("spans", SPANS)):  # fmt: skip
            writers[name].writerow(header)

    def add(self, document: Document, span: Annotation) -> None:
        when = document.published.isoformat() if document.published else ""
        linked = {link.type: link.actor_id for link in span.links if link.actor_id}
        names, kinds = self.names, self.kinds
        if span.actor_id is not None:
            self.mentions[span.actor_id] += 1
            _row(self.writers["mentions"], document.id, document.title, when,
                 names.get(span.actor_id), kinds.get(span.actor_id), span.text,
                 span.start, span.end)  # fmt: skip
        if span.layer == "quote":
            speaker = linked.get("speaker") or -1
            _row(self.writers["quotes"], document.id, document.title, when, document.source,
                 names.get(speaker), kinds.get(speaker), span.text,
                 span.attributes.get("kind"), span.attributes.get("cue"),
                 span.start, span.end)  # fmt: skip
        if span.layer == "claim":
            claimant = linked.get("claimant") or -1
            _row(self.writers["claims"], document.id, document.title, when,
                 document.source, names.get(claimant), kinds.get(claimant),
                 names.get(linked.get("addressee") or -1),
                 span.attributes.get("kind"), span.attributes.get("topic"),
                 span.attributes.get("stance"), span.text, span.start, span.end)  # fmt: skip
        _row(self.writers["spans"], document.id, document.title, span.layer, span.label,
             span.text, span.start, span.end, names.get(span.actor_id or -1),
             _json(span.attributes), _links(span, names), span.annotator,
             span.origin.value)  # fmt: skip
