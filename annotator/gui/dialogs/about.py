"""Help → About."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator import __version__
from annotator.store.engine import library_version


def show_about(parent: QWidget, location: str) -> None:
    QMessageBox.about(
        parent,
        "About Annotator",
        f"<h3>Annotator {__version__}</h3>"
        "<p>A workbench for annotating actors, quotes and claims in news articles.</p>"
        f"<p>Project: <code>{location}</code></p>"
        f"<p><small>PySide6 {pyside_version} · SQLAlchemy {library_version()}</small></p>",
    )
