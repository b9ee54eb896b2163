"""Storing annotated documents read from a file: one transaction for the whole file.

Layers are matched to the project's by name, ignoring case; unknown layers and attributes are
added to the scheme (and reported). Actors are matched by external id, then by name and kind;
the rest are created. A span outside its text, or whose text differs from what the file says,
refuses the whole file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from annotator.domain.actors import ActorKind
from annotator.domain.corpus import (
    CodebookEntry,
    ImportedActor,
    ImportedDocument,
    ImportedLink,
    ImportedSpan,
)
from annotator.domain.documents import DocumentStatus
from annotator.domain.errors import InputError, UsageError, ValidationError
from annotator.domain.label_map import LabelMap, LayerTarget
from annotator.domain.losses import Losses
from annotator.domain.scheme import AttributeKind, AttributeSpec
from annotator.domain.text import fingerprint
from annotator.domain.wording import counted
from annotator.store.annotators import annotator_id
from annotator.store.changes import ChangeKind, step
from annotator.store.documents import Duplicate
from annotator.store.edit_log import Action
from annotator.store.import_actors import ImportActors
from annotator.store.inserts import insert_new
from annotator.store.label_maps import label_map, remember
from annotator.store.models import (
    AnnotationRow,
    AttributeDefRow,
    DocumentRow,
    LabelRow,
    LayerRow,
    LinkRow,
)
from annotator.store.scheme_store import SchemeStore, read_scheme
from annotator.store.service import Service

_NEW_LAYER_COLOURS = ("#7b61ff", "#00838f", "#ad1457", "#6d4c41", "#558b2f", "#455a64")


@dataclass(slots=True)
class AnnotatedResult:
    documents: int = 0
    spans: int = 0
    links: int = 0
    actors_created: int = 0
    duplicates: list[Duplicate] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    losses: Losses = field(default_factory=Losses)
    merged: int = 0  # spans added to documents whose texts were stored already


class AnnotatedImporter(Service):
    def __init__(self, db: Any, scheme: SchemeStore, annotator: str) -> None:
        super().__init__(db, annotator)
        self._scheme = scheme

    def label_map(self) -> LabelMap:
        """The label mappings the project remembers (see :mod:`annotator.domain.label_map`)."""
        with self._db.read() as session:
            return label_map(session, {})

    def add(
        self,
        items: Iterable[ImportedDocument],
        path: Path,
        checkpoint: Callable[[], None] | None = None,
        mapping: dict[str, LayerTarget] | None = None,
    ) -> AnnotatedResult:
        """Store one file's documents in one transaction; ``mapping`` sends labels to layers
        (``PER`` → ``actor:person``) and is remembered by the project for later imports."""
        result = AnnotatedResult()
        try:
            with (
                step(self._db, kind=ChangeKind.JOB, label=f"Import {path.name}"),
                self._db.write() as session,
            ):
                labels = label_map(session, mapping or {})
                state = _FileState(session, self._who(session), result, labels)
                for item in items:
                    if checkpoint is not None:
                        checkpoint()
                    state.add(item, path)
                if result.merged:
                    result.notices.append(
                        f"{counted(result.merged, 'span')} added to "
                        f"{counted(len(state.merged_into), 'document')} "
                        "already in the project (the same text)"
                    )
                if result.documents or result.merged:
                    self._log(
                        session,
                        Action.IMPORT,
                        "document",
                        None,
                        after={"source": str(path), "documents": result.documents,
                               "spans": result.spans},
                    )  # fmt: skip
                remember(session, labels)
        finally:
            self._scheme.forget()
        return result


@dataclass(slots=True)
class _Pending:
    """One document of a file while its spans are stored: what its links will need."""

    item: ImportedDocument
    document_id: int
    present: set[tuple[int, int, int, int]]  # (layer, start, end, annotator) already there
    known: dict[str, ImportedActor]  # actor key -> the file's actor (or one inferred)
    span_ids: dict[str, int] = field(default_factory=dict)  # span key -> stored id
    span_actors: dict[str, str] = field(default_factory=dict)  # span key -> actor key
    links: list[tuple[int, ImportedSpan]] = field(default_factory=list)  # to add after spans


class _FileState:
    """What one file's import has resolved so far: layers, attributes, actors, annotators."""

    def __init__(
        self, session: Session, who: int, result: AnnotatedResult, labels: LabelMap
    ) -> None:
        self.session = session
        self.who = who
        self.result = result
        self.label_map = labels
        self.targets: dict[str, tuple[int, ActorKind | None]] = {}
        self.new_choices: dict[tuple[int, str], AttributeDefRow] = {}
        self.labels: dict[tuple[int, str], int] = {}
        self.merged_into: set[int] = set()  # stored documents that got this file's spans
        self.layers = {
            name.casefold(): (id_, name)
            for id_, name in session.execute(select(LayerRow.id, LayerRow.name))
        }
        self.actor_layers = set(
            session.scalars(select(LayerRow.id).where(LayerRow.refers_to_actor.is_(True)))
        )
        # the scheme as it was before this file: its attributes' values are checked by the
        # same rules as an edit (those this file adds take what the file gives them)
        layer_ids = {name: id_ for id_, name in self.layers.values()}
        self.specs: dict[tuple[int, str], AttributeSpec] = {
            (layer_ids[layer.name], spec.name): spec
            for layer in read_scheme(session).layers
            for spec in layer.attributes
        }
        self.attributes = {
            (layer_id, name): kind
            for layer_id, name, kind in session.execute(
                select(AttributeDefRow.layer_id, AttributeDefRow.name, AttributeDefRow.kind)
            )
        }
        # "SPEAKER" in a doccano relation, "Kind" in a CSV column: the scheme's own names
        self.attribute_names = {
            (layer_id, name.casefold()): name for layer_id, name in self.attributes
        }
        self.actors = ImportActors(session, result)
        self.annotators: dict[str, int] = {}

    def _insert_document(self, item: ImportedDocument, sha: str) -> int | None:
        """The new document's id, or None when its text is stored already (by anyone)."""
        draft, text = item.draft, item.draft.text
        table = cast(Table, DocumentRow.__table__)
        statement = insert_new(table, "sha256", self.session).values(
            title=draft.title, source=draft.source, url=draft.url, author=draft.author,
            published=draft.published, language=draft.language, text=text, chars=len(text),
            sha256=sha, status=(item.status or DocumentStatus.NEW).value,
            metadata=draft.metadata, imported_from=draft.imported_from,
        )  # fmt: skip
        stored = self.session.scalar(statement.returning(table.c.id))
        return int(stored) if stored is not None else None

    def _duplicate(self, item: ImportedDocument, sha: str) -> int | None:
        """A text stored already: its annotations go onto the stored document (as their
        annotators' work); returns its id, or None when the file brings no spans."""
        existing_id, title = self.session.execute(
            select(DocumentRow.id, DocumentRow.title).where(DocumentRow.sha256 == sha)
        ).one()
        self.result.duplicates.append(Duplicate(item.draft, existing_id, title))
        if not item.spans:
            return None
        self.merged_into.add(existing_id)
        return int(existing_id)

    def _present(self, document_id: int) -> set[tuple[int, int, int, int]]:
        """(layer, start, end, annotator) of the spans a document already has."""
        return {
            (layer, start, end, who)
            for layer, start, end, who in self.session.execute(
                select(
                    AnnotationRow.layer_id, AnnotationRow.start, AnnotationRow.end,
                    AnnotationRow.annotator_id,
                ).where(AnnotationRow.document_id == document_id)
            )
        }  # fmt: skip

    def _label(self, layer_id: int, name: str | None) -> int | None:
        """The id of label ``name`` of a layer; a label the scheme lacks is added."""
        if not name:
            return None
        key = (layer_id, name.casefold())
        if key not in self.labels:
            found = self.session.scalar(
                select(LabelRow.id).where(
                    LabelRow.layer_id == layer_id, func.lower(LabelRow.name) == name.casefold()
                )
            )
            if found is None:
                row = LabelRow(layer_id=layer_id, name=name)
                self.session.add(row)
                self.session.flush()
                found = row.id
                self.result.notices.append(f"new label {name!r} added to the scheme")
            self.labels[key] = found
        return self.labels[key]

    def add(self, item: ImportedDocument, path: Path) -> None:
        """Store one document of the file with its spans and links (or add its spans to the
        stored document with the same text)."""
        self.result.notices.extend(item.notices)
        self.result.losses.extend(item.dropped)
        for entry in item.codebook:
            self._codebook_entry(entry)
        if item.placeholder:
            return
        for span in item.spans:
            _check_span(span, item.draft.text, path, item.line)
        target = self._target_document(item)
        if target is None:
            return
        document_id, present = target
        pending = _Pending(item, document_id, present, {a.key: a for a in item.actors})
        spans_before = self.result.spans
        for span in item.spans:
            self._add_span(pending, span)
        if present or document_id in self.merged_into:
            self.result.merged += self.result.spans - spans_before
        for source_id, span in pending.links:
            self._add_links(pending, source_id, span)

    def _codebook_entry(self, entry: CodebookEntry) -> None:
        """A code no span may use still finds its place: its layer and label are added as a
        span's would be; a value goes into a choice attribute this import makes, and one the
        scheme's own choices lack is counted as not taken."""
        layer_id, _kind = self._target(entry.layer)
        self._label(layer_id, entry.label)
        if entry.attribute is None or entry.value is None:
            return
        name = self._attribute_name(layer_id, entry.attribute)
        spec = self.specs.get((layer_id, name))
        if spec is not None:
            if spec.kind is not AttributeKind.CHOICE or entry.value not in spec.choices:
                self.result.losses.add(
                    "code values the scheme has no place for",
                    f"{entry.layer}: {entry.attribute}: {entry.value}",
                )
            return
        if (layer_id, name) not in self.attributes:
            self._add_attribute(layer_id, name, AttributeKind.CHOICE)
            self.result.notices.append(
                f"new choice attribute {name!r} added to layer {entry.layer!r}"
            )
        if self.attributes[(layer_id, name)] == AttributeKind.CHOICE.value:
            self._allow_choice(layer_id, name, entry.value)

    def _target_document(
        self, item: ImportedDocument
    ) -> tuple[int, set[tuple[int, int, int, int]]] | None:
        """The document the item's spans go to, with the spans it has already; None when its
        text is stored already and the item brings no spans."""
        sha = fingerprint(item.draft.text)
        document_id = self._insert_document(item, sha)
        if document_id is not None:
            self.result.documents += 1
            return document_id, set()
        existing = self._duplicate(item, sha)
        return None if existing is None else (existing, self._present(existing))

    def _add_span(self, pending: _Pending, span: ImportedSpan) -> None:
        layer_id, kind = self._target(span.layer)
        who = self._annotator(span.annotator)
        if (layer_id, span.start, span.end, who) in pending.present:
            return  # this annotator's span is there already: never merged twice
        attributes, named_actors = self._attributes(layer_id, span, pending.known)
        actor_key = self._mention_actor_key(pending, span, layer_id, kind)
        actor_id = self.actors.resolve(actor_key, pending.known) if actor_key else None
        text = pending.item.draft.text
        created = AnnotationRow(
            document_id=pending.document_id, layer_id=layer_id,
            label_id=self._label(layer_id, span.label), start=span.start, end=span.end,
            text=text[span.start : span.end], attributes=attributes, actor_id=actor_id,
            annotator_id=who, origin=span.origin.value,
        )  # fmt: skip
        self.session.add(created)
        self.session.flush()
        pending.span_ids[span.key] = created.id
        self.result.spans += 1
        for link_type, named_actor in named_actors.items():
            self._insert_link(created.id, link_type, named_actor, None)
        if span.links:
            pending.links.append((created.id, span))

    def _mention_actor_key(
        self, pending: _Pending, span: ImportedSpan, layer_id: int, kind: ActorKind | None
    ) -> str | None:
        """The actor a span names: the file's, or (in a format without actors) one by the
        covered words, for a layer whose spans name actors."""
        actor_key = span.actor_key
        if actor_key is None and pending.item.infer_actors and layer_id in self.actor_layers:
            text = pending.item.draft.text
            name = " ".join(text[span.start : span.end].split())
            actor_key = f"name:{name.casefold()}"
            inferred = ImportedActor(key=actor_key, name=name, kind=kind or ActorKind.OTHER)
            pending.known.setdefault(actor_key, inferred)
        if actor_key is not None:
            pending.span_actors[span.key] = actor_key
        return actor_key

    def _add_links(self, pending: _Pending, source_id: int, span: ImportedSpan) -> None:
        layer_id = self._layer(span.layer)
        for found in span.links:
            link = replace(found, type=self._attribute_name(layer_id, found.type))
            actor_key = self._link_actor_key(pending, layer_id, link)
            target_actor = self.actors.resolve(actor_key, pending.known) if actor_key else None
            target_span = (
                pending.span_ids.get(link.span_key) if link.span_key and not actor_key else None
            )
            if target_span is None and target_actor is None:
                self.result.losses.add(
                    "links to a span or actor the file does not have",
                    f"{link.type} of span {span.key}",
                )
                continue
            self._relation_attribute(span.layer, link.type, target_actor is not None)
            self._insert_link(source_id, link.type, target_actor, target_span)

    def _link_actor_key(self, pending: _Pending, layer_id: int, link: ImportedLink) -> str | None:
        """A link's actor: the file's, or for "quote -speaker-> mention" in a format without
        actors, the mention's."""
        if (
            link.actor_key is None
            and pending.item.infer_actors
            and link.span_key in pending.span_actors
            and self.attributes.get((layer_id, link.type)) == AttributeKind.ACTOR.value
        ):
            return pending.span_actors[link.span_key]
        return link.actor_key

    def _insert_link(
        self, source_id: int, link_type: str, actor_id: int | None, span_id: int | None
    ) -> None:
        self.session.execute(
            insert(LinkRow).values(
                type=link_type, source_id=source_id, target_actor_id=actor_id,
                target_annotation_id=span_id, annotator_id=self.who,
            )
        )  # fmt: skip
        self.result.links += 1

    # -- scheme ----------------------------------------------------------------------------
    def _layer(self, name: str) -> int:
        return self._target(name)[0]

    def _target(self, label: str) -> tuple[int, ActorKind | None]:
        """The layer spans labelled ``label`` go to, through the label mapping, and the kind
        of actor they name there."""
        if label in self.targets:
            return self.targets[label]
        found = self.layers.get(label.casefold())
        target = self.label_map.target(label, is_layer=found is not None)
        chosen: tuple[int, ActorKind | None]
        if target is None:
            chosen = (found[0] if found is not None else self._new_layer(label), None)
        else:
            layer = self.layers.get(target.layer.casefold())
            if layer is None:
                raise UsageError(
                    f"labels {label!r} are mapped to {target}, but the project has no layer "
                    f"{target.layer!r}"
                )
            chosen = (layer[0], target.kind)
            kind = f" naming {target.kind.value}s" if target.kind else ""
            self.result.notices.append(
                f"{label!r} spans read as {layer[1]} spans{kind} (change with "
                f"--map {label}=LAYER[:KIND])"
            )
        self.targets[label] = chosen
        return chosen

    def _new_layer(self, name: str) -> int:
        clean = re.sub(r"[^A-Za-z0-9_\-]+", "_", name).strip("_") or "layer"
        if not clean[0].isalpha():
            clean = f"layer_{clean}"
        position = self.session.scalar(select(func.count()).select_from(LayerRow)) or 0
        row = LayerRow(
            name=clean, title=name, color=_NEW_LAYER_COLOURS[position % len(_NEW_LAYER_COLOURS)],
            hotkey=None, refers_to_actor=False, position=position,
        )  # fmt: skip
        self.session.add(row)
        self.session.flush()
        self.layers[name.casefold()] = self.layers[clean.casefold()] = (row.id, clean)
        self.result.notices.append(
            f"new layer {clean!r} added to the scheme (to read these spans as actor mentions "
            f"instead: --map {name}=actor:KIND)"
        )
        return row.id

    def _attribute_name(self, layer_id: int, name: str) -> str:
        """The scheme's spelling of attribute ``name`` of a layer, matched ignoring case."""
        return self.attribute_names.get((layer_id, name.casefold()), name)

    def _attributes(
        self, layer_id: int, span: ImportedSpan, known: dict[str, ImportedActor]
    ) -> tuple[dict[str, Any], dict[str, int]]:
        """The span's attribute values under the scheme's names, and the actors named by its
        actor attributes (a speaker written as a name links to that actor).

        A value the scheme does not allow is counted as not taken, as an edit would refuse
        it; attributes the scheme lacks are added (a value from a fixed list, as brat's ``A``
        lines give, as a choice)."""
        named = {self._attribute_name(layer_id, k): v for k, v in span.attributes.items()}
        chosen = {self._attribute_name(layer_id, name) for name in span.choices}
        kept: dict[str, Any] = {}
        actors: dict[str, int] = {}
        for name, value in named.items():
            spec = self.specs.get((layer_id, name))
            if spec is not None:
                if spec.kind is AttributeKind.ACTOR:
                    actor_id = self.actors.named(value, known)
                    if actor_id is None:
                        self._refused_value(span, f"attribute {name!r}: {value!r} names no actor")
                    else:
                        actors[name] = actor_id
                    continue
                try:
                    spec.check(value)
                except ValidationError as exc:
                    self._refused_value(span, str(exc))
                    continue
                kept[name] = value
                continue
            if (layer_id, name) not in self.attributes:
                kind = (
                    AttributeKind.CHOICE
                    if name in chosen and isinstance(value, str)
                    else (_kind_of(value))
                )
                self._add_attribute(layer_id, name, kind)
                self.result.notices.append(
                    f"new {kind.value} attribute {name!r} added to layer {span.layer!r}"
                )
            if self.attributes[(layer_id, name)] == AttributeKind.CHOICE.value:
                self._allow_choice(layer_id, name, value)
            kept[name] = value
        return kept, actors

    def _refused_value(self, span: ImportedSpan, why: str) -> None:
        where = f" (line {span.line})" if span.line else ""
        self.result.losses.add(
            "attribute values the scheme does not allow",
            f"{span.layer} span {span.start}..{span.end}{where}: {why}",
        )

    def _allow_choice(self, layer_id: int, name: str, value: Any) -> None:
        """Add ``value`` to the choices of an attribute this import created."""
        key = (layer_id, name)
        if key not in self.new_choices or value in self.new_choices[key].choices:
            return
        row = self.new_choices[key]
        row.choices = [*row.choices, value]

    def _relation_attribute(self, layer: str, link_type: str, to_actor: bool) -> None:
        layer_id = self._layer(layer)
        if to_actor and (layer_id, link_type) not in self.attributes:
            self._add_attribute(layer_id, link_type, AttributeKind.ACTOR)
            self.result.notices.append(f"new actor attribute {link_type!r} added to {layer!r}")

    def _add_attribute(self, layer_id: int, name: str, kind: AttributeKind) -> None:
        row = AttributeDefRow(layer_id=layer_id, name=name, title="", kind=kind.value, choices=[])
        self.session.add(row)
        if kind is AttributeKind.CHOICE:
            self.new_choices[(layer_id, name)] = row
        self.attributes[(layer_id, name)] = kind.value
        self.attribute_names[(layer_id, name.casefold())] = name

    # -- annotators ------------------------------------------------------------------------
    def _annotator(self, name: str | None) -> int:
        if not name:
            return self.who
        if name not in self.annotators:
            self.annotators[name] = annotator_id(self.session, name)
        return self.annotators[name]


def _check_span(span: ImportedSpan, text: str, path: Path, line: int | None) -> None:
    where = span.line or line
    if not 0 <= span.start < span.end <= len(text):
        raise InputError(
            path,
            f"span {span.start}..{span.end} ({span.layer}) is empty, reversed or outside "
            f"the text (0..{len(text)})",
            where,
        )
    if span.text is not None and text[span.start : span.end] != span.text:
        raise InputError(
            path,
            f"span {span.start}..{span.end} covers {text[span.start : span.end]!r}, "
            f"but the file says {span.text!r}",
            where,
        )


def _kind_of(value: Any) -> AttributeKind:
    if isinstance(value, bool):
        return AttributeKind.BOOLEAN
    if isinstance(value, int | float):
        return AttributeKind.NUMBER
    return AttributeKind.TEXT
