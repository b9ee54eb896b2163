"""An annotated import goes through the same rules as an edit: values the scheme does not
allow are counted as not taken, and a speaker written as a name becomes a link to an actor."""

import json

from annotator.jobs.importer import import_paths

TEXT = 'Mayor Okafor said "we will build it" on Monday.'


def _native(tmp_path, spans):
    path = tmp_path / "in.jsonl"
    record = {"format": "annotator-jsonl/1", "title": "t", "text": TEXT, "spans": spans}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def _quote(key, **attributes):
    start = TEXT.index('"')
    end = TEXT.index('"', start + 1) + 1
    return {"key": key, "layer": "quote", "start": start, "end": end, "attributes": attributes}


def test_a_choice_outside_the_scheme_is_not_stored_and_is_counted(project, tmp_path):
    report = import_paths(project, [_native(tmp_path, [_quote("q1", kind="shouted", cue="said")])])
    outcome = report.files[0]
    assert outcome.error is None and outcome.spans == 1
    [quote] = project.annotations.for_document(1)
    assert quote.attributes == {"cue": "said"}
    assert sum(outcome.losses.counts.values()) == 1
    [(_kind, example)] = outcome.losses.examples.items()
    assert "shouted" in example and "direct, indirect, mixed" in example
    assert project.scheme.load().layer("quote").attribute("kind").choices == (
        "direct", "indirect", "mixed"
    )  # fmt: skip


def test_a_value_of_the_wrong_type_is_not_stored(project, tmp_path):
    report = import_paths(project, [_native(tmp_path, [_quote("q1", kind="direct", cue=7)])])
    [quote] = project.annotations.for_document(1)
    assert quote.attributes == {"kind": "direct"}
    assert sum(report.files[0].losses.counts.values()) == 1


def test_a_speaker_written_as_a_name_is_linked_to_that_actor(project, tmp_path):
    from annotator.domain.actors import ActorDraft

    okafor = project.actors.create(ActorDraft("Adaeze Okafor", aliases=("Okafor",)))
    spans = [_quote("q1", kind="direct", speaker="Okafor"), _quote("q2", speaker="Kwikpay Ltd")]
    spans[1]["start"], spans[1]["end"] = 0, 12  # "Mayor Okafor": another span
    report = import_paths(project, [_native(tmp_path, spans)])
    assert report.files[0].error is None
    quotes = sorted(project.annotations.for_document(1), key=lambda a: a.start)
    assert all("speaker" not in q.attributes for q in quotes)
    links = {q.start: [(link.type, link.actor_id) for link in q.links] for q in quotes}
    assert links[TEXT.index('"')] == [("speaker", okafor.id)]
    created = next(a for a in project.actors.list() if a.name == "Kwikpay Ltd")
    assert links[0] == [("speaker", created.id)]
    assert created.kind.value == "organisation"  # guessed from the name, as in the picker
