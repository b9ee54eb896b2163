"""Where the default project lives: the user data directory, or ``$ANNOTATOR_DATA_DIR``."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

DEFAULT_PROJECT_FILE = "default-project.sqlite"


def data_dir() -> Path:
    override = os.environ.get("ANNOTATOR_DATA_DIR", "").strip()
    if override:
        return Path(override).expanduser()
    return user_data_path("annotator", appauthor=False)


def default_project_path() -> Path:
    return data_dir() / DEFAULT_PROJECT_FILE
