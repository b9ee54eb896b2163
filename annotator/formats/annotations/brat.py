"""brat standoff: a folder of ``NNNN.txt`` / ``NNNN.ann`` pairs and an ``annotation.conf``.

Offsets are code points of the ``.txt`` as written (brat counts Python characters). Written:

- ``T`` lines for spans; a span that crosses a line break is written as fragments, one per line;
- ``R`` lines for links between spans, and for links to actors (speaker, claimant, addressee)
  as a relation to the nearest mention of that actor;
- ``A`` lines for choice and yes/no attributes (what brat's attribute menus show);
- ``N`` lines (``Reference T1 actor:a1``) naming the actor of each mention;
- ``#`` notes (``AnnotatorNotes``) for text and number attributes and for the actors' details,
  as JSON, so that reading the folder back recovers all of it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.domain.actors import ActorKind
from annotator.domain.annotations import Annotation
from annotator.domain.corpus import (
    AnnotatedDocument,
    Corpus,
    ImportedActor,
    ImportedDocument,
    ImportedLink,
    ImportedSpan,
)
from annotator.domain.documents import DocumentDraft
from annotator.domain.errors import InputError
from annotator.domain.losses import Dropped
from annotator.domain.scheme import AttributeKind
from annotator.formats.annotations.actor_keys import ActorKeys
from annotator.formats.annotations.mentions import span_links
from annotator.formats.annotations.offsets import OffsetReader
from annotator.formats.annotations.problems import describe
from annotator.formats.annotations.report import FormatOptions, FormatReport
from annotator.formats.articles.records import title_from_text
from annotator.formats.decoding import read_text_file
from annotator.formats.files import read_bytes_limited

_BRAT_VALUE = re.compile(r"^[^\s]+$")
ACTOR_NOTE = "actor "


def write_brat(
    documents: Iterable[AnnotatedDocument],
    corpus: Corpus,
    folder: Path,
    report: FormatReport,
    options: FormatOptions,
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    keys = ActorKeys(corpus.actors)
    described: set[int] = set()
    conf = _Conf()
    for item in documents:
        stem = f"{item.document.id:05d}"
        (folder / f"{stem}.txt").write_text(item.document.text, encoding="utf-8", newline="\n")
        lines = _ann_lines(item, corpus, keys, described, conf, report)
        (folder / f"{stem}.ann").write_text("".join(lines), encoding="utf-8", newline="\n")
        if item.document.metadata or item.document.source or item.document.published:
            report.lost(
                "document metadata (brat has none; the title is the text's first line)",
                item.document.title[:40],
            )
        report.documents += 1
    (folder / "annotation.conf").write_text(conf.render(), encoding="utf-8")


class _Conf:
    def __init__(self) -> None:
        self.entities: set[str] = set()
        self.relations: dict[str, set[tuple[str, str]]] = {}
        self.attributes: dict[str, tuple[set[str], set[str]]] = {}

    def render(self) -> str:
        relations = [
            f"{kind}\tArg1:{'|'.join(sorted({a for a, _ in pairs}))}, "
            f"Arg2:{'|'.join(sorted({b for _, b in pairs}))}"
            for kind, pairs in sorted(self.relations.items())
        ]
        relations.append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>")
        attributes = [
            f"{name}\tArg:{'|'.join(sorted(layers))}"
            + (f", Value:{'|'.join(sorted(values))}" if values else "")
            for name, (layers, values) in sorted(self.attributes.items())
        ]
        return "\n".join(
            ["[entities]", *sorted(self.entities), "", "[relations]", *relations, "",
             "[events]", "", "[attributes]", *attributes, ""]
        )  # fmt: skip


def _ann_lines(
    item: AnnotatedDocument,
    corpus: Corpus,
    keys: ActorKeys,
    described: set[int],
    conf: _Conf,
    report: FormatReport,
) -> list[str]:
    """The ``.ann`` lines of one document: T lines with their A, N and # lines, then R lines."""
    writer = _AnnWriter(item, corpus, keys, described, conf)
    for span in item.annotations:
        writer.span(span)
        report.spans += 1
    writer.relations(report)
    return writer.lines


