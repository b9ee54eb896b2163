"""Hugging Face folders load with `datasets`; GraphML networks load with networkx."""

import json

import networkx as nx
from datasets import load_dataset

from annotator.formats.annotations.report import FormatOptions
from annotator.jobs.exporter import export
from tests.formats.corpus import build


def test_hf_folder_loads_with_its_splits_and_keeps_every_span(project, tmp_path):
    build(project, tmp_path)
    out = tmp_path / "hf"
    export(project, "hf", out, splits={"train": 0.67, "dev": 0.33}, seed=1)
    dataset = load_dataset(str(out))
    assert set(dataset) == {"train", "dev"}  # "dev" is kept as its own split name
    rows = [row for split in dataset.values() for row in split]
    assert len(rows) == 3
    for row in rows:
        stored = project.annotations.for_document(row["id"])
        assert [(s["start"], s["end"], s["layer"]) for s in row["spans"]] == [
            (a.start, a.end, a.layer) for a in stored
        ]
        for span in row["spans"]:
            assert row["text"][span["start"] : span["end"]] == span["text"]
    english = next(r for r in rows if r["id"] == 1)
    claim = next(i for i, s in enumerate(english["spans"]) if s["layer"] == "claim")
    assert json.loads(english["spans"][claim]["attributes"])["stance"] == "against"
    kinds = {link["type"]: link for link in english["links"] if link["source"] == claim}
    assert kinds["claimant"]["target_actor"] == "Port Elden City Council"
    assert english["spans"][kinds["responds_to"]["target_span"]]["layer"] == "quote"
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "| `actor` |" in card and "load_dataset" in card


def test_hf_without_splits_is_one_train_split(project, tmp_path):
    build(project, tmp_path)
    export(project, "hf", tmp_path / "hf")
    assert list(load_dataset(str(tmp_path / "hf"))) == ["train"]


def test_actor_network_has_speech_cooccurrence_and_affiliation_edges(project, tmp_path):
    actors = build(project, tmp_path)
    out = tmp_path / "actors.graphml"
    export(project, "graphml", out)
    graph = nx.read_graphml(out)
    okafor, council, city = (f"actor:{actors[k].id}" for k in ("okafor", "council", "city"))
    assert graph.nodes[okafor]["label"] == "Zoë Okafor" and graph.nodes[okafor]["mentions"] == 2
    edges = {(u, v, d["type"]): d["weight"] for u, v, d in graph.edges(data=True)}
    assert edges[(council, okafor, "addresses")] == 1
    assert edges[(council, city, "belongs_to")] == 1
    assert (council, city, "claims_about") in edges  # Port Elden is named inside the claim
    assert edges[(city, council, "co_occurs")] == 1  # pairs run from the older actor


def test_actor_topic_network_carries_stance(project, tmp_path):
    actors = build(project, tmp_path)
    out = tmp_path / "topics.graphml"
    export(project, "graphml", out, options=FormatOptions(network="actor-topic"))
    graph = nx.read_graphml(out)
    edge = graph.edges[f"actor:{actors['council'].id}", "topic:barrier"]
    assert edge["stance"] == "against" and edge["against"] == 1 and edge["weight"] == 1
    assert graph.nodes["topic:barrier"]["part"] == "topic"
