"""CoNLL-2003 style, IOB2 tags, one layer per file (export only). Offsets: tokens.

Columns: token, ``-X-``, ``_``, tag. ``-DOCSTART- -X- O O`` starts every document, a blank line
ends every sentence. Actor mentions are tagged by their actor's kind (PER, ORG, GPE, GRP,
MEDIA, MISC); other layers by their name in capitals. Where spans nest or overlap the
outermost one is written; a span that does not start or end on a token boundary grows to
whole tokens. Both are reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from annotator.domain.actors import ActorKind
from annotator.domain.annotations import Annotation
from annotator.domain.corpus import AnnotatedDocument, Corpus
from annotator.domain.words import tokenize
from annotator.formats.annotations.report import FormatOptions, FormatReport

KIND_TAGS = {
    ActorKind.PERSON: "PER",
    ActorKind.ORGANISATION: "ORG",
    ActorKind.STATE: "GPE",
    ActorKind.GROUP: "GRP",
    ActorKind.MEDIA: "MEDIA",
    ActorKind.OTHER: "MISC",
}
_ENDS_SENTENCE = frozenset(".!?…")


def write_conll(
    documents: Iterable[AnnotatedDocument],
    corpus: Corpus,
    out: TextIO,
    report: FormatReport,
    options: FormatOptions,
) -> None:
    for item in documents:
        text = item.document.text
        tokens = tokenize(text)
        tags = ["O"] * len(tokens)
        for span in _outermost(item.annotations, report):
            covered = [i for i, (s, e) in enumerate(tokens) if e > span.start and s < span.end]
            if not covered:
                report.lost("spans with no token (only white space)", repr(span.text))
                continue
            first, last = tokens[covered[0]][0], tokens[covered[-1]][1]
            if first < span.start or last > span.end:
                report.lost(
                    "spans grown to whole tokens",
                    f"“{span.text}” → “{text[first:last]}”",
                )
            tag = _tag(span, corpus)
            for position, index in enumerate(covered):
                tags[index] = f"{'B' if position == 0 else 'I'}-{tag}"
            report.spans += 1
        out.write("-DOCSTART- -X- O O\n\n")
        for sentence in _sentences(text, tokens, tags):
            for index in sentence:
                start, end = tokens[index]
                token = "".join(text[start:end].split())  # never a space inside a column
                out.write(f"{token} -X- _ {tags[index]}\n")
            out.write("\n")
        report.documents += 1


def _outermost(annotations: tuple[Annotation, ...], report: FormatReport) -> list[Annotation]:
    chosen: list[Annotation] = []
    for span in sorted(annotations, key=lambda a: (a.start, -(a.end - a.start), a.id)):
        if chosen and span.start < chosen[-1].end:
            report.lost(
                "nested or overlapping spans (CoNLL holds one span per token; the outer one "
                "is kept)",
                f"“{span.text}” inside “{chosen[-1].text}”",
            )
            continue
        chosen.append(span)
    return chosen


def _tag(span: Annotation, corpus: Corpus) -> str:
    if span.label:
        return span.label.upper().replace(" ", "_")
    if span.actor_id is not None and span.actor_id in corpus.actors:
        return KIND_TAGS[corpus.actors[span.actor_id].kind]
    return "MISC" if span.layer == "actor" else span.layer.upper()


def _sentences(text: str, tokens: list[tuple[int, int]], tags: list[str]) -> list[list[int]]:
    """Token indexes per sentence; never breaks inside a tagged span."""
    sentences: list[list[int]] = [[]]
    for index in range(len(tokens)):
        sentences[-1].append(index)
        if index + 1 == len(tokens) or tags[index + 1].startswith("I-"):
            continue
        start, end = tokens[index]
        gap = text[end : tokens[index + 1][0]]
        if "\n" in gap or (text[start:end] in _ENDS_SENTENCE and gap):
            sentences.append([])
    return [s for s in sentences if s]
