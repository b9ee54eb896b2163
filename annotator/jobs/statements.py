"""Every quote and claim of the project as one table: who, what kind, topic, stance, when,
where, which article, the words. Read in bulk (the agreement reader); suggestions nobody
accepted are not statements."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from annotator.domain.documents import DocumentStatus
from annotator.domain.scheme import Scheme
from annotator.store.project import Project


@dataclass(frozen=True, slots=True)
class StatementRow:
    id: int
    document_id: int
    title: str
    layer: str  # quote or claim (any layer with a speaker or claimant)
    who: str  # the speaker's or claimant's name ("" when not linked)
    actor_id: int | None
    actor_kind: str
    kind: str  # the kind attribute (direct, statistic …)
    topic: str
    stance: str
    published: date | None
    source: str
    text: str
    start: int
    end: int
    annotator: str


@dataclass(frozen=True, slots=True)
class StatementFilter:
    status: DocumentStatus | None = None
    annotator: str | None = None
    since: date | None = None
    until: date | None = None
    source: str | None = None
    layers: frozenset[str] | None = None  # default: every layer with a speaker or claimant

    def admits(self, published: date | None, source: str | None) -> bool:
        """Whether an article of this date and source is within the dates and source asked."""
        if self.since and (published is None or published < self.since):
            return False
        if self.until and (published is None or published > self.until):
            return False
        return not (self.source and (source or "") != self.source)


def statement_layers(scheme: Scheme) -> dict[str, str]:
    """Layer -> the actor attribute naming who made its statements."""
    return {layer.name: who for layer in scheme.layers if (who := layer.statement_actor)}


def statement_rows(project: Project, chosen: StatementFilter | None = None) -> list[StatementRow]:
    """The statements in date order (undated last), then by article and place."""
    chosen = chosen or StatementFilter()
    layers = statement_layers(project.scheme.load())
    if chosen.layers is not None:
        layers = {name: who for name, who in layers.items() if name in chosen.layers}
    documents = {d.id: d for d in project.documents.list(chosen.status)}
    actors = {a.id: (a.name, a.kind.value) for a in project.actors.list()}
    names = {chosen.annotator} if chosen.annotator else None
    _found, spans = project.coded.read(layers=set(layers), annotators=names, status=chosen.status)
    rows = []
    for span in spans:
        document = documents.get(span.document_id)
        if document is None:
            continue
        if not chosen.admits(document.published, document.source):
            continue
        actor_id = span.links.get(layers[span.layer])
        name, kind = actors.get(actor_id, ("", "")) if actor_id is not None else ("", "")
        values = span.attributes
        rows.append(StatementRow(
            span.id, span.document_id, document.title, span.layer, name, actor_id, kind,
            str(values.get("kind", "")), str(values.get("topic", "")),
            str(values.get("stance", "")), document.published, document.source or "",
            span.text, span.start, span.end, span.annotator,
        ))  # fmt: skip
    rows.sort(key=lambda r: (r.published is None, r.published or date.min, r.document_id,
                             r.start))  # fmt: skip
    return rows


CSV_COLUMNS = ("statement", "who", "layer", "kind", "topic", "stance", "date", "source",
               "document", "title", "start", "end", "annotator", "text")  # fmt: skip


def write_statements_csv(rows: Iterable[StatementRow], out: Path) -> int:
    """The statements as a CSV table (UTF-8, one row each, offsets in code points); returns
    how many were written. The file appears whole or not at all."""
    temporary = out.with_name(out.name + ".part")
    written = 0
    try:
        with temporary.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            for r in rows:
                writer.writerow([r.id, r.who or "", r.layer, r.kind, r.topic, r.stance,
                                 r.published.isoformat() if r.published else "", r.source,
                                 r.document_id, r.title, r.start, r.end, r.annotator,
                                 r.text])  # fmt: skip
                written += 1
        temporary.replace(out)
    finally:
        temporary.unlink(missing_ok=True)
    return written
