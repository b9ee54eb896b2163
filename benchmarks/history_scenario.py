"""``undo_at_10k``: undoing one span edit in an article of 10,000 spans ÷ the same at 10 spans
(goal ≤ 2). ``history_doc_10k``: listing the history of a document with 10,000 edits ÷ a raw
``sqlite3`` select of the same rows (goal ≤ 3). Each run checks the work was done."""

from __future__ import annotations

import sqlite3
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from annotator.domain.annotations import AnnotationDraft, as_draft
from annotator.domain.documents import DocumentDraft
from annotator.store.project import Project
from benchmarks.view_scenarios import article, store_spans

REPEATS = 7


def _project(folder: Path, spans: int) -> tuple[Project, int]:
    """An article with ``spans`` spans written in bulk (not through the log)."""
    text = article(200_000)
    project = Project.open(folder / f"p{spans}.sqlite", "bench")
    project.documents.add_many([DocumentDraft(text=text, title="Bench")])
    store_spans(project, 1, text, spans)
    return project, 1


def _undo_time(project: Project, document: int) -> float:
    span = project.annotations.for_document(document)[0]
    best = float("inf")
    for turn in range(REPEATS):
        kind = "indirect" if turn % 2 else "direct"
        project.annotations.update(span.id, replace(as_draft(span), attributes={"kind": kind}))
        started = time.perf_counter()
        project.history.undo()
        best = min(best, time.perf_counter() - started)
        span = project.annotations.get(span.id)
        assert span.attributes == {}, "the undo did not take the edit back"
    return best


def undo_at_10k() -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as name:
        big, document = _project(Path(name), 10_000)
        small, _ = _project(Path(name), 10)
        with big, small:
            return _undo_time(big, document), _undo_time(small, document)


def history_doc_10k() -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "h.sqlite"
        with Project.open(path, "bench") as project:
            text = "Okafor said the barrier would hold. " * 300
            project.documents.add_many([DocumentDraft(text=text, title="History")])
            with project.db.write():  # one transaction: 10,000 logged edits, written fast
                for i in range(5_000):
                    start = (i * 7) % (len(text) - 20)
                    span = project.annotations.create(1, AnnotationDraft("claim", start, start + 9))
                    project.annotations.delete(span.id)
            best_ours = best_raw = float("inf")
            for _ in range(REPEATS):
                started = time.perf_counter()
                listed = project.history.entries(document_id=1)
                best_ours = min(best_ours, time.perf_counter() - started)
                assert len(listed) >= 10_000, f"listed {len(listed)} entries"
                started = time.perf_counter()
                with sqlite3.connect(path) as raw:
                    rows = raw.execute(
                        "SELECT e.id, e.at, a.name, e.action, e.entity, e.entity_id, "
                        "e.document_id, e.before, e.after, c.label FROM edit e "
                        "JOIN annotator a ON a.id = e.annotator_id "
                        "LEFT JOIN change c ON c.id = e.change_id "
                        "WHERE e.document_id = 1 ORDER BY e.id DESC"
                    ).fetchall()
                best_raw = min(best_raw, time.perf_counter() - started)
                assert len(rows) == len(listed)
        return best_ours, best_raw
