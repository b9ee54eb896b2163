"""Drawing a discourse network (:class:`~annotator.analysis.networks.Network`) for a paper or
the screen: a force-directed layout (networkx's spring layout, seeded, so the same network is
drawn the same way twice), node area by weighted degree, edge width by weight, signed edges
(subtract) in two colours of the Okabe–Ito palette, a two-mode network's concepts as squares.

Dense networks are cut to the ``limit`` most connected nodes and the title says so; nodes
without a tie are left out of the picture and counted (the files keep them all)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.analysis.networks import Network
from annotator.charts.figures import PALETTE, save_figure

POSITIVE_EDGE, NEGATIVE_EDGE = PALETTE[0], PALETTE[5]  # blue, vermillion
FIRST_MODE, SECOND_MODE = PALETTE[0], PALETTE[1]  # blue circles, orange squares
# actors coloured by kind: the palette without the concepts' orange and the ties' vermillion
GROUP_COLOURS = (PALETTE[0], PALETTE[2], PALETTE[3], PALETTE[4], PALETTE[6], PALETTE[7])
LIMIT = 60


@dataclass(slots=True)
class Drawing:
    """What is drawn where: the picture's nodes and edges, in data coordinates."""

    positions: dict[str, tuple[float, float]] = field(default_factory=dict)  # node key -> x, y
    labels: dict[str, str] = field(default_factory=dict)  # node key -> name
    edges: list[tuple[str, str, float]] = field(default_factory=list)  # node keys, weight
    untied: int = 0  # nodes of the network without a tie (not drawn)
    cut: int = 0  # nodes with ties left out to keep the picture to the most connected

    @property
    def left_out(self) -> int:
        return self.untied + self.cut

    def note(self) -> str:
        """What the title adds about nodes not drawn ("" when all are)."""
        notes = []
        if self.cut:
            drawn = len(self.positions)
            notes.append(f"the {drawn} most connected of {self.cut + drawn} tied nodes drawn")
        if self.untied:
            notes.append(f"{self.untied} without a tie not drawn")
        return "\n" + "; ".join(notes) if notes else ""

    def node_at(self, x: float, y: float, reach: float = 0.06) -> str | None:
        """The name of the node nearest to (x, y), if one is within ``reach``."""
        best = min(self.positions.items(), key=lambda kv: _squared(kv[1], (x, y)), default=None)
        if best is None or _squared(best[1], (x, y)) > reach**2:
            return None
        return self.labels[best[0]]

    def edge_at(self, x: float, y: float, reach: float = 0.03) -> tuple[str, str] | None:
        """The names at the ends of the edge nearest to (x, y), if within ``reach``."""
        found: tuple[float, str, str] | None = None
        for a, b, _weight in self.edges:
            distance = _to_segment((x, y), self.positions[a], self.positions[b])
            if found is None or distance < found[0]:
                found = (distance, a, b)
        if found is None or found[0] > reach:
            return None
        return self.labels[found[1]], self.labels[found[2]]


def layout(made: Network, limit: int = LIMIT) -> Drawing:
    """Where each node goes. Keys are ``1:name`` and ``2:name`` (a name can be in both modes)."""
    import networkx as nx  # slow to import: only when a network is drawn

    graph = nx.Graph()
    for (a, b), weight in made.weights.items():
        if made.one_mode and a > b:
            continue
        second = f"1:{b}" if made.one_mode else f"2:{b}"
        graph.add_edge(f"1:{a}", second, weight=abs(weight), signed=weight)
    everyone = len(made.rows) + (0 if made.one_mode else len(made.columns))
    tied = graph.number_of_nodes()
    if tied > limit:
        strength = dict(graph.degree(weight="weight"))
        keep = sorted(strength, key=lambda n: (-strength[n], n))[:limit]
        graph = graph.subgraph(keep).copy()
        graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    drawing = Drawing(untied=everyone - tied, cut=tied - graph.number_of_nodes())
    if not graph:
        return drawing
    drawing.positions = _packed(graph)
    drawing.labels = {n: n[2:] for n in drawing.positions}
    drawing.edges = sorted((min(a, b), max(a, b), float(d["signed"]))
                           for a, b, d in graph.edges(data=True))  # fmt: skip
    return drawing


