"""The desktop entry: the application icon, a ``.desktop`` file and AppStream metainfo.

They live in ``resources/`` beside the package in a source tree and are installed by the build
under ``share/`` of the environment. ``annotator desktop --install`` puts a menu entry and the
icons into the user's data folder (``$XDG_DATA_HOME``, usually ``~/.local/share``), with the
entry starting this very ``annotator``; ``--uninstall`` takes them away again.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from annotator.domain.errors import UsageError

NAME = "annotator"
ICON_SIZES = (48, 128, 256)


def resource(name: str) -> Path | None:
    """A desktop resource file: from the source tree, else from the environment's share/."""
    for candidate in (
        Path(__file__).resolve().parent.parent / "resources" / name,
        Path(sys.prefix) / "share" / "annotator" / name,
    ):
        if candidate.is_file():
            return candidate
    return None


def data_home() -> Path:
    configured = os.environ.get("XDG_DATA_HOME", "").strip()
    return Path(configured) if configured else Path.home() / ".local" / "share"


def _targets(home: Path) -> dict[str, Path]:
    icons = home / "icons" / "hicolor"
    targets = {
        f"{NAME}.desktop": home / "applications" / f"{NAME}.desktop",
        f"{NAME}.metainfo.xml": home / "metainfo" / f"{NAME}.metainfo.xml",
        f"{NAME}.svg": icons / "scalable" / "apps" / f"{NAME}.svg",
    }
    for size in ICON_SIZES:
        targets[f"{NAME}-{size}.png"] = icons / f"{size}x{size}" / "apps" / f"{NAME}.png"
    return targets


def install(home: Path | None = None, executable: str | None = None) -> list[Path]:
    """Install the menu entry and icons for the current user; returns the files written."""
    if not sys.platform.startswith("linux"):
        raise UsageError("desktop entries are installed on Linux (freedesktop.org desktops)")
    home = home or data_home()
    command = executable or shutil.which(NAME) or f"{sys.executable} -m annotator"
    written = []
    for name, target in _targets(home).items():
        source = resource(name)
        if source is None:
            raise UsageError(f"{name} is missing from this installation of Annotator")
        target.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".desktop"):
            entry = source.read_text(encoding="utf-8").replace(
                f"Exec={NAME} %F", f"Exec={command} %F"
            )
            target.write_text(entry, encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what :func:`install` put there; returns the files removed."""
    removed = []
    for target in _targets(home or data_home()).values():
        if target.exists():
            target.unlink()
            removed.append(target)
    return removed
