"""``startup_cli``: whole ``annotator`` processes against ``python -c pass`` (goal ≤ 3).

Each run checks that the command printed what it should, so a command that failed fast never
passes for a fast one.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from annotator.domain.documents import DocumentDraft
from annotator.store.project import Project

REPEATS = 5


def _timed(command: list[str], expect: str) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - started
    assert expect in done.stdout, f"{command} printed {done.stdout[:200]!r}"
    return elapsed


def measure() -> dict[str, tuple[float, float]]:
    """Best times of ``--version`` and ``list`` and of the floor, as (ours, floor) pairs."""
    with tempfile.TemporaryDirectory() as name:
        project = Path(name) / "p.sqlite"
        with Project.open(project) as opened:
            opened.documents.add_many([DocumentDraft(text="The council met.", title="Council")])
        annotator = [sys.executable, "-m", "annotator"]
        floor = min(_timed([sys.executable, "-c", "print('ok')"], "ok") for _ in range(REPEATS))
        version = min(_timed([*annotator, "--version"], "annotator ") for _ in range(REPEATS))
        listing = min(
            _timed([*annotator, "list", "--db", str(project)], "Council") for _ in range(REPEATS)
        )
    return {"startup_version": (version, floor), "startup_list": (listing, floor)}
