"""The environment whole-process benchmarks run in: that of an installed program.

An installed program has its bytecode compiled (pip compiles a wheel's modules; Python writes
the rest on first run) and its icon cache filled after the first start, while the libraries
of every floor script come compiled from their wheels. A development shell may set
``PYTHONDONTWRITEBYTECODE``, which would make only our side compile its sources on every run.
So each measurement gets a bytecode folder and a cache folder of its own, and one untimed run
fills them before the timed ones.
"""

from __future__ import annotations

import os
from pathlib import Path


def installed_env(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    env["ANNOTATOR_CACHE_DIR"] = str(folder / "cache")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env
