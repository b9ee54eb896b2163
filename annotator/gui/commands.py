"""Undoable edits. The first ``redo`` happens before the push (so errors surface at once);
the stack replays ``undo``/``redo`` afterwards through the Workspace's low-level steps.

Every step goes through :meth:`Workspace.attempt`, which reports a failure to the user. A step
that failed changed nothing; the command is then made obsolete, so the stack drops it rather
than pretending it was undone or redone."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from annotator.domain.actors import Actor, actor_draft
from annotator.domain.annotations import Annotation
from annotator.domain.documents import DocumentStatus
from annotator.domain.scheme import Scheme
from annotator.store.actors import ActorDeletion, ActorMerge, ActorSplit

if TYPE_CHECKING:
    from annotator.gui.workspace import Workspace


class _Done(QUndoCommand):
    """A command whose first redo already happened when it was pushed."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._step(self.replay)

    def undo(self) -> None:
        self._step(self.revert)

    def _step(self, step: Callable[[], None]) -> None:
        try:
            step()
        except Exception:  # reported by Workspace.attempt; Qt must not see it
            self.setObsolete(True)

    def replay(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class CreateAnnotation(_Done):
    def __init__(self, workspace: Workspace, annotation: Annotation) -> None:
        super().__init__(f"Add {annotation.layer} “{_short(annotation.text)}”")
        self._workspace, self._annotation = workspace, annotation

    def revert(self) -> None:
        self._workspace.apply_delete(self._annotation.id)

    def replay(self) -> None:
        self._workspace.apply_create(self._annotation)


class DeleteAnnotation(_Done):
    def __init__(self, workspace: Workspace, annotation: Annotation) -> None:
        super().__init__(f"Delete {annotation.layer} “{_short(annotation.text)}”")
        self._workspace, self._annotation = workspace, annotation

    def revert(self) -> None:
        self._workspace.apply_create(self._annotation)

    def replay(self) -> None:
        self._workspace.apply_delete(self._annotation.id)


_MERGING_EDIT = 1  # QUndoCommand.id() of edits that merge (typing saved as it goes)


class UpdateAnnotation(_Done):
    """One edit of a span. Edits sharing a ``merge_key`` (the saves of one visit to a text
    field while the user types) become one undo step."""

    def __init__(
        self,
        workspace: Workspace,
        before: Annotation,
        after: Annotation,
        merge_key: str | None = None,
    ) -> None:
        super().__init__(f"Edit {after.layer} “{_short(after.text)}”")
        self._workspace, self._before, self._after = workspace, before, after
        self.merge_key = merge_key

    def id(self) -> int:
        return _MERGING_EDIT if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UpdateAnnotation) or other.merge_key != self.merge_key:
            return False
        self._after = other._after
        return True

    def revert(self) -> None:
        self._workspace.apply_update(self._before)

    def replay(self) -> None:
        self._workspace.apply_update(self._after)


class CreateActor(_Done):
    def __init__(self, workspace: Workspace, actor: Actor) -> None:
        super().__init__(f"New actor {actor.name}")
        self._workspace, self._actor = workspace, actor

    def revert(self) -> None:
        project = self._workspace.project
        self._workspace.attempt(lambda: project.actors.delete(self._actor.id))
        self._workspace.reload_actors()

    def replay(self) -> None:
        project = self._workspace.project
        self._workspace.attempt(lambda: project.actors.restore(self._actor))
        self._workspace.reload_actors()


class UpdateActor(_Done):
    def __init__(self, workspace: Workspace, before: Actor, after: Actor) -> None:
        super().__init__(f"Edit actor {after.name}")
        self._workspace, self._before, self._after = workspace, before, after

    def revert(self) -> None:
        self._workspace.apply_actor(self._before)

    def replay(self) -> None:
        self._workspace.apply_actor(self._after)


class MergeActors(_Done):
    def __init__(self, workspace: Workspace, merge: ActorMerge) -> None:
        super().__init__(f"Merge {merge.drop.name} into {merge.keep.name}")
        self._workspace, self._merge = workspace, merge

    def revert(self) -> None:
        project = self._workspace.project
        self._workspace.attempt(lambda: project.actors.unmerge(self._merge))
        self._workspace.after_actor_rewrite()

    def replay(self) -> None:
        project, keep, drop = self._workspace.project, self._merge.keep.id, self._merge.drop.id
        self._merge = self._workspace.attempt(lambda: project.actors.merge(keep, drop))
        self._workspace.after_actor_rewrite()


class DeleteActor(_Done):
    def __init__(self, workspace: Workspace, deletion: ActorDeletion) -> None:
        super().__init__(f"Delete actor {deletion.actor.name}")
        self._workspace, self._deletion = workspace, deletion

    def revert(self) -> None:
        project = self._workspace.project
        self._workspace.attempt(lambda: project.actors.unremove(self._deletion))
        self._workspace.after_actor_rewrite()

    def replay(self) -> None:
        project, actor_id = self._workspace.project, self._deletion.actor.id
        self._deletion = self._workspace.attempt(lambda: project.actors.remove(actor_id))
        self._workspace.after_actor_rewrite()


class SplitActor(_Done):
    def __init__(self, workspace: Workspace, split: ActorSplit) -> None:
        super().__init__(f"Split {split.made.name} from {split.source.name}")
        self._workspace, self._split = workspace, split

    def revert(self) -> None:
        project = self._workspace.project
        self._workspace.attempt(lambda: project.actors.unsplit(self._split))
        self._workspace.after_actor_rewrite()

    def replay(self) -> None:
        project, split = self._workspace.project, self._split
        self._split = self._workspace.attempt(
            lambda: project.actors.split(
                split.source.id, list(split.mentions), actor_draft(split.made)
            )
        )
        self._workspace.after_actor_rewrite()


class ChangeScheme(_Done):
    def __init__(self, workspace: Workspace, before: Scheme, after: Scheme) -> None:
        super().__init__("Edit scheme")
        self._workspace, self._before, self._after = workspace, before, after

    def revert(self) -> None:
        project = self._workspace.project
        self._workspace.attempt(lambda: project.scheme.install(self._before))
        self._workspace.apply_scheme()

    def replay(self) -> None:
        project = self._workspace.project
        self._workspace.attempt(lambda: project.scheme.install(self._after))
        self._workspace.apply_scheme()


class SetStatus(_Done):
    def __init__(
        self,
        workspace: Workspace,
        document_id: int,
        before: DocumentStatus,
        after: DocumentStatus,
    ) -> None:
        super().__init__(f"Mark document {after.value.replace('_', ' ')}")
        self._workspace, self._id, self._before, self._after = workspace, document_id, before, after

    def revert(self) -> None:
        project = self._workspace.project
        self._workspace.attempt(lambda: project.documents.set_status(self._id, self._before))
        self._workspace.apply_status(self._id, self._before)

    def replay(self) -> None:
        project = self._workspace.project
        self._workspace.attempt(lambda: project.documents.set_status(self._id, self._after))
        self._workspace.apply_status(self._id, self._after)


def _short(text: str, width: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
