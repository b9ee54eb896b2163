"""Reading CoNLL-2003 style files: one token per line, its tag in the last column.

Tags may be IOB2 (``B-PER I-PER``), IOB1 (an entity may start with ``I-``) or BIOES/BILOU
(``S-``/``U-`` single, ``E-``/``L-`` last). ``-DOCSTART-`` lines start documents and blank lines
end sentences; a file without ``-DOCSTART-`` (as doccano and many scripts write them) has one
document per blank-line block. The text is rebuilt from the tokens — one space between them,
none before closing punctuation or after opening — so every span is exact by construction.
Labels go through the label mapping (``PER`` is an actor mention).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.domain.corpus import ImportedDocument, ImportedSpan
from annotator.domain.documents import DocumentDraft
from annotator.domain.errors import InputError
from annotator.formats.annotations.report import FormatOptions
from annotator.formats.articles.records import title_from_text
from annotator.formats.decoding import read_text_file

_TAG = re.compile(r"^(?:O|(?P<prefix>[BIESLU])-(?P<label>\S+))$")
_NO_SPACE_BEFORE = frozenset(".,;:!?%)]}”’»…")
_NO_SPACE_AFTER = frozenset("([{“‘«")
_CONTINUES = frozenset("IEL")
_ENDS = frozenset("ESLU")


@dataclass(slots=True)
class _Token:
    text: str
    tag: str
    line: int


@dataclass(slots=True)
class _Block:
    sentences: list[list[_Token]] = field(default_factory=list)
    line: int = 1


def read_conll(
    path: Path, encoding: str | None, options: FormatOptions
) -> Iterator[ImportedDocument]:
    lines = read_text_file(path, encoding, check=False).text.split("\n")
    for block in _documents(lines, path):
        yield _document(block, path)


def _documents(lines: list[str], path: Path) -> Iterator[_Block]:
    by_docstart = any(line.split()[:1] == ["-DOCSTART-"] for line in lines)
    block, sentence = _Block(), list[_Token]()
    for number, line in enumerate(lines, start=1):
        columns = line.split()
        if columns[:1] == ["-DOCSTART-"]:
            if sentence:
                block.sentences.append(sentence)
            if block.sentences:
                yield block
            block, sentence = _Block(line=number + 1), []
            continue
        if not columns:
            if sentence:
                block.sentences.append(sentence)
                sentence = []
                if not by_docstart:
                    yield block
                    block = _Block(line=number + 1)
            continue
        if len(columns) < 2:
            raise InputError(path, f"a token without a tag: {line.strip()[:40]!r}", number)
        tag = columns[-1]
        if not _TAG.match(tag):
            raise InputError(path, f"{tag!r} is not an IOB tag (O, B-X, I-X, E-X, S-X)", number)
        sentence.append(_Token(columns[0], tag, number))
    if sentence:
        block.sentences.append(sentence)
    if block.sentences:
        yield block


def _document(block: _Block, path: Path) -> ImportedDocument:
    pieces: list[str] = []
    spans: list[ImportedSpan] = []
    length = 0
    open_span: tuple[str, int, int] | None = None  # label, start, line

    def close(end: int) -> None:
        nonlocal open_span
        if open_span is not None:
            label, start, line = open_span
            spans.append(
                ImportedSpan(key=f"s{len(spans) + 1}", layer=label, start=start, end=end,
                             line=line)
            )  # fmt: skip
            open_span = None

    for number, sentence in enumerate(block.sentences):
        if number:
            close(length)
            pieces.append("\n")
            length += 1
        previous = ""
        for position, token in enumerate(sentence):
            gap = (
                position > 0
                and token.text[:1] not in _NO_SPACE_BEFORE
                and (previous[-1:] not in _NO_SPACE_AFTER)
            )
            prefix, label = _split(token.tag)
            continues = open_span is not None and prefix in _CONTINUES and open_span[0] == label
            if not continues:
                close(length)
            if gap:
                pieces.append(" ")
                length += 1
            start = length
            pieces.append(token.text)
            length += len(token.text)
            previous = token.text
            if label is not None and not continues:
                open_span = (label, start, token.line)
            if prefix in _ENDS:
                close(length)
    close(length)
    text = "".join(pieces)
    draft = DocumentDraft(
        text=text, title=title_from_text(text, path.stem), imported_from=f"{path}:{block.line}"
    )
    return ImportedDocument(draft=draft, spans=tuple(spans), line=block.line, infer_actors=True)


def _split(tag: str) -> tuple[str | None, str | None]:
    match = _TAG.match(tag)
    if match is None or match.group("prefix") is None:
        return None, None
    return match.group("prefix"), match.group("label")
