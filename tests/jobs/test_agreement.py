"""Agreement over a project: three annotators on the same articles."""

import pytest

from annotator.domain.actors import ActorDraft
from annotator.domain.annotations import AnnotationDraft, LinkDraft
from annotator.domain.documents import DocumentDraft
from annotator.domain.errors import UsageError
from annotator.jobs.agreement import AgreementOptions, agreement
from annotator.store.project import Project

TEXT = 'Mayor Okafor said "we will build it" and the council said "not with our money".'


def _quote(text, words):
    start = text.index(words)
    return start, start + len(words)


@pytest.fixture
def team(tmp_path):
    path = tmp_path / "p.sqlite"
    with Project.open(path, "owner") as owner:
        owner.documents.add_many([DocumentDraft(text=TEXT, title="Barrier")])
        okafor = owner.actors.create(ActorDraft("Okafor"))
        council = owner.actors.create(ActorDraft("Council"))
    first = _quote(TEXT, '"we will build it"')
    second = _quote(TEXT, '"not with our money"')
    plans = {
        "alice": [(first, "direct", okafor.id), (second, "direct", council.id)],
        "bob": [(first, "direct", okafor.id), ((second[0] + 1, second[1]), "indirect", council.id)],
        "carol": [(first, "direct", council.id)],
    }
    for name, spans in plans.items():
        with Project.open(path, name) as project:
            for (start, end), kind, speaker in spans:
                project.annotations.create(1, AnnotationDraft(
                    "quote", start, end, attributes={"kind": kind},
                    links=(LinkDraft("speaker", actor_id=speaker),)))  # fmt: skip
    return path


def test_pairwise_f1_attribute_agreement_and_the_disagreements(team):
    with Project.open(team) as project:
        report = agreement(project, AgreementOptions(layers=frozenset({"quote"})))
    assert report.annotators == ["alice", "bob", "carol"]
    [quotes] = report.layers
    pairs = {(p.first, p.second): p for p in quotes.pairs}
    assert pairs[("alice", "bob")].exact.f1 == pytest.approx(0.5)  # one of two identical
    assert pairs[("alice", "bob")].overlap.f1 == 1.0
    assert pairs[("alice", "carol")].overlap.f1 == pytest.approx(2 / 3)
    kinds = {a.name: a for a in quotes.attributes}
    assert kinds["kind"].units == 2 and kinds["kind"].cohen[("alice", "bob")] is not None
    assert kinds["speaker"].fleiss is not None  # all three marked the first quote
    seen = {(d.text, d.what) for d in report.disagreements}
    assert ('not with our money"', "not carol") in {(t[1:], w) for t, w in seen} or any(
        "not carol" in w for _, w in seen
    )
    assert any(w.startswith("kind: direct (alice) ≠ indirect (bob)") for _, w in seen)
    assert any(w.startswith("speaker:") and "(carol)" in w for _, w in seen)
    assert quotes.alpha_u is not None and 0 < quotes.alpha_u < 1


def test_named_annotators_count_where_they_marked_nothing(team):
    with Project.open(team) as project:
        both = agreement(project, AgreementOptions(annotators=("alice", "dave")))
    quote = next(layer for layer in both.layers if layer.layer == "quote")
    assert quote.pairs[0].overlap.f1 == 0.0
    assert all(d.what == "only alice" for d in both.disagreements if d.layer == "quote")


def test_one_annotator_is_not_enough_and_unknown_layers_are_named(team):
    with Project.open(team) as project:
        with pytest.raises(UsageError, match="two or more annotators"):
            agreement(project, AgreementOptions(annotators=("alice",)))
        with pytest.raises(UsageError, match="no layer quotes"):
            agreement(project, AgreementOptions(layers=frozenset({"quotes"})))


def test_an_assigned_annotator_without_spans_counts_as_disagreeing(team):
    with Project.open(team, "owner") as owner:
        owner.assignments.assign([1], ["alice", "dave"])
        report = agreement(owner, AgreementOptions(layers=frozenset({"quote"})))
    assert "dave" in report.annotators
    [quotes] = report.layers
    pairs = {(p.first, p.second): p for p in quotes.pairs}
    assert pairs[("alice", "dave")].overlap.f1 == 0.0
