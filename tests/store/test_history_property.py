"""Any sequence of edits, undos and redos through the core: undoing everything returns the
project to its start, and redoing everything brings back where it ended (with whatever was
left undone at the end redone)."""

import contextlib
import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.domain.actors import ActorDraft
from annotator.domain.annotations import AnnotationDraft, LinkDraft, as_draft
from annotator.domain.documents import DocumentDraft, DocumentStatus
from annotator.domain.errors import AnnotatorError
from annotator.store.project import Project

TEXT = "Mayor Okafor said the barrier would hold, and the council agreed with her."
SPAN = st.tuples(st.integers(0, len(TEXT) - 2), st.integers(1, 12))
OPS = st.one_of(
    st.tuples(st.just("span"), st.sampled_from(["actor", "quote", "claim"]), SPAN),
    st.tuples(st.just("kind"), st.integers(0, 20), st.sampled_from(["direct", "indirect"])),
    st.tuples(st.just("layer"), st.integers(0, 20), st.sampled_from(["quote", "claim"])),
    st.tuples(st.just("delete"), st.integers(0, 20), st.just(None)),
    st.tuples(st.just("actor"), st.sampled_from(["Okafor", "Council", "Saar"]), st.just(None)),
    st.tuples(st.just("link"), st.integers(0, 20), st.integers(0, 5)),
    st.tuples(st.just("merge"), st.integers(0, 5), st.integers(0, 5)),
    st.tuples(st.just("remove"), st.integers(0, 5), st.just(None)),
    st.tuples(st.just("status"), st.sampled_from(list(DocumentStatus)), st.just(None)),
    st.tuples(st.just("undo"), st.just(None), st.just(None)),
    st.tuples(st.just("redo"), st.just(None), st.just(None)),
)


def state(project):
    spans = sorted(
        (a.id, a.layer, a.start, a.end, sorted(a.attributes.items()), a.actor_id, a.annotator,
         sorted((link.type, link.actor_id) for link in a.links))
        for a in project.annotations.for_document(1)
    )  # fmt: skip
    actors = sorted((a.id, a.name, a.kind, a.aliases, a.parent_id) for a in project.actors.list())
    return spans, actors, project.documents.get(1).status


def apply(project, op):
    name, a, b = op
    spans = project.annotations.for_document(1)
    actors = project.actors.list()
    pick = lambda items, i: items[i % len(items)] if items else None  # noqa: E731
    if name == "span":
        start, length = b
        project.annotations.create(1, AnnotationDraft(a, start, min(start + length, len(TEXT))))
    elif name == "undo":
        project.history.undo()
    elif name == "redo":
        project.history.redo()
    elif name == "actor":
        project.actors.create(ActorDraft(a))
    elif name == "status":
        project.documents.set_status(1, a)
    elif name in ("kind", "layer", "delete", "link") and (span := pick(spans, a)) is not None:
        draft = as_draft(span)
        if name == "kind":
            project.annotations.update(span.id, replace(draft, attributes={"kind": b}))
        elif name == "layer":
            project.annotations.update(span.id, replace(draft, layer=b, attributes={}, links=()))
        elif name == "delete":
            project.annotations.delete(span.id)
        elif (actor := pick(actors, b)) is not None and span.layer == "quote":
            link = LinkDraft("speaker", actor_id=actor.id)
            project.annotations.update(span.id, replace(draft, links=(link,)))
    elif name == "merge" and len(actors) > 1:
        keep, drop = pick(actors, a), pick(actors, b)
        project.actors.merge(keep.id, drop.id)
    elif name == "remove" and (actor := pick(actors, a)) is not None:
        project.actors.remove(actor.id)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(OPS, min_size=1, max_size=25))
def test_undoing_everything_returns_to_the_start_and_redoing_to_the_end(ops):
    with (
        tempfile.TemporaryDirectory() as folder,
        Project.open(Path(folder) / "p.sqlite") as project,
    ):
        project.documents.add_many([DocumentDraft(text=TEXT, title="t")])
        start = state(project)
        for op in ops:
            with contextlib.suppress(AnnotatorError):  # refused: a duplicate, nothing to undo …
                apply(project, op)
        while project.history.stacks()[1]:  # what was undone last is redone first
            project.history.redo()
        end = state(project)
        while project.history.stacks()[0]:
            project.history.undo()
        assert state(project) == start
        while project.history.stacks()[1]:
            project.history.redo()
        assert state(project) == end
