"""Label Studio JSON tasks with ``labels``, per-region ``choices``/``textarea``/``number``
results and ``relation`` results. Offsets: code points. A ``.label-config.xml`` written beside
the tasks sets up a matching Label Studio project. Reading is in :mod:`labelstudio_read`.

Label Studio has no actors: a link to an actor becomes a relation to the nearest mention of that
actor, and each mention's actor is noted in its region's ``meta`` (``actor a1: name``) with the
actors' details in the task's ``data``, so reading the file back recovers them. On import each
region's ``value.text`` is checked against the text; files from older versions that counted in
UTF-16 units are accepted when the text proves it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from html import escape
from pathlib import Path
from typing import Any, TextIO

from annotator.domain.annotations import Annotation
from annotator.domain.corpus import (
    AnnotatedDocument,
    Corpus,
)
from annotator.domain.scheme import AttributeKind
from annotator.formats.annotations.actor_keys import ActorKeys
from annotator.formats.annotations.mentions import span_links
from annotator.formats.annotations.report import FormatOptions, FormatReport

LABELS = "label"
ACTOR_META = "actor "
_TYPES = {AttributeKind.NUMBER: "number", AttributeKind.TEXT: "textarea"}


def write_labelstudio(
    documents: Iterable[AnnotatedDocument],
    corpus: Corpus,
    out: TextIO,
    report: FormatReport,
    options: FormatOptions,
) -> None:
    keys = ActorKeys(corpus.actors)
    out.write("[")
    for number, item in enumerate(documents):
        out.write(",\n" if number else "\n")
        out.write(json.dumps(_task(item, corpus, keys, report), ensure_ascii=False))
        report.documents += 1
    out.write("\n]\n")


def _task(
    item: AnnotatedDocument, corpus: Corpus, keys: ActorKeys, report: FormatReport
) -> dict[str, Any]:
    document = item.document
    ids = {a.id: f"s{n}" for n, a in enumerate(item.annotations, start=1)}
    result: list[dict[str, Any]] = []
    named: list[int] = []
    for span in item.annotations:
        value = {"start": span.start, "end": span.end, "text": span.text}
        region: dict[str, Any] = {
            "id": ids[span.id], "from_name": LABELS, "to_name": "text", "type": "labels",
            "value": {**value, "labels": [span.layer]}, "origin": span.origin.value,
        }  # fmt: skip
        if span.actor_id is not None and span.actor_id in corpus.actors:
            named.append(span.actor_id)
            actor = corpus.actors[span.actor_id]
            region["meta"] = {"text": [f"{ACTOR_META}{keys.key(actor.id)}: {actor.name}"]}
        result.append(region)
        for name, attribute in span.attributes.items():
            result.append(_attribute(ids[span.id], name, attribute, value, span, corpus))
        report.spans += 1
    for span, link, target in span_links(item.annotations, ids, report):
        result.append(
            {"from_id": ids[span.id], "to_id": target, "type": "relation",
             "direction": "right", "labels": [link.type]}
        )  # fmt: skip
    data: dict[str, Any] = {"text": document.text, "title": document.title}
    for key in ("source", "url", "author", "language"):
        if getattr(document, key):
            data[key] = getattr(document, key)
    if document.published:
        data["published"] = document.published.isoformat()
    data["actors"] = [
        {"key": keys.key(a.id), "name": a.name, "kind": a.kind.value, "aliases": list(a.aliases),
         "parent": keys.key(a.parent_id) if a.parent_id else None,
         "external_id": a.external_id}
        for a in keys.with_parents(list(dict.fromkeys(named)))
    ]  # fmt: skip
    annotator = next((a.annotator for a in item.annotations), "")
    return {"id": document.id, "data": data,
            "annotations": [{"result": result, "completed_by": {"email": annotator}}]}  # fmt: skip


def _attribute(
    region: str, name: str, value: Any, where: dict[str, Any], span: Annotation, corpus: Corpus
) -> dict[str, Any]:
    kind = corpus.attribute_kind(span.layer, name) or AttributeKind.TEXT
    if isinstance(value, bool):
        kind = AttributeKind.BOOLEAN
    kind_name = _TYPES.get(kind, "choices")
    if kind_name == "number":
        content: dict[str, Any] = {"number": value}
    elif kind_name == "textarea":
        content = {"text": [str(value)]}
    else:
        content = {"choices": [str(value).lower() if isinstance(value, bool) else str(value)]}
    start, end = where["start"], where["end"]
    return {"id": region, "from_name": name, "to_name": "text", "type": kind_name,
            "value": {"start": start, "end": end, **content}}  # fmt: skip


def write_config(
    folder_or_file: Path, files: list[Path], report: FormatReport, corpus: Corpus
) -> None:
    """The labelling configuration for a Label Studio project that shows these tasks."""
    config = label_config(corpus)
    for path in files:
        path.with_name(path.stem + ".label-config.xml").write_text(config, encoding="utf-8")


def label_config(corpus: Corpus) -> str:
    lines = ["<View>", f'  <Labels name="{LABELS}" toName="text">']
    for layer in corpus.scheme.layers:
        lines.append(f'    <Label value="{escape(layer.name)}" background="{layer.color}"/>')
    lines += ["  </Labels>", '  <Text name="text" value="$text"/>', "  <Relations>"]
    relation_types = sorted(
        {a.name for layer in corpus.scheme.layers for a in layer.actor_attributes}
    )
    lines += [f'    <Relation value="{escape(name)}"/>' for name in relation_types]
    lines.append("  </Relations>")
    seen: set[str] = set()
    for layer in corpus.scheme.layers:
        for spec in layer.attributes:
            if spec.kind is AttributeKind.ACTOR or spec.name in seen:
                continue
            seen.add(spec.name)
            name = escape(spec.name)
            if spec.kind is AttributeKind.TEXT:
                lines.append(f'  <TextArea name="{name}" toName="text" perRegion="true"/>')
            elif spec.kind is AttributeKind.NUMBER:
                lines.append(f'  <Number name="{name}" toName="text" perRegion="true"/>')
            else:
                choices = spec.choices or ("true", "false")
                values = [other.choices for layer in corpus.scheme.layers for other in
                          layer.attributes if other.name == spec.name]  # fmt: skip
                merged = list(dict.fromkeys(c for group in values for c in group)) or choices
                lines.append(f'  <Choices name="{name}" toName="text" perRegion="true">')
                lines += [f'    <Choice value="{escape(c)}"/>' for c in merged]
                lines.append("  </Choices>")
    lines.append("</View>")
    return "\n".join(lines) + "\n"
