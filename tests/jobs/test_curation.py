"""Curation: agreed spans become the curated annotation under a rule; the rest is listed."""

import json

import pytest

from annotator.domain.errors import UsageError
from annotator.jobs.agreement import agreement
from annotator.jobs.curation import CURATED, curate, parse_rule
from annotator.store.project import Project
from tests.cli.test_cli import run
from tests.jobs.test_agreement import team  # noqa: F401 - the fixture


def _curated(project):
    return sorted(
        (a.start, a.end, a.attributes.get("kind"), tuple(x.actor_id for x in a.links))
        for a in project.annotations.for_document(1) if a.annotator == CURATED
    )  # fmt: skip


def test_the_rules_decide_what_is_accepted_and_nothing_twice(team):  # noqa: F811
    with Project.open(team, "curator") as curator:
        strict = curate(curator, rule="all")
        assert strict.accepted == 0  # carol gave the first quote another speaker
        assert len(strict.to_review) == 2
        voted = curate(curator, rule=2)
        assert voted.accepted == 1  # alice and bob agree on the first quote, speaker and all
        [(_start, _end, kind, speakers)] = _curated(curator)
        assert (kind, len(speakers)) == ("direct", 1)
        assert curate(curator, rule=2).already == 1  # never twice
        curator.history.undo()  # the vote's step (the others wrote nothing)
        assert _curated(curator) == []
        report = agreement(curator)
        assert CURATED not in report.annotators  # the curated annotation is no annotator


def test_curate_and_export_the_curated_set_from_a_shell(capsys, team, tmp_path):  # noqa: F811
    db = str(team)
    code, out, _ = run(capsys, "curate", "--db", db, "--rule", "2")
    assert code == 0 and out.splitlines()[-1].startswith("1 span accepted")
    out_file = tmp_path / "curated.jsonl"
    code, out, _ = run(capsys, "export", "--db", db, "--format", "jsonl", "--curated",
                       "--out", str(out_file))  # fmt: skip
    assert code == 0
    [record] = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert [s["annotator"] for s in record["spans"]] == [CURATED]
    code, _, err = run(capsys, "curate", "--db", db, "--rule", "most")
    assert code == 2 and "unknown rule" in err


def test_a_vote_needs_two():
    with pytest.raises(UsageError, match="at least 2"):
        parse_rule("1")


def test_a_curator_fixing_a_curated_span_keeps_it_curated(team):  # noqa: F811
    from dataclasses import replace

    from annotator.domain.annotations import as_draft

    with Project.open(team, "carol-the-curator") as curator:
        curate(curator, rule=2)
        [span] = [a for a in curator.annotations.for_document(1) if a.annotator == CURATED]
        fixed = curator.annotations.update(span.id, replace(as_draft(span), attributes={
            "kind": "mixed"}))  # fmt: skip
        assert (fixed.annotator, fixed.attributes) == (CURATED, {"kind": "mixed"})
        curator.history.undo()
        assert curator.annotations.get(span.id).annotator == CURATED
