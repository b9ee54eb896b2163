"""Reading Label Studio task exports: JSON arrays of tasks (or one task), any version.

Every annotation of a task is imported as the work of its annotator (``completed_by``: a user
number, a user object or a name); Label Studio 0.x calls them ``completions``. With no
annotation, predictions come in as suggestions. Region offsets are code points of
``data.text`` (older exports counted UTF-16 units; accepted when the regions' texts prove it)
and are mapped through the line-ending change when the text has CRLF. Results without an
``id`` get one. Task-level ``choices`` become document metadata. What cannot be placed in the
text (HyperText regions with XPath offsets, Paragraphs regions, other result types) is counted
and reported, never silently dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from annotator.domain.actors import ActorKind
from annotator.domain.annotations import Origin
from annotator.domain.corpus import ImportedActor, ImportedDocument, ImportedLink, ImportedSpan
from annotator.domain.documents import DocumentDraft
from annotator.domain.errors import InputError
from annotator.domain.losses import Dropped
from annotator.domain.offsets import Utf16Index
from annotator.formats.annotations.labelstudio import ACTOR_META
from annotator.formats.annotations.offsets import OffsetReader
from annotator.formats.annotations.problems import describe
from annotator.formats.annotations.report import FormatOptions
from annotator.formats.articles.records import draft_from_record
from annotator.formats.jsonlines import json_file

_REGION_VALUES = {"choices", "textarea", "number"}
_ELSEWHERE = {
    "hypertextlabels": "HyperText regions (XPath offsets into HTML; not read)",
    "paragraphlabels": "Paragraphs regions (offsets into dialogue turns; not read)",
}


def read_labelstudio(
    path: Path, encoding: str | None, options: FormatOptions
) -> Iterator[ImportedDocument]:
    tasks = json_file(path, encoding)
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise InputError(path, "expected a JSON array of Label Studio tasks")
    for number, task in enumerate(tasks, start=1):
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            raise InputError(path, f"task {number}: a task needs a 'data' object")
        try:
            yield _TaskReader(task, path, number).document()
        except InputError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            raise InputError(path, f"task {number}: cannot read it: {describe(exc)}") from None


class _TaskReader:
    """One task: its text, then each annotation's regions, links and values."""

    def __init__(self, task: dict[str, Any], path: Path, number: int) -> None:
        self.task, self.path, self.number = task, path, number
        data = task["data"]
        raw = data.get("text")
        if not isinstance(raw, str):
            raise InputError(path, f"task {number}: data.text must be a string")
        self.raw = raw
        fields = {k: v for k, v in data.items() if k != "actors"}
        self.draft = draft_from_record(fields, path, None, f"{path.stem} {number}")
        self.spans: list[ImportedSpan] = []
        self.dropped: list[Dropped] = []
        self.notices: list[str] = []
        self.metadata: dict[str, Any] = {}
        self._to_raw: Callable[[int], int] = int

    def document(self) -> ImportedDocument:
        for index, (annotation, origin) in enumerate(self._annotations(), start=1):
            self._annotation(annotation, origin, f"a{index}:")
        actors = tuple(
            ImportedActor(
                key=str(a["key"]), name=str(a["name"]), kind=ActorKind(a.get("kind", "other")),
                aliases=tuple(a.get("aliases") or ()), parent_key=a.get("parent"),
                external_id=a.get("external_id"),
            )
            for a in self.task["data"].get("actors") or []
        )  # fmt: skip
        draft = self.draft
        if self.metadata:
            draft = _with_metadata(draft, self.metadata)
        return ImportedDocument(
            draft=draft, spans=tuple(self.spans), actors=actors, infer_actors=True,
            notices=tuple(self.notices), dropped=tuple(self.dropped),
        )  # fmt: skip

    def _annotations(self) -> list[tuple[dict[str, Any], Origin]]:
        done = self.task.get("annotations") or self.task.get("completions") or []
        chosen = [(a, Origin.IMPORTED) for a in done if not a.get("was_cancelled")]
        if not chosen:
            predicted = self.task.get("predictions") or []
            chosen = [(p, Origin.SUGGESTED) for p in predicted]
        return chosen

    def _annotation(self, annotation: dict[str, Any], origin: Origin, prefix: str) -> None:
        result = [item for item in annotation.get("result") or [] if isinstance(item, dict)]
        who = _annotator(annotation, origin)
        offsets = self._offsets(result)
        keyed = [
            (prefix + str(item.get("id") or f"r{n}"), item) for n, item in enumerate(result, 1)
        ]
        regions: dict[str, dict[str, Any]] = {}
        links: dict[str, list[ImportedLink]] = {}
        for key, item in keyed:  # regions first: values may come before their region
            if item.get("type") == "labels":
                regions.setdefault(key, {"attributes": {}}).update(self._region(item, offsets))
        for key, item in keyed:
            kind = item.get("type")
            if kind == "labels":
                continue
            if kind == "relation":
                for label in item.get("labels") or ["related"]:
                    links.setdefault(prefix + str(item["from_id"]), []).append(
                        ImportedLink(label, span_key=prefix + str(item["to_id"]))
                    )
            elif kind in _REGION_VALUES:
                name, found = str(item.get("from_name", kind)), _value(item["value"], kind)
                if key in regions:
                    regions[key]["attributes"][name] = found
                else:  # about the whole task (a document classification)
                    self.metadata[name] = found
            else:
                what = _ELSEWHERE.get(str(kind), f"Label Studio results of type {kind!r}")
                self.dropped.append(Dropped(what, f"task {self.number}"))
        for key, region in regions.items():
            self.spans.append(
                ImportedSpan(
                    key=key, layer=region["layer"], start=region["start"], end=region["end"],
                    attributes=region["attributes"], actor_key=region.get("actor"),
                    links=tuple(links.get(key, ())), origin=origin, annotator=who,
                )
            )  # fmt: skip

    def _region(self, item: dict[str, Any], offsets: OffsetReader) -> dict[str, Any]:
        value = item["value"]
        start, end = value["start"], value["end"]
        region: dict[str, Any] = {"layer": value["labels"][0]}
        region["start"], region["end"] = offsets(start), offsets(end)
        covered = self.raw[self._to_raw(start) : self._to_raw(end)]
        if "text" in value and covered != value["text"]:
            raise InputError(
                self.path, f"task {self.number}: region {item.get('id')} covers {covered!r}, "
                f"but says {value['text']!r}",
            )  # fmt: skip
        for note in (item.get("meta") or {}).get("text", []):
            if note.startswith(ACTOR_META) and ":" in note:
                region["actor"] = note[len(ACTOR_META) :].split(":", 1)[0]
        return region

    def _offsets(self, result: list[dict[str, Any]]) -> OffsetReader:
        """Offsets of this annotation's regions to code points of the stored text."""
        unit = "utf16" if self._counted_in_utf16(result) else "codepoints"
        self._to_raw = Utf16Index(self.raw).to_codepoint if unit == "utf16" else int
        if unit == "utf16":
            self.notices.append(
                f"{self.path}: task {self.number} was counted in UTF-16 units (an older Label "
                "Studio); converted"
            )
        return OffsetReader(self.raw, unit, self.path, None)

    def _counted_in_utf16(self, result: list[dict[str, Any]]) -> bool:
        index = Utf16Index(self.raw)
        if index.is_trivial:
            return False
        labelled = [
            r["value"] for r in result if r.get("type") == "labels" and "text" in r["value"]
        ]

        def fits(convert: Any) -> bool:
            try:
                return all(
                    self.raw[convert(v["start"]) : convert(v["end"])] == v["text"] for v in labelled
                )
            except (ValueError, TypeError):
                return False

        if not labelled or fits(int):
            return False
        if fits(index.to_codepoint):
            return True
        raise InputError(
            self.path, f"task {self.number}: region offsets match neither code points nor UTF-16"
        )


