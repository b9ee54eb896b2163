"""A Qt-free progress reporter with cooperative cancellation."""

from __future__ import annotations

import threading
from collections.abc import Callable

from annotator.domain.errors import Cancelled

#: Called with (done, total, message); total is 0 when unknown.
ProgressCallback = Callable[[int, int, str], None]


class Progress:
    """Counts work done towards a total and tells a listener; :meth:`check` raises if cancelled.

    A job calls :meth:`check` between units of work; another thread may call :meth:`cancel`.
    """

    def __init__(self, callback: ProgressCallback | None = None) -> None:
        self._callback = callback
        self._cancel = threading.Event()
        self.done = 0
        self.total = 0

    def start(self, total: int, message: str = "") -> None:
        self.total, self.done = total, 0
        self._emit(message)

    def advance(self, amount: int, message: str = "") -> None:
        self.done += amount
        self._emit(message)

    def note(self, message: str) -> None:
        """Tell the listener what is happening without moving the bar."""
        self._emit(message)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled("cancelled by the user")

    def _emit(self, message: str) -> None:
        if self._callback is not None:
            self._callback(self.done, self.total, message)
