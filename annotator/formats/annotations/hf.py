"""A Hugging Face dataset folder (export only): one JSON Lines file per split and a dataset card.

``datasets.load_dataset(folder)`` loads it; files are named after their split (train, dev,
test, ...), and the card's YAML header names them. Each row is a document: ``id``, ``title``,
``text``, ``source``, ``published``, ``language``, ``spans`` (start, end, layer, label, text,
actor, actor_id, actor_kind, attributes as a JSON string) and ``links`` (source and target span
indexes, or the target actor, and the type). Offsets are code points: ``text[start:end]``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from annotator.domain.corpus import AnnotatedDocument, Corpus
from annotator.formats.annotations.report import FormatOptions, FormatReport


def write_hf_split(
    documents: Iterable[AnnotatedDocument],
    corpus: Corpus,
    out: TextIO,
    report: FormatReport,
    options: FormatOptions,
) -> None:
    for item in documents:
        out.write(json.dumps(_row(item, corpus, report), ensure_ascii=False) + "\n")
        report.documents += 1


def _row(item: AnnotatedDocument, corpus: Corpus, report: FormatReport) -> dict[str, Any]:
    document = item.document
    index = {a.id: n for n, a in enumerate(item.annotations)}
    spans, links = [], []
    for n, a in enumerate(item.annotations):
        actor = corpus.actors.get(a.actor_id) if a.actor_id is not None else None
        spans.append(
            {
                "start": a.start,
                "end": a.end,
                "layer": a.layer,
                "label": a.label or "",
                "text": a.text,
                "actor": actor.name if actor else "",
                "actor_id": actor.id if actor else -1,
                "actor_kind": actor.kind.value if actor else "",
                "attributes": json.dumps(a.attributes, ensure_ascii=False, sort_keys=True),
            }
        )
        report.spans += 1
        report.layers[a.layer] += 1
        for link in a.links:
            target = corpus.actors.get(link.actor_id) if link.actor_id is not None else None
            links.append(
                {
                    "source": n,
                    "type": link.type,
                    "target_span": index.get(link.annotation_id or -1, -1),
                    "target_actor": target.name if target else "",
                    "target_actor_id": target.id if target else -1,
                }
            )
    return {
        "id": document.id,
        "title": document.title,
        "text": document.text,
        "source": document.source or "",
        "published": document.published.isoformat() if document.published else "",
        "language": document.language or "",
        "status": document.status.value,
        "spans": spans,
        "links": links,
    }


def write_card(folder: Path, files: list[Path], report: FormatReport, corpus: Corpus) -> None:
    """README.md with the YAML header ``datasets`` reads and a description of the labels."""
    splits = "\n".join(f"      - split: {path.stem}\n        path: {path.name}" for path in files)
    layers = "\n".join(f"| `{layer}` | {count} |" for layer, count in sorted(report.layers.items()))
    kinds: dict[str, int] = {}
    for actor in corpus.actors.values():
        kinds[actor.kind.value] = kinds.get(actor.kind.value, 0) + 1
    kind_rows = "\n".join(f"| `{kind}` | {count} |" for kind, count in sorted(kinds.items()))
    (folder / "README.md").write_text(
        f"""---
configs:
  - config_name: default
    data_files:
{splits}
---

# Annotated news articles

Exported by Annotator: {report.documents} documents with {report.spans} spans.

Each row is one article. `spans` holds every annotated span with its `layer`, code point
offsets into `text` (`text[start:end]`), the `actor` a mention refers to, and the span's
`attributes` as a JSON string. `links` are typed, directed relations from a span (`source`,
an index into `spans`) to an actor (a quote's speaker, a claim's claimant or addressee) or to
another span (`target_span`).

## Layers

| layer | spans |
| --- | --- |
{layers}

## Actors by kind

| kind | actors |
| --- | --- |
{kind_rows}

## Loading

```python
from datasets import load_dataset
dataset = load_dataset("path/to/this/folder")
```
""",
        encoding="utf-8",
    )
