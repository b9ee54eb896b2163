"""``screenshot_short`` and ``screenshot_1M_10k``: ``annotator screenshot`` as a whole process
against a floor script that imports PySide6 and SQLAlchemy, reads the same article from the
same SQLite file and shows it in a QTextEdit of the same size, offscreen, both run as an
installed program runs (``benchmarks/process_env.py``). Time and peak memory
(goals: short ≤ 1.5 in both; 1M ≤ 2 in time, ≤ 1.5 in memory). Each run checks its picture."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from annotator.domain.documents import DocumentDraft
from annotator.store.project import Project
from benchmarks.process_env import installed_env
from benchmarks.view_scenarios import article, store_spans

REPEATS = 3
WIDTH, HEIGHT = 1200, 800
# The peak is the process's own high-water mark (VmHWM, in kB), which starts afresh at exec;
# getrusage's ru_maxrss does not: a child started by a big benchmark process inherits its peak.
_PEAK = textwrap.dedent(
    """
    import atexit, os, re, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    def _peak():
        with open("/proc/self/status") as status:
            sys.stderr.write("PEAK " + re.search(r"VmHWM:\\s+(\\d+)", status.read())[1] + "\\n")
    atexit.register(_peak)
    """
)
_FLOOR = _PEAK + textwrap.dedent(
    """
    from PySide6.QtWidgets import QApplication, QTextEdit
    from sqlalchemy import create_engine, text
    app = QApplication([])
    engine = create_engine("sqlite:///" + sys.argv[1])
    with engine.connect() as connection:
        body = connection.execute(text("SELECT text FROM document WHERE id = 1")).scalar_one()
    edit = QTextEdit()
    edit.resize(int(sys.argv[3]), int(sys.argv[4]))
    edit.setPlainText(body)
    edit.show()
    app.processEvents()
    edit.grab().save(sys.argv[2])
    """
)
_OURS = _PEAK + textwrap.dedent(
    """
    from annotator.cli.main import main
    main(["screenshot", "--db", sys.argv[1], "--doc", "1", "--out", sys.argv[2],
          "--width", sys.argv[3], "--height", sys.argv[4]])
    """
)


def _project(folder: Path, chars: int, spans: int) -> Path:
    path = folder / "p.sqlite"
    text = (
        article(chars)
        if chars > 5_000
        else ("Mayor Adaeze Okafor said the barrier would hold. " * max(1, chars // 50))
    )
    with Project.open(path) as project:
        project.documents.add_many([DocumentDraft(text=text, title="Bench")])
        if spans:
            store_spans(project, 1, text, spans)
    return path


def _run(script: str, project: Path, out: Path, env: dict[str, str]) -> tuple[float, int]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, str(project), str(out), str(WIDTH), str(HEIGHT)],
        capture_output=True, text=True, check=True, env=env,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    peak = int(done.stderr.rsplit("PEAK ", 1)[1].split()[0])
    assert out.stat().st_size > 10_000, f"{out} is nearly empty: nothing was drawn"
    out.unlink()
    return elapsed, peak


def measure(chars: int, spans: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """((our time, floor time), (our peak KB, floor peak KB)), best of a few runs."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        project = _project(folder, chars, spans)
        env = installed_env(folder)
        runs = {}
        for key, script in (("ours", _OURS), ("floor", _FLOOR)):
            _run(script, project, folder / f"{key}.png", env)  # fills the caches, untimed
            runs[key] = [_run(script, project, folder / f"{key}.png", env) for _ in range(REPEATS)]
        ours, floor = runs["ours"], runs["floor"]
    return (
        (min(t for t, _ in ours), min(t for t, _ in floor)),
        (min(p for _, p in ours), min(p for _, p in floor)),
    )
