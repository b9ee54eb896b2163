"""A terminal progress bar (tqdm) for a :class:`~annotator.jobs.progress.Progress`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from tqdm import tqdm

from annotator.jobs.progress import Progress


@contextmanager
def terminal_progress(description: str) -> Iterator[Progress]:
    """Progress shown on stderr while the block runs; hidden when stderr is not a terminal."""
    bar = tqdm(total=0, unit="B", unit_scale=True, desc=description, disable=None, leave=False)

    def update(done: int, total: int, message: str) -> None:
        if total and bar.total != total:
            bar.total = total
        bar.n = done
        if message:
            bar.set_postfix_str(message, refresh=False)
        bar.refresh()

    try:
        yield Progress(update)
    finally:
        bar.close()
