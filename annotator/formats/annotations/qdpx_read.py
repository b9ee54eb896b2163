"""Reading REFI-QDA projects (``.qdpx``): text sources with their coded selections.

Each text source becomes a document; each plain-text selection becomes one span per top code
it is coded with. A top code is a layer (our own exports name it in the code's description,
"layer quote"; other programs' codes become layers of their name, a deeper code the label);
our "attribute: value" codes become values. A case is an actor (its "actor kind" variable,
its aliases from "also: …"); a selection a case refers to names that actor (a mention's actor,
or a "case" link elsewhere), and our descriptions ("speaker: Adaeze Okafor; cue: said") give
back speakers, claimants and text values. Users are the annotators.

Not taken, and counted: picture, PDF, audio and video sources, sources outside the file,
notes, links, sets and graphs, and selections outside their text. ``target`` reads offsets as
written by NVivo (UTF-16 units) or ATLAS.ti (a CRLF as one).
"""

from __future__ import annotations

import re
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree as ET

from annotator.domain.actors import ActorKind
from annotator.domain.corpus import (
    CodebookEntry,
    ImportedActor,
    ImportedDocument,
    ImportedLink,
    ImportedSpan,
)
from annotator.domain.documents import DocumentDraft
from annotator.domain.errors import InputError
from annotator.domain.losses import Dropped
from annotator.formats.annotations.report import FormatOptions

NS = "{urn:QDA-XML:project:1.0}"
LIMIT = 256 * 1024 * 1024
_OTHER_SOURCES = ("PictureSource", "PDFSource", "AudioSource", "VideoSource")
_KINDS = {kind.value: kind for kind in ActorKind}


def read_qdpx(
    path: Path, encoding: str | None, options: FormatOptions
) -> Iterator[ImportedDocument]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise InputError(path, "not a REFI-QDA project (not a zip file)") from exc
    with archive:
        if "project.qde" not in archive.namelist():
            raise InputError(path, "no project.qde inside, so not a REFI-QDA project")
        info = archive.getinfo("project.qde")
        if info.file_size > LIMIT:
            raise InputError(path, "project.qde is larger than 256 MiB")
        try:
            root = ET.fromstring(archive.read("project.qde"))
        except ET.ParseError as exc:
            line = exc.position[0] if exc.position else None
            raise InputError(path, f"project.qde: malformed XML ({exc})", line) from exc
        yield from _Project(root, archive, path, options.qdpx_target).documents()


