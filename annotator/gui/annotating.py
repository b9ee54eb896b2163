"""What the annotation keys do: tag a selection, pick its actor, reshape or remove a span."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from annotator.domain.actor_match import bare_name, display_name, likely_duplicates
from annotator.domain.actors import Actor, ActorDraft
from annotator.domain.annotations import (
    Annotation,
    AnnotationDraft,
    LinkDraft,
    as_draft,
    span_warnings,
)
from annotator.domain.errors import AnnotatorError
from annotator.domain.nearby import actors_by_proximity
from annotator.domain.quotes import KINDS as QUOTE_KINDS
from annotator.domain.quotes import quote_kind
from annotator.domain.scheme import AttributeKind, Layer
from annotator.domain.words import step_word
from annotator.gui.article.view import ArticleView
from annotator.gui.colors import SpanMaker
from annotator.gui.dialogs.actor_picker import ActorPicker, PickedActor
from annotator.gui.docks.details import DetailsDock
from annotator.gui.safe_text import esc, message_box
from annotator.gui.workspace import Workspace

#: (prefilled text, nearby actor ids, where to show it, what is asked) -> the choice or None
PickActor = Callable[[str, list[int], QPoint, str], PickedActor | None]


class Annotating(QObject):
    """Connects the article view, the details dock and the workspace."""

    message = Signal(str)
    selected_changed = Signal(object)  # the selected span's id, or None

    def __init__(
        self, workspace: Workspace, view: ArticleView, details: DetailsDock, window: QWidget
    ) -> None:
        super().__init__(window)
        self._workspace = workspace
        self._view = view
        self._details = details
        self._window = window
        self._shown: int | None = None  # the document the view shows
        self.pick_actor: PickActor = self._ask_actor
        self.confirm_new_actor: Callable[[str, list[Actor]], int | None] = self._confirm_new_actor
        view.make_span = SpanMaker(workspace.scheme)
        view.spanClicked.connect(self.select)
        view.emptyClicked.connect(lambda: self.select(None))
        view.tooltip_for = self.tooltip
        workspace.documentOpened.connect(self._on_opened)
        workspace.annotationAdded.connect(self._on_added)
        workspace.annotationChanged.connect(self._on_changed)
        workspace.annotationRemoved.connect(self._on_removed)
        workspace.actorsChanged.connect(self._on_actors)
        workspace.schemeChanged.connect(self._on_scheme)
        details.newActorRequested.connect(self._new_actor_for)

    # -- creating --------------------------------------------------------------------------
    def tag(self, layer_name: str) -> Annotation | None:
        """Tag the selected text on ``layer_name`` (the layer's hotkey).

        A mention first asks for its actor (Esc cancels the span); a quote or claim asks for
        its speaker or claimant (Esc leaves it open). New actors and the span are one undo step.
        """
        if self._workspace.document is None:
            return None
        layer = self._workspace.scheme.layer(layer_name)
        # without a selection, a mention is the name at the caret; a quote or claim needs one
        chosen = (
            self._view.selection_or_name() if layer.refers_to_actor else self._view.text_selection()
        )
        if chosen is None:
            self.message.emit("Select some text first, then press the layer's key.")
            return None
        start, end = chosen
        draft = self._new_draft(layer, start, end)
        picked = self._pick_for(layer, start, end)
        if picked is None:  # Esc in a picker: nothing is created, not even the span
            return None
        # every question is asked before the step's transaction opens: none is held open
        # while a dialog waits for the user
        wording = self._view.text[start:end]
        mention = self._decide_actor(picked[0], wording) if picked[0] is not None else None
        linked = self._decide_actor(picked[1]) if picked[1] is not None else None
        creates = any(isinstance(d, ActorDraft) for d in (mention, linked))
        label = f"Add {layer.title.lower()} with new actor" if creates else None
        try:
            with self._workspace.step(label) if label else contextlib.nullcontext():
                if mention is not None:
                    draft = replace(draft, actor_id=self._made(mention))
                if linked is not None and layer.actor_attributes:
                    link_type = layer.actor_attributes[0].name
                    draft = replace(draft, links=(LinkDraft(link_type, self._made(linked)),))
                created = self._workspace.add_annotation(draft)
        except AnnotatorError as exc:
            self.message.emit(str(exc))
            return None
        self._after_tagging(layer, created)
        return created

    def _new_draft(self, layer: Layer, start: int, end: int) -> AnnotationDraft:
        """A new span with the layer's defaults; a quote's kind read from its marks."""
        defaults = {
            spec.name: spec.default
            for spec in layer.attributes
            if spec.default is not None and spec.kind is not AttributeKind.ACTOR
        }
        if _has_quote_kinds(layer):
            defaults["kind"] = quote_kind(self._view.text[start:end])
        return AnnotationDraft(layer.name, start, end, attributes=defaults)

    def _pick_for(
        self, layer: Layer, start: int, end: int
    ) -> tuple[PickedActor | None, PickedActor | None] | None:
        """The mention's actor and the speaker or claimant, as picked (None: left open), or
        None when the user pressed Esc."""
        nearby = self._nearby(start, end)
        where = self._cursor_point()
        mention: PickedActor | None = None
        if layer.refers_to_actor:
            mention = self.pick_actor(self._view.text[start:end], nearby, where, "Actor")
            if mention is None:
                return None
        linked: PickedActor | None = None
        if layer.actor_attributes:
            prompt = layer.actor_attributes[0].name.capitalize()
            linked = self.pick_actor("", nearby, where, prompt)
            if linked is None:
                return None
        return (
            None if mention is None or mention.is_none else mention,
            None if linked is None or linked.is_none else linked,
        )

    def _after_tagging(self, layer: Layer, created: Annotation) -> None:
        self._view.clear_text_selection()
        self.select(created.id)
        if not layer.refers_to_actor:  # a quote or claim: its kind and cue are next
            self._details.focus_first_field()
        for warning in span_warnings(created.text):
            self.message.emit(f"Note: {warning}. Undo (Ctrl+Z) if that was not meant.")

    def _decide_actor(self, picked: PickedActor, wording: str = "") -> int | ActorDraft:
        """The picked actor's id, or the draft of a new one. A new actor keeps the selected
        wording as an alias when its name differs ("Haniyeh" for "Ismail Haniyeh"); one that
        looks like an actor already there is made only if the user says so (asked here)."""
        if picked.actor_id is not None:
            return picked.actor_id
        similar = likely_duplicates(self._workspace.actors.values(), picked.name)
        if similar:
            existing = self.confirm_new_actor(picked.name, similar)
            if existing is not None:
                return existing
        alias = display_name(wording)
        aliases = (alias,) if alias and bare_name(alias) != bare_name(picked.name) else ()
        return ActorDraft(picked.name, picked.kind, aliases)

    def _made(self, decided: int | ActorDraft) -> int:
        """The decided actor's id, creating it if it is new."""
        if isinstance(decided, int):
            return decided
        return self._workspace.create_actor(decided).id

    def _confirm_new_actor(self, name: str, similar: list[Actor]) -> int | None:
        """Ask before creating a likely duplicate; the actor to use instead, or None."""
        first = similar[0]
        box = message_box(
            self._window, QMessageBox.Icon.Question, "Actor exists?",
            f"“{name}” looks like “{first.name}” ({first.kind.value}), who is in the project "
            "already. Link to that actor, or create a new one?",
            buttons=QMessageBox.StandardButton.NoButton,
        )  # fmt: skip
        use = box.addButton(f"Use “{first.name}”", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(f"Create “{name}”", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(use)
        box.setEscapeButton(use)
        box.exec()
        return first.id if box.clickedButton() is use else None

    def change_layer(self, layer_name: str) -> None:
        """Shift+hotkey: turn the selected span into a span of ``layer_name``."""
        annotation = self.selected()
        if annotation is None:
            self.message.emit("Click a span first, then press Shift and the layer's key.")
            return
        self._details.show_annotation(annotation)
        self._details.change_layer(layer_name)

    # -- changing --------------------------------------------------------------------------
    def delete_selected(self) -> None:
        annotation = self.selected()
        if annotation is not None:
            with contextlib.suppress(AnnotatorError):  # reported by the workspace
                self._workspace.delete_annotation(annotation.id)

    def span_to_selection(self) -> None:
        annotation = self.selected()
        chosen = self._view.text_selection()
        if annotation is None or chosen is None:
            self.message.emit("Select a span, then select the text it should cover.")
            return
        self._reshape(annotation, *chosen)
        self._view.clear_text_selection()

    def move_boundary(self, which: str, forward: bool) -> None:
        """Move the start or end of the selected text, or else of the selected span, by a word
        (a character without snapping): either end of a selection can be moved, as in
        INCEpTION, before the span is tagged."""
        chosen = self._view.text_selection()
        annotation = self.selected()
        if chosen is not None:
            start, end = chosen
        elif annotation is not None:
            start, end = annotation.start, annotation.end
        else:
            return
        text = self._view.text
        if which == "start":
            if self._view.snap_to_words:
                start = step_word(text, start, forward, to_end=False)
            else:
                start += 1 if forward else -1
        elif self._view.snap_to_words:
            end = step_word(text, end, forward, to_end=True)
        else:
            end += 1 if forward else -1
        if not 0 <= start < end <= len(text):
            return
        if chosen is not None:
            self._view.select_text(start, end)
        elif annotation is not None:
            self._reshape(annotation, start, end)

    def _reshape(self, annotation: Annotation, start: int, end: int) -> None:
        try:
            self._workspace.update_annotation(
                annotation.id, replace(as_draft(annotation), start=start, end=end)
            )
        except AnnotatorError as exc:
            self.message.emit(str(exc))

    # -- selection and navigation ----------------------------------------------------------
    def selected(self) -> Annotation | None:
        span_id = self._view.selected_span
        return self._workspace.annotations.get(span_id) if span_id is not None else None

    def select(self, annotation_id: int | None, *, reveal: bool = False) -> None:
        self._view.select_span(annotation_id, reveal=reveal)
        self.selected_changed.emit(annotation_id)
        annotation = (
            self._workspace.annotations.get(annotation_id) if annotation_id is not None else None
        )
        self._details.show_annotation(annotation)

    def step(self, direction: int) -> None:
        ordered = self._workspace.sorted_annotations()
        if not ordered:
            return
        ids = [a.id for a in ordered]
        current = self._view.selected_span
        if current in ids:
            position = (ids.index(current) + direction) % len(ids)
        else:
            position = 0 if direction > 0 else len(ids) - 1
        self.select(ids[position], reveal=True)

    def tooltip(self, span_id: int) -> str:
        annotation = self._workspace.annotations.get(span_id)
        if annotation is None:
            return ""
        actors = self._workspace.actors
        layer = self._workspace.scheme.layer(annotation.layer)
        lines = [f"<b>{esc(layer.title)}</b>"]
        if annotation.actor_id is not None and annotation.actor_id in actors:
            lines.append(f"Actor: {esc(actors[annotation.actor_id].name)}")
        for link in annotation.links:
            if link.actor_id is not None and link.actor_id in actors:
                lines.append(f"{esc(link.type.capitalize())}: {esc(actors[link.actor_id].name)}")
        for name, value in annotation.attributes.items():
            lines.append(f"{esc(name.capitalize())}: {esc(value)}")
        return "<br>".join(lines)

    # -- internals -------------------------------------------------------------------------
    def _nearby(self, start: int, end: int) -> list[int]:
        return actors_by_proximity(
            self._workspace.annotations.values(), start, end, self._view.text
        )

    def _cursor_point(self) -> QPoint:
        """Where the picker goes: below the end of the selection if that is in view, else its
        start, else the middle of the view (Ctrl+A on a long article)."""
        view = self._view
        area = view.viewport().rect()
        cursor = view.textCursor()
        start = QTextCursor(cursor)
        start.setPosition(cursor.selectionStart())
        for rect in (view.cursorRect(cursor), view.cursorRect(start)):
            if area.intersects(rect):
                return view.viewport().mapToGlobal(rect.bottomLeft())
        return view.viewport().mapToGlobal(area.center())

    def _ask_actor(
        self, text: str, nearby: list[int], where: QPoint, prompt: str
    ) -> PickedActor | None:
        picker = ActorPicker(
            self._workspace.actors, text, nearby, self._window, prompt=prompt,
            allow_none=prompt != "Actor" or not text,
            linked=self._workspace.linked_before(text) if text else None,
        )  # fmt: skip
        picker.anchor = where
        if picker.exec() != QDialog.DialogCode.Accepted:
            return None
        return picker.picked

    def _new_actor_for(self, annotation_id: int, attribute: str) -> None:
        annotation = self._workspace.annotations.get(annotation_id)
        if annotation is None:
            return
        picked = self.pick_actor(
            "" if attribute else annotation.text,
            self._nearby(annotation.start, annotation.end),
            self._cursor_point(),
            attribute.capitalize() if attribute else "Actor",
        )
        if picked is None:
            return
        decided = self._decide_actor(picked)
        try:
            with self._workspace.step("Link actor"):
                actor_id = self._made(decided)
                self._details.show_annotation(self._workspace.annotations[annotation_id])
                self._details.set_actor(attribute, actor_id)
        except AnnotatorError as exc:
            self.message.emit(str(exc))

    def _on_opened(self, document: object) -> None:
        if self._workspace.document is None:
            self._shown = None
            self._view.set_document("", [])
            return
        again = self._shown == self._workspace.document.id  # reloaded: a merge, an undo …
        self._shown = self._workspace.document.id
        bar = self._view.verticalScrollBar()
        position, selected = bar.value(), self._view.selected_span
        self._view.set_document(
            self._workspace.document.text, list(self._workspace.annotations.values())
        )
        if again:  # stay where the reader was, with the same span selected
            bar.setValue(position)
            self._view.select_span(selected, reveal=False)

    def _is_open(self, document_id: int) -> bool:
        return self._workspace.document is not None and self._workspace.document.id == document_id

    def _on_added(self, annotation: Annotation) -> None:
        if self._is_open(annotation.document_id):
            self._view.add_span(annotation)

    def _on_changed(self, annotation: Annotation) -> None:
        if self._is_open(annotation.document_id):
            selected = self._view.selected_span
            self._view.remove_span(annotation.id)
            self._view.add_span(annotation)
            if selected == annotation.id:
                self._view.select_span(annotation.id, reveal=False)

    def _on_removed(self, annotation_id: int, document_id: int) -> None:
        if self._is_open(document_id):
            self._view.remove_span(annotation_id)

    def _on_scheme(self) -> None:
        self._view.make_span = SpanMaker(self._workspace.scheme)
        self._view.restyle()

    def _on_actors(self) -> None:
        self._view.restyle()


def _has_quote_kinds(layer: Layer) -> bool:
    """A layer whose ``kind`` attribute chooses among direct, indirect and mixed."""
    try:
        spec = layer.attribute("kind")
    except AnnotatorError:
        return False
    return set(spec.choices) >= QUOTE_KINDS
