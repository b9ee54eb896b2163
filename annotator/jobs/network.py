"""``annotator network``: discourse networks of the project's claims or quotes, as DNA builds
them (see :mod:`annotator.analysis.networks`), written as GraphML, a CSV edge list or UCINET DL.

A statement is a claim (or a quote) with its claimant (speaker) and its document's date; the
variables are ``actor`` (the claimant's name), ``actor-kind``, ``topic`` (the claim's topic)
and ``source`` (the document's source). A statement missing a variable is left out and
counted. Suggestions nobody accepted are never statements.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

from annotator.analysis.networks import (
    Network,
    Statement,
    deduplicate,
    one_mode,
    time_windows,
    two_mode,
)
from annotator.domain.documents import DocumentSummary
from annotator.domain.errors import UsageError
from annotator.jobs.progress import Progress
from annotator.store.coded_spans import CodedSpan
from annotator.store.project import Project

VARIABLES = ("actor", "actor-kind", "topic", "source")
TYPES = ("onemode", "twomode", "eventlist")
FORMATS = (".graphml", ".csv", ".dl")
PICTURES = (".svg", ".pdf", ".png")  # a drawing of the network (annotator.charts.network_figure)


@dataclass(frozen=True, slots=True)
class NetworkOptions:
    type: str = "onemode"
    var1: str = "actor"
    var2: str = "topic"
    qualifier: str | None = None
    aggregation: str = "ignore"
    normalization: str = "no"
    duplicates: str = "include"
    layer: str = "claim"
    window: timedelta | None = None
    step: timedelta | None = None
    since: date | None = None
    until: date | None = None
    annotator: str | None = None


class NetworkStatement(NamedTuple):
    """A statement with what a person reading it needs: its article's title and its text (a
    tuple: one is made per statement of the corpus)."""

    statement: Statement
    title: str
    text: str
    start: int
    end: int


@dataclass(slots=True)
class NetworkReport:
    options: NetworkOptions = field(default_factory=NetworkOptions)
    statements: int = 0  # after duplicates were dropped
    left_out: dict[str, int] = field(default_factory=dict)  # reason -> statements
    files: list[Path] = field(default_factory=list)
    networks: list[Network] = field(default_factory=list)
    rows: list[NetworkStatement] = field(default_factory=list)  # every statement read
    kinds: dict[str, str] = field(default_factory=dict)  # actor name -> kind (person, …)

    def left_out_note(self) -> str:
        """What was left out, as " (left out: 10 with no stance)"; "" when nothing was."""
        left = "; ".join(f"{n} with {why}" for why, n in sorted(self.left_out.items()))
        return f" (left out: {left})" if left else ""

    def groups(self) -> dict[str, str] | None:
        """What the first variable's nodes are, to colour them by: actors by their kind."""
        return self.kinds if self.options.var1 == "actor" else None

    def behind(self, first: str, second: str | None = None, network: int = 0) -> list[int]:
        """The statements behind a node (``second`` None) or an edge of network ``network``:
        a node's own statements; a two-mode edge's statements of that actor on that concept;
        a one-mode edge's statements of either actor on a concept both speak to (with a
        qualifier and congruence or conflict, on the same or on another level)."""
        made = self.networks[network]
        inside = {id(s) for s in made.kept}
        kept = [r for r in self.rows if id(r.statement) in inside]
        if second is None:
            return [r.statement.id for r in kept if first in (r.statement.first,
                    r.statement.second if not made.one_mode else None)]  # fmt: skip
        if not made.one_mode:
            return [r.statement.id for r in kept
                    if (r.statement.first, r.statement.second) == (first, second)]  # fmt: skip
        said: dict[str, set[tuple[str, Hashable]]] = {first: set(), second: set()}
        for row in kept:
            if row.statement.first in said:
                said[row.statement.first].add((row.statement.second, row.statement.qualifier))
        aggregation = self.options.aggregation

        def shared(actor: str, concept: str, level: Hashable) -> bool:
            other = said[second if actor == first else first]
            if aggregation == "congruence":
                return (concept, level) in other
            if aggregation == "conflict":
                return any(c == concept and q != level for c, q in other)
            return any(c == concept for c, _q in other)

        return [
            r.statement.id for r in kept if r.statement.first in said
            and shared(r.statement.first, r.statement.second, r.statement.qualifier)
        ]  # fmt: skip


