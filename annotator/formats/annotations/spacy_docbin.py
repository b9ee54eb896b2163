"""spaCy ``DocBin`` (export only; needs the ``spacy`` extra). Offsets: tokens of a blank
pipeline of the article's language (``xx`` when spaCy has none for it).

Actor mentions go to ``doc.ents`` where they do not overlap (the outermost wins), labelled with
their actor's kind (PER, ORG, GPE, ...) and with the actor as ``kb_id`` (its external id such as
a Wikidata QID when it has one, else ``actor:<id>``). Every span of every layer also goes to
``doc.spans[layer]``, so nothing is lost. A span that does not fall on token boundaries grows to
whole tokens (reported). Attributes, actors and links are in ``doc.user_data["annotator"]``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.domain.annotations import Annotation
from annotator.domain.corpus import AnnotatedDocument, Corpus
from annotator.domain.errors import UsageError
from annotator.formats.annotations.conll import KIND_TAGS
from annotator.formats.annotations.report import FormatOptions, FormatReport


def write_docbin(
    documents: Iterable[AnnotatedDocument],
    corpus: Corpus,
    path: Path,
    report: FormatReport,
    options: FormatOptions,
) -> None:
    try:
        import spacy
        from spacy.tokens import DocBin
        from spacy.util import filter_spans
    except ImportError as exc:
        raise UsageError("the spacy format needs spaCy: pip install 'annotator[spacy]'") from exc
    pipelines: dict[str, Any] = {}
    docbin = DocBin(store_user_data=True)
    for item in documents:
        language = (item.document.language or "xx").split("-")[0].lower()
        if language not in pipelines:
            try:
                pipelines[language] = spacy.blank(language)
            except (ImportError, OSError, ValueError, KeyError):
                pipelines[language] = pipelines.get("xx") or spacy.blank("xx")
        doc = pipelines[language].make_doc(item.document.text)
        groups: dict[str, list[Any]] = {}
        mentions = []
        for annotation in item.annotations:
            span = doc.char_span(
                annotation.start,
                annotation.end,
                label=_label(annotation, corpus),
                kb_id=_kb_id(annotation, corpus),
                alignment_mode="expand",
            )
            if span is None:
                report.lost("spans with no token (only white space)", repr(annotation.text))
                continue
            if (span.start_char, span.end_char) != (annotation.start, annotation.end):
                report.lost("spans grown to whole tokens", f"“{annotation.text}” → “{span.text}”")
            groups.setdefault(annotation.layer, []).append(span)
            if annotation.actor_id is not None or annotation.layer == "actor":
                mentions.append(span)
            report.spans += 1
        entities = filter_spans(mentions)
        if len(entities) < len(mentions):
            report.lost(
                "overlapping mentions left out of doc.ents (they are in doc.spans)",
                f"{len(mentions) - len(entities)} in “{item.document.title[:40]}”",
            )
        doc.ents = entities
        for layer, spans in groups.items():
            doc.spans[layer] = spans
        doc.user_data["annotator"] = _user_data(item, corpus)
        docbin.add(doc)
        report.documents += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)


def _label(annotation: Annotation, corpus: Corpus) -> str:
    if annotation.actor_id is not None and annotation.actor_id in corpus.actors:
        return KIND_TAGS[corpus.actors[annotation.actor_id].kind]
    return annotation.label or annotation.layer


def _kb_id(annotation: Annotation, corpus: Corpus) -> str:
    actor = corpus.actors.get(annotation.actor_id) if annotation.actor_id is not None else None
    if actor is None:
        return ""
    return actor.external_id or f"actor:{actor.id}"


def _user_data(item: AnnotatedDocument, corpus: Corpus) -> dict[str, Any]:
    document = item.document
    named = {a.actor_id for a in item.annotations if a.actor_id is not None}
    named |= {link.actor_id for a in item.annotations for link in a.links if link.actor_id}
    return {
        "title": document.title,
        "source": document.source or "",
        "published": document.published.isoformat() if document.published else "",
        "language": document.language or "",
        "spans": [
            {
                "id": a.id,
                "layer": a.layer,
                "start": a.start,
                "end": a.end,
                "attributes": a.attributes,
                "actor": a.actor_id or 0,
                "links": [
                    {
                        "type": link.type,
                        "actor": link.actor_id or 0,
                        "span": link.annotation_id or 0,
                    }
                    for link in a.links
                ],
            }
            for a in item.annotations
        ],
        "actors": {
            str(actor_id): {
                "name": corpus.actors[actor_id].name,
                "kind": corpus.actors[actor_id].kind.value,
                "parent": corpus.actors[actor_id].parent_id or 0,
                "external_id": corpus.actors[actor_id].external_id or "",
            }
            for actor_id in sorted(named)
            if actor_id in corpus.actors
        },
    }
