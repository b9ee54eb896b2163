"""What the window does for the actor registry: edit, merge, delete and split, each asked for
from the Actors dock (or the Span panel) and confirmed where it changes much.

A failure is shown by the window's failure reporter; here it only stops the step.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox

from annotator.domain.errors import AnnotatorError
from annotator.gui.dialogs.actor_editor import ActorEditor
from annotator.gui.dialogs.actor_split import ActorSplitDialog
from annotator.gui.safe_text import message_box
from annotator.gui.workspace import Workspace


class ActorActions(QObject):
    def __init__(self, window: QMainWindow, workspace: Workspace) -> None:
        super().__init__(window)
        self._window, self._workspace = window, workspace

    def edit(self, actor_id: int | None) -> None:
        """Edit an actor, or make a new one (``None``)."""
        actors = self._workspace.actors
        existing = actors.get(actor_id) if actor_id else None
        dialog = ActorEditor(actors, existing, parent=self._window)
        if dialog.exec() != ActorEditor.DialogCode.Accepted:
            return
        with contextlib.suppress(AnnotatorError):
            if actor_id is None:
                self._workspace.create_actor(dialog.draft())
            else:
                self._workspace.update_actor(actor_id, dialog.draft())

    def merge(self, keep: int, drop: int) -> None:
        actors = self._workspace.actors
        if self._confirm(
            "Merge actors",
            f"Merge “{actors[drop].name}” into “{actors[keep].name}”? Its mentions, links and "
            "names move over. You can undo this.",
        ):
            with contextlib.suppress(AnnotatorError):
                self._workspace.merge_actors(keep, drop)

    def delete(self, actor_id: int) -> None:
        """Delete however used, once the user has seen what goes with it."""
        actor = self._workspace.actors[actor_id]
        uses = self._workspace.project.actors.usage(actor_id)
        parts = [
            f"{len(uses.mentions)} mentions keep their spans but name no actor",
            f"{len(uses.links)} links to it (speaker, claimant …) are removed",
            f"{len(uses.children)} actors that belong to it belong to none",
        ]
        text = f"Delete “{actor.name}”? " + "; ".join(parts) + ". You can undo this."
        if self._confirm("Delete actor", text):
            with contextlib.suppress(AnnotatorError):
                self._workspace.delete_actor(actor_id)

    def split(self, actor_id: int) -> None:
        """Move the mentions the user ticks to a new actor."""
        actor = self._workspace.actors[actor_id]
        mentions = self._workspace.project.actors.mentions_of(actor_id)
        dialog = ActorSplitDialog(actor, mentions, self._window)
        if dialog.exec() != ActorSplitDialog.DialogCode.Accepted:
            return
        with contextlib.suppress(AnnotatorError):
            self._workspace.split_actor(actor_id, dialog.chosen(), dialog.draft())

    def _confirm(self, title: str, text: str) -> bool:
        question = message_box(
            self._window, QMessageBox.Icon.Question, title, text,
            buttons=QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )  # fmt: skip
        return question.exec() == QMessageBox.StandardButton.Yes
