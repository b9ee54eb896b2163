"""Label Studio JSON tasks with ``labels``, per-region ``choices``/``textarea``/``number``
results and ``relation`` results. Offsets: code points. A ``.label-config.xml`` written beside
the tasks sets up a matching Label Studio project.

Label Studio has no actors: a link to an actor becomes a relation to the nearest mention of that
actor, and each mention's actor is noted in its region's ``meta`` (``actor a1: name``) with the
actors' details in the task's ``data``, so reading the file back recovers them. On import each
region's ``value.text`` is checked against the text; files from older versions that counted in
UTF-16 units are accepted when the text proves it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from html import escape
from pathlib import Path
from typing import Any, TextIO

from annotator.domain.actors import ActorKind
from annotator.domain.annotations import Annotation, Origin
from annotator.domain.corpus import (
    AnnotatedDocument,
    Corpus,
    ImportedActor,
    ImportedDocument,
    ImportedLink,
    ImportedSpan,
)
from annotator.domain.errors import InputError
from annotator.domain.offsets import Utf16Index
from annotator.domain.scheme import AttributeKind
from annotator.formats.annotations.actor_keys import ActorKeys
from annotator.formats.annotations.mentions import span_links
from annotator.formats.annotations.report import FormatOptions, FormatReport
from annotator.formats.articles.records import draft_from_record
from annotator.formats.jsonlines import json_file

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
                values = [other.choices for other in corpus.scheme.layers for other in
                          other.attributes if other.name == spec.name]  # fmt: skip
                merged = list(dict.fromkeys(c for group in values for c in group)) or choices
                lines.append(f'  <Choices name="{name}" toName="text" perRegion="true">')
                lines += [f'    <Choice value="{escape(c)}"/>' for c in merged]
                lines.append("  </Choices>")
    lines.append("</View>")
    return "\n".join(lines) + "\n"


# -- reading ---------------------------------------------------------------------------------


def read_labelstudio(
    path: Path, encoding: str | None, options: FormatOptions
) -> Iterator[ImportedDocument]:
    tasks = json_file(path, encoding)
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise InputError(path, "expected a JSON array of Label Studio tasks")
    for number, task in enumerate(tasks, start=1):
        try:
            yield _document(task, path, number)
        except InputError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InputError(path, f"task {number}: cannot read it ({exc!r})") from None


def _document(task: dict[str, Any], path: Path, number: int) -> ImportedDocument:
    data = task["data"]
    raw = data.get("text")
    if not isinstance(raw, str):
        raise InputError(path, f"task {number}: data.text must be a string")
    fields = {k: v for k, v in data.items() if k != "actors"}
    draft = draft_from_record(fields, path, None, f"{path.stem} {number}")
    if draft.text != raw:
        raise InputError(path, f"task {number}: the text has carriage returns; offsets would move")
    completed = task.get("annotations") or []
    origin = Origin.IMPORTED
    if not completed and task.get("predictions"):
        completed, origin = task["predictions"], Origin.SUGGESTED
    result = completed[0].get("result", []) if completed else []
    utf16 = _utf16_if_proven(raw, result, path, number)
    convert = utf16.to_codepoint if utf16 is not None else int
    regions: dict[str, dict[str, Any]] = {}
    links: dict[str, list[ImportedLink]] = {}
    for item in result:
        kind = item.get("type")
        if kind == "relation":
            for label in item.get("labels") or ["related"]:
                links.setdefault(str(item["from_id"]), []).append(
                    ImportedLink(label, span_key=str(item["to_id"]))
                )
            continue
        value = item.get("value", {})
        region = regions.setdefault(str(item["id"]), {"attributes": {}})
        if kind == "labels":
            start, end = convert(int(value["start"])), convert(int(value["end"]))
            region.update(layer=value["labels"][0], start=start, end=end)
            if "text" in value and raw[start:end] != value["text"]:
                raise InputError(
                    path, f"task {number}: region {item['id']} covers {raw[start:end]!r}, "
                    f"but says {value['text']!r}",
                )  # fmt: skip
            for note in (item.get("meta") or {}).get("text", []):
                if note.startswith(ACTOR_META) and ":" in note:
                    region["actor"] = note[len(ACTOR_META) :].split(":", 1)[0]
        elif kind == "choices":
            choice = value["choices"][0]
            region["attributes"][item["from_name"]] = {"true": True, "false": False}.get(
                choice, choice
            )
        elif kind == "textarea":
            region["attributes"][item["from_name"]] = " ".join(value.get("text", []))
        elif kind == "number":
            region["attributes"][item["from_name"]] = value["number"]
    spans = tuple(
        ImportedSpan(
            key=key, layer=region["layer"], start=region["start"], end=region["end"],
            attributes=region["attributes"], actor_key=region.get("actor"),
            links=tuple(links.get(key, ())), origin=origin,
        )
        for key, region in regions.items() if "layer" in region
    )  # fmt: skip
    actors = tuple(
        ImportedActor(
            key=str(a["key"]), name=str(a["name"]), kind=ActorKind(a.get("kind", "other")),
            aliases=tuple(a.get("aliases") or ()), parent_key=a.get("parent"),
            external_id=a.get("external_id"),
        )
        for a in data.get("actors") or []
    )  # fmt: skip
    notices = (
        (f"{path}: task {number} was counted in UTF-16 units (an older Label Studio); converted",)
        if utf16 is not None
        else ()
    )
    return ImportedDocument(
        draft=draft, spans=spans, actors=actors, infer_actors=True, notices=notices
    )


def _utf16_if_proven(
    text: str, result: list[dict[str, Any]], path: Path, number: int
) -> Utf16Index | None:
    """A UTF-16 index when code points do not fit the regions' texts but UTF-16 units do."""
    index = Utf16Index(text)
    if index.is_trivial:
        return None
    labelled = [r["value"] for r in result if r.get("type") == "labels" and "text" in r["value"]]

    def fits(convert: Any) -> bool:
        try:
            return all(text[convert(v["start"]) : convert(v["end"])] == v["text"] for v in labelled)
        except (ValueError, TypeError):
            return False

    if not labelled or fits(int):
        return None
    if fits(index.to_codepoint):
        return index
    raise InputError(path, f"task {number}: region offsets match neither code points nor UTF-16")


def looks_labelstudio(record: Any) -> bool:
    """Whether one JSON record is a Label Studio task: its data under ``data``."""
    return isinstance(record, dict) and isinstance(record.get("data"), dict)
