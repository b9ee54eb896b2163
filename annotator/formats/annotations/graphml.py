"""Actor networks as GraphML, for Gephi and networkx (export only).

``--network actors`` (default): actors are nodes (name, kind, mentions, parent). Directed edges
are typed: ``speaks_about`` from a quote's speaker to each actor mentioned inside the quote,
``claims_about`` likewise for a claim's claimant, ``addresses`` from claimant to addressee, and
``co_occurs`` between actors mentioned in the same document, weighted by how many documents.
``belongs_to`` edges follow the actor's affiliation.

``--network actor-topic``: the actor-topic network of discourse network analysis. Claimants and
topics are nodes; an edge from claimant to topic carries the stance and how many claims.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.domain.annotations import Annotation
from annotator.domain.corpus import AnnotatedDocument, Corpus
from annotator.formats.annotations.report import FormatOptions, FormatReport

if TYPE_CHECKING:
    import networkx as nx

_SPEECH = {"quote": ("speaker", "speaks_about"), "claim": ("claimant", "claims_about")}


def write_graphml(
    documents: Iterable[AnnotatedDocument],
    corpus: Corpus,
    path: Path,
    report: FormatReport,
    options: FormatOptions,
) -> None:
    if options.network == "actor-topic":
        graph = _actor_topic(documents, corpus, report)
    else:
        graph = _actors(documents, corpus, report)
    import networkx as nx  # imported when a network is written: it is slow to import

    nx.write_graphml(graph, path)


def _actors(
    documents: Iterable[AnnotatedDocument], corpus: Corpus, report: FormatReport
) -> nx.MultiDiGraph:
    mentions: Counter[int] = Counter()
    typed: Counter[tuple[int, int, str]] = Counter()
    together: Counter[tuple[int, int]] = Counter()
    for item in documents:
        present = set()
        for span in item.annotations:
            if span.actor_id is not None:
                mentions[span.actor_id] += 1
                present.add(span.actor_id)
            for source, target, kind in _speech_edges(span, item.annotations):
                typed[(source, target, kind)] += 1
        for pair in combinations(sorted(present), 2):
            together[pair] += 1
        report.documents += 1
        report.spans += len(item.annotations)
    import networkx as nx

    graph = nx.MultiDiGraph()
    for actor in corpus.actors.values():
        graph.add_node(
            f"actor:{actor.id}",
            label=actor.name,
            kind=actor.kind.value,
            mentions=mentions[actor.id],
            external_id=actor.external_id or "",
        )
    for actor in corpus.actors.values():
        if actor.parent_id is not None and actor.parent_id in corpus.actors:
            graph.add_edge(f"actor:{actor.id}", f"actor:{actor.parent_id}", type="belongs_to",
                           weight=1)  # fmt: skip
    for (source, target, kind), weight in sorted(typed.items()):
        graph.add_edge(f"actor:{source}", f"actor:{target}", type=kind, weight=weight)
    for (first, second), weight in sorted(together.items()):
        graph.add_edge(f"actor:{first}", f"actor:{second}", type="co_occurs", weight=weight)
    return graph


def _speech_edges(
    span: Annotation, annotations: tuple[Annotation, ...]
) -> list[tuple[int, int, str]]:
    if span.layer not in _SPEECH:
        return []
    role, kind = _SPEECH[span.layer]
    speakers = [link.actor_id for link in span.links if link.type == role and link.actor_id]
    edges: list[tuple[int, int, str]] = []
    for speaker in speakers:
        inside = {
            a.actor_id
            for a in annotations
            if a.actor_id is not None and span.start <= a.start and a.end <= span.end
        }
        edges += [(speaker, about, kind) for about in sorted(inside - {speaker})]
        if span.layer == "claim":
            edges += [
                (speaker, link.actor_id, "addresses")
                for link in span.links
                if link.type == "addressee" and link.actor_id
            ]
    return edges


def _actor_topic(
    documents: Iterable[AnnotatedDocument], corpus: Corpus, report: FormatReport
) -> nx.DiGraph:
    edges: Counter[tuple[int, str, str]] = Counter()
    for item in documents:
        for span in item.annotations:
            if span.layer != "claim":
                continue
            topic = str(span.attributes.get("topic") or "").strip()
            claimants = [link.actor_id for link in span.links
                         if link.type == "claimant" and link.actor_id]  # fmt: skip
            if not topic or not claimants:
                report.lost("claims without a claimant or a topic", f"“{span.text[:40]}”")
                continue
            stance = str(span.attributes.get("stance") or "unknown")
            for claimant in claimants:
                edges[(claimant, topic, stance)] += 1
        report.documents += 1
        report.spans += len(item.annotations)
    import networkx as nx

    graph = nx.DiGraph()
    for (claimant, topic, stance), weight in sorted(edges.items()):
        actor = corpus.actors[claimant]
        graph.add_node(f"actor:{claimant}", label=actor.name, kind=actor.kind.value,
                       part="actor")  # fmt: skip
        graph.add_node(f"topic:{topic}", label=topic, kind="topic", part="topic")
        key = (f"actor:{claimant}", f"topic:{topic}")
        if graph.has_edge(*key):  # one edge per actor and topic: stances are counted on it
            data = graph.edges[key]
            data[stance] = data.get(stance, 0) + weight
            data["weight"] += weight
        else:
            graph.add_edge(*key, weight=weight, **{stance: weight})
    for _, _, data in graph.edges(data=True):
        counts = {k: v for k, v in data.items() if k not in ("weight", "stance")}
        data["stance"] = max(counts, key=lambda k: (counts[k], k)) if counts else "unknown"
        for name in ("for", "against", "neutral", "unknown"):
            data.setdefault(name, 0)
    return graph
