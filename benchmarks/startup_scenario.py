"""``startup_cli``: whole ``annotator`` processes against ``python -c pass`` (goal ≤ 3), run as
an installed program runs (``benchmarks/process_env.py``).

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
from benchmarks.process_env import installed_env

REPEATS = 5


def _timed(command: list[str], expect: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    elapsed = time.perf_counter() - started
    assert expect in done.stdout, f"{command} printed {done.stdout[:200]!r}"
    return elapsed


def measure() -> dict[str, tuple[float, float]]:
    """Best times of ``--version`` and ``list`` and of the floor, as (ours, floor) pairs."""
    with tempfile.TemporaryDirectory() as name:
        project = Path(name) / "p.sqlite"
        with Project.open(project) as opened:
            opened.documents.add_many([DocumentDraft(text="The council met.", title="Council")])
        env = installed_env(Path(name))
        annotator = [sys.executable, "-m", "annotator"]
        runs = {
            "floor": ([sys.executable, "-c", "print('ok')"], "ok"),
            "version": ([*annotator, "--version"], "annotator "),
            "list": ([*annotator, "list", "--db", str(project)], "Council"),
        }
        best = {}
        for key, (command, expect) in runs.items():
            _timed(command, expect, env)  # fills the bytecode cache, untimed
            best[key] = min(_timed(command, expect, env) for _ in range(REPEATS))
        floor, version, listing = best["floor"], best["version"], best["list"]
    return {"startup_version": (version, floor), "startup_list": (listing, floor)}
