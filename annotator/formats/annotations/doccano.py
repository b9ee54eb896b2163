"""doccano JSONL (sequence labelling with relations). Offsets: UTF-16 code units by default,
as doccano's web front end counts them; code points with ``--offsets codepoints``.

Written: ``entities`` (id, label = layer, start_offset, end_offset) and ``relations`` (id,
from_id, to_id, type). doccano has no actors and no span attributes: a link to an actor (a
quote's speaker) becomes a relation to the nearest mention of that actor, and attributes are
reported as not kept.

Read, from every doccano version: ``entities`` (objects with ``start_offset``, or 0.x
``[start, end, label]`` lists), ``label`` and ``labels`` lists of ``[start, end, label(, text)]``
and 1.x ``annotations`` objects (``label`` or ``label_name``, ``user``). A mention's actor is
recognised by its text (identical names become one actor). Spans are credited to their
doccano user (``username``, or ``doccano user N``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from annotator.domain.annotations import Annotation
from annotator.domain.corpus import (
    AnnotatedDocument,
    Corpus,
    ImportedDocument,
    ImportedLink,
    ImportedSpan,
)
from annotator.domain.errors import InputError
from annotator.domain.offsets import Utf16Index
from annotator.formats.annotations.mentions import span_links
from annotator.formats.annotations.offsets import OffsetReader
from annotator.formats.annotations.report import FormatOptions, FormatReport
from annotator.formats.articles.records import draft_from_record
from annotator.formats.jsonlines import json_lines

_ENTITY_KEYS = ("entities", "label", "labels", "annotations")
_SPAN_FIELDS = ("relations", "id", "doc_id", "username", "user")


def write_doccano(
    documents: Iterable[AnnotatedDocument],
    corpus: Corpus,
    out: TextIO,
    report: FormatReport,
    options: FormatOptions,
) -> None:
    next_entity = 1
    next_relation = 1
    for number, item in enumerate(documents, start=1):
        document = item.document
        convert = Utf16Index(document.text).to_utf16 if options.offsets == "utf16" else int
        ids: dict[int, int] = {}
        entities = []
        for annotation in item.annotations:
            ids[annotation.id] = next_entity
            entities.append(
                {
                    "id": next_entity,
                    "label": annotation.layer,
                    "start_offset": convert(annotation.start),
                    "end_offset": convert(annotation.end),
                }
            )
            next_entity += 1
            _report_losses(annotation, corpus, report)
        relations = []
        for annotation, link, target in span_links(item.annotations, ids, report):
            relations.append(
                {"id": next_relation, "from_id": ids[annotation.id], "to_id": target,
                 "type": link.type}
            )  # fmt: skip
            next_relation += 1
        record: dict[str, Any] = {"id": number, "text": document.text}
        for key in ("title", "source", "url", "author", "language"):
            if getattr(document, key):
                record[key] = getattr(document, key)
        if document.published:
            record["published"] = document.published.isoformat()
        record["entities"] = entities
        record["relations"] = relations
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        report.documents += 1
        report.spans += len(entities)


def _report_losses(annotation: Annotation, corpus: Corpus, report: FormatReport) -> None:
    if annotation.attributes:
        report.lost(
            "span attributes (doccano has none)", f"{annotation.layer} {annotation.attributes}"
        )
    if annotation.actor_id is not None and annotation.actor_id in corpus.actors:
        report.lost(
            "actor identities (doccano has none; re-imported mentions are matched by text)",
            f"“{annotation.text}” → {corpus.actors[annotation.actor_id].name}",
        )


def read_doccano(
    path: Path, encoding: str | None, options: FormatOptions
) -> Iterator[ImportedDocument]:
    for number, record in json_lines(path, encoding):
        if not isinstance(record, dict):
            raise InputError(path, f"expected a JSON object, got {type(record).__name__}", number)
        raw = record.get("text")
        if not isinstance(raw, str):
            raise InputError(path, "record has no 'text' string", number)
        offsets = OffsetReader(raw, options.offsets, path, number)
        used, _ = _entity_list(record)
        fields = {k: v for k, v in record.items() if k != used and k not in _SPAN_FIELDS}
        draft = draft_from_record(fields, path, number, f"{path.stem} {number}")
        spans, notices = _spans(record, offsets, path, number)
        if offsets.differs:
            notices += (
                f"{path}:{number}: the text has characters (emoji, …) where UTF-16 units and "
                "code points differ; offsets were read as UTF-16, as doccano counts them "
                "(use --offsets codepoints for files written by Python scripts)",
            )
        yield ImportedDocument(
            draft=draft, spans=spans, line=number, infer_actors=True, notices=notices
        )


def _spans(
    record: dict[str, Any], offsets: OffsetReader, path: Path, line: int
) -> tuple[tuple[ImportedSpan, ...], tuple[str, ...]]:
    """The record's spans, in whichever shape its doccano version wrote them, and notices."""
    key, raw_entities = _entity_list(record)
    if not isinstance(raw_entities, list):
        raise InputError(path, f"'{key}' must be a list of entities", line)
    links: dict[str, list[ImportedLink]] = {}
    for relation in record.get("relations", []) or []:
        try:
            source, target = str(relation["from_id"]), str(relation["to_id"])
            kind = str(relation.get("type") or relation.get("label") or "related")
        except (KeyError, TypeError):
            raise InputError(path, f"relation without from_id/to_id: {relation!r}", line) from None
        links.setdefault(source, []).append(ImportedLink(kind, span_key=target))
    everyone = _user(record.get("username") or record.get("user"))
    spans, unnamed = [], set()
    for position, entity in enumerate(raw_entities, start=1):
        span_key, start, end, label, user, text = _entity(entity, position, path, line)
        if isinstance(label, int) and not isinstance(label, bool):
            unnamed.add(label)
            label = f"label_{label}"
        if not isinstance(label, str) or not label:
            raise InputError(path, f"entity {span_key} has no label", line)
        spans.append(
            ImportedSpan(
                key=span_key, layer=label, start=offsets(start), end=offsets(end),
                links=tuple(links.get(span_key, ())), line=line, annotator=user or everyone,
                text=text,
            )
        )  # fmt: skip
    notices: tuple[str, ...] = ()
    if unnamed:
        ids = ", ".join(str(n) for n in sorted(unnamed))
        notices = (
            f"{path}:{line}: doccano gave labels only as numbers ({ids}), kept as layers "
            f"'label_N'; give them names with --map, e.g. --map label_{min(unnamed)}=actor:person",
        )
    return tuple(spans), notices


