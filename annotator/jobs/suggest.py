"""Running a suggestion engine over documents, and accepting or rejecting what it proposed.

A run reads the chosen documents in batches, asks the engine for spans, and stores them as the
current annotator's suggestions in one transaction (cancel leaves nothing behind). The engine
sees what the person sees: their own spans, and everyone's on documents not assigned to them
(so blind work stays blind), and proposes nothing over text already annotated on its layer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from annotator.assist.actors import ActorFinder
from annotator.assist.claims import ClaimFinder
from annotator.assist.quotes import Mention, QuoteFinder
from annotator.domain.annotations import Annotation, AnnotationDraft, Origin, as_draft
from annotator.domain.documents import Document, DocumentStatus
from annotator.domain.errors import UsageError
from annotator.domain.scheme import AttributeKind, Scheme
from annotator.domain.suggestions import ENGINES, Why
from annotator.jobs.progress import Progress
from annotator.store.project import Project
from annotator.store.suggestions import SuggestResult

BATCH = 200

# An engine made ready for a run: document and the spans its reader sees -> proposed spans.
Proposer = Callable[[Document, Sequence[Annotation]], list[AnnotationDraft]]


@dataclass(slots=True)
class SuggestReport(SuggestResult):
    engine: str = ""
    read: int = 0  # documents read
    ambiguous: int = 0  # wordings that name several actors (actors engine)


def chosen_documents(
    project: Project, *, document_ids: Sequence[int] | None = None,
    status: DocumentStatus | None = None,
) -> list[int]:  # fmt: skip
    """The documents a run or an accept/reject covers: the given ones, or those of a status,
    or all."""
    if document_ids:
        known = {d.id for d in project.documents.list()}
        missing = sorted(set(document_ids) - known)
        if missing:
            raise UsageError(f"no document {', '.join(map(str, missing))}")
        return list(document_ids)
    return [d.id for d in project.documents.list(status)]


def suggest(
    project: Project, engine: str, document_ids: Sequence[int], progress: Progress | None = None,
    *, model: str | None = None,
) -> SuggestReport:  # fmt: skip
    """Run ``engine`` over the documents; ``model`` names the pipeline of the model engine (a
    folder or an installed spaCy package; by default the one ``annotator train`` made)."""
    progress = progress or Progress()
    report = SuggestReport(engine=engine)
    proposer = _proposer(project, engine, report, model)
    progress.start(len(document_ids), f"suggesting ({engine})")

    def batches() -> Iterator[tuple[int, list[AnnotationDraft]]]:
        for document, spans in _documents_with_spans(project, document_ids, progress):
            seen = [a for a in spans if a.origin is not Origin.SUGGESTED]  # the store sees those
            report.read += 1
            yield document.id, proposer(document, seen)

    stored = project.suggestions.add(
        batches(), label=f"Suggest ({engine})", checkpoint=progress.check
    )
    for name in ("documents", "added", "already", "rejected", "by_engine"):
        setattr(report, name, getattr(stored, name))
    return report


def _proposer(
    project: Project, engine: str, report: SuggestReport, model: str | None = None
) -> Proposer:
    if engine not in ENGINES:
        raise UsageError(f"no engine {engine!r} (engines: {', '.join(ENGINES)})")
    scheme = project.scheme.load()
    actors = project.actors.list()
    mentions_layer = _actor_layer(scheme)
    if engine == "actors":
        finder = ActorFinder(actors, mentions_layer)

        def actor_mentions(document: Document, seen: Sequence[Annotation]) -> list[AnnotationDraft]:
            taken = [(a.start, a.end) for a in seen if a.layer == mentions_layer]
            found = finder.find(document.text, taken)
            report.ambiguous += found.ambiguous
            return found.drafts

        return actor_mentions
    if engine == "quotes":
        layer, speaker = _quote_layer(scheme)
        quotes = QuoteFinder(actors, layer=layer, speaker=speaker)

        def quoted(document: Document, seen: Sequence[Annotation]) -> list[AnnotationDraft]:
            found = quotes.find(document.text, document.language, _mentions(seen, mentions_layer))
            return _not_annotated(found, seen, layer)

        return quoted
    if engine == "claims":
        claim_layer, claimant = _actor_attribute_layer(scheme, "claimant")
        quote_layer, speaker = _quote_layer(scheme)
        claims = ClaimFinder(actors, layer=claim_layer, claimant=claimant,
                             quote_layer=quote_layer, speaker=speaker)  # fmt: skip

        def claimed(document: Document, seen: Sequence[Annotation]) -> list[AnnotationDraft]:
            found = claims.find(document.text, document.language, _mentions(seen, mentions_layer))
            return _not_annotated(found, seen, claim_layer)

        return claimed
    if engine == "model":
        return _model_proposer(project, mentions_layer, model)
    raise UsageError(f"the {engine} engine is not available yet")


def _model_proposer(project: Project, layer: str, model: str | None) -> Proposer:
    from annotator.assist.model import ModelFinder
    from annotator.domain.actor_match import bare_name
    from annotator.jobs.train import actor_resolver, model_folder

    names = actor_resolver(project)
    finder = ModelFinder(model or model_folder(project, layer), layer=layer,
                         resolve=lambda text: names.get(bare_name(text)))  # fmt: skip

    def learned(document: Document, seen: Sequence[Annotation]) -> list[AnnotationDraft]:
        [found] = list(finder.find([document.text]))
        return _not_annotated(found, seen, finder.layer)

    return learned


def _mentions(seen: Sequence[Annotation], layer: str) -> list[Mention]:
    """The actor mentions the person sees, for linking speakers and claimants."""
    return [
        Mention(a.start, a.end, a.actor_id)
        for a in seen if a.layer == layer and a.actor_id is not None
    ]  # fmt: skip


def _not_annotated(
    drafts: list[AnnotationDraft], seen: Sequence[Annotation], layer: str
) -> list[AnnotationDraft]:
    """The proposals that overlap nothing the person sees annotated on ``layer``."""
    done = [(a.start, a.end) for a in seen if a.layer == layer]
    return [d for d in drafts if not any(s < d.end and d.start < e for s, e in done)]


def _quote_layer(scheme: Scheme) -> tuple[str, str]:
    """The layer quotes go to and its speaker attribute (the default scheme's "quote")."""
    return _actor_attribute_layer(scheme, "speaker")


def _actor_attribute_layer(scheme: Scheme, name: str) -> tuple[str, str]:
    """The layer with an actor attribute called ``name`` ("speaker" for quotes, "claimant"
    for claims), and that attribute."""
    for layer in scheme.layers:
        for spec in layer.attributes:
            if spec.kind is AttributeKind.ACTOR and spec.name == name:
                return layer.name, spec.name
    raise UsageError(f"the scheme has no layer with an actor attribute '{name}'")


def _actor_layer(scheme: Scheme) -> str:
    for layer in scheme.layers:
        if layer.refers_to_actor:
            return layer.name
    raise UsageError("the scheme has no layer whose spans name actors")


def review(
    project: Project, verdict: str, document_ids: Sequence[int], engine: str | None = None
) -> int:
    """Accept or reject this annotator's open suggestions in the documents (of one engine);
    one undoable step. Returns how many."""
    if verdict not in ("accept", "reject"):
        raise UsageError("accept or reject")
    wanted = set(document_ids)
    chosen = [a for a in project.suggestions.list(engine=engine) if a.document_id in wanted]
    if not chosen:
        return 0
    if verdict == "accept":
        return len(project.suggestions.accept(chosen))
    return project.suggestions.reject(chosen)


@dataclass(slots=True)
class Occurrences:
    """Every other place a span's words stand in the corpus, not yet annotated on its layer."""

    wording: str
    places: list[tuple[int, list[AnnotationDraft]]]

    @property
    def count(self) -> int:
        return sum(len(drafts) for _document, drafts in self.places)


def find_occurrences(
    project: Project, span: Annotation, document_ids: Sequence[int],
    progress: Progress | None = None,
) -> Occurrences:  # fmt: skip
    """The places to preview before "annotate all occurrences": the span's words as whole
    words with their capitals (as the actors engine matches names), on its layer, with its
    label, values and actor, where the person sees nothing of that layer yet."""
    from annotator.domain.actors import Actor, ActorKind

    progress = progress or Progress()
    wording = " ".join(span.text.split())
    finder = ActorFinder([Actor(span.actor_id or 0, wording, ActorKind.OTHER, (), None, None,
                                None)], span.layer)  # fmt: skip
    why = Why("actors", f"every occurrence of “{wording}”")
    template = replace(as_draft(span), origin=Origin.SUGGESTED, suggestion=why)
    found = Occurrences(wording, [])
    progress.start(len(document_ids), "finding every occurrence")
    for document, spans in _documents_with_spans(project, document_ids, progress):
        taken = [(a.start, a.end) for a in spans if a.layer == span.layer]
        drafts = [
            replace(template, start=d.start, end=d.end)
            for d in finder.find(document.text, taken).drafts
        ]
        if drafts:
            found.places.append((document.id, drafts))
    return found


def _documents_with_spans(
    project: Project, document_ids: Sequence[int], progress: Progress
) -> Iterator[tuple[Document, list[Annotation]]]:
    """The documents, read in batches, each with the spans that are there for the person:
    their own, and everyone's on an article not assigned to them. Progress advances by one
    document after each is handled."""
    mine = {a.document_id for a in project.assignments.list(annotator=project.annotator)}
    for first in range(0, len(document_ids), BATCH):
        batch = list(document_ids[first : first + BATCH])
        spans = project.annotations.for_documents(batch)
        for document in project.documents.get_many(batch):
            progress.check()
            yield document, [
                a for a in spans[document.id]
                if a.annotator == project.annotator or document.id not in mine
            ]  # fmt: skip
            progress.advance(1)


def annotate_occurrences(project: Project, found: Occurrences, *, accept: bool) -> int:
    """Store the previewed places as suggestions (one job), and with ``accept`` make them the
    person's spans at once (one more step Undo takes back). Returns how many were stored."""
    project.suggestions.add(found.places, label=f"Every occurrence of “{found.wording}”")
    if accept:
        wanted = {(d, draft.start, draft.end) for d, drafts in found.places for draft in drafts}
        mine = [
            a for a in project.suggestions.list()
            if (a.document_id, a.start, a.end) in wanted
        ]  # fmt: skip
        project.suggestions.accept(mine)
    return found.count
