"""``agreement_1k``: agreement (span F1 and α, with attributes) for 1,000 documents × 3
annotators × 50 spans ÷ reading those spans with raw ``sqlite3`` (goal ≤ 3). The run checks
that every pair was scored on every document."""

from __future__ import annotations

import random
import sqlite3
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select

from annotator.domain.documents import DocumentDraft
from annotator.jobs.agreement import AgreementOptions, agreement
from annotator.store.annotators import annotator_id
from annotator.store.models import AnnotationRow, LayerRow
from annotator.store.project import Project

DOCUMENTS, ANNOTATORS, SPANS = 1_000, ("alice", "bob", "carol"), 50
REPEATS = 3


def _project(path: Path) -> Project:
    rng = random.Random(3)
    words = ("the", "council", "said", "that", "barrier", "would", "hold", "against", "storm")
    texts = [" ".join(rng.choice(words) for _ in range(400)) + f" {n}" for n in range(DOCUMENTS)]
    project = Project.open(path, "bench")
    project.documents.add_many(DocumentDraft(text=t, title=f"D{n}") for n, t in enumerate(texts))
    with project.db.write() as session:
        layer = session.scalar(select(LayerRow.id).where(LayerRow.name == "quote"))
        who = {name: annotator_id(session, name) for name in ANNOTATORS}
        rows = []
        for document, text in enumerate(texts, start=1):
            marks = sorted(rng.sample(range(0, len(text) - 60), SPANS))
            for name in ANNOTATORS:
                for start in marks:
                    shift = rng.choice((0, 0, 0, 1, 3))  # mostly the same, sometimes off
                    end = start + 20 + shift
                    rows.append({
                        "document_id": document, "layer_id": layer, "label_id": None,
                        "start": start + shift, "end": end, "text": text[start + shift:end],
                        "attributes": {"kind": rng.choice(("direct", "direct", "indirect"))},
                        "actor_id": None, "annotator_id": who[name], "origin": "manual",
                    })  # fmt: skip
        session.execute(insert(AnnotationRow), rows)
    return project


def measure() -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "a.sqlite"
        with _project(path) as project:
            ours = raw = float("inf")
            for _ in range(REPEATS):
                started = time.perf_counter()
                report = agreement(project, AgreementOptions(layers=frozenset({"quote"})))
                ours = min(ours, time.perf_counter() - started)
                assert len(report.documents) == DOCUMENTS * 3, "a pair was not scored"
                started = time.perf_counter()
                with sqlite3.connect(path) as connection:
                    rows = connection.execute(
                        "SELECT a.document_id, n.name, a.start, a.end, a.attributes "
                        "FROM annotation a JOIN annotator n ON n.id = a.annotator_id "
                        "JOIN layer l ON l.id = a.layer_id WHERE l.name = 'quote' "
                        "ORDER BY a.document_id, a.start"
                    ).fetchall()
                raw = min(raw, time.perf_counter() - started)
                assert len(rows) == DOCUMENTS * len(ANNOTATORS) * SPANS
        return ours, raw