def _value(value: dict[str, Any], kind: str) -> Any:
    """The value of a ``choices``, ``textarea`` or ``number`` result."""
    if kind == "choices":
        choices = value["choices"]
        if len(choices) > 1:
            return ", ".join(str(c) for c in choices)
        return {"true": True, "false": False}.get(choices[0], choices[0])
    if kind == "textarea":
        return " ".join(value.get("text", []))
    return value["number"]


def _annotator(annotation: dict[str, Any], origin: Origin) -> str | None:
    """Who made an annotation: Label Studio's ``completed_by`` (a number, a user, a name)."""
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("username") or who.get("id")
    if isinstance(who, str) and who.strip():
        return who.strip()
    if isinstance(who, int) and not isinstance(who, bool):
        return f"label studio user {who}"
    if origin is Origin.SUGGESTED:
        model = annotation.get("model_version")
        return f"model {model}" if model else "predictions"
    return None


def _with_metadata(draft: DocumentDraft, extra: dict[str, Any]) -> DocumentDraft:
    return replace(draft, metadata={**draft.metadata, **extra})


def looks_labelstudio(record: Any) -> bool:
    """Whether one JSON record is a Label Studio task: its data under ``data``."""
    return isinstance(record, dict) and isinstance(record.get("data"), dict)
