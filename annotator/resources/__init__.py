"""Files shipped with the package: the default scheme and the sample articles."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def read_yaml(name: str) -> Any:
    """Parse ``annotator/resources/<name>`` (a path like ``samples/x.yaml``)."""
    return yaml.safe_load(resources.files(__name__).joinpath(name).read_text("utf-8"))


def sample_names() -> list[str]:
    """Names of the sample article files, in display order."""
    folder = resources.files(__name__).joinpath("samples")
    return sorted(f.name for f in folder.iterdir() if f.name.endswith(".yaml"))
