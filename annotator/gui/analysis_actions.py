"""What the window does for analysis: the statement browser, actor pages, charts and
networks."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from annotator.domain.errors import AnnotatorError
from annotator.gui.dialogs.actor_page import ActorPage
from annotator.gui.dialogs.chart_window import ChartWindow
from annotator.gui.dialogs.network_window import NetworkWindow
from annotator.gui.dialogs.statement_browser import StatementBrowser

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow


class AnalysisActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.browser: StatementBrowser | None = None  # one, kept while the window lives
        self.charts: ChartWindow | None = None
        self.network: NetworkWindow | None = None

    def show_statements(self) -> StatementBrowser:
        if self.browser is None:
            self.browser = StatementBrowser(self._window)
            self.browser.placeRequested.connect(self._window.show_place)
        with contextlib.suppress(AnnotatorError):  # shown by the window's failure reporter
            workspace = self._window.workspace
            self.browser.load(
                workspace.attempt(workspace.analysis.statements),
                workspace.analysis.statement_layers(),
            )
        self.browser.show()
        self.browser.raise_()
        self.browser.activateWindow()  # the keyboard goes to it, with or without a window manager
        return self.browser

    def show_actor(self, actor_id: int | None = None) -> ActorPage | None:
        """The page of ``actor_id``; or of the actor (or speaker, claimant) of the selected
        span, else of the span at the caret; else of the actor chosen in the Actors list."""
        window = self._window
        if actor_id is None:
            actor_id = self._chosen_actor()
        if actor_id is None:
            window.statusBar().showMessage(
                "Put the caret in a mention, quote or claim, or choose an actor in the Actors "
                "list: its page opens.", 6000,
            )  # fmt: skip
            return None
        try:
            profile = window.workspace.attempt(
                lambda: window.workspace.analysis.actor_profile(actor_id)
            )
        except AnnotatorError:
            return None  # shown by the window's failure reporter
        page = ActorPage(window, profile)
        page.placeRequested.connect(window.show_place)
        page.show()
        page.raise_()
        page.activateWindow()  # the keyboard goes to it, with or without a window manager
        return page

    def _chosen_actor(self) -> int | None:
        window = self._window
        selected = window.annotating.selected()
        spans = [selected] if selected is not None else [
            window.workspace.annotations[i] for i in window.view.spans_at(window.view.caret())
            if i in window.workspace.annotations
        ]  # fmt: skip
        for span in spans:
            linked = [link.actor_id for link in span.links if link.actor_id is not None]
            if span.actor_id or linked:
                return span.actor_id or linked[0]
        listed = window.actors.selected_ids()
        return listed[0] if listed else None

    def show_charts(self) -> ChartWindow:
        if self.charts is None:
            self.charts = ChartWindow(self._window)
            self.charts.placeRequested.connect(self._window.show_place)
        with contextlib.suppress(AnnotatorError):  # shown by the window's failure reporter
            self._window.workspace.attempt(self.charts.refresh)
        self.charts.show()
        self.charts.raise_()
        self.charts.activateWindow()  # the keyboard goes to it, with or without a window manager
        return self.charts

    def show_network(self) -> NetworkWindow:
        if self.network is None:
            self.network = NetworkWindow(self._window)
            self.network.placeRequested.connect(self._window.show_place)
        self.network.refresh()
        self.network.show()
        self.network.raise_()
        self.network.activateWindow()  # the keyboard goes to it, with or without a window manager
        return self.network
