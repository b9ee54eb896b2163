"""Article view and annotation speed, each against plain Qt or a small case in the same process."""

from __future__ import annotations

import os
import random
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.domain.annotations import Annotation, AnnotationDraft, Origin
from annotator.domain.documents import DocumentDraft
from annotator.gui.article.view import ArticleView
from annotator.gui.colors import SpanMaker
from annotator.store.project import Project, default_scheme
from benchmarks.words import WORDS

REPEATS = 5
WIDTH, HEIGHT = 1200, 800


def _app() -> QApplication:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])


def article(chars: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    paragraphs, size = [], 0
    while size < chars:
        words = [rng.choice(WORDS) for _ in range(rng.randint(60, 140))]
        paragraph = " ".join(words) + "."
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:chars]


def spans_over(text: str, count: int, seed: int = 5) -> list[Annotation]:
    """Overlapping spans on every layer: mentions nested inside quotes, claims across them."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    layers = ("actor", "actor", "quote", "claim")
    result = []
    for i in range(count):
        layer = layers[i % len(layers)]
        length = {"actor": rng.randint(3, 25), "quote": rng.randint(40, 300)}.get(
            layer, rng.randint(80, 600)
        )
        start = rng.randrange(0, len(text) - length)
        result.append(
            Annotation(
                id=i + 1, document_id=1, layer=layer, label=None, start=start,
                end=start + length, text=text[start:start + length], attributes={},
                actor_id=(i % 40) + 1 if layer == "actor" else None, links=(),
                annotator="bench", origin=Origin.MANUAL, created_at=now, updated_at=now,
            )
        )  # fmt: skip
    return result


def store_spans(project: Project, document_id: int, text: str, count: int) -> None:
    """``count`` spans of :func:`spans_over` written in bulk, as quotes without an actor (a
    benchmark's setup, not through the edit log)."""
    from sqlalchemy import insert, select

    from annotator.store.annotators import annotator_id
    from annotator.store.models import AnnotationRow, LayerRow

    with project.db.write() as session:
        layer = session.scalar(select(LayerRow.id).where(LayerRow.name == "quote"))
        who = annotator_id(session, "bench")
        rows = [
            {"document_id": document_id, "layer_id": layer, "label_id": None,
             "start": a.start, "end": a.end, "text": a.text, "attributes": {},
             "actor_id": None, "annotator_id": who, "origin": "manual",
             "created_at": a.created_at, "updated_at": a.updated_at}
            for a in spans_over(text, count)
        ]  # fmt: skip
        session.execute(insert(AnnotationRow), rows)


def _best(run: Callable[[], float]) -> float:
    return min(run() for _ in range(REPEATS))


def _pair(ours: Callable[[], float], baseline: Callable[[], float]) -> tuple[float, float]:
    mine, theirs = [], []
    for _ in range(REPEATS):
        mine.append(ours())
        theirs.append(baseline())
    return min(mine), min(theirs)


def view_open(chars: int = 1_000_000, count: int = 10_000) -> tuple[float, float]:
    """Show the annotated article (spans given as domain objects) vs. QPlainTextEdit."""
    app = _app()
    text = article(chars)
    annotations = spans_over(text, count)
    scheme = default_scheme()

    def ours() -> float:
        view = ArticleView()
        view.resize(WIDTH, HEIGHT)
        view.show()
        app.processEvents()
        started = time.perf_counter()
        view.make_span = SpanMaker(scheme)  # as the workbench does: styled when painted
        view.set_document(text, annotations)
        view.viewport().repaint()
        app.processEvents()
        elapsed = time.perf_counter() - started
        assert view.spans_painted > 0, "the timed first paint drew no span"
        view.close()
        view.deleteLater()
        return elapsed

    def baseline() -> float:
        plain = QPlainTextEdit()
        plain.resize(WIDTH, HEIGHT)
        plain.show()
        app.processEvents()
        started = time.perf_counter()
        plain.setPlainText(text)
        plain.viewport().repaint()
        app.processEvents()
        elapsed = time.perf_counter() - started
        plain.close()
        plain.deleteLater()
        return elapsed

    return _pair(ours, baseline)


def view_paint(chars: int = 1_000_000, count: int = 10_000) -> tuple[float, float]:
    """One repaint half way down the article, with all spans vs. with none."""
    app = _app()
    text = article(chars)
    spans = spans_over(text, count)
    views = []
    for chosen in (spans, []):
        view = ArticleView()
        view.make_span = SpanMaker(default_scheme())
        view.resize(WIDTH, HEIGHT)
        view.show()
        view.set_document(text, chosen)
        app.processEvents()
        bar = view.verticalScrollBar()
        bar.setValue(bar.maximum() // 2)
        app.processEvents()
        view.viewport().repaint()  # lay out the blocks in view once
        views.append(view)

    def repaint(view: ArticleView) -> Callable[[], float]:
        def run() -> float:
            started = time.perf_counter()
            view.viewport().repaint()
            return time.perf_counter() - started

        return run

    result = _pair(repaint(views[0]), repaint(views[1]))
    assert views[0].spans_painted > 0, "the timed repaint drew no span"
    assert views[1].spans_painted == 0
    for view in views:
        view.close()
    return result


def annotate_add(big: int = 10_000, small: int = 10) -> tuple[float, float]:
    """Adding one span (store and view) to an article holding ``big`` vs. ``small`` spans."""
    app = _app()
    text = article(200_000)
    make = SpanMaker(default_scheme())
    folder = Path(tempfile.mkdtemp())

    def setup(count: int) -> tuple[Project, ArticleView, int]:
        project = Project.open(folder / f"p{count}.sqlite")
        project.documents.add_many([DocumentDraft(text=text, title=f"{count}")])
        document_id = project.documents.list()[-1].id
        store_spans(project, document_id, text, count)
        view = ArticleView()
        view.make_span = make
        view.resize(WIDTH, HEIGHT)
        view.show()
        view.set_document(text, project.annotations.for_document(document_id))
        app.processEvents()
        return project, view, document_id

    def adder(count: int) -> Callable[[], float]:
        project, view, document_id = setup(count)
        rng = random.Random(count)

        def run() -> float:
            start = rng.randrange(0, len(text) - 50)
            started = time.perf_counter()
            created = project.annotations.create(
                document_id, AnnotationDraft("quote", start, start + 40)
            )
            view.add_span(created)
            view.viewport().repaint()
            return time.perf_counter() - started

        return run

    return _pair(adder(big), adder(small))
