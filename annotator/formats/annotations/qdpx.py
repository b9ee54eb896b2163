"""REFI-QDA projects (``.qdpx``) for MAXQDA, ATLAS.ti, NVivo and QualCoder.

A zip with ``project.qde`` (QDA-XML Project 1.0, namespace ``urn:QDA-XML:project:1.0``; no BOM)
and ``sources/GUID.txt``, each article as UTF-8 plain text (no ``richTextPath``). The code tree
holds each layer, its labels and its choice values ("kind: direct"); actors are cases with
their kind as a variable (or, with ``actors="codes"``, codes under "Actors"); every span is a
plain-text selection coded with its layer (or label) and its choice values, its speaker or
claimant and its other values written in its description, its annotator as the creating user;
a case refers to the selections that mention it and those it is the speaker or claimant of.
GUIDs come from ``corpus.guids`` (stored by the project: the same on every export).

Selections are Unicode code points with an exclusive end, as the standard says; ``target``
adjusts for known deviations: ``nvivo`` counts UTF-16 units, ``maxqda`` gets CRLF line ends
(and offsets into that text), ``atlasti`` counts a CRLF as one. What the format cannot hold is
counted in the report: links between spans, text and number values as structured data, actor
aliases as more than a description.
"""

from __future__ import annotations

import uuid
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree as ET

from annotator.domain.annotations import Annotation
from annotator.domain.corpus import AnnotatedDocument, Corpus
from annotator.domain.scheme import AttributeKind
from annotator.formats.annotations.report import FormatOptions, FormatReport

NS = "urn:QDA-XML:project:1.0"
TARGETS = ("standard", "nvivo", "maxqda", "atlasti")
Guids = Callable[[str, Iterable[str]], dict[str, str]]


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def write_qdpx(
    documents: Iterable[AnnotatedDocument], corpus: Corpus, path: Path, report: FormatReport,
    options: FormatOptions,
) -> None:  # fmt: skip
    target = options.qdpx_target
    if target not in TARGETS:
        raise ValueError(f"qdpx target: {', '.join(TARGETS)}")
    guids: Guids = corpus.guids or _fresh
    items = list(documents)
    writer = _Writer(corpus, guids, report, target, options.qdpx_actors)
    writer.plan(items)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for item in items:
            text, _convert = _for_target(item.document.text, target)
            archive.writestr(f"sources/{writer.source_guid(item)}.txt", text.encode("utf-8"))
        ET.register_namespace("", NS)
        root = writer.project(items)
        ET.indent(root)
        body = ET.tostring(root, encoding="unicode")
        archive.writestr("project.qde", ('<?xml version="1.0" encoding="utf-8"?>\n' + body)
                         .encode("utf-8"))  # fmt: skip


def _fresh(_kind: str, keys: Iterable[str]) -> dict[str, str]:
    return {key: str(uuid.uuid4()) for key in keys}


def _for_target(text: str, target: str) -> tuple[str, Callable[[int], int]]:
    """The text as the target program gets it, and how a code point offset maps into it."""
    if target == "nvivo":
        prefix = [0]
        for char in text:
            prefix.append(prefix[-1] + (2 if ord(char) > 0xFFFF else 1))
        return text, lambda offset: prefix[offset]
    if target == "maxqda":
        before = _count_before(text, lambda i: text[i] == "\n" and (i == 0 or text[i - 1] != "\r"))
        return (text.replace("\r\n", "\n").replace("\n", "\r\n"),
                lambda offset: offset + before[offset])  # fmt: skip
    if target == "atlasti":
        pairs = _count_before(text, lambda i: text[i] == "\n" and i > 0 and text[i - 1] == "\r")
        return text, lambda offset: offset - pairs[offset]
    return text, lambda offset: offset


def _count_before(text: str, counts: Callable[[int], bool]) -> list[int]:
    """How many positions before each offset ``counts`` holds for (0 … len(text))."""
    found = [0]
    for index in range(len(text)):
        found.append(found[-1] + (1 if counts(index) else 0))
    return found


