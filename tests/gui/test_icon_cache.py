"""Icons come from a disk cache of qtawesome renderings and still follow the palette."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from annotator.gui import icon_cache
from annotator.gui.icons import icon
from annotator.gui.theme import dark_palette


def _ink(icon_: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> set[str]:
    """The opaque colours an icon paints at 32 px."""
    image = icon_.pixmap(QSize(32, 32), mode).toImage()
    found = set()
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() == 255:
                found.add(pixel.name())
    return found


def test_a_warm_cache_draws_icons_without_qtawesome(qapp, monkeypatch):
    first = _ink(icon("undo"))
    assert first, "the icon drew nothing"
    assert list(icon_cache.cache_dir().rglob("mdi6.undo-32x32-*.png"))
    icon_cache._memory.clear()
    monkeypatch.setitem(sys.modules, "qtawesome", None)  # importing it now would fail
    assert _ink(icon("undo")) == first


def test_icons_follow_the_palette_and_grey_out_when_disabled(qapp):
    app = QApplication.instance()
    before = app.palette()
    try:
        light = _ink(icon("redo"))
        app.setPalette(dark_palette())
        dark = _ink(icon("redo"))
        disabled = _ink(icon("redo"), QIcon.Mode.Disabled)
    finally:
        app.setPalette(before)
    text = dark_palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    assert dark == {text.name()} and light != dark
    grey = dark_palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert disabled == {QColor(grey).name()}
