"""The native JSON Lines format: lossless, one document per line. Offsets are code points.

Every line carries the document, its metadata and status, the actors its spans refer to (with
the chain of actors they belong to), and every span with layer, label, offsets, covered text,
attributes, actor, links, annotator and origin. Actors and spans are referred to by file-local
keys ("a1", "s1"), so export → import → export gives the same file. See docs/formats.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from annotator.domain.actors import Actor, ActorKind
from annotator.domain.annotations import Origin
from annotator.domain.corpus import (
    AnnotatedDocument,
    Corpus,
    ImportedActor,
    ImportedDocument,
    ImportedLink,
    ImportedSpan,
)
from annotator.domain.documents import DocumentDraft, DocumentStatus
from annotator.domain.errors import InputError
from annotator.formats.annotations.actor_keys import ActorKeys
from annotator.formats.annotations.problems import describe
from annotator.formats.annotations.report import FormatOptions, FormatReport
from annotator.formats.decoding import check_prose
from annotator.formats.jsonlines import json_lines

FORMAT = "annotator-jsonl/1"


def write_native(
    documents: Iterable[AnnotatedDocument],
    corpus: Corpus,
    out: TextIO,
    report: FormatReport,
    options: FormatOptions,
) -> None:
    keys = ActorKeys(corpus.actors)
    for item in documents:
        out.write(json.dumps(native_record(item, keys), ensure_ascii=False) + "\n")
        report.documents += 1
        report.spans += len(item.annotations)


def native_record(item: AnnotatedDocument, keys: ActorKeys) -> dict[str, Any]:
    document = item.document
    span_keys = {a.id: f"s{n}" for n, a in enumerate(item.annotations, start=1)}
    named: list[int] = []  # in the order the spans name them, so keys do not depend on ids
    for a in item.annotations:
        named += [a.actor_id] if a.actor_id is not None else []
        named += [link.actor_id for link in a.links if link.actor_id is not None]
    actors = keys.with_parents(list(dict.fromkeys(named)))
    return {
        "format": FORMAT,
        "title": document.title,
        "source": document.source,
        "url": document.url,
        "author": document.author,
        "published": document.published.isoformat() if document.published else None,
        "language": document.language,
        "status": document.status.value,
        "metadata": document.metadata,
        "text": document.text,
        "actors": [_actor(actor, keys) for actor in actors],
        "spans": [
            {
                "key": span_keys[a.id],
                "layer": a.layer,
                "label": a.label,
                "start": a.start,
                "end": a.end,
                "text": a.text,
                "attributes": a.attributes,
                "actor": keys.key(a.actor_id) if a.actor_id is not None else None,
                "links": [
                    {"type": link.type, "actor": keys.key(link.actor_id)}
                    if link.actor_id is not None
                    else {"type": link.type, "span": span_keys.get(link.annotation_id or -1)}
                    for link in a.links
                ],
                "annotator": a.annotator,
                "origin": a.origin.value,
            }
            for a in item.annotations
        ],
    }


def _actor(actor: Actor, keys: ActorKeys) -> dict[str, Any]:
    return {
        "key": keys.key(actor.id),
        "name": actor.name,
        "kind": actor.kind.value,
        "aliases": list(actor.aliases),
        "parent": keys.key(actor.parent_id) if actor.parent_id is not None else None,
        "external_id": actor.external_id,
        "description": actor.description,
    }


def read_native(
    path: Path, encoding: str | None, options: FormatOptions
) -> Iterator[ImportedDocument]:
    for number, record in json_lines(path, encoding):
        try:
            yield native_document(record, path, number)
        except InputError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InputError(path, f"not an {FORMAT} record: {describe(exc)}", number) from None


def looks_native(record: Any) -> bool:
    """Whether one JSON record is a document of Annotator's own format."""
    return isinstance(record, dict) and record.get("format") == FORMAT


def native_document(record: dict[str, Any], path: Path, line: int) -> ImportedDocument:
    text = record["text"]
    if not isinstance(text, str) or not text:
        raise InputError(path, "'text' must be a non-empty string", line)
    if "\r" in text:
        raise InputError(path, "text holds carriage returns; its offsets cannot be trusted", line)
    check_prose(text, path, line)
    published = record.get("published")
    draft = DocumentDraft(
        text=text,
        title=str(record.get("title") or text.split("\n", 1)[0][:120]),
        source=record.get("source"),
        url=record.get("url"),
        author=record.get("author"),
        published=date.fromisoformat(published) if published else None,
        language=record.get("language"),
        metadata=dict(record.get("metadata") or {}),
        imported_from=f"{path}:{line}",
    )
    actors = tuple(
        ImportedActor(
            key=str(a["key"]),
            name=str(a["name"]),
            kind=ActorKind(a.get("kind", "other")),
            aliases=tuple(a.get("aliases") or ()),
            parent_key=a.get("parent"),
            external_id=a.get("external_id"),
            description=a.get("description"),
        )
        for a in record.get("actors", [])
    )
    spans = tuple(
        ImportedSpan(
            key=str(s["key"]),
            layer=str(s["layer"]),
            start=int(s["start"]),
            end=int(s["end"]),
            label=s.get("label"),
            attributes=dict(s.get("attributes") or {}),
            actor_key=s.get("actor"),
            links=tuple(
                ImportedLink(str(link["type"]), link.get("actor"), link.get("span"))
                for link in s.get("links", [])
            ),
            annotator=s.get("annotator"),
            origin=Origin(s.get("origin", "imported")),
            text=s.get("text"),
            line=line,
        )
        for s in record.get("spans", [])
    )
    status = record.get("status")
    return ImportedDocument(
        draft=draft,
        spans=spans,
        actors=actors,
        status=DocumentStatus(status) if status else None,
        line=line,
    )
