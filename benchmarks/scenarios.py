"""The benchmark scenarios. Each returns a :class:`Result` with its ratio and goal."""

from __future__ import annotations

import json
import random
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from annotator.domain.text import fingerprint
from annotator.jobs.importer import import_paths
from annotator.store.project import Project
from benchmarks.words import WORDS

REPEATS = 5


@dataclass(frozen=True, slots=True)
class Result:
    name: str
    ours: float
    baseline: float
    goal: float

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "ratio": self.ratio}


def best_of_pair(
    ours: Callable[[Path], float], baseline: Callable[[Path], float]
) -> tuple[float, float]:
    """Best times of both sides, run alternately so that machine noise hits both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(REPEATS):
        for side, run in zip(times, (ours, baseline), strict=True):
            with tempfile.TemporaryDirectory() as folder:
                side.append(run(Path(folder)))
    return min(times[0]), min(times[1])


def generate_articles(count: int, chars: int, seed: int = 7) -> list[dict[str, str]]:
    rng = random.Random(seed)
    articles = []
    for i in range(count):
        words: list[str] = []
        size = 0
        while size < chars:
            word = rng.choice(WORDS)
            words.append(word)
            size += len(word) + 1
        text = " ".join(words)
        articles.append(
            {"title": f"Article {i}", "text": text, "source": "Bench Wire", "date": "2024-05-01"}
        )
    return articles


def import_10k() -> Result:
    """Importing 10,000 articles of ~3,000 characters from JSONL vs. sqlite3 executemany."""
    articles = generate_articles(10_000, 3_000)
    template = Path(tempfile.mkdtemp()) / "template.sqlite"
    Project.open(template).close()  # the real schema, indexes included, for the baseline
    source = template.parent / "articles.jsonl"
    source.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in articles))

    def ours(folder: Path) -> float:
        with Project.open(folder / "p.sqlite") as project:
            started = time.perf_counter()
            report = import_paths(project, [source])
            elapsed = time.perf_counter() - started
        assert report.imported == len(articles), report.summary()
        return elapsed

    now = datetime.now(UTC).isoformat(sep=" ")
    rows = [
        (
            a["title"],
            a["source"],
            None,
            None,
            "2024-05-01",
            None,
            a["text"],
            len(a["text"]),
            fingerprint(a["text"]),
            "new",
            "{}",
            str(source),
            now,
            now,
        )
        for a in articles
    ]

    def baseline(folder: Path) -> float:
        path = folder / "raw.sqlite"
        path.write_bytes(template.read_bytes())
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        started = time.perf_counter()
        connection.execute("BEGIN")
        connection.executemany(
            "INSERT INTO document (title, source, url, author, published, language, text, chars,"
            " sha256, status, metadata, imported_from, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        connection.execute("COMMIT")
        elapsed = time.perf_counter() - started
        connection.close()
        return elapsed

    return Result("import_10k", *best_of_pair(ours, baseline), goal=2.0)


def view_open_1m_10k() -> Result:
    from benchmarks.view_scenarios import view_open

    return Result("view_open_1M_10k", *view_open(), goal=1.5)


def view_paint_10k() -> Result:
    from benchmarks.view_scenarios import view_paint

    return Result("view_paint_10k", *view_paint(), goal=1.5)


def annotate_add_at_10k() -> Result:
    from benchmarks.view_scenarios import annotate_add

    return Result("annotate_add_at_10k", *annotate_add(), goal=2.0)


def export_jsonl_100k() -> Result:
    from benchmarks.export_scenario import measure

    return Result("export_jsonl_100k", *measure(), goal=2.0)


def concurrent_writers_3x500() -> Result:
    from benchmarks.concurrency_scenario import measure

    return Result("concurrent_writers_3x500", *measure(), goal=1.5)


def startup_version() -> Result:
    from benchmarks.startup_scenario import measure

    return Result("startup_version", *measure()["startup_version"], goal=3.0)


def startup_list() -> Result:
    from benchmarks.startup_scenario import measure

    return Result("startup_list", *measure()["startup_list"], goal=3.0)


def _screenshot(name: str, chars: int, spans: int, goal_time: float) -> Result:
    from benchmarks.screenshot_scenario import measure

    times, peaks = measure(chars, spans)
    memory = peaks[0] / peaks[1]
    print(f"{name + ' memory':<22} ratio {memory:5.2f}  (goal <= 1.5)  "
          f"{'ok' if memory <= 1.5 else 'OVER GOAL'}   ours {peaks[0] // 1024} MB, "
          f"floor {peaks[1] // 1024} MB")  # fmt: skip
    return Result(name, *times, goal=goal_time)


def screenshot_short() -> Result:
    return _screenshot("screenshot_short", 1_000, 0, 1.5)


def screenshot_1m_10k() -> Result:
    return _screenshot("screenshot_1M_10k", 1_000_000, 10_000, 2.0)


def undo_at_10k() -> Result:
    from benchmarks.history_scenario import undo_at_10k as measure

    return Result("undo_at_10k", *measure(), goal=2.0)


def history_doc_10k() -> Result:
    from benchmarks.history_scenario import history_doc_10k as measure

    return Result("history_doc_10k", *measure(), goal=3.0)


def agreement_1k() -> Result:
    from benchmarks.agreement_scenario import measure

    return Result("agreement_1k", *measure(), goal=3.0)


def suggest_actors_1k() -> Result:
    from benchmarks.assist_scenario import suggest_actors_1k as measure

    return Result("suggest_actors_1k", *measure(), goal=1.5)


def suggest_quotes_1k() -> Result:
    from benchmarks.assist_scenario import suggest_quotes_1k as measure

    return Result("suggest_quotes_1k", *measure(), goal=10.0)


def network_100k() -> Result:
    from benchmarks.network_scenario import measure

    return Result("network_100k", *measure(), goal=2.0)


def browser_open_100k() -> Result:
    from benchmarks.browser_scenario import measure

    return Result("browser_open_100k", *measure(), goal=1.5)


SCENARIOS: dict[str, Callable[[], Result]] = {
    "import_10k": import_10k,
    "view_open_1M_10k": view_open_1m_10k,
    "view_paint_10k": view_paint_10k,
    "annotate_add_at_10k": annotate_add_at_10k,
    "export_jsonl_100k": export_jsonl_100k,
    "concurrent_writers_3x500": concurrent_writers_3x500,
    "startup_version": startup_version,
    "startup_list": startup_list,
    "screenshot_short": screenshot_short,
    "screenshot_1M_10k": screenshot_1m_10k,
    "undo_at_10k": undo_at_10k,
    "history_doc_10k": history_doc_10k,
    "agreement_1k": agreement_1k,
    "suggest_actors_1k": suggest_actors_1k,
    "suggest_quotes_1k": suggest_quotes_1k,
    "network_100k": network_100k,
    "browser_open_100k": browser_open_100k,
}
