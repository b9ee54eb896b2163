import pytest

from annotator.domain.errors import ValidationError
from annotator.domain.scheme import AttributeKind, scheme_from_dict, scheme_to_dict
from annotator.store.project import default_scheme


def test_default_scheme_has_the_three_layers_with_hotkeys_and_actor_references():
    scheme = default_scheme()
    assert [layer.name for layer in scheme.layers] == ["actor", "quote", "claim"]
    assert scheme.layer("actor").refers_to_actor
    assert scheme.layer("quote").attribute("speaker").kind is AttributeKind.ACTOR
    assert scheme.layer("claim").attribute("claimant").kind is AttributeKind.ACTOR
    assert scheme.layer("quote").attribute("kind").choices == ("direct", "indirect", "mixed")
    assert sorted(scheme.hotkeys()) == ["A", "C", "Q"]


def test_scheme_survives_a_round_trip_through_its_dict_form():
    scheme = default_scheme()
    assert scheme_from_dict(scheme_to_dict(scheme)) == scheme


def test_attribute_values_are_checked_against_their_kind():
    quote = default_scheme().layer("quote")
    assert quote.check_values({"kind": "direct", "cue": "said"}) == {
        "kind": "direct",
        "cue": "said",
    }
    with pytest.raises(ValidationError, match="one of direct, indirect, mixed"):
        quote.check_values({"kind": "shouted"})
    with pytest.raises(ValidationError, match="no attribute 'colour'"):
        quote.check_values({"colour": "red"})
    with pytest.raises(ValidationError, match="give it as a link"):
        quote.check_values({"speaker": 3})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"layers": [{"name": "a"}, {"name": "a"}]}, "unique"),
        ({"layers": [{"name": "a", "color": "red"}]}, "#rrggbb"),
        ({"layers": [{"name": "bad name"}]}, "letters"),
        ({"layers": [{"name": "a", "attributes": [{"name": "x", "kind": "colour"}]}]}, "kind"),
        ({"layers": [{"name": "a", "attributes": [{"name": "x", "kind": "choice"}]}]}, "choices"),
        ({"layers": [{"name": "a", "hotkey": "A"}, {"name": "b", "hotkey": "a"}]}, "hotkey"),
    ],
)
def test_malformed_schemes_are_refused_with_a_reason(data, message):
    with pytest.raises(ValidationError, match=message):
        scheme_from_dict(data)


def test_numbers_and_booleans_are_not_confused():
    layer = scheme_from_dict(
        {
            "layers": [
                {
                    "name": "x",
                    "attributes": [
                        {"name": "n", "kind": "number"},
                        {"name": "b", "kind": "boolean"},
                    ],
                }
            ]
        }
    ).layer("x")
    assert layer.check_values({"n": 2.5, "b": False}) == {"n": 2.5, "b": False}
    with pytest.raises(ValidationError):
        layer.check_values({"n": True})
    with pytest.raises(ValidationError):
        layer.check_values({"b": 1})
    with pytest.raises(ValidationError):
        layer.check_values({"n": float("nan")})


def test_a_closed_vocabulary_allows_only_its_values():
    from annotator.domain.errors import ValidationError
    from annotator.domain.scheme import (
        AttributeKind,
        AttributeSpec,
        scheme_from_dict,
        scheme_to_dict,
    )

    topic = AttributeSpec(
        "topic", AttributeKind.TEXT, choices=("housing", "transport"), closed=True
    )
    assert topic.check("housing") == "housing"
    with pytest.raises(ValidationError, match="one of housing, transport"):
        topic.check("weather")
    open_topic = AttributeSpec("topic", AttributeKind.TEXT, choices=("housing",))
    assert open_topic.check("weather") == "weather"  # an open vocabulary only suggests
    data = {"name": "s", "layers": [{"name": "claim", "title": "Claim", "color": "#aa0000",
            "attributes": [{"name": "topic", "kind": "text", "choices": ["housing"],
                            "closed": True}]}]}  # fmt: skip
    assert scheme_to_dict(scheme_from_dict(data)) == data
    data["layers"][0]["attributes"][0]["kind"] = "number"
    with pytest.raises(ValidationError, match="can be closed"):
        scheme_from_dict(data)