class _Project:
    def __init__(self, root: ET.Element, archive: zipfile.ZipFile, path: Path, target: str) -> None:
        self.root, self.archive, self.path, self.target = root, archive, path, target
        # "Sources/" or "sources/": members found ignoring case, listed once for every source
        self.members = {name.lower(): name for name in archive.namelist()}
        self.users = {u.get("guid", ""): u.get("name") or u.get("guid", "") or "?"
                      for u in root.iter(f"{NS}User")}  # fmt: skip
        self.codes: dict[str, tuple[str, str | None, tuple[str, str] | None]] = {}
        for top in root.findall(f"{NS}CodeBook/{NS}Codes/{NS}Code"):
            self._code_tree(top, None)
        self.actors: dict[str, ImportedActor] = {}
        self.case_of: dict[str, list[str]] = defaultdict(list)  # selection -> cases
        for case in root.iter(f"{NS}Case"):
            self._case(case)
        self.by_name = {actor.name.casefold(): key for key, actor in self.actors.items()}
        self.general: list[Dropped] = [
            Dropped(f"{name.lower()}s (only text sources are read)", name, count)
            for name in (*_OTHER_SOURCES, "Note", "Link", "Set", "Graph")
            if (count := len(list(root.iter(f"{NS}{name}"))))
        ]

    def _code_tree(self, code: ET.Element, layer: str | None) -> None:
        """Code GUID -> (layer, label, (attribute, value))."""
        name = code.get("name", "")
        described = (code.findtext(f"{NS}Description") or "").strip()
        guid = code.get("guid", "")
        if layer is None:
            own = described[6:].strip() if described.startswith("layer ") else None
            layer = own or name
            self.codes[guid] = (layer, None, None)
        elif described.startswith("value ") and "=" in described:
            attribute, value = described[6:].split("=", 1)
            self.codes[guid] = (layer, None, (attribute.strip(), value.strip()))
        elif ": " in name and not described.startswith("label "):
            attribute, value = name.split(": ", 1)
            self.codes[guid] = (layer, None, (attribute, value))
        else:
            label = described[6:].strip() if described.startswith("label ") else name
            self.codes[guid] = (layer, label, None)
        for child in code.findall(f"{NS}Code"):
            self._code_tree(child, layer)

    def _case(self, case: ET.Element) -> None:
        key = case.get("guid", "")
        kind = ActorKind.OTHER
        for value in case.findall(f"{NS}VariableValue"):
            text = (value.findtext(f"{NS}TextValue") or "").strip().casefold()
            kind = _KINDS.get(text, kind)
        described = (case.findtext(f"{NS}Description") or "").strip()
        aliases = tuple(a.strip() for a in described[6:].split(",") if a.strip()) if (
            described.startswith("also: ")) else ()  # fmt: skip
        self.actors[key] = ImportedActor(key, case.get("name") or key, kind, aliases)
        for ref in case.findall(f"{NS}SelectionRef"):
            self.case_of[ref.get("targetGUID", "")].append(key)

    def documents(self) -> Iterator[ImportedDocument]:
        for index, source in enumerate(self.root.iter(f"{NS}TextSource")):
            dropped = list(self.general) if index == 0 else []
            codebook = self._codebook() if index == 0 else ()
            where = source.get("plainTextPath", "")
            title = source.get("name") or PurePosixPath(where.split("://")[-1]).stem
            text, missing = self._text(source)
            if text is not None and not text.strip():
                text, missing = None, (
                    "sources whose plain text is empty (their rich text is not read)"
                    if source.get("richTextPath") else "sources with an empty text"
                )  # fmt: skip
            if text is None:
                lost = Dropped(missing, where or title or "?")
                yield ImportedDocument(DocumentDraft(text="(missing)", title=title),
                                       dropped=(*dropped, lost), codebook=codebook,
                                       placeholder=True)  # fmt: skip
                continue
            spans: list[ImportedSpan] = []
            for selection in source.findall(f"{NS}PlainTextSelection"):
                spans += self._spans(selection, text, dropped)
            used = {s.actor_key for s in spans} | {
                link.actor_key for s in spans for link in s.links if link.actor_key
            }
            yield ImportedDocument(
                DocumentDraft(text=text, title=title, imported_from=str(self.path)),
                tuple(spans), tuple(a for k, a in self.actors.items() if k in used),
                dropped=tuple(dropped), codebook=codebook,
            )  # fmt: skip

    def _codebook(self) -> tuple[CodebookEntry, ...]:
        """Every code as a place in the scheme, used by a selection or not."""
        entries = dict.fromkeys(
            CodebookEntry(layer, label, *(value or (None, None)))
            for layer, label, value in self.codes.values()
        )
        return tuple(entries)

    def _text(self, source: ET.Element) -> tuple[str | None, str]:
        """The source's text, or None and why it was not taken."""
        inline = source.findtext(f"{NS}PlainTextContent")
        if inline is not None:
            return inline, ""
        where = source.get("plainTextPath", "")
        if where.startswith("internal://"):
            inside = where[len("internal://") :]
        elif "://" not in where and where:
            inside = where  # no scheme: a file in sources/, as some writers give it
        else:
            return None, "sources outside the file"
        name = f"sources/{inside}"
        match = self.members.get(name.lower())
        if match is None:
            return None, "sources outside the file"
        try:
            return self.archive.read(match).decode("utf-8-sig"), ""
        except UnicodeDecodeError:
            return None, "sources not in UTF-8 (the standard's encoding)"

    def _spans(
        self, selection: ET.Element, text: str, dropped: list[Dropped]
    ) -> list[ImportedSpan]:
        start, end = self._offset(text, selection.get("startPosition")), self._offset(
            text, selection.get("endPosition"))  # fmt: skip
        guid = selection.get("guid", "")
        if start is None or end is None or not 0 <= start < end <= len(text):
            dropped.append(Dropped("selections outside their text", guid))
            return []
        coding = selection.find(f"{NS}Coding")  # the user may be on the coding instead
        who = self.users.get(selection.get("creatingUser", "")) or (
            self.users.get(coding.get("creatingUser", "")) if coding is not None else None
        )
        groups: dict[str, tuple[str | None, dict[str, str]]] = {}
        for ref in selection.iter(f"{NS}CodeRef"):
            code = self.codes.get(ref.get("targetGUID", ""))
            if code is None:
                dropped.append(Dropped("codings of codes the code book does not hold", guid))
                continue
            layer, label, value = code
            current = groups.setdefault(layer, (None, {}))
            if value is not None:
                current[1][value[0]] = value[1]
            elif label is not None:
                groups[layer] = (label, current[1])
        if not groups:
            dropped.append(Dropped("selections coded with nothing", guid))
            return []
        described = self._described(selection.findtext(f"{NS}Description") or "")
        cases = self.case_of.get(guid, [])
        made = []
        for number, (layer, (label, values)) in enumerate(groups.items()):
            attributes: dict[str, object] = {**values, **described[0]}
            links = tuple(ImportedLink(kind, actor_key=key) for kind, key in described[1])
            actor_key = described[2]
            if actor_key is None and cases and not links:
                actor_key = cases[0]
            made.append(ImportedSpan(
                f"{guid}/{number}", layer, start, end, label=label, attributes=attributes,
                actor_key=actor_key, links=links, annotator=who, choices=frozenset(values),
            ))  # fmt: skip
        return made

    def _described(self, text: str) -> tuple[dict[str, str], list[tuple[str, str]], str | None]:
        """Our descriptions: "actor: X; speaker: Y; cue: said" -> values, actor links, actor."""
        values: dict[str, str] = {}
        links: list[tuple[str, str]] = []
        actor: str | None = None
        for part in re.split(r";\s*", text.strip()):
            if ": " not in part:
                continue
            name, value = (p.strip() for p in part.split(": ", 1))
            key = self.by_name.get(value.casefold())
            if name == "actor" and key is not None:
                actor = key
            elif key is not None and name in ("speaker", "claimant", "addressee"):
                links.append((name, key))
            elif name and value:
                values[name] = value
        return values, links, actor

    def _offset(self, text: str, raw: str | None) -> int | None:
        if raw is None or not raw.strip().lstrip("-").isdigit():
            return None
        position = int(raw)
        if self.target == "nvivo":  # UTF-16 units -> code points
            units = 0
            for index, char in enumerate(text):
                if units >= position:
                    return index
                units += 2 if ord(char) > 0xFFFF else 1
            return len(text) if units >= position else None
        if self.target == "atlasti":  # a CRLF counted as one
            seen = 0
            for index in range(len(text) + 1):
                if seen == position:
                    return index
                if index < len(text) and not (text[index] == "\r" and text[index + 1 : index + 2]
                                              == "\n"):  # fmt: skip
                    seen += 1
            return None
        return position
