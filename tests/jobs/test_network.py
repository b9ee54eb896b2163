"""annotator network on a project: statements from claims, outputs loaded by networkx."""

import csv
from datetime import date

import networkx as nx
import pytest

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft, LinkDraft
from annotator.domain.documents import DocumentDraft
from tests.cli.test_cli import run


@pytest.fixture
def claims(project):
    texts = [("Barrier plan debated.", date(2024, 1, 2)), ("Rents rising fast.", date(2024, 1, 20))]
    project.documents.add_many(
        DocumentDraft(text=t, title=f"D{n}", published=d, source="Courier")
        for n, (t, d) in enumerate(texts)
    )  # fmt: skip
    people = {n: project.actors.create(ActorDraft(n, k)).id for n, k in
              (("Okafor", ActorKind.PERSON), ("Reyes", ActorKind.PERSON),
               ("Union", ActorKind.ORGANISATION))}  # fmt: skip
    plan = [(1, "Okafor", "barrier", "for"), (1, "Reyes", "barrier", "against"),
            (1, "Union", "barrier", "for"), (2, "Okafor", "rents", "against"),
            (2, "Reyes", "rents", "against"), (2, "Union", None, "for")]  # fmt: skip
    for n, (document, who, topic, stance) in enumerate(plan):
        attributes = {"kind": "evaluation", "stance": stance} | ({"topic": topic} if topic else {})
        project.annotations.create(document, AnnotationDraft(
            "claim", n % 3 * 4, n % 3 * 4 + 3, attributes=attributes,
            links=(LinkDraft("claimant", actor_id=people[who]),)))  # fmt: skip
    return project


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
