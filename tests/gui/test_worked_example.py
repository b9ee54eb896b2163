"""Acceptance: the seed's worked example can be annotated completely through the workbench.

Reads ``../shared/seed`` at run time (the article is not copied into this project) and skips
when it is not there. Every actor, mention, quote and claim is made the way a person does it:
select the text, press the layer's key, answer the actor picker, fill in the span's details.
"""

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.gui.dialogs.actor_picker import NO_ACTOR, PickedActor
from annotator.jobs.importer import import_paths

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed"
pytestmark = pytest.mark.skipif(
    not (SEED / "worked-example.json").exists(), reason="../shared/seed is not beside the repo"
)


def tag(qtbot, window, start, end, key, answer):
    window.view.select_text(start, end)
    if window.view.text_selection() != (start, end):  # a span that does not end on a word
        window.actions_by_name["snap"].trigger()
        assert window.view.text_selection() == (start, end)
    window.annotating.pick_actor = lambda text, nearby, where, prompt: answer
    qtbot.keyClick(window.view, key)
    if not window.view.snap_to_words:
        window.actions_by_name["snap"].trigger()
    return window.details.annotation


def choose(window, name, value):
    widget = window.details.fields[name]
    if hasattr(widget, "findData"):
        index = widget.findData(value)
        assert index >= 0, (name, value)
        widget.setCurrentIndex(index)
        widget.activated.emit(index)
    else:
        widget.setText(value)
        widget.editingFinished.emit()


def test_the_worked_example_can_be_annotated_completely(qtbot, make_window, project):
    example = json.loads((SEED / "worked-example.json").read_text(encoding="utf-8"))
    report = import_paths(project, [SEED / "article.txt"])
    assert report.imported == 1
    window = make_window(project)
    text = window.view.text
    ids: dict[str, int] = {}
    pending = dict(example["actors"])
    while pending:  # parents first, as the actor editor needs them
        for key, actor in list(pending.items()):
            parent = actor.get("affiliation")
            if parent and parent not in ids:
                continue
            draft = ActorDraft(
                actor["name"], ActorKind(actor["kind"]), tuple(actor.get("aliases", ())),
                parent_id=ids.get(parent) if parent else None,
            )  # fmt: skip
            ids[key] = window.workspace.create_actor(draft).id
            del pending[key]

    for mention in example["mentions"]:
        start, end = mention["span"]
        assert text[start:end] == mention["text"]
        created = tag(qtbot, window, start, end, Qt.Key.Key_A, PickedActor(ids[mention["actor"]]))
        assert (created.start, created.end, created.actor_id) == (start, end, ids[mention["actor"]])

    for quote in example["quotes"]:
        start, end = quote["span"]
        speaker = PickedActor(ids[quote["speaker"]]) if quote.get("speaker") else NO_ACTOR
        tag(qtbot, window, start, end, Qt.Key.Key_Q, speaker)
        choose(window, "kind", quote["kind"])
        choose(window, "cue", quote["cue"])

    for claim in example["claims"]:
        start, end = claim["span"]
        claimant = PickedActor(ids[claim["claimant"]]) if claim.get("claimant") else NO_ACTOR
        tag(qtbot, window, start, end, Qt.Key.Key_C, claimant)
        choose(window, "kind", {"fact": "fact"}.get(claim["kind"], claim["kind"]))
        choose(window, "topic", claim["topic"])
        if claim.get("stance"):
            choose(window, "stance", claim["stance"])

    stored = project.annotations.for_document(1)
    mentions = {(a.start, a.end, a.actor_id) for a in stored if a.layer == "actor"}
    assert mentions == {(m["span"][0], m["span"][1], ids[m["actor"]]) for m in example["mentions"]}
    quotes = {
        (a.start, a.end, a.attributes.get("kind"), a.attributes.get("cue"),
         next((link.actor_id for link in a.links if link.type == "speaker"), None))
        for a in stored if a.layer == "quote"
    }  # fmt: skip
    assert quotes == {
        (q["span"][0], q["span"][1], q["kind"], q["cue"],
         ids[q["speaker"]] if q.get("speaker") else None)
        for q in example["quotes"]
    }  # fmt: skip
    claims = {
        (a.start, a.end, a.attributes.get("kind"), a.attributes.get("topic"),
         a.attributes.get("stance"),
         next((link.actor_id for link in a.links if link.type == "claimant"), None))
        for a in stored if a.layer == "claim"
    }  # fmt: skip
    assert claims == {
        (c["span"][0], c["span"][1], c["kind"], c["topic"], c.get("stance"),
         ids[c["claimant"]] if c.get("claimant") else None)
        for c in example["claims"]
    }  # fmt: skip
    assert len(stored) == len(example["mentions"]) + len(example["quotes"]) + len(example["claims"])
