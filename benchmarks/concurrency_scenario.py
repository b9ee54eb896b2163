"""``concurrent_writers_3x500``: three programs adding 500 spans each to one SQLite project,
against one program adding all 1,500. Every span must be stored in both, none refused."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from annotator.domain.documents import DocumentDraft
from annotator.store.project import Project

REPO = Path(__file__).resolve().parent.parent
TOTAL = 1_500

_WORKER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from annotator.domain.annotations import AnnotationDraft
    from annotator.store.project import Project
    target, count, offset, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    refused = 0
    with Project.open(target, annotator=f"worker{offset}") as project:
        project.annotations.count()  # connected and ready
        print("ready", flush=True)
        while not go.exists():
            time.sleep(0.001)
        started = time.time()
        for i in range(count):
            start = ((offset + i) * 7) % 2000
            try:
                project.annotations.create(1, AnnotationDraft("actor", start, start + 5))
            except Exception:
                refused += 1
        ended = time.time()
    print(json.dumps({"started": started, "ended": ended, "refused": refused}), flush=True)
    """
)


def _run(folder: Path, counts: list[int]) -> float:
    """Wall time from the first worker starting to the last finishing, all spans checked."""
    project = folder / "p.sqlite"
    with Project.open(project) as opened:
        opened.documents.add_many([DocumentDraft(text="Okafor said. " * 200, title="t")])
    go = folder / "go"
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(project), str(n), str(i * 10_000), str(go)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for i, n in enumerate(counts)
    ]
    for worker in workers:
        assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
    go.touch()
    reports = []
    for worker in workers:
        out, _ = worker.communicate(timeout=600)
        reports.append(json.loads(out.strip().splitlines()[-1]))
    assert sum(r["refused"] for r in reports) == 0, reports
    with Project.open(project) as opened:
        stored = opened.annotations.count()
    assert stored == sum(counts), f"{stored} of {sum(counts)} spans stored"
    return max(r["ended"] for r in reports) - min(r["started"] for r in reports)


def measure(repeats: int = 3) -> tuple[float, float]:
    ours: list[float] = []
    baseline: list[float] = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as folder:
            ours.append(_run(Path(folder), [TOTAL // 3] * 3))
        with tempfile.TemporaryDirectory() as folder:
            baseline.append(_run(Path(folder), [TOTAL]))
        time.sleep(0.1)
    return min(ours), min(baseline)
