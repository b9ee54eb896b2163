"""qtawesome icons drawn from a disk cache of their renderings.

Importing qtawesome (and the qtpy layer under it) and loading its fonts takes about 150 ms,
close to half of what the first screen costs beyond PySide6 itself. An icon here is a
:class:`QIconEngine` that paints a PNG rendered once per glyph, size and colour; qtawesome is
imported only when a rendering is missing. The colours are qtawesome's own defaults, read
from the palette at paint time, so icons follow a theme change as before. The cache is keyed
by the installed qtawesome's files, so an upgrade renders afresh.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from functools import cache
from pathlib import Path

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap

_memory: dict[str, QPixmap] = {}


def cache_dir() -> Path:
    override = os.environ.get("ANNOTATOR_CACHE_DIR", "").strip()
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("annotator", appauthor=False)


@cache
def _renderer_key() -> str:
    """Names the installed qtawesome: its location and the size and time of its files."""
    spec = importlib.util.find_spec("qtawesome")
    folder = Path(spec.origin).parent if spec and spec.origin else Path("qtawesome")
    stamps = [str(folder)]
    for name in ("__init__.py", "iconic_font.py", "fonts"):
        try:
            found = (folder / name).stat()
        except OSError:
            continue
        stamps.append(f"{name}:{found.st_size}:{found.st_mtime_ns}")
    return hashlib.sha1("|".join(stamps).encode()).hexdigest()[:12]


def _colour(mode: QIcon.Mode) -> QColor:
    """qtawesome's default colour for ``mode``: the palette's text colour, greyed if disabled."""
    palette = QGuiApplication.palette()
    disabled = mode == QIcon.Mode.Disabled
    group = QPalette.ColorGroup.Disabled if disabled else QPalette.ColorGroup.Active
    return palette.color(group, QPalette.ColorRole.Text)


def rendering(glyph: str, size: QSize, mode: QIcon.Mode) -> QPixmap:
    """``glyph`` at ``size`` device pixels in the palette's colour for ``mode``."""
    colour = _colour(mode).name(QColor.NameFormat.HexArgb)
    key = f"{glyph}-{size.width()}x{size.height()}-{colour[1:]}"
    found = _memory.get(key)
    if found is not None:
        return found
    path = cache_dir() / "icons" / _renderer_key() / f"{key}.png"
    pixmap = QPixmap(str(path)) if path.is_file() else QPixmap()
    if pixmap.isNull():
        import qtawesome

        pixmap = qtawesome.icon(glyph, color=QColor(colour)).pixmap(size)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            if pixmap.save(str(partial), "PNG"):
                partial.replace(path)
        except OSError:
            pass  # a cache that cannot be written only costs time
    _memory[key] = pixmap
    return pixmap


class CachedIconEngine(QIconEngine):
    """Paints one qtawesome glyph from the cache."""

    def __init__(self, glyph: str) -> None:
        super().__init__()
        self._glyph = glyph

    def clone(self) -> QIconEngine:
        return CachedIconEngine(self._glyph)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return rendering(self._glyph, size, mode)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(rect, rendering(self._glyph, rect.size() * ratio, mode))


def cached_icon(glyph: str) -> QIcon:
    return QIcon(CachedIconEngine(glyph))