def _packed(graph: Any) -> dict[str, tuple[float, float]]:
    """Each connected part laid out on its own (spring layout on the ties, not their weights,
    so heavy ties do not pull nodes onto each other), then the parts set in rows, the largest
    first, as Gephi and visone show them; the same network is drawn the same way twice."""
    import networkx as nx

    parts = sorted((sorted(c) for c in nx.connected_components(graph)),
                   key=lambda c: (-len(c), c[0]))  # fmt: skip
    placed: dict[str, tuple[float, float]] = {}
    width = 2.2 * sum(len(c) for c in parts) ** 0.5 + 2
    letter = width / 110  # about 110 letters of 8 pt fit across a figure of this width
    x = y = row_height = 0.0
    for part in parts:
        radius = 0.55 * len(part) ** 0.5
        # a part's box holds its nodes and the names written under or over them, which
        # stand out by half their length beyond a node at the box's edge
        box = 2 * radius + letter * max(len(n) - 2 for n in part) + 0.4
        if x and x + box > width:
            x, y, row_height = 0.0, y - row_height - 0.8, 0.0
        if len(part) == 1:
            local = {part[0]: (0.0, 0.0)}
        else:
            sub = nx.Graph()
            sub.add_nodes_from(part)
            sub.add_edges_from(sorted(graph.subgraph(part).edges()))
            found = nx.spring_layout(sub, weight=None, seed=7, scale=radius, method="force")
            local = {n: (float(p[0]), float(p[1])) for n, p in found.items()}
        for node, (px, py) in local.items():
            placed[node] = (x + box / 2 + px, y - radius + py)
        x += box
        row_height = max(row_height, 2 * radius)
    return placed


def network_figure(
    made: Network,
    title: str,
    *,
    dark: bool = False,
    width: float = 7.0,
    limit: int = LIMIT,
    groups: Mapping[str, str] | None = None,
) -> tuple[Any, Drawing]:
    """The drawing; with ``groups`` (an actor's kind), first-mode nodes are coloured by group."""
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure

    ink, paper = ("#e8e8e8", "#202124") if dark else ("#222222", "#ffffff")
    drawing = layout(made, limit)
    fig = Figure(figsize=(width, width * _aspect(drawing)), facecolor=paper,
                 layout="constrained")  # fmt: skip
    axes = fig.add_subplot()
    axes.set_facecolor(paper)
    axes.set_axis_off()
    axes.set_title(title + drawing.note(), color=ink, fontsize=10, loc="left")
    if not drawing.positions:
        axes.text(0.5, 0.5, "No ties", color=ink, ha="center", va="center",
                  transform=axes.transAxes)  # fmt: skip
        return fig, drawing
    heaviest = max(abs(w) for _a, _b, w in drawing.edges)
    segments = [(drawing.positions[a], drawing.positions[b]) for a, b, _w in drawing.edges]
    axes.add_collection(LineCollection(
        segments, linewidths=[0.6 + 3.4 * abs(w) / heaviest for _a, _b, w in drawing.edges],
        colors=[POSITIVE_EDGE if w >= 0 else NEGATIVE_EDGE for _a, _b, w in drawing.edges],
        alpha=0.8 if dark else 0.55, zorder=1))  # fmt: skip
    strength = dict.fromkeys(drawing.positions, 0.0)
    for a, b, weight in drawing.edges:
        strength[a] += abs(weight)
        strength[b] += abs(weight)
    most = max(strength.values()) or 1.0
    area = {k: 40 + 360 * strength[k] / most for k in drawing.positions}  # points²
    colours = _colours(drawing, groups)
    for mode, marker in (("1:", "o"), ("2:", "s")):
        keys = [k for k in drawing.positions if k.startswith(mode)]
        if keys:
            axes.scatter([drawing.positions[k][0] for k in keys],
                         [drawing.positions[k][1] for k in keys], s=[area[k] for k in keys],
                         c=[colours[k] for k in keys], marker=marker, edgecolors=paper,
                         linewidths=1.0, zorder=2)  # fmt: skip
    # a ground under each name, not a stroke: a path effect turns text into outlines
    ground = {"boxstyle": "round,pad=0.15", "fc": paper, "ec": "none", "alpha": 0.75}
    below = _below(drawing)
    for key, (x, y) in drawing.positions.items():  # each name just over (or under) its node
        offset = area[key] ** 0.5 / 2 + 2
        axes.annotate(drawing.labels[key], (x, y), xytext=(0, -offset if key in below else offset),
                      textcoords="offset points", ha="center",
                      va="top" if key in below else "bottom", fontsize=8, color=ink,
                      bbox=ground, zorder=3)  # fmt: skip
    axes.margins(0.08, 0.16)  # room for the names over the top nodes and under the lowest
    axes.set_aspect("equal", adjustable="box")  # never clips: the box gives way, not the data
    _legend(axes, made, drawing, ink, _group_colours(drawing, groups))
    return fig, drawing