def parse_duration(text: str) -> timedelta:
    """``30d``, ``2w``, ``6m`` (months as 30 days), ``1y`` (365 days)."""
    found = re.fullmatch(r"\s*(\d+)\s*([dwmy])\s*", text.lower())
    if found is None:
        raise UsageError(f"a duration like 30d, 2w, 6m or 1y, not {text!r}")
    days = {"d": 1, "w": 7, "m": 30, "y": 365}[found.group(2)]
    return timedelta(days=int(found.group(1)) * days)


def network(
    project: Project, options: NetworkOptions, out: Path, progress: Progress | None = None
) -> NetworkReport:
    """Build the networks and write them to ``out`` (the format from its extension)."""
    check_out(options, out)
    report = build(project, options, progress)
    report.files = write(report, out)
    return report


def build(
    project: Project, options: NetworkOptions, progress: Progress | None = None
) -> NetworkReport:
    """The networks of ``options`` (one per time window), with the statements behind them."""
    progress = progress or Progress()
    check(options)
    report = NetworkReport(options)
    report.rows = _statements(project, options, report, progress)
    if options.type == "eventlist":
        report.statements = len(report.rows)
        return report
    order = _qualifier_order(project, options)
    kept = deduplicate([r.statement for r in report.rows], options.duplicates)
    report.statements = len(kept)
    parts: list[tuple[date | None, date | None, list[Statement]]]
    if options.window is not None:
        step = options.step or options.window
        parts = [(start, end, inside) for start, end, inside in time_windows(kept, options.window,
                                                                             step)]  # fmt: skip
    else:
        parts = [(options.since, options.until, kept)]
    for start, end, inside in parts:
        progress.check()
        made = _build(inside, options, order)
        made.start, made.end, made.kept = start, end, inside
        report.networks.append(made)
    return report