class _Writer:
    def __init__(
        self, corpus: Corpus, guids: Guids, report: FormatReport, target: str, actors_as: str
    ) -> None:
        self.corpus, self.guids, self.report = corpus, guids, report
        self.target, self.actors_as = target, actors_as
        self.code_guids: dict[str, str] = {}
        self.span_guids: dict[str, str] = {}
        self.doc_guids: dict[str, str] = {}
        self.user_guids: dict[str, str] = {}
        self.actor_guids: dict[str, str] = {}
        self.coding_guids: dict[str, str] = {}
        self.variable_guid = ""

    # -- GUIDs, asked for all at once ------------------------------------------------------
    def plan(self, items: list[AnnotatedDocument]) -> None:
        spans = [a for item in items for a in item.annotations]
        self.doc_guids = self.guids("document", [str(i.document.id) for i in items])
        self.span_guids = self.guids("annotation", [str(a.id) for a in spans])
        self.coding_guids = self.guids("coding", [key for a in spans for key in self._codings(a)])
        self.user_guids = self.guids("user", {a.annotator for a in spans})
        self.actor_guids = self.guids("actor", [str(i) for i in self.corpus.actors])
        self.code_guids = self.guids("code", self._code_keys())
        self.variable_guid = self.guids("variable", ["actor kind"])["actor kind"]

    def source_guid(self, item: AnnotatedDocument) -> str:
        return self.doc_guids[str(item.document.id)]

    def _code_keys(self) -> list[str]:
        keys = []
        for layer in self.corpus.scheme.layers:
            keys.append(f"layer/{layer.name}")
            keys += [f"label/{layer.name}/{label.name}" for label in layer.labels]
            for spec in layer.attributes:
                if spec.kind is AttributeKind.CHOICE:
                    keys += [f"value/{layer.name}/{spec.name}/{c}" for c in spec.choices]
        if self.actors_as == "codes":
            keys.append("actors")
            keys += [f"actor/{actor_id}" for actor_id in self.corpus.actors]
        return keys

    def _codings(self, span: Annotation) -> list[str]:
        """Keys of the codings of one selection: its layer or label, its choice values, its
        actor (actors as codes)."""
        keys = [f"{span.id}/" + (f"label/{span.label}" if span.label else "layer")]
        layer = self.corpus.scheme.layer(span.layer)
        for spec in layer.attributes:
            value = span.attributes.get(spec.name)
            if spec.kind is AttributeKind.CHOICE and value in spec.choices:
                keys.append(f"{span.id}/value/{spec.name}/{value}")
        if self.actors_as == "codes" and span.actor_id is not None:
            keys.append(f"{span.id}/actor")
        return keys

    # -- the project -----------------------------------------------------------------------
    def project(self, items: list[AnnotatedDocument]) -> ET.Element:
        now = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        name = self.corpus.scheme.name or "Annotator project"
        root = ET.Element(
            _q("Project"), {"name": name, "origin": "Annotator", "creationDateTime": now}
        )
        users = ET.SubElement(root, _q("Users"))
        for name, guid in sorted(self.user_guids.items()):
            ET.SubElement(users, _q("User"), {"guid": guid, "name": name})
        codebook = ET.SubElement(ET.SubElement(root, _q("CodeBook")), _q("Codes"))
        self._codes(codebook)
        said_by: dict[int, list[str]] = defaultdict(list)  # actor -> selections
        sources = ET.Element(_q("Sources"))
        for item in items:
            self._source(sources, item, said_by)
        if self.actors_as == "cases" and self.corpus.actors:
            variables = ET.SubElement(root, _q("Variables"))
            ET.SubElement(variables, _q("Variable"), {"guid": self.variable_guid,
                          "name": "actor kind", "typeOfVariable": "Text"})  # fmt: skip
            self._cases(root, said_by)
        root.append(sources)
        if not self.user_guids:
            root.remove(users)
        return root

    def _codes(self, parent: ET.Element) -> None:
        for layer in self.corpus.scheme.layers:
            node = ET.SubElement(parent, _q("Code"), {
                "guid": self.code_guids[f"layer/{layer.name}"], "name": layer.title,
                "isCodable": "true", "color": layer.color.upper()})  # fmt: skip
            ET.SubElement(node, _q("Description")).text = f"layer {layer.name}"
            for label in layer.labels:
                attrs = {"guid": self.code_guids[f"label/{layer.name}/{label.name}"],
                         "name": label.name, "isCodable": "true"}  # fmt: skip
                if label.color:
                    attrs["color"] = label.color.upper()
                label_code = ET.SubElement(node, _q("Code"), attrs)
                ET.SubElement(label_code, _q("Description")).text = f"label {label.name}"
            for spec in layer.attributes:
                if spec.kind is AttributeKind.CHOICE:
                    for choice in spec.choices:
                        value_code = ET.SubElement(node, _q("Code"), {
                            "guid": self.code_guids[f"value/{layer.name}/{spec.name}/{choice}"],
                            "name": f"{spec.name}: {choice}", "isCodable": "true"})  # fmt: skip
                        ET.SubElement(
                            value_code, _q("Description")
                        ).text = f"value {spec.name}={choice}"
        if self.actors_as == "codes":
            top = {"guid": self.code_guids["actors"], "name": "Actors", "isCodable": "false"}
            actors = ET.SubElement(parent, _q("Code"), top)
            for actor_id, actor in sorted(self.corpus.actors.items()):
                ET.SubElement(actors, _q("Code"), {
                    "guid": self.code_guids[f"actor/{actor_id}"], "name": actor.name,
                    "isCodable": "true"})  # fmt: skip

    def _source(
        self, parent: ET.Element, item: AnnotatedDocument, said_by: dict[int, list[str]]
    ) -> None:
        document = item.document
        guid = self.doc_guids[str(document.id)]
        source = ET.SubElement(parent, _q("TextSource"), {
            "guid": guid, "name": document.title or f"Document {document.id}",
            "plainTextPath": f"internal://{guid}.txt"})  # fmt: skip
        _text, convert = _for_target(document.text, self.target)
        for span in item.annotations:
            self._selection(source, span, convert, said_by)
        self.report.documents += 1

    def _selection(
        self, parent: ET.Element, span: Annotation, convert: Callable[[int], int],
        said_by: dict[int, list[str]],
    ) -> None:  # fmt: skip
        guid = self.span_guids[str(span.id)]
        attrs = {
            "guid": guid,
            "name": " ".join(span.text.split())[:60],
            "startPosition": str(convert(span.start)),
            "endPosition": str(convert(span.end)),
        }
        if span.annotator in self.user_guids:
            attrs["creatingUser"] = self.user_guids[span.annotator]
        selection = ET.SubElement(parent, _q("PlainTextSelection"), attrs)
        described = self._description(span, said_by, guid)
        if described:
            ET.SubElement(selection, _q("Description")).text = described
        for key in self._codings(span):
            code_key = self._code_of(span, key)
            coded = {"guid": self.coding_guids[key]}
            if "creatingUser" in attrs:  # optional in the schema; NVivo writes it, some need it
                coded["creatingUser"] = attrs["creatingUser"]
            coding = ET.SubElement(selection, _q("Coding"), coded)
            ET.SubElement(coding, _q("CodeRef"), {"targetGUID": self.code_guids[code_key]})
        self.report.spans += 1
        self.report.layers[span.layer] += 1

    def _code_of(self, span: Annotation, key: str) -> str:
        rest = key.split("/", 1)[1]
        if rest == "layer":
            return f"layer/{span.layer}"
        if rest.startswith("label/"):
            return f"label/{span.layer}/{span.label}"
        if rest == "actor":
            return f"actor/{span.actor_id}"
        return f"value/{span.layer}/{rest.split('/', 1)[1]}"

    def _description(self, span: Annotation, said_by: dict[int, list[str]], guid: str) -> str:
        parts = []
        if span.actor_id is not None:
            said_by[span.actor_id].append(guid)
            actor = self.corpus.actors.get(span.actor_id)
            parts.append(f"actor: {actor.name if actor else span.actor_id}")
        for link in span.links:
            if link.actor_id is not None:
                actor = self.corpus.actors.get(link.actor_id)
                parts.append(f"{link.type}: {actor.name if actor else link.actor_id}")
                said_by[link.actor_id].append(guid)
            else:
                self.report.lost("links between spans (kept in the description only)",
                                 f"{link.type} of “{span.text[:30]}”")  # fmt: skip
                parts.append(f"{link.type}: span {link.annotation_id}")
        layer = self.corpus.scheme.layer(span.layer)
        for spec in layer.attributes:
            value = span.attributes.get(spec.name)
            if value is None or spec.kind is AttributeKind.CHOICE:
                continue
            parts.append(f"{spec.name}: {value}")
            self.report.lost(f"{spec.kind.value} values kept as description text",
                             f"{spec.name}: {value}")  # fmt: skip
        return "; ".join(parts)

    def _cases(self, root: ET.Element, said_by: dict[int, list[str]]) -> None:
        cases = ET.SubElement(root, _q("Cases"))
        for actor_id, actor in sorted(self.corpus.actors.items()):
            case = ET.SubElement(cases, _q("Case"), {"guid": self.actor_guids[str(actor_id)],
                                                     "name": actor.name})  # fmt: skip
            if actor.aliases:
                ET.SubElement(case, _q("Description")).text = "also: " + ", ".join(actor.aliases)
                self.report.lost("actor aliases kept as the case's description",
                                 f"{actor.name}: {actor.aliases[0]}")  # fmt: skip
            value = ET.SubElement(case, _q("VariableValue"))
            ET.SubElement(value, _q("VariableRef"), {"targetGUID": self.variable_guid})
            ET.SubElement(value, _q("TextValue")).text = actor.kind.value
            for selection in dict.fromkeys(said_by.get(actor_id, [])):
                ET.SubElement(case, _q("SelectionRef"), {"targetGUID": selection})
        if not len(cases):
            root.remove(cases)
