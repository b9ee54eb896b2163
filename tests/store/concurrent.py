"""Helpers that run real programs at the same time against one project."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_SPAN_WRITER = textwrap.dedent(
    """
    import json, sys
    from annotator.domain.annotations import AnnotationDraft
    from annotator.store.project import Project
    target, count, document, name = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    length = 5 + int(sys.argv[5])  # each writer its own spans: one name may write from several
    stored, refused = 0, []
    with Project.open(target, annotator=name) as project:
        for i in range(count):
            start = (i * 7) % 400
            span = AnnotationDraft("actor", start, start + length)
            try:
                project.annotations.create(document, span)
                stored += 1
            except Exception as exc:
                refused.append(f"{type(exc).__name__}: {exc}")
    print(json.dumps({"stored": stored, "refused": refused[:3], "refused_count": len(refused)}))
    """
)

_OPENER = textwrap.dedent(
    """
    import json, sys
    from annotator.store.project import Project
    with Project.open(sys.argv[1]) as project:
        layers = [layer.name for layer in project.scheme.load().layers]
        print(json.dumps({"created": project.migration.created, "layers": layers}))
    """
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def start_python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )


def start_cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "annotator", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )


def finish(process: subprocess.Popen[str], timeout: float = 120) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


def span_writers(
    target: str, document_id: int, counts: list[int], names: list[str] | None = None
) -> list[dict[str, object]]:
    """Run one process per count, each adding that many spans; returns what each reported."""
    names = names or [f"writer{i}" for i in range(len(counts))]
    return _reports(
        start_python(_SPAN_WRITER, target, str(n), str(document_id), name, str(index))
        for index, (n, name) in enumerate(zip(counts, names, strict=True))
    )


def openers(target: str, count: int) -> list[dict[str, object]]:
    """Open (and so create) one project from ``count`` processes at once."""
    return _reports(start_python(_OPENER, target) for _ in range(count))


def concurrent_imports(
    target: str, folder: Path, count: int, runs: int = 2
) -> list[tuple[int, str, str]]:
    """``runs`` programs importing the same folder of ``count`` articles at once."""
    folder.mkdir()
    for i in range(count):
        (folder / f"a{i:02}.txt").write_text(f"Article {i}\nThe council met on day {i}.\n")
    running = [start_cli("import", "--db", target, str(folder)) for _ in range(runs)]
    return [finish(process) for process in running]


def _reports(processes: Iterable[subprocess.Popen[str]]) -> list[dict[str, object]]:
    """Each process's JSON report, once all have started and finished."""
    running = list(processes)
    results = []
    for process in running:
        code, out, err = finish(process)
        assert code == 0, err
        results.append(json.loads(out))
    return results
