"""``network_100k``: a one-mode congruence network (actor × topic, qualifier stance) from
100,000 claims ÷ the same pairs counted with plain dictionaries from a raw ``sqlite3`` read.
The run checks that both count the same edges."""

from __future__ import annotations

import json
import random
import sqlite3
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.documents import DocumentDraft
from annotator.jobs.network import NetworkOptions, network
from annotator.store.annotators import annotator_id
from annotator.store.models import AnnotationRow, LayerRow, LinkRow
from annotator.store.models.base import utcnow
from annotator.store.project import Project

DOCUMENTS, CLAIMS, ACTORS, TOPICS = 2_000, 100_000, 200, 40
REPEATS = 2


def _project(path: Path) -> Project:
    rng = random.Random(5)
    project = Project.open(path, "bench")
    start = date(2024, 1, 1)
    project.documents.add_many(
        DocumentDraft(text=f"Article {n}: " + "word " * 60, title=f"A{n}",
                      published=start + timedelta(days=n % 365))
        for n in range(DOCUMENTS)
    )  # fmt: skip
    actors = [project.actors.create(ActorDraft(f"Actor {n}", ActorKind.PERSON)).id
              for n in range(ACTORS)]  # fmt: skip
    now = utcnow()
    with project.db.write() as session:
        layer = session.scalar(select(LayerRow.id).where(LayerRow.name == "claim"))
        who = annotator_id(session, "bench")
        rows = [{
            "document_id": rng.randrange(1, DOCUMENTS + 1), "layer_id": layer, "label_id": None,
            "start": 0, "end": 7, "text": "Article",
            "attributes": {"kind": "evaluation", "topic": f"topic {rng.randrange(TOPICS)}",
                           "stance": rng.choice(("for", "against"))},
            "actor_id": None, "annotator_id": who, "origin": "manual",
            "created_at": now, "updated_at": now,
        } for _ in range(CLAIMS)]  # fmt: skip
        adding = insert(AnnotationRow).returning(AnnotationRow.id, sort_by_parameter_order=True)
        ids = list(session.execute(adding, rows).scalars())
        session.execute(insert(LinkRow), [
            {"type": "claimant", "source_id": i, "target_actor_id": rng.choice(actors),
             "target_annotation_id": None, "annotator_id": who, "created_at": now,
             "updated_at": now}
            for i in ids
        ])  # fmt: skip
    return project


def _raw(path: Path) -> dict[tuple[str, str], float]:
    """Congruence pairs counted with dictionaries from one raw select."""
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT ac.name, a.attributes FROM annotation a "
            "JOIN link l ON l.source_id = a.id AND l.type = 'claimant' "
            "JOIN actor ac ON ac.id = l.target_actor_id "
            "JOIN layer y ON y.id = a.layer_id WHERE y.name = 'claim'"
        ).fetchall()
    counts: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for name, raw in rows:
        values = json.loads(raw)
        counts[(values["topic"], values["stance"])][name] += 1
    pairs: dict[tuple[str, str], float] = defaultdict(float)
    for (_topic, _stance), by_actor in counts.items():
        items = list(by_actor.items())
        for a, x in items:
            for b, y in items:
                if a != b:
                    pairs[(a, b)] += x * y
    return pairs


def measure() -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "n.sqlite"
        with _project(path) as project:
            options = NetworkOptions(qualifier="stance", aggregation="congruence")
            ours = raw = float("inf")
            for _ in range(REPEATS):
                started = time.perf_counter()
                report = network(project, options, Path(name) / "out.csv")
                ours = min(ours, time.perf_counter() - started)
                started = time.perf_counter()
                pairs = _raw(path)
                raw = min(raw, time.perf_counter() - started)
                [made] = report.networks
                assert report.statements == CLAIMS
                assert len(made.weights) == len(pairs) and all(
                    made.weights[p] == w for p, w in pairs.items()
                ), "different networks"
        return ours, raw
