"""The selected span: its text, layer, actor and every attribute the scheme gives its layer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.annotations import Annotation, AnnotationDraft
from annotator.domain.errors import AnnotatorError
from annotator.domain.nearby import actors_by_proximity
from annotator.domain.scheme import AttributeKind
from annotator.domain.span_edits import moved_to_layer, with_actor, with_value
from annotator.gui.docks.actor_combo import NEW_ACTOR, ActorCombo
from annotator.gui.docks.attribute_widgets import attribute_widget
from annotator.gui.docks.field_keys import FieldKeys
from annotator.gui.icons import icon
from annotator.gui.safe_text import esc, plain_label
from annotator.gui.wheel_guard import WheelGuard, guard_values
from annotator.gui.workspace import Workspace

EMPTY = (
    "<p><b>No span selected.</b></p><p>Select text in the article and press a layer's key "
    "(<b>A</b> actor, <b>Q</b> quote, <b>C</b> claim), or click a span to edit it here.</p>"
)


class DetailsDock(QDockWidget):
    """Edits go straight to the store, one undoable step each."""

    newActorRequested = Signal(int, str)  # annotation id, attribute ("" for the mention's actor)
    editActorRequested = Signal(int)  # actor id
    failed = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__("Span", parent)
        self.setObjectName("details-dock")
        self._workspace = workspace
        self._annotation: Annotation | None = None
        self.actor_combos: dict[str, ActorCombo] = {}
        self.fields: dict[str, QWidget] = {}
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(self._scroll)
        self._layout = QVBoxLayout()
        self._wheel_guard = WheelGuard(self)
        self.keys = FieldKeys(self)  # digits choose, Enter saves and goes back to the article
        self._typing = False  # saving what is being typed: the field stays as it is
        self._visits = 0
        workspace.annotationChanged.connect(self._on_changed)
        workspace.annotationRemoved.connect(self._on_removed)
        workspace.actorsChanged.connect(self._rebuild)
        workspace.documentOpened.connect(lambda _d: self.show_annotation(None))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._reveal)
        self.show_annotation(None)

    def _reveal(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A field reached by Tab below the panel's fold scrolls into view."""
        page = self._scroll.widget()
        if new is not None and page is not None and page.isAncestorOf(new):
            # once the page is laid out (a rebuilt page has no geometry yet)
            QTimer.singleShot(0, lambda: self._ensure_visible(new))

    def _ensure_visible(self, widget: QWidget) -> None:
        page = self._scroll.widget()
        try:
            if page is not None and page.isAncestorOf(widget):
                layout = page.layout()
                if layout is not None:
                    layout.activate()  # the field's place, even on a page not laid out yet
                self._scroll.ensureWidgetVisible(widget)
        except RuntimeError:  # the field went with a rebuilt page meanwhile
            return

    @property
    def annotation(self) -> Annotation | None:
        return self._annotation

    def show_annotation(self, annotation: Annotation | None) -> None:
        self._annotation = annotation
        self._rebuild()

    # -- building --------------------------------------------------------------------------
    def _rebuild(self) -> None:
        # A fresh page each time; the old one may still be inside one of its own slots.
        focused = self._focused_field()  # the keyboard stays in that field on the new page
        old = self._scroll.widget()
        if old is not None:
            # its fields must not save any more, before it goes: a field losing focus as it is
            # taken away would write its stale text over what is shown now (a refused edit)
            for widget in old.findChildren(QWidget):
                widget.blockSignals(True)
            self._scroll.takeWidget()
            old.hide()
            old.deleteLater()
        page = QWidget()
        self._layout = QVBoxLayout(page)
        self.actor_combos, self.fields = {}, {}
        self._fill()
        guard_values(page, self._wheel_guard)
        self.keys.watch(page)
        self._scroll.setWidget(page)  # after filling, so every child shows at once
        again = self._widgets().get(focused) if focused is not None else None
        if again is not None:
            again.setFocus(Qt.FocusReason.OtherFocusReason)

    def _widgets(self) -> dict[str, QWidget]:
        """Every value field by name: the layer, attributes and actor links."""
        return {**self.fields, **{f"actor:{k}": w for k, w in self.actor_combos.items()}}

    def _focused_field(self) -> str | None:
        """The name of the field the keyboard is in, if it is in this panel."""
        widget = QApplication.focusWidget()
        if widget is None:
            return None
        for name, field in self._widgets().items():
            if field is widget or field.isAncestorOf(widget):
                return name
        return None

    def _fill(self) -> None:
        annotation = self._annotation
        if annotation is None:
            label = QLabel(EMPTY)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            self._layout.addWidget(label)
            self._layout.addStretch(1)
            return
        layer = self._workspace.scheme.layer(annotation.layer)
        quote = plain_label(f"“{annotation.text}”")
        quote.setWordWrap(True)
        quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = quote.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        quote.setFont(font)
        self._layout.addWidget(quote)
        where = QLabel(
            f"<small>{annotation.start}–{annotation.end} · {esc(annotation.annotator)} · "
            f"{annotation.origin.value}</small>"
        )
        self._layout.addWidget(where)
        if annotation.suggestion is not None:
            why = plain_label(f"Suggested by {annotation.suggestion.describe()}")
            why.setObjectName("suggestion-why")
            why.setWordWrap(True)
            why.setToolTip(
                "Y or Enter accepts it as your span · N or Backspace rejects it (not offered "
                "again) · Shift+Y accepts all of this engine here"
            )
            self._layout.addWidget(why)
        form = QFormLayout()
        layers = QComboBox()
        layers.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        layers.setMinimumContentsLength(8)
        for other in self._workspace.scheme.layers:
            layers.addItem(icon(f"layer-{other.name}"), other.title, other.name)
        layers.setCurrentIndex(layers.findData(layer.name))
        layers.activated.connect(lambda i: self.change_layer(str(layers.itemData(i))))
        form.addRow("Layer", layers)
        self.fields["layer"] = layers
        nearby = actors_by_proximity(
            (a for a in self._workspace.annotations.values() if a.actor_id is not None),
            annotation.start,
            annotation.end,
            self._workspace.document.text if self._workspace.document else "",
        )
        if layer.refers_to_actor:
            combo = ActorCombo()
            combo.populate(self._workspace.actors, nearby, annotation.actor_id)
            combo.actorChosen.connect(lambda value: self._set_actor("", value))
            form.addRow("Actor", self._with_edit(combo))
            self.actor_combos[""] = combo
        links = {link.type: link.actor_id for link in annotation.links if link.actor_id}
        missing: list[str] = []
        for spec in layer.attributes:
            title = spec.title or spec.name.replace("_", " ").capitalize()
            if spec.kind is AttributeKind.ACTOR:
                combo = ActorCombo()
                combo.populate(self._workspace.actors, nearby, links.get(spec.name))
                combo.actorChosen.connect(
                    lambda value, name=spec.name: self._set_actor(name, value)
                )
                form.addRow(title, self._with_edit(combo))
                self.actor_combos[spec.name] = combo
                value: Any = links.get(spec.name)
            else:
                value = annotation.attributes.get(spec.name)
                widget = attribute_widget(spec, value, self._set_value)
                if isinstance(widget, QLineEdit):
                    # the scheme's vocabulary first; values used before too, unless it is closed
                    offered = list(spec.choices)
                    if not spec.closed:
                        used = self._workspace.attribute_values(layer.name, spec.name)
                        offered += [value for value in used if value not in offered]
                    completer = QCompleter(offered, widget)
                    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                    widget.setCompleter(completer)
                form.addRow(title, widget)
                self.fields[spec.name] = widget
            if spec.required and value in (None, ""):
                missing.append(title)
        self._layout.addLayout(form)
        if missing:
            warning = QLabel(f"<small>Still to fill in: {esc(', '.join(missing))}</small>")
            warning.setWordWrap(True)
            self._layout.addWidget(warning)
        self._layout.addStretch(1)

    def focus_first_field(self) -> bool:
        """Put the keyboard in the first value to fill in (a new quote's kind or cue)."""
        for widget in self.fields.values():
            if widget is self.fields.get("layer"):
                continue
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False

    def _with_edit(self, combo: ActorCombo) -> QWidget:
        """The actor picker with a button to edit the chosen actor (name, aliases, …)."""
        button = QToolButton()
        button.setIcon(icon("actor-edit"))
        button.setToolTip("Edit this actor: name, kind, aliases, affiliation")
        button.clicked.connect(lambda: self._edit_actor(combo))
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(combo, 1)
        layout.addWidget(button)
        return row

    def _edit_actor(self, combo: ActorCombo) -> None:
        actor_id = combo.currentData()
        if isinstance(actor_id, int) and actor_id > 0:
            self.editActorRequested.emit(actor_id)

    # -- edits -----------------------------------------------------------------------------
    def _save_draft(self, draft: AnnotationDraft, merge_key: str | None = None) -> None:
        """Save ``draft`` over the shown span (made by a rule of :mod:`span_edits`)."""
        if self._annotation is None:
            return
        shown = self._annotation
        self._typing = merge_key is not None
        try:
            # made from the copy shown here: if somebody changed the span since, it is refused
            self._workspace.update_annotation(
                shown.id, draft, expected_version=shown.version, merge_key=merge_key
            )
        except AnnotatorError as exc:
            self.failed.emit(str(exc))
            self._rebuild()
        finally:
            self._typing = False

    def change_layer(self, name: str) -> None:
        """Move the span to another layer, keeping every attribute value the new layer accepts.

        The speaker of a quote becomes the claimant of a claim (first actor attribute to first
        actor attribute) when the new layer has no attribute of the old name.
        """
        if self._annotation is None or name == self._annotation.layer:
            return
        old = self._workspace.scheme.layer(self._annotation.layer)
        new = self._workspace.scheme.layer(name)
        self._save_draft(moved_to_layer(self._annotation, old, new))

    def _set_value(self, name: str, value: Any) -> None:
        if self._annotation is None:
            return
        field = self.fields.get(name)
        typing = isinstance(field, QLineEdit) and field.hasFocus()
        if self._annotation.attributes.get(name) != value:
            # the saves of one visit to a text field, as the user types, are one undo step
            key = f"{self._annotation.id}:{name}:{self._visits}" if typing else None
            self._save_draft(with_value(self._annotation, name, value), key)
        if isinstance(field, QLineEdit) and not typing:
            self._visits += 1  # left the field (or pressed Enter): the next typing is new

    def _set_actor(self, attribute: str, value: object) -> None:
        if self._annotation is None:
            return
        if value == NEW_ACTOR:
            self.newActorRequested.emit(self._annotation.id, attribute)
            self._rebuild()
            return
        actor_id = value if isinstance(value, int) else None
        self.set_actor(attribute, actor_id)

    def set_actor(self, attribute: str, actor_id: int | None) -> None:
        """Link the shown span to an actor: its own (``""``) or through an actor attribute."""
        if self._annotation is None:
            return
        if attribute == "" and actor_id == self._annotation.actor_id:
            return
        self._save_draft(with_actor(self._annotation, attribute, actor_id))

    def _on_changed(self, annotation: Annotation) -> None:
        if self._annotation is not None and annotation.id == self._annotation.id:
            if self._typing:  # saved from the field being typed in: keep it as it is
                self._annotation = annotation
                return
            self.show_annotation(annotation)

    def _on_removed(self, annotation_id: int, _document_id: int) -> None:
        if self._annotation is not None and annotation_id == self._annotation.id:
            self.show_annotation(None)