def _group_colours(drawing: Drawing, groups: Mapping[str, str] | None) -> dict[str, str]:
    """Group -> colour, for the groups of the first-mode nodes drawn (most common first)."""
    if not groups:
        return {}
    found = Counter(groups[drawing.labels[k]] for k in drawing.positions
                    if k.startswith("1:") and drawing.labels[k] in groups)  # fmt: skip
    ranked = sorted(found, key=lambda g: (-found[g], g))
    return {g: GROUP_COLOURS[n % len(GROUP_COLOURS)] for n, g in enumerate(ranked)}


def _colours(drawing: Drawing, groups: Mapping[str, str] | None) -> dict[str, str]:
    by_group = _group_colours(drawing, groups)
    chosen = {}
    for key in drawing.positions:
        if key.startswith("2:"):
            chosen[key] = SECOND_MODE
        else:
            group = (groups or {}).get(drawing.labels[key])
            chosen[key] = by_group.get(group, FIRST_MODE) if group else FIRST_MODE
    return chosen


def _legend(
    axes: Any, made: Network, drawing: Drawing, ink: str, by_group: Mapping[str, str]
) -> None:
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], color=colour, marker="o", lw=0, label=group)
               for group, colour in by_group.items()] if len(by_group) > 1 else []  # fmt: skip
    if any(w < 0 for _a, _b, w in drawing.edges):
        handles += [Line2D([], [], color=POSITIVE_EDGE, lw=2, label="more agreement"),
                    Line2D([], [], color=NEGATIVE_EDGE, lw=2, label="more conflict")]  # fmt: skip
    if not made.one_mode:
        if len(by_group) < 2:
            handles.append(Line2D([], [], color=FIRST_MODE, marker="o", lw=0, label="actors"))
        handles.append(Line2D([], [], color=SECOND_MODE, marker="s", lw=0, label="concepts"))
    if handles:
        legend = axes.legend(handles=handles, fontsize=8, frameon=False, loc="lower right")
        for text in legend.get_texts():
            text.set_color(ink)


def save_network(
    made: Network, title: str, out: Path, groups: Mapping[str, str] | None = None
) -> None:
    """SVG, PDF or PNG by the extension."""
    fig, _drawing = network_figure(made, title, groups=groups)
    save_figure(fig, out)


def _below(drawing: Drawing) -> set[str]:
    """The nodes whose names go under them: the lower end of each tie whose ends are near in
    height, so two names side by side do not run into each other."""
    below: set[str] = set()
    for a, b, _weight in drawing.edges:
        (_xa, ya), (_xb, yb) = drawing.positions[a], drawing.positions[b]
        if abs(ya - yb) < 0.3 and not {a, b} & below:
            below.add(a if ya < yb else b)
    return below


def _aspect(drawing: Drawing) -> float:
    """Height over width for the figure: the layout's own, within reason, plus the title."""
    if len(drawing.positions) < 2:
        return 0.6
    xs = [x for x, _y in drawing.positions.values()]
    ys = [y for _x, y in drawing.positions.values()]
    ratio = (max(ys) - min(ys) + 0.8) / (max(xs) - min(xs) + 0.8)
    return min(max(ratio, 0.45), 1.1) + 0.12


def _squared(p: tuple[float, float], q: tuple[float, float]) -> float:
    return (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2


def _to_segment(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy)
                                              / length))  # fmt: skip
    return math.sqrt(_squared(p, (a[0] + t * dx, a[1] + t * dy)))