def write(report: NetworkReport, out: Path) -> list[Path]:
    """The files of a built report: one, or one per window for GraphML, DL and pictures."""
    options = report.options
    check_out(options, out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if options.type == "eventlist":
        _eventlist(report.rows, options, out)
        return [out]
    return _write(report, out, windowed=options.window is not None)


def check(options: NetworkOptions) -> None:
    if options.type not in TYPES:
        raise UsageError(f"--type: {', '.join(TYPES)}")
    for variable in (options.var1, options.var2):
        if variable not in VARIABLES:
            raise UsageError(f"variables: {', '.join(VARIABLES)}, not {variable!r}")
    if options.aggregation != "ignore" and options.qualifier is None:
        raise UsageError(f"--aggregation {options.aggregation} needs a --qualifier")


def check_out(options: NetworkOptions, out: Path) -> None:
    suffix = out.suffix.lower()
    if options.type == "eventlist" and suffix != ".csv":
        raise UsageError("an event list is written as .csv")
    if suffix not in FORMATS + PICTURES:
        raise UsageError(f"--out: a file ending in {', '.join(FORMATS + PICTURES)}")


def _statements(
    project: Project, options: NetworkOptions, report: NetworkReport, progress: Progress
) -> list[NetworkStatement]:
    """Every statement, read in bulk (plain selects, no objects per span beyond a tuple)."""
    scheme = project.scheme.load()
    if options.layer not in {layer.name for layer in scheme.layers}:
        raise UsageError(f"no layer {options.layer!r}")
    who_link = scheme.layer(options.layer).statement_actor
    if who_link is None and {options.var1, options.var2} & {"actor", "actor-kind"}:
        raise UsageError(f"the {options.layer} layer's spans name no speaker or claimant")
    actors = {a.id: (a.name, a.kind.value) for a in project.actors.list()}
    report.kinds = {name: kind for name, kind in actors.values()}
    progress.start(0, "reading statements")
    documents = {d.id: d for d in project.documents.list()}
    annotators = {options.annotator} if options.annotator else None
    _found, spans = project.coded.read(layers={options.layer}, annotators=annotators)
    progress.check()
    first_of = _reader(options.var1, who_link, actors)
    second_of = _reader(options.var2, who_link, actors)
    qualifier = options.qualifier
    # a statement without the qualifier counts when it is ignored (DNA's "ignore")
    needs_qualifier = qualifier is not None and options.aggregation != "ignore"
    since, until = options.since, options.until
    left_out = report.left_out
    rows: list[NetworkStatement] = []
    for span in spans:  # once per statement of the corpus: kept flat
        document = documents[span.document_id]
        when = document.published
        if (since and (when is None or when < since)) or (until and (when is None or when > until)):
            continue
        level = span.attributes.get(qualifier) if qualifier is not None else None
        first, second = first_of(span, document), second_of(span, document)
        missing = ((qualifier if needs_qualifier and level is None else None)
                   or (options.var1 if not first else None)
                   or (options.var2 if not second else None))  # fmt: skip
        if missing is not None:
            left_out["no " + missing] = left_out.get("no " + missing, 0) + 1
            continue
        statement = Statement(span.id, document.id, when, str(first), str(second), level)
        rows.append(NetworkStatement(statement, document.title, span.text, span.start, span.end))
    return rows


def _reader(
    variable: str, who_link: str | None, actors: Mapping[int, tuple[str, str]]
) -> Callable[[CodedSpan, DocumentSummary], object]:
    """What a statement's ``variable`` is, read from its span and its document."""
    if variable == "topic":
        return lambda span, _document: span.attributes.get("topic")
    if variable == "source":
        return lambda _span, document: document.source
    position = 0 if variable == "actor" else 1  # the name, or the kind

    def actor(span: CodedSpan, _document: DocumentSummary) -> object:
        named = actors.get(span.links.get(who_link, -1)) if who_link else None
        return named[position] if named is not None else None

    return actor


def _qualifier_order(project: Project, options: NetworkOptions) -> Sequence[Hashable] | None:
    if options.qualifier is None:
        return None
    layer = project.scheme.load().layer(options.layer)
    spec = next((s for s in layer.attributes if s.name == options.qualifier), None)
    if spec is None:
        raise UsageError(f"the {options.layer} layer has no attribute {options.qualifier!r}")
    return list(spec.choices) if spec.choices else None


def _build(
    statements: list[Statement], options: NetworkOptions, order: Sequence[Hashable] | None
) -> Network:
    try:
        if options.type == "onemode":
            return one_mode(statements, options.aggregation, options.normalization, order)
        return two_mode(statements, options.aggregation, options.normalization, order)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc


def _write(report: NetworkReport, out: Path, *, windowed: bool) -> list[Path]:
    networks, options = report.networks, report.options
    suffix = out.suffix.lower()
    if suffix == ".csv":
        _edge_list(networks, out, windowed=windowed)
        return [out]
    files = []
    for made in networks:
        target = out
        if windowed and made.start is not None:
            target = out.with_name(f"{out.stem}_{made.start.isoformat()}{out.suffix}")
        if suffix == ".graphml":
            _graphml(made, target, report.groups())
        elif suffix == ".dl":
            _dl(made, target)
        else:
            from annotator.charts.network_figure import save_network

            save_network(made, network_title(options, made), target, report.groups())
        files.append(target)
    return files


def _edge_list(networks: list[Network], out: Path, *, windowed: bool) -> None:
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["source", "target", "weight"] + (["start", "end"] if windowed else []))
        for made in networks:
            window = [made.start.isoformat() if made.start else "",
                      made.end.isoformat() if made.end else ""] if windowed else []  # fmt: skip
            for (a, b), weight in sorted(made.weights.items()):
                if made.one_mode and a > b:
                    continue  # an undirected edge once
                writer.writerow([a, b, _number(weight), *window])