def _entity_list(record: dict[str, Any]) -> tuple[str, Any]:
    """The key holding the record's spans and its value (a list of strings under ``labels``
    is text classification, kept as metadata, not spans)."""
    present = [key for key in _ENTITY_KEYS if record.get(key) is not None]
    for key in present:
        value = record[key]
        if isinstance(value, list) and all(_is_entity(item) for item in value):
            return key, value
    return (present[0], record[present[0]]) if present else ("entities", [])


def _entity(
    entity: Any, position: int, path: Path, line: int
) -> tuple[str, Any, Any, Any, str | None, str | None]:
    """(key, start, end, label, annotator, covered text) of one entity in any doccano shape."""
    if isinstance(entity, dict):
        label = entity.get("label_name") or entity.get("label")
        return (
            str(entity.get("id", f"e{position}")),
            entity.get("start_offset"),
            entity.get("end_offset"),
            label,
            _user(entity.get("user")),
            None,
        )
    if isinstance(entity, list | tuple) and len(entity) in (3, 4):
        text = entity[3] if len(entity) == 4 and isinstance(entity[3], str) else None
        return f"e{position}", entity[0], entity[1], entity[2], None, text
    raise InputError(path, f"cannot read entity {entity!r}", line)


def _user(value: Any) -> str | None:
    """doccano's annotator: a name (0.x ``username``) or a user number (1.x ``user``)."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return f"doccano user {value}"
    return None


def looks_doccano(record: Any) -> bool:
    """Whether one JSON record is a doccano sequence-labelling record, of any version:
    ``entities`` (objects or ``[start, end, label]`` lists), ``label``/``labels`` lists of
    ``[start, end, label]``, or 1.x ``annotations`` with ``start_offset``. A ``labels`` list
    of plain strings (text classification) is not."""
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return False
    return any(
        isinstance(record.get(key), list) and all(_is_entity(x) for x in record[key])
        for key in _ENTITY_KEYS
    )


def _is_entity(item: Any) -> bool:
    if isinstance(item, dict):
        return "start_offset" in item and "end_offset" in item
    return isinstance(item, list) and len(item) >= 3 and all(type(x) is int for x in item[:2])
