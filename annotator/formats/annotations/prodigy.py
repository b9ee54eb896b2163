"""Reading spaCy and Prodigy JSON Lines: ``{"text", "spans": [{"start", "end", "label"}]}``.

Offsets are code points (Python's). Also read: spaCy's ``Doc.to_json()`` (``ents``, and span
groups as ``"spans": {"group": [...]}``) and Prodigy's relations between spans. Prodigy records
answered ``reject`` or ``ignore`` are not annotations and are counted as not taken; the
annotator is Prodigy's ``_annotator_id`` (or session).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from annotator.domain.corpus import ImportedDocument, ImportedLink, ImportedSpan
from annotator.domain.documents import DocumentDraft
from annotator.domain.errors import InputError
from annotator.domain.losses import Dropped
from annotator.formats.annotations.offsets import OffsetReader
from annotator.formats.annotations.report import FormatOptions
from annotator.formats.articles.records import draft_from_record
from annotator.formats.jsonlines import json_lines

_SPAN_FIELDS = ("spans", "ents", "tokens", "relations", "answer", "_input_hash", "_task_hash",
                "_view_id", "_annotator_id", "_session_id", "_timestamp", "_is_binary")  # fmt: skip


def looks_prodigy(record: Any) -> bool:
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return False
    groups = _groups(record)
    return bool(groups) and all(
        isinstance(span, dict) and "start" in span and "end" in span
        for spans in groups.values()
        for span in spans
    )


def read_prodigy(
    path: Path, encoding: str | None, options: FormatOptions
) -> Iterator[ImportedDocument]:
    for number, record in json_lines(path, encoding):
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(path, "a record needs a 'text' string", number)
        answer = record.get("answer", "accept")
        fields = {k: v for k, v in record.items() if k not in _SPAN_FIELDS}
        draft = draft_from_record(fields, path, number, f"{path.stem} {number}")
        if answer != "accept":
            yield ImportedDocument(
                draft=draft, line=number,
                dropped=(Dropped(f"Prodigy answers {answer!r} (not annotations)",
                                 f"line {number}", len(_all_spans(record))),),
            )  # fmt: skip
            continue
        yield _document(record, draft, path, number)


def _document(
    record: dict[str, Any], draft: DocumentDraft, path: Path, line: int
) -> ImportedDocument:
    offsets = OffsetReader(record["text"], "codepoints", path, line)
    who = record.get("_annotator_id") or record.get("_session_id")
    keys: dict[tuple[int, int], str] = {}
    spans: list[ImportedSpan] = []
    for group, items in _groups(record).items():
        for item in items:
            label = item.get("label") or (None if group in ("spans", "ents") else group)
            if not isinstance(label, str) or not label:
                raise InputError(path, f"a span at {item.get('start')} has no label", line)
            key = f"s{len(spans) + 1}"
            keys[(item["start"], item["end"])] = key
            spans.append(
                ImportedSpan(
                    key=key, layer=label, start=offsets(item["start"]), end=offsets(item["end"]),
                    annotator=str(who) if who else None, line=line,
                    text=item["text"] if isinstance(item.get("text"), str) else None,
                )
            )  # fmt: skip
    links, dropped = _relations(record, keys)
    spans = [replace(s, links=tuple(links.get(s.key, ()))) for s in spans]
    return ImportedDocument(
        draft=draft, spans=tuple(spans), line=line, infer_actors=True, dropped=dropped
    )


def _groups(record: dict[str, Any]) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = {}
    spans = record.get("spans")
    if isinstance(spans, list):
        groups["spans"] = spans
    elif isinstance(spans, dict):  # spaCy span groups
        groups.update({k: v for k, v in spans.items() if isinstance(v, list)})
    if isinstance(record.get("ents"), list):
        groups["ents"] = record["ents"]
    return groups


def _all_spans(record: dict[str, Any]) -> list[Any]:
    return [span for spans in _groups(record).values() for span in spans]


def _relations(
    record: dict[str, Any], keys: dict[tuple[int, int], str]
) -> tuple[dict[str, list[ImportedLink]], tuple[Dropped, ...]]:
    links: dict[str, list[ImportedLink]] = {}
    missing = 0
    for relation in record.get("relations") or []:
        head, child = relation.get("head_span") or {}, relation.get("child_span") or {}
        source = keys.get((int(head.get("start", -1)), int(head.get("end", -1))))
        target = keys.get((int(child.get("start", -1)), int(child.get("end", -1))))
        if source is None or target is None:
            missing += 1
            continue
        links.setdefault(source, []).append(
            ImportedLink(str(relation.get("label") or "related"), span_key=target)
        )
    dropped = (
        (Dropped("relations between tokens that are not spans", "Prodigy relation", missing),)
        if missing
        else ()
    )
    return links, dropped
