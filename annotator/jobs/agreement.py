"""Agreement between annotators over the project: where the spans are, and what they say.

For each layer and each pair of annotators: F1 with exact and with overlap matching, summed
over the documents both annotated; Krippendorff's unitizing α (α_u) over those documents, for
the layer and for each label (the categories are the layer, or layer:label). For the spans
that match (overlap matching): α of each attribute (nominal; interval for numbers; ordinal on
request, in the order of the choice list), Cohen's κ per pair and Fleiss' κ when three or more
annotators all marked the span. A quote's speaker and a claim's claimant are compared by actor,
as is a mention's actor. Every disagreement is listed with where it is.

An annotator counts for a document when they have a span of the layer in it, when it is
assigned to them, or when they are named with ``annotators`` (then having none there is a
disagreement too).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.analysis.alpha import Level, alpha
from annotator.analysis.kappa import cohen_kappa, fleiss_kappa
from annotator.analysis.spans import PairScore, groups, pair_scores
from annotator.analysis.unitizing import Unitizing
from annotator.domain.documents import DocumentStatus
from annotator.domain.errors import UsageError
from annotator.domain.scheme import AttributeKind, Layer, Scheme
from annotator.domain.team import CURATED
from annotator.jobs.progress import Progress
from annotator.store.coded_spans import ACTOR, CodedDocument, CodedSpan
from annotator.store.project import Project


@dataclass(frozen=True, slots=True)
class AgreementOptions:
    layers: frozenset[str] | None = None
    attributes: frozenset[str] | None = None
    annotators: tuple[str, ...] | None = None
    status: DocumentStatus | None = None
    ordinal: frozenset[str] = frozenset()  # attributes compared as ordered (choice order)


@dataclass(slots=True)
class PairAgreement:
    first: str
    second: str
    exact: PairScore = field(default_factory=lambda: PairScore(0, 0, 0))
    overlap: PairScore = field(default_factory=lambda: PairScore(0, 0, 0))


@dataclass(slots=True)
class AttributeAgreement:
    name: str
    level: Level
    units: int  # matched spans where two or more annotators gave a value
    alpha: float | None
    cohen: dict[tuple[str, str], float | None]
    fleiss: float | None
    actors: bool = False  # values are actor ids (a speaker, a claimant, a mention's actor)


@dataclass(slots=True)
class LayerAgreement:
    layer: str
    documents: int
    pairs: list[PairAgreement]
    alpha_u: float | None  # Krippendorff's unitizing α over the layer's labels
    attributes: list[AttributeAgreement]
    alpha_u_labels: dict[str, float | None] = field(default_factory=dict)  # kind -> α_u


@dataclass(frozen=True, slots=True)
class DocumentScore:
    document_id: int
    title: str
    layer: str
    first: str
    second: str
    f1_exact: float | None
    f1_overlap: float | None


@dataclass(frozen=True, slots=True)
class Disagreement:
    document_id: int
    title: str
    layer: str
    start: int
    end: int
    text: str
    what: str  # "only alice", "kind: direct (alice) ≠ indirect (bob)"


@dataclass(slots=True)
class AgreementReport:
    annotators: list[str]
    layers: list[LayerAgreement] = field(default_factory=list)
    documents: list[DocumentScore] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    assigned: dict[int, list[str]] = field(default_factory=dict)  # document -> its annotators


def agreement(
    project: Project, options: AgreementOptions | None = None, progress: Progress | None = None
) -> AgreementReport:
    options = options or AgreementOptions()
    progress = progress or Progress()
    scheme = project.scheme.load()
    layers = _chosen_layers(scheme, options.layers)
    names = set(options.annotators) if options.annotators else None
    documents, spans = project.coded.read(
        layers={layer.name for layer in layers}, annotators=names, status=options.status
    )
    if names is None or CURATED not in names:  # the adjudicated annotation is no annotator's
        spans = [span for span in spans if span.annotator != CURATED]
    by_document = _by_document(spans)
    assigned: dict[int, set[str]] = defaultdict(set)
    for assignment in project.assignments.list():
        if names is None or assignment.annotator in names:
            assigned[assignment.document_id].add(assignment.annotator)
    everyone = sorted(
        options.annotators
        or {span.annotator for span in spans}
        | {name for document in documents for name in assigned.get(document.id, ())}
    )
    if len(everyone) < 2:
        raise UsageError(
            "agreement needs the spans of two or more annotators; found "
            + (", ".join(everyone) or "none")
        )
    report = AgreementReport(everyone, assigned={d: sorted(n) for d, n in assigned.items()})
    actor_names = {actor.id: actor.name for actor in project.actors.list()}
    progress.start(len(layers) * max(len(documents), 1), "agreement")
    for layer in layers:
        report.layers.append(
            _layer(layer, documents, by_document, options, report, progress, actor_names)
        )
    return report


def _chosen_layers(scheme: Scheme, wanted: frozenset[str] | None) -> list[Layer]:
    if wanted is None:
        return list(scheme.layers)
    known = {layer.name for layer in scheme.layers}
    unknown = sorted(wanted - known)
    if unknown:
        raise UsageError(f"no layer {', '.join(unknown)} (layers: {', '.join(sorted(known))})")
    return [layer for layer in scheme.layers if layer.name in wanted]


def _by_document(spans: Iterable[CodedSpan]) -> dict[int, dict[str, dict[str, list[CodedSpan]]]]:
    """document -> layer -> annotator -> spans"""
    found: dict[int, dict[str, dict[str, list[CodedSpan]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for span in spans:
        found[span.document_id][span.layer][span.annotator].append(span)
    return found


def _layer(
    layer: Layer,
    documents: Sequence[CodedDocument],
    by_document: dict[int, dict[str, dict[str, list[CodedSpan]]]],
    options: AgreementOptions,
    report: AgreementReport,
    progress: Progress,
    actor_names: dict[int, str],
) -> LayerAgreement:
    pairs = {(a, b): PairAgreement(a, b) for a, b in itertools.combinations(report.annotators, 2)}
    unitizing = Unitizing()
    matched_groups: list[dict[str, CodedSpan]] = []
    counted = 0
    for document in documents:
        progress.check()
        progress.advance(1)
        coded = by_document.get(document.id, {}).get(layer.name, {})
        if not coded:
            continue  # nobody marked anything of this layer here: nothing to compare
        who = sorted(options.annotators or set(coded) | set(report.assigned.get(document.id, ())))
        if len(who) < 2:
            continue
        counted += 1
        units = {name: coded.get(name, []) for name in who}
        for (a, b), pair in pairs.items():
            if a not in units or b not in units:
                continue
            exact, loose = pair_scores(units[a], units[b])
            pair.exact, pair.overlap = pair.exact + exact, pair.overlap + loose
            report.documents.append(
                DocumentScore(document.id, document.title, layer.name, a, b, exact.f1, loose.f1)
            )
        unitizing.add(
            document.chars, {name: [(u.start, u.end, u.kind) for u in units[name]] for name in who}
        )
        found = groups(units)
        matched_groups.extend(group for group in found if len(group) > 1)
        _missing(found, who, document, layer, report)
    values = {  # attribute -> per matched group, each annotator's value (None: not given)
        name: _given(matched_groups, report.annotators, name)
        for name, _kind in _value_names(layer, options.attributes)
    }
    attributes = _attributes(layer, values, report.annotators, options)
    _value_disagreements(matched_groups, values, attributes, layer, documents, report, actor_names)
    labels = unitizing.categories()
    return LayerAgreement(
        layer.name, counted, list(pairs.values()), unitizing.alpha(), attributes,
        {kind: unitizing.alpha(kind) for kind in labels} if len(labels) > 1 else {},
    )  # fmt: skip


def _missing(
    found: list[dict[str, CodedSpan]],
    who: list[str],
    document: CodedDocument,
    layer: Layer,
    report: AgreementReport,
) -> None:
    for group in found:
        if len(group) == len(who):
            continue
        some = next(iter(group.values()))
        marked = sorted(group)
        what = (
            f"only {', '.join(marked)}"
            if len(marked) < len(who) / 2 or len(marked) == 1
            else f"not {', '.join(sorted(set(who) - set(marked)))}"
        )
        report.disagreements.append(
            Disagreement(document.id, document.title, layer.name, some.start, some.end,
                         some.text, what)
        )  # fmt: skip


def _value_names(layer: Layer, wanted: frozenset[str] | None) -> list[tuple[str, AttributeKind]]:
    names = [(spec.name, spec.kind) for spec in layer.attributes]
    if layer.refers_to_actor:
        names.insert(0, (ACTOR, AttributeKind.ACTOR))
    return [(n, k) for n, k in names if wanted is None or n in wanted]


def _given(
    matched: list[dict[str, CodedSpan]], annotators: list[str], name: str
) -> list[tuple[Any, ...]]:
    return [
        tuple([group[a].values.get(name) if a in group else None for a in annotators])
        for group in matched
    ]


def _attributes(
    layer: Layer,
    values: dict[str, list[tuple[Any, ...]]],
    annotators: list[str],
    options: AgreementOptions,
) -> list[AttributeAgreement]:
    found: list[AttributeAgreement] = []
    for name, kind in _value_names(layer, options.attributes):
        level, order = _level(layer, name, kind, options)
        rows = [row for row in values[name] if len(row) - row.count(None) >= 2]
        if not rows:
            continue
        cohen = {
            (a, b): cohen_kappa(
                (row[i], row[j]) for row in rows if row[i] is not None and row[j] is not None
            )
            for (i, a), (j, b) in itertools.combinations(enumerate(annotators), 2)
        }
        complete = [row for row in rows if all(v is not None for v in row)]
        fleiss = None
        if len(annotators) >= 3 and complete:
            fleiss = fleiss_kappa([_counts(row) for row in complete])
        found.append(
            AttributeAgreement(
                name, level, len(rows), alpha(rows, level, order=order), cohen, fleiss,
                actors=kind is AttributeKind.ACTOR,
            )
        )  # fmt: skip
    return found


def _level(
    layer: Layer, name: str, kind: AttributeKind, options: AgreementOptions
) -> tuple[Level, Sequence[Hashable] | None]:
    if kind is AttributeKind.NUMBER:
        return Level.INTERVAL, None
    if name in options.ordinal and kind is AttributeKind.CHOICE:
        return Level.ORDINAL, layer.attribute(name).choices
    return Level.NOMINAL, None


def _counts(row: Sequence[Hashable]) -> dict[Hashable, int]:
    counts: dict[Hashable, int] = defaultdict(int)
    for value in row:
        counts[value] += 1
    return counts


def _value_disagreements(
    matched: list[dict[str, CodedSpan]],
    values: dict[str, list[tuple[Any, ...]]],
    attributes: list[AttributeAgreement],
    layer: Layer,
    documents: Sequence[CodedDocument],
    report: AgreementReport,
    actor_names: dict[int, str],
) -> None:
    titles = {d.id: d.title for d in documents}
    for index, group in enumerate(matched):
        for attribute in attributes:
            row = values[attribute.name][index]
            present = [v for v in row if v is not None]
            if len(present) < 2 or all(v == present[0] for v in present):
                continue
            given = {a: v for a, v in zip(report.annotators, row, strict=True) if a in group}
            span = next(iter(group.values()))
            if attribute.actors:
                given = {a: actor_names.get(v, v) if v is not None else v for a, v in given.items()}
            shown = " ≠ ".join(f"{v} ({a})" for a, v in sorted(given.items()))
            report.disagreements.append(
                Disagreement(span.document_id, titles.get(span.document_id, ""), layer.name,
                             span.start, span.end, span.text, f"{attribute.name}: {shown}")
            )  # fmt: skip
