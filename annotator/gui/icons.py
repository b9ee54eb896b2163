"""Semantic icon names mapped to qtawesome icons, so widgets never spell icon ids."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtGui import QIcon

_ICONS: dict[str, str] = {
    "app": "mdi6.tag-text-outline",
    "document": "mdi6.file-document-outline",
    "import": "mdi6.file-import-outline",
    "refresh": "mdi6.refresh",
    "about": "mdi6.information-outline",
    "status-new": "mdi6.circle-outline",
    "status-in_progress": "mdi6.progress-pencil",
    "status-done": "mdi6.check-circle-outline",
    "status-reviewed": "mdi6.check-decagram-outline",
}


def icon(name: str) -> QIcon:
    return qta.icon(_ICONS[name])
