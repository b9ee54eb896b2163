"""annotator network on a project: statements from claims, outputs loaded by networkx."""

import csv

import networkx as nx
import pytest

from annotator.charts.network_figure import layout, network_figure
from annotator.jobs.network import NetworkOptions, build
from tests.cli.test_cli import run
from tests.network_claims import add_claims


@pytest.fixture
def claims(project):
    return add_claims(project)


def test_congruence_network_as_graphml_csv_and_dl(capsys, claims, tmp_path):
    db = str(claims.db.where)
    out = tmp_path / "congruence.graphml"
    code, printed, _ = run(capsys, "network", "--db", db, "--qualifier", "stance",
                           "--aggregation", "congruence", "--out", str(out))  # fmt: skip
    assert code == 0 and "5 statements" in printed and "1 with no topic" in printed
    graph = nx.read_graphml(out)
    labels = {node: data["label"] for node, data in graph.nodes(data=True)}
    weights = {tuple(sorted((labels[a], labels[b]))): d["weight"]
               for a, b, d in graph.edges(data=True)}  # fmt: skip
    # barrier: Okafor and Union both for; rents: Okafor and Reyes both against
    assert weights == {("Okafor", "Union"): 1.0, ("Okafor", "Reyes"): 1.0}
    edges = tmp_path / "conflict.csv"
    run(capsys, "network", "--db", db, "--qualifier", "stance", "--aggregation", "conflict",
        "--out", str(edges))  # fmt: skip
    rows = list(csv.DictReader(edges.open(encoding="utf-8")))
    assert {(r["source"], r["target"], r["weight"]) for r in rows} == {
        ("Okafor", "Reyes", "1"), ("Reyes", "Union", "1")}  # fmt: skip
    dl = tmp_path / "twomode.dl"
    run(capsys, "network", "--db", db, "--type", "twomode", "--out", str(dl))
    text = dl.read_text(encoding="utf-8").splitlines()
    assert text[0] == "dl nr=3, nc=2" and text[3] == '"Okafor" "Reyes" "Union"'
    assert text[-3:] == ["1 1", "1 1", "1 0"]


def test_windows_and_the_event_list(capsys, claims, tmp_path):
    db = str(claims.db.where)
    out = tmp_path / "w.graphml"
    code, _, _ = run(capsys, "network", "--db", db, "--window", "14d", "--step", "14d",
                           "--out", str(out))  # fmt: skip
    assert code == 0
    files = sorted(p.name for p in tmp_path.glob("w_*.graphml"))
    assert files == ["w_2024-01-02.graphml", "w_2024-01-16.graphml"]
    events = tmp_path / "events.csv"
    run(capsys, "network", "--db", db, "--type", "eventlist", "--qualifier", "stance",
        "--out", str(events))  # fmt: skip
    rows = list(csv.DictReader(events.open(encoding="utf-8")))
    assert [r["date"] for r in rows] == ["2024-01-02"] * 3 + ["2024-01-20"] * 2
    code, _, err = run(capsys, "network", "--db", db, "--aggregation", "conflict",
                       "--out", str(tmp_path / "x.csv"))  # fmt: skip
    assert code != 0 and "needs a --qualifier" in err


def test_the_statements_behind_a_node_and_a_tie(claims):
    def texts(report, *names):
        by_id = {r.statement.id: r.statement for r in report.rows}
        return sorted((by_id[i].first, by_id[i].second, by_id[i].qualifier)
                      for i in report.behind(*names))  # fmt: skip

    congruence = build(claims, NetworkOptions(qualifier="stance", aggregation="congruence"))
    assert texts(congruence, "Okafor", "Union") == [
        ("Okafor", "barrier", "for"), ("Union", "barrier", "for")]  # fmt: skip
    assert texts(congruence, "Okafor") == [("Okafor", "barrier", "for"),
                                           ("Okafor", "rents", "against")]  # fmt: skip
    conflict = build(claims, NetworkOptions(qualifier="stance", aggregation="conflict"))
    assert texts(conflict, "Reyes", "Union") == [
        ("Reyes", "barrier", "against"), ("Union", "barrier", "for")]  # fmt: skip
    plain = build(claims, NetworkOptions())
    assert len(texts(plain, "Okafor", "Reyes")) == 4  # both topics, either stance
    two_mode = build(claims, NetworkOptions(type="twomode"))
    assert texts(two_mode, "Reyes", "rents") == [("Reyes", "rents", None)]
    assert texts(two_mode, "rents") == [("Okafor", "rents", None), ("Reyes", "rents", None)]