def _graphml(made: Network, target: Path, groups: Mapping[str, str] | None) -> None:
    """Nodes carry their ``label``, ``mode`` (1 or 2), how many ``statements`` they make or
    take part in, and for actors their ``kind``, for Gephi or visone to size and colour by."""
    import networkx as nx  # imported when a network is written: it is slow to import

    made_by: dict[str, int] = defaultdict(int)
    about: dict[str, int] = defaultdict(int)
    for statement in made.kept:
        made_by[statement.first] += 1
        about[statement.second] += 1
    graph = nx.Graph()
    for name in made.rows:
        extra = {"kind": groups[name]} if groups and name in groups else {}
        graph.add_node(f"1:{name}", label=name, mode=1, statements=made_by[name], **extra)
    if not made.one_mode:
        for name in made.columns:
            graph.add_node(f"2:{name}", label=name, mode=2, statements=about[name])
    for (a, b), weight in made.weights.items():
        if made.one_mode and a > b:
            continue
        second = f"1:{b}" if made.one_mode else f"2:{b}"
        graph.add_edge(f"1:{a}", second, weight=float(weight))
    nx.write_graphml(graph, target, encoding="utf-8")


def _dl(made: Network, target: Path) -> None:
    """UCINET DL, full matrix with embedded labels (visone and UCINET read it)."""
    rows, columns = made.rows, made.columns

    def quoted(names: list[str]) -> str:
        return " ".join('"' + n.replace('"', "'") + '"' for n in names)

    lines = [f"dl nr={len(rows)}, nc={len(columns)}", "format = fullmatrix",
             "row labels:", quoted(rows), "column labels:", quoted(columns), "data:"]  # fmt: skip
    lines += [" ".join(_number(made.weight(r, c)) for c in columns) for r in rows]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.6g}"


def _eventlist(rows: list[NetworkStatement], options: NetworkOptions, out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["statement", "date", "document", "title", options.var1, options.var2,
                         options.qualifier or "qualifier", "text"])  # fmt: skip
        for row in sorted(rows, key=lambda r: (r.statement.when or date.min, r.statement.id)):
            s = row.statement
            writer.writerow([s.id, s.when.isoformat() if s.when else "", s.document_id, row.title,
                             s.first, s.second, "" if s.qualifier is None else s.qualifier,
                             row.text])  # fmt: skip


def network_title(options: NetworkOptions, made: Network) -> str:
    """What a drawing of the network says it shows, e.g. "Actors tied by congruent claims
    (stance) on topics · 2024-01-02 – 2024-02-01 · 120 statements"."""
    names = {"actor": "actors", "actor-kind": "kinds of actor", "topic": "topics",
             "source": "sources"}  # fmt: skip
    statements = "claims" if options.layer == "claim" else options.layer + "s"
    if made.one_mode:
        how = {"ignore": "", "congruence": "congruent ", "conflict": "conflicting ",
               "subtract": "congruent minus conflicting "}[options.aggregation]  # fmt: skip
        title = f"{names[options.var1].capitalize()} tied by {how}{statements} on the same " \
                f"{names[options.var2].removesuffix('s')}"  # fmt: skip
    else:
        title = f"{names[options.var1].capitalize()} × {names[options.var2]} ({statements})"
    if options.qualifier and options.aggregation != "ignore":
        title += f", by {options.qualifier}"
    if made.start or made.end:
        title += f" · {made.start or '…'} – {made.end or '…'}"
    return title + f" · {made.statements} statements"
