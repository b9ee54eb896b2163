"""The OK / Cancel row of the workbench's dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox


def ok_cancel(
    accept: Callable[[], object], reject: Callable[[], object], ok_text: str | None = None
) -> QDialogButtonBox:
    """OK and Cancel wired to ``accept`` and ``reject``; OK reads ``ok_text`` when given
    (a verb such as "Import" says what it does)."""
    ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
    buttons = QDialogButtonBox(ok | cancel)
    if ok_text is not None:
        buttons.button(ok).setText(ok_text)
    buttons.accepted.connect(accept)
    buttons.rejected.connect(reject)
    return buttons