class _AnnWriter:
    """Numbers the lines of one ``.ann`` file and notes in ``conf`` what they use."""

    def __init__(
        self,
        item: AnnotatedDocument,
        corpus: Corpus,
        keys: ActorKeys,
        described: set[int],
        conf: _Conf,
    ) -> None:
        self.item, self.corpus, self.keys = item, corpus, keys
        self.described, self.conf = described, conf
        self.t_ids = {a.id: f"T{n}" for n, a in enumerate(item.annotations, start=1)}
        self.lines: list[str] = []
        self._counters = {"R": 0, "A": 0, "N": 0, "#": 0}

    def _next_id(self, kind: str) -> str:
        self._counters[kind] += 1
        return f"{kind}{self._counters[kind]}"

    def span(self, span: Annotation) -> None:
        text = self.item.document.text
        tid = self.t_ids[span.id]
        fragments = _fragments(text, span.start, span.end)
        offsets = ";".join(f"{s} {e}" for s, e in fragments)
        shown = " ".join(text[s:e] for s, e in fragments)
        self.lines.append(f"{tid}\t{span.layer} {offsets}\t{shown}\n")
        self.conf.entities.add(span.layer)
        notes = self._attributes(span, tid)
        self._reference(span, tid)
        if notes:
            self.lines.append(
                f"{self._next_id('#')}\tAnnotatorNotes {tid}\t"
                f"{json.dumps(notes, ensure_ascii=False)}\n"
            )

    def _attributes(self, span: Annotation, tid: str) -> dict[str, Any]:
        """A lines for values brat can hold (flags and single words of a fixed list); the
        rest is returned, for an AnnotatorNotes line."""
        notes: dict[str, Any] = {}
        for name, value in span.attributes.items():
            brat_value = "" if value is True else str(value)
            kind = self.corpus.attribute_kind(span.layer, name)
            as_attribute = kind in (AttributeKind.CHOICE, AttributeKind.BOOLEAN, None)
            plain = value is True or bool(_BRAT_VALUE.match(brat_value))
            if not (as_attribute and plain and value is not False):
                notes[name] = value
                continue
            layers, values = self.conf.attributes.setdefault(name, (set(), set()))
            layers.add(span.layer)
            if value is True:
                self.lines.append(f"{self._next_id('A')}\t{name} {tid}\n")
            else:
                values.add(brat_value)
                self.lines.append(f"{self._next_id('A')}\t{name} {tid} {brat_value}\n")
        return notes

    def _reference(self, span: Annotation, tid: str) -> None:
        """An N line naming the span's actor, and the first time an actor (or an actor it
        belongs to) appears, a # line describing it."""
        if span.actor_id is None or span.actor_id not in self.corpus.actors:
            return
        actor = self.corpus.actors[span.actor_id]
        key = self.keys.key(actor.id)
        self.lines.append(f"{self._next_id('N')}\tReference {tid} actor:{key}\t{actor.name}\n")
        for known in self.keys.with_parents([actor.id]):
            if known.id in self.described:
                continue
            self.described.add(known.id)
            details = {
                "key": self.keys.key(known.id), "name": known.name, "kind": known.kind.value,
                "aliases": list(known.aliases), "external_id": known.external_id,
                "description": known.description,
                "parent": self.keys.key(known.parent_id) if known.parent_id else None,
            }  # fmt: skip
            self.lines.append(
                f"{self._next_id('#')}\tAnnotatorNotes {tid}\t{ACTOR_NOTE}"
                f"{json.dumps(details, ensure_ascii=False)}\n"
            )

    def relations(self, report: FormatReport) -> None:
        layer_of = {self.t_ids[a.id]: a.layer for a in self.item.annotations}
        for span, link, target in span_links(self.item.annotations, self.t_ids, report):
            self.lines.append(
                f"{self._next_id('R')}\t{link.type} Arg1:{self.t_ids[span.id]} Arg2:{target}\t\n"
            )
            self.conf.relations.setdefault(link.type, set()).add((span.layer, layer_of[target]))


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at line breaks, without empty pieces."""
    pieces: list[tuple[int, int]] = []
    position = start
    while position < end:
        stop = text.find("\n", position, end)
        stop = end if stop < 0 else stop
        if stop > position:
            pieces.append((position, stop))
        position = stop + 1
    return pieces or [(start, end)]


# -- reading ---------------------------------------------------------------------------------


def read_brat(
    path: Path, encoding: str | None, options: FormatOptions
) -> Iterator[ImportedDocument]:
    """Every ``.txt``/``.ann`` pair in the folder ``path`` (or the one pair ``path`` names)."""
    pairs = sorted(path.glob("*.ann")) if path.is_dir() else [path.with_suffix(".ann")]
    for ann in pairs:
        txt = ann.with_suffix(".txt")
        if not txt.exists():
            raise InputError(ann, f"no text file {txt.name} beside it")
        yield _read_pair(txt, ann, encoding)


def _read_pair(txt: Path, ann: Path, encoding: str | None) -> ImportedDocument:
    raw = _raw_text(txt, encoding)
    pair = _Pair(raw, ann)
    for number, line in enumerate(_ann_text(ann, encoding).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            pair.read(line, number)
        except InputError:
            raise
        except (IndexError, KeyError, ValueError) as exc:
            raise InputError(
                ann, f"cannot read this line ({describe(exc)}): {line[:80]}", number
            ) from None
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    draft = DocumentDraft(
        text=text, title=title_from_text(text, txt.stem), imported_from=str(txt),
        metadata={"file": txt.name},
    )  # fmt: skip
    return ImportedDocument(
        draft=draft, spans=pair.spans(), actors=tuple(pair.actors.values()), infer_actors=True,
        dropped=tuple(pair.dropped),
    )  # fmt: skip


class _Pair:
    """The standoff lines of one document. brat lines that point at what we cannot hold (an
    event, a relation, an equivalence) are counted by kind, never silently skipped."""

    def __init__(self, raw: str, ann: Path) -> None:
        self.raw, self.ann = raw, ann
        self.entries: dict[str, dict[str, Any]] = {}
        self.links: dict[str, list[ImportedLink]] = {}
        self.actors: dict[str, ImportedActor] = {}
        self.dropped: list[Dropped] = []

    def read(self, line: str, number: int) -> None:
        parts = line.split("\t")
        ident = parts[0]
        kind = ident[:1]
        if kind == "T":
            where = OffsetReader(self.raw, "codepoints", self.ann, number)
            self.entries[ident] = _t_line(parts, self.raw, where, self.ann, number)
        elif kind == "R":
            relation, arg1, arg2 = parts[1].split()[:3]
            source, target = arg1.split(":", 1)[1], arg2.split(":", 1)[1]
            if source in self.entries and target in self.entries:
                self.links.setdefault(source, []).append(ImportedLink(relation, span_key=target))
            else:
                self._drop("relations to or from events or relations", line)
        elif kind in ("A", "M"):
            fields = parts[1].split()
            name, target = fields[0], fields[1]
            if target not in self.entries:
                self._drop("attributes of events or relations (A/M lines)", line)
                return
            entry = self.entries[target]
            entry["attributes"][name] = fields[2] if len(fields) > 2 else True
            if len(fields) > 2:
                entry["choices"].add(name)
        elif kind == "N":
            self._normalization(parts, line)
        elif kind == "#":
            target = parts[1].split()[1]
            if target not in self.entries:
                self._drop("notes on events or relations (# lines)", line)
                return
            _note(parts, self.entries[target], self.actors)
        elif kind == "E":
            self._drop("events (E lines)", line)
        elif kind == "*":
            self._drop("equivalences (* lines; read the mentions' actors instead)", line)
        else:
            self._drop(f"lines of unknown type {kind!r}", line)

    def _normalization(self, parts: list[str], line: str) -> None:
        _, target, reference = parts[1].split()[:3]
        name = parts[2].strip() if len(parts) > 2 else ""
        if target not in self.entries:
            self._drop("references of events or relations (N lines)", line)
            return
        database, _, ident = reference.partition(":")
        if database == "actor":
            key = ident
            self.actors.setdefault(key, ImportedActor(key=key, name=name or ident))
        else:  # Wikidata:Q42, Wikipedia:534366 …: the actor is known there under that id
            key = f"ref:{reference}"
            covered = self.entries[target]
            label = name or self.raw[covered["raw_start"] : covered["raw_end"]]
            self.actors.setdefault(
                key, ImportedActor(key=key, name=" ".join(label.split()), external_id=reference)
            )
        self.entries[target]["actor"] = key

    def _drop(self, kind: str, line: str) -> None:
        self.dropped.append(Dropped(kind, f"{self.ann.name}: {line.strip()[:60]}"))

    def spans(self) -> tuple[ImportedSpan, ...]:
        return tuple(
            ImportedSpan(
                key=key, layer=data["layer"], start=data["start"], end=data["end"],
                attributes=data["attributes"], actor_key=data.get("actor"),
                links=tuple(self.links.get(key, ())), line=data["line"],
                choices=frozenset(data["choices"]),
            )
            for key, data in self.entries.items()
        )  # fmt: skip


def _ann_text(ann: Path, encoding: str | None) -> str:
    """The .ann file's text; an empty one means a document without annotations."""
    data = read_bytes_limited(ann)
    if not data.strip():
        return ""
    return read_text_file(ann, encoding, check=False).text


