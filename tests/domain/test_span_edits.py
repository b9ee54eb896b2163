"""The span-editing rules the workbench applies, as plain functions."""

from annotator.domain.annotations import Annotation, Link, Origin
from annotator.domain.span_edits import moved_to_layer, with_actor, with_value
from annotator.store.project import default_scheme

SCHEME = default_scheme()


def _quote(**changes):
    base = dict(
        id=1, document_id=1, layer="quote", label=None, start=0, end=10, text="x" * 10,
        attributes={"kind": "direct", "cue": "said"}, actor_id=None,
        links=(Link(1, "speaker", 1, 7, None),), annotator="a", origin=Origin.MANUAL,
    )  # fmt: skip
    return Annotation(**{**base, **changes})


def test_a_quote_moved_to_claims_keeps_its_speaker_as_claimant_and_drops_what_claims_lack():
    draft = moved_to_layer(_quote(), SCHEME.layer("quote"), SCHEME.layer("claim"))
    assert draft.layer == "claim"
    assert draft.attributes == {}  # a claim's kind has other choices; claims have no cue
    assert [(link.type, link.actor_id) for link in draft.links] == [("claimant", 7)]


def test_a_value_a_new_layer_accepts_is_kept_and_actors_stay_only_on_mentions():
    quote = _quote(attributes={"kind": "direct"}, actor_id=3, links=())
    assert moved_to_layer(quote, SCHEME.layer("quote"), SCHEME.layer("actor")).actor_id == 3
    back = moved_to_layer(_quote(actor_id=3), SCHEME.layer("actor"), SCHEME.layer("quote"))
    assert back.attributes == {"kind": "direct", "cue": "said"} and back.actor_id is None


def test_linking_and_setting_values():
    quote = _quote()
    assert [(x.type, x.actor_id) for x in with_actor(quote, "speaker", 9).links] == [("speaker", 9)]
    assert with_actor(quote, "speaker", None).links == ()
    assert with_actor(quote, "", 4).actor_id == 4
    assert with_value(quote, "cue", None).attributes == {"kind": "direct"}
    assert with_value(quote, "cue", "told").attributes["cue"] == "told"
