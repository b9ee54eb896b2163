"""Semantic icon names mapped to qtawesome icons, so widgets never spell icon ids."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from annotator.gui.icon_cache import cached_icon

_ICONS: dict[str, str] = {
    "undo": "mdi6.undo",
    "redo": "mdi6.redo",
    "delete": "mdi6.delete-outline",
    "find": "mdi6.magnify",
    "search": "mdi6.text-search",
    "done-next": "mdi6.check-all",
    "next-document": "mdi6.chevron-double-down",
    "previous-document": "mdi6.chevron-double-up",
    "next-annotation": "mdi6.arrow-down-bold-outline",
    "previous-annotation": "mdi6.arrow-up-bold-outline",
    "zoom-in": "mdi6.magnify-plus-outline",
    "zoom-out": "mdi6.magnify-minus-outline",
    "snap": "mdi6.format-letter-matches",
    "layer-actor": "mdi6.account-outline",
    "layer-quote": "mdi6.format-quote-open",
    "layer-claim": "mdi6.bullhorn-outline",
    "layer": "mdi6.label-outline",
    "actor": "mdi6.account-outline",
    "actor-new": "mdi6.account-plus-outline",
    "actor-edit": "mdi6.account-edit-outline",
    "actor-merge": "mdi6.account-multiple-outline",
    "actor-split": "mdi6.account-arrow-right-outline",
    "actor-delete": "mdi6.account-remove-outline",
    "span-to-selection": "mdi6.selection-drag",
    "start-left": "mdi6.format-horizontal-align-left",
    "start-right": "mdi6.arrow-collapse-right",
    "end-left": "mdi6.arrow-collapse-left",
    "end-right": "mdi6.format-horizontal-align-right",
    "shortcuts": "mdi6.keyboard-outline",
    "quit": "mdi6.exit-to-app",
    "app": "mdi6.tag-text-outline",
    "document": "mdi6.file-document-outline",
    "import": "mdi6.file-import-outline",
    "export": "mdi6.file-export-outline",
    "backup": "mdi6.backup-restore",
    "history": "mdi6.history",
    "agreement": "mdi6.account-multiple-check-outline",
    "merge": "mdi6.source-merge",
    "curate": "mdi6.gavel",
    "suggest": "mdi6.lightbulb-on-outline",
    "train": "mdi6.school-outline",
    "statements": "mdi6.table-search",
    "charts": "mdi6.chart-bar",
    "network": "mdi6.graph-outline",
    "actor-page": "mdi6.card-account-details-outline",
    "accept": "mdi6.check-bold",
    "reject": "mdi6.close-thick",
    "assign": "mdi6.account-arrow-right-outline",
    "project-new": "mdi6.file-plus-outline",
    "project-open": "mdi6.folder-open-outline",
    "refresh": "mdi6.refresh",
    "about": "mdi6.information-outline",
    "status-new": "mdi6.circle-outline",
    "status-in_progress": "mdi6.progress-pencil",
    "status-done": "mdi6.check-circle-outline",
    "status-reviewed": "mdi6.check-decagram-outline",
}


def icon(name: str) -> QIcon:
    """The icon for a semantic ``name``; unknown layer names fall back to a generic label."""
    if name not in _ICONS and name.startswith("layer-"):
        name = "layer"
    return cached_icon(_ICONS[name])


def app_icon() -> QIcon:
    """The application's own icon (resources/annotator.svg and its PNG sizes)."""
    from annotator.desktop import ICON_SIZES, resource

    found = QIcon()
    svg = resource("annotator.svg")
    if svg is not None:
        found.addFile(str(svg))
    for size in ICON_SIZES:
        png = resource(f"annotator-{size}.png")
        if png is not None:
            found.addFile(str(png), QSize(size, size))
    return found if not found.isNull() else icon("app")