def _raw_text(txt: Path, encoding: str | None) -> str:
    """The .txt as written (brat offsets count into it), only its BOM dropped."""
    data = read_bytes_limited(txt)
    if encoding is None:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(txt, "brat text files must be UTF-8") from None
    return data.decode(encoding)


def _t_line(
    parts: list[str], raw: str, offsets: OffsetReader, ann: Path, number: int
) -> dict[str, Any]:
    layer, _, positions = parts[1].partition(" ")
    fragments = []
    for piece in positions.split(";"):
        first, last = piece.split()
        fragments.append((int(first), int(last)))
    expected = " ".join(raw[s:e] for s, e in fragments)
    if len(parts) > 2 and parts[2] != expected:
        raise InputError(
            ann, f"{parts[0]} says {parts[2]!r} but the text there is {expected!r}", number
        )
    start = min(s for s, _ in fragments)
    end = max(e for _, e in fragments)
    return {
        "layer": layer, "start": offsets(start), "end": offsets(end), "attributes": {},
        "line": number, "raw_start": start, "raw_end": end, "choices": set(),
    }  # fmt: skip


def _note(parts: list[str], entry: dict[str, Any], actors: dict[str, ImportedActor]) -> None:
    body = parts[2] if len(parts) > 2 else ""
    if body.startswith(ACTOR_NOTE):
        details = json.loads(body[len(ACTOR_NOTE) :])
        key = str(details["key"])
        actors[key] = ImportedActor(
            key=key, name=str(details["name"]), kind=ActorKind(details.get("kind", "other")),
            aliases=tuple(details.get("aliases") or ()), parent_key=details.get("parent"),
            external_id=details.get("external_id"), description=details.get("description"),
        )  # fmt: skip
        return
    try:
        values = json.loads(body)
    except json.JSONDecodeError:
        values = {"note": body}
    if isinstance(values, dict):
        entry["attributes"].update(values)
    else:
        entry["attributes"]["note"] = body


def is_brat_folder(path: Path) -> bool:
    return path.is_dir() and any(path.glob("*.ann"))
