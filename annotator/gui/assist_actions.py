"""What the window does with suggestions: runs an engine in the background (progress, Cancel),
and accepts, rejects and steps through the suggestions of the open article by key.

A suggestion selected in the article: Y or Enter accepts it, N or Backspace (or Del) rejects
it, Shift+Y accepts every suggestion of its engine in the article, "." and "," go to the next
and previous one. After each verdict the next suggestion is selected, so a run is reviewed by
keys alone. A failure is shown by the window's failure reporter; here it only stops.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from annotator.domain.annotations import Annotation, Origin
from annotator.domain.errors import AnnotatorError, Cancelled
from annotator.domain.wording import counted
from annotator.gui.background import BackgroundJob, run_in_background
from annotator.jobs.progress import Progress
from annotator.jobs.suggest import (
    Occurrences,
    SuggestReport,
    annotate_occurrences,
    find_occurrences,
    suggest,
)
from annotator.jobs.train import Trained, train_layer

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow

VERDICTS = ("accept-suggestion", "reject-suggestion", "accept-engine")


class AssistActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.job: BackgroundJob | None = None

    def install(self) -> None:
        """Keys that act only in the article, and only on a selected suggestion."""
        actions = self._window.actions_by_name
        actions["accept-suggestion"].setShortcuts([QKeySequence("Y"), QKeySequence("Return"),
                                                   QKeySequence("Enter")])  # fmt: skip
        for name in (*VERDICTS, "next-suggestion", "previous-suggestion"):
            action = actions[name]
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self._window.view.addAction(action)
        self._window.annotating.selected_changed.connect(lambda _id: self.refresh())
        self._window.workspace.documentOpened.connect(lambda _d: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Verdict keys only while a suggestion is selected (so they never shadow a layer's
        key otherwise); stepping while the article has suggestions."""
        actions = self._window.actions_by_name
        writable = not self._window.workspace.project.db.read_only
        chosen = self.selected() is not None and writable
        for name in VERDICTS:
            actions[name].setEnabled(chosen)
        any_left = bool(self._window.workspace.suggestions())
        for name in ("next-suggestion", "previous-suggestion"):
            actions[name].setEnabled(any_left)

    def selected(self) -> Annotation | None:
        annotation = self._window.annotating.selected()
        return annotation if annotation and annotation.origin is Origin.SUGGESTED else None

    # -- verdicts --------------------------------------------------------------------------
    def accept(self) -> None:
        self._verdict(accept=True, chosen=self._one())

    def reject(self) -> None:
        self._verdict(accept=False, chosen=self._one())

    def accept_engine(self) -> None:
        """Every suggestion of the selected one's engine in this article."""
        current = self.selected()
        if current is None or current.suggestion is None:
            return
        engine = current.suggestion.engine
        chosen = [
            a for a in self._window.workspace.suggestions()
            if a.suggestion is not None and a.suggestion.engine == engine
        ]  # fmt: skip
        self._verdict(accept=True, chosen=chosen)

    def _one(self) -> list[Annotation]:
        current = self.selected()
        return [current] if current is not None else []

    def _verdict(self, *, accept: bool, chosen: Sequence[Annotation]) -> None:
        if not chosen:
            return
        workspace = self._window.workspace
        after = max(a.start for a in chosen)
        try:
            if accept:
                workspace.accept_suggestions(list(chosen))
            else:
                workspace.reject_suggestions(list(chosen))
        except AnnotatorError:
            return  # shown by the window's failure reporter
        verb = "Accepted" if accept else "Rejected"
        left = workspace.suggestions()
        following = next((a for a in left if a.start >= after), left[0] if left else None)
        if following is not None:
            self._window.annotating.select(following.id, reveal=True)
        elif accept and len(chosen) == 1:
            self._window.annotating.select(chosen[0].id)
        self.refresh()
        self._window.statusBar().showMessage(  # last, so nothing writes over it
            f"{verb} {counted(len(chosen), 'suggestion')}; {len(left)} left in this article", 6000
        )

    def step(self, direction: int) -> None:
        left = self._window.workspace.suggestions()
        if not left:
            return
        current = self._window.annotating.selected()
        where = (current.start, current.id) if current is not None else None
        keys = [(a.start, a.id) for a in left]
        if where is None:
            index = 0 if direction > 0 else len(left) - 1
        elif direction > 0:
            index = next((i for i, k in enumerate(keys) if k > where), 0)
        else:
            index = next((i for i in reversed(range(len(keys))) if keys[i] < where), len(keys) - 1)
        self._window.annotating.select(left[index].id, reveal=True)

    # -- runs ------------------------------------------------------------------------------
    def suggest(self, engine: str, *, listed: bool) -> BackgroundJob | None:
        """Run ``engine`` over the open article, or over every article in the list."""
        window = self._window
        workspace = window.workspace
        if listed:
            ids = window.documents.document_ids()
        elif workspace.document is not None:
            ids = [workspace.document.id]
        else:
            window.statusBar().showMessage("Open an article first.", 6000)
            return None
        project = workspace.project

        def job(progress: Progress) -> SuggestReport:
            return suggest(project, engine, ids, progress)

        self.job = run_in_background(window, f"Suggesting ({engine})", job, self._done)
        return self.job

    # -- every occurrence of a span's words --------------------------------------------------
    def annotate_all(self) -> BackgroundJob | None:
        """Find every other place the selected span's words stand (in the listed articles),
        then ask: suggestions, spans, or nothing."""
        window = self._window
        span = window.annotating.selected()
        if span is None or span.origin is Origin.SUGGESTED:
            window.statusBar().showMessage("Select a span first: its words are looked for.", 6000)
            return None
        project, ids = window.workspace.project, window.documents.document_ids()

        def job(progress: Progress) -> Occurrences:
            return find_occurrences(project, span, ids, progress)

        self.job = run_in_background(window, "Finding every occurrence", job, self._found)
        return self.job

    def _found(self, found: Occurrences | None, error: object) -> None:
        window = self._window
        if error is not None or found is None:
            if error is not None and not isinstance(error, Cancelled):
                with contextlib.suppress(AnnotatorError):
                    window.workspace.attempt(lambda: _raise(error))
            return
        if not found.count:
            window.statusBar().showMessage(
                f"“{found.wording}” stands nowhere else that is not annotated already.", 8000
            )
            return
        choice = self.ask_occurrences(found.wording, found.count, len(found.places))
        if choice is None:
            return
        workspace = window.workspace
        with contextlib.suppress(AnnotatorError):  # shown by the window's failure reporter
            workspace.attempt(lambda: annotate_occurrences(
                workspace.project, found, accept=choice == "spans"))  # fmt: skip
            workspace.catch_up()
            what = "spans" if choice == "spans" else "suggestions"
            window.statusBar().showMessage(
                f"{found.count} {what} added for “{found.wording}” in "
                f"{counted(len(found.places), 'article')}", 10000,
            )  # fmt: skip
        self.refresh()

    def ask_occurrences(self, wording: str, places: int, articles: int) -> str | None:
        """ "suggestions", "spans" or None (the preview count, asked before anything is
        written; tests replace this)."""
        box = QMessageBox(self._window)
        box.setWindowTitle("Annotate all occurrences")
        box.setText(f"“{wording}” stands in {counted(places, 'more place')} in "
                    f"{counted(articles, 'article')} that are not annotated yet.")  # fmt: skip
        box.setInformativeText("Add them as suggestions to review, or as your spans at once?")
        suggestions = box.addButton("Add as suggestions", QMessageBox.ButtonRole.AcceptRole)
        spans = box.addButton("Annotate them all", QMessageBox.ButtonRole.YesRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(suggestions)
        box.exec()
        clicked = box.clickedButton()
        if clicked is suggestions:
            return "suggestions"
        return "spans" if clicked is spans else None

    def train(self) -> BackgroundJob:
        """Learn a model of actor mentions from the project (spaCy, in the background)."""
        project = self._window.workspace.project

        def job(progress: Progress) -> tuple[Trained, Path]:
            return train_layer(project, "actor", progress=progress)

        self.job = run_in_background(self._window, "Training a model", job, self._trained)
        return self.job

    def _trained(self, result: tuple[Trained, Path] | None, error: object) -> None:
        window = self._window
        if isinstance(error, Cancelled):
            window.statusBar().showMessage("Training cancelled; no model was kept.", 8000)
            return
        if error is not None:
            with contextlib.suppress(AnnotatorError):
                window.workspace.attempt(lambda: _raise(error))
            return
        assert result is not None
        trained, _where = result
        window.statusBar().showMessage(
            f"Model trained on {counted(trained.documents, 'article')}: held-out F1 "
            f"{trained.f1:.2f} (precision {trained.precision:.2f}, recall "
            f"{trained.recall:.2f}) · Ctrl+Shift+4 suggests from it",
            20000,
        )

    def _done(self, report: SuggestReport | None, error: object) -> None:
        window = self._window
        if isinstance(error, Cancelled):
            window.statusBar().showMessage("Suggesting cancelled; nothing was added.", 8000)
            return
        if error is not None:
            with contextlib.suppress(AnnotatorError):
                window.workspace.attempt(lambda: _raise(error))
            return
        assert report is not None
        window.workspace.catch_up()
        left = window.workspace.suggestions()
        message = (
            f"{counted(report.added, 'suggestion')} in {counted(report.documents, 'article')}"
            f" ({report.rejected} rejected before, not offered again)"
        )
        if report.ambiguous:
            message += f"; {report.ambiguous} wordings name several actors"
        if left:
            message += " · Y or Enter accepts, N rejects, “.” goes to the next"
            window.annotating.select(left[0].id, reveal=True)
        window.statusBar().showMessage(message, 15000)
        self.refresh()


def _raise(error: object) -> None:
    if isinstance(error, BaseException):
        raise error
    raise RuntimeError(str(error))