def test_a_picture_of_the_network(capsys, claims, tmp_path):
    out = tmp_path / "net.png"
    code, _printed, _ = run(capsys, "network", "--db", str(claims.db.where), "--qualifier",
                           "stance", "--aggregation", "subtract", "--out", str(out))  # fmt: skip
    assert code == 0 and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = tmp_path / "net.svg"
    run(capsys, "network", "--db", str(claims.db.where), "--type", "twomode", "--out", str(svg))
    drawn = svg.read_text(encoding="utf-8")
    assert drawn.count("<path") > 5 and ">Okafor</text>" in drawn  # names stay text
    made = build(claims, NetworkOptions(qualifier="stance", aggregation="subtract")).networks[0]
    drawing = layout(made)
    assert set(drawing.labels.values()) == {"Okafor", "Reyes", "Union"}
    # subtract: barrier Okafor–Union agree (+1), Okafor–Reyes disagree on barrier and agree on
    # rents (0: no tie), Reyes–Union disagree (−1)
    assert sorted((drawing.labels[a], drawing.labels[b], w) for a, b, w in drawing.edges) == [
        ("Okafor", "Union", 1.0), ("Reyes", "Union", -1.0)]  # fmt: skip
    _figure, same = network_figure(made, "title")
    assert same.positions == drawing.positions  # seeded: drawn the same way twice
    for key, (x, y) in drawing.positions.items():
        assert drawing.node_at(x + 0.01, y) == drawing.labels[key]
    okafor, union = (next(p for k, p in drawing.positions.items() if drawing.labels[k] == name)
                     for name in ("Okafor", "Union"))  # fmt: skip
    middle = ((okafor[0] + union[0]) / 2, (okafor[1] + union[1]) / 2)
    assert drawing.edge_at(*middle) == ("Okafor", "Union")


def test_separate_parts_are_drawn_apart_and_big_networks_cut():
    from annotator.analysis.networks import Network

    names = [f"A{n:02}" for n in range(80)]
    weights = {}
    for n in range(0, 80, 2):  # 40 pairs, each its own part
        weights[(names[n], names[n + 1])] = weights[(names[n + 1], names[n])] = float(n + 1)
    drawing = layout(Network(names, names, weights), limit=60)
    assert len(drawing.positions) == 60 and drawing.left_out == 20
    assert drawing.note() == "\nthe 60 most connected of 80 tied nodes drawn"
    assert "A79" in drawing.labels.values() and "A00" not in drawing.labels.values()
    keys = list(drawing.positions)
    closest_other = min(
        ((drawing.positions[a][0] - drawing.positions[b][0]) ** 2
         + (drawing.positions[a][1] - drawing.positions[b][1]) ** 2) ** 0.5
        for a in keys for b in keys
        if a != b and int(drawing.labels[a][1:]) // 2 != int(drawing.labels[b][1:]) // 2
    )  # fmt: skip
    assert closest_other > 0.5  # parts do not sit on each other


def test_a_layer_without_speakers_is_refused_by_name(capsys, claims, tmp_path):
    scheme = claims.scheme.load()
    assert [(layer.name, layer.statement_actor) for layer in scheme.layers] == [
        ("actor", None),
        ("quote", "speaker"),
        ("claim", "claimant"),
    ]  # the addressee is not who
    code, _, err = run(capsys, "network", "--db", str(claims.db.where), "--layer", "actor",
                       "--out", str(tmp_path / "x.graphml"))  # fmt: skip
    assert code != 0 and "actor layer's spans name no speaker or claimant" in err
    assert not (tmp_path / "x.graphml").exists()


def test_a_statement_without_the_qualifier_counts_unless_the_qualifier_is_aggregated(claims):
    from annotator.domain.annotations import AnnotationDraft, LinkDraft

    okafor = next(a.id for a in claims.actors.list() if a.name == "Okafor")
    claims.annotations.create(2, AnnotationDraft(
        "claim", 0, 7, attributes={"kind": "evaluation", "topic": "rents"},
        links=(LinkDraft("claimant", actor_id=okafor),)))  # fmt: skip
    ignored = build(claims, NetworkOptions(qualifier="stance"))
    assert ignored.statements == 6 and ignored.left_out == {"no topic": 1}
    assert ignored.networks[0].weight("Okafor", "Reyes") == 3  # barrier 1×1, rents 2×1
    aggregated = build(claims, NetworkOptions(qualifier="stance", aggregation="congruence"))
    assert aggregated.statements == 5 and aggregated.left_out == {"no topic": 1, "no stance": 1}


def test_nodes_carry_their_kind_and_statements_for_gephi_and_the_picture(capsys, claims,
                                                                         tmp_path):  # fmt: skip
    out = tmp_path / "kinds.graphml"
    run(capsys, "network", "--db", str(claims.db.where), "--out", str(out))
    nodes = {d["label"]: d for _n, d in nx.read_graphml(out).nodes(data=True)}
    assert {name: (d["kind"], d["statements"]) for name, d in nodes.items()} == {
        "Okafor": ("person", 2), "Reyes": ("person", 2), "Union": ("organisation", 1)}  # fmt: skip
    report = build(claims, NetworkOptions())
    _figure, drawing = network_figure(report.networks[0], "t", groups=report.groups())
    from annotator.charts.network_figure import _colours

    colours = {drawing.labels[k]: c for k, c in _colours(drawing, report.groups()).items()}
    assert colours["Okafor"] == colours["Reyes"] != colours["Union"]  # people, organisation
    assert build(claims, NetworkOptions(var1="topic", var2="actor")).groups() is None
