"""export_jsonl_100k: the jsonl export against json-serialising the same rows from sqlite3."""

from __future__ import annotations

import json
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from annotator.domain.documents import DocumentDraft
from annotator.jobs.exporter import export
from annotator.store.annotators import annotator_id
from annotator.store.models import AnnotationRow, LayerRow
from annotator.store.project import Project
from benchmarks.words import WORDS

DOCUMENTS = 1_000
SPANS_PER_DOCUMENT = 100


def build(path: Path) -> Project:
    rng = random.Random(11)
    project = Project.open(path)
    texts = [" ".join(rng.choice(WORDS) for _ in range(600)) + f" {n}" for n in range(DOCUMENTS)]
    project.documents.add_many(DocumentDraft(text=t, title=f"Doc {i}") for i, t in enumerate(texts))
    with project.db.write() as session:
        layers = dict(session.query(LayerRow.name, LayerRow.id).all())
        who = annotator_id(session, "bench")
        rows = []
        for document_id, text in enumerate(texts, start=1):
            for _ in range(SPANS_PER_DOCUMENT):
                start = rng.randrange(0, len(text) - 40)
                end = start + rng.randint(3, 40)
                layer = rng.choice(("actor", "quote", "claim"))
                rows.append({
                    "document_id": document_id, "layer_id": layers[layer], "label_id": None,
                    "start": start, "end": end, "text": text[start:end],
                    "attributes": {"kind": "direct"} if layer == "quote" else {},
                    "actor_id": None, "annotator_id": who, "origin": "manual",
                })  # fmt: skip
        session.execute(insert(AnnotationRow), rows)
    return project


def baseline(path: Path, out: Path) -> float:
    started = time.perf_counter()
    connection = sqlite3.connect(path)
    spans: dict[int, list[dict[str, object]]] = {}
    query = (
        'SELECT a.document_id, l.name, a.start, a."end", a.text, a.attributes, a.origin '
        "FROM annotation a JOIN layer l ON l.id = a.layer_id ORDER BY a.document_id, a.start"
    )
    for document_id, layer, start, end, text, attributes, origin in connection.execute(query):
        spans.setdefault(document_id, []).append(
            {"layer": layer, "start": start, "end": end, "text": text,
             "attributes": json.loads(attributes), "origin": origin}
        )  # fmt: skip
    with out.open("w", encoding="utf-8") as handle:
        for document_id, title, text in connection.execute(
            "SELECT id, title, text FROM document ORDER BY id"
        ):
            record = {"title": title, "text": text, "spans": spans.get(document_id, [])}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    connection.close()
    return time.perf_counter() - started


def measure(repeats: int = 3) -> tuple[float, float]:
    folder = Path(tempfile.mkdtemp())
    project = build(folder / "p.sqlite")
    ours_times, base_times = [], []
    for _ in range(repeats):
        started = time.perf_counter()
        export(project, "jsonl", folder / "ours.jsonl")
        ours_times.append(time.perf_counter() - started)
        base_times.append(baseline(folder / "p.sqlite", folder / "base.jsonl"))
    project.close()
    return min(ours_times), min(base_times)
