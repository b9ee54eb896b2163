"""Actors everywhere: every name and alias found, whole words only, with the name's capitals."""

from annotator.assist.actors import ActorFinder
from annotator.domain.actors import Actor, ActorKind


def actor(id_, name, *aliases, kind=ActorKind.PERSON):
    return Actor(id_, name, kind, tuple(aliases), None, None, None)


REGISTRY = [
    actor(1, "Adaeze Okafor", "Okafor", "Mayor Okafor"),
    actor(2, "United States", "US", kind=ActorKind.STATE),
    actor(3, "Port Authority", "the port authority", kind=ActorKind.ORGANISATION),
    actor(4, "Élysée", kind=ActorKind.ORGANISATION),
    actor(5, "قطر", kind=ActorKind.STATE),
]


def found(text, registry=REGISTRY, taken=()):
    result = ActorFinder(registry).find(text, taken)
    return [(text[d.start : d.end], d.actor_id) for d in result.drafts]


def test_every_exact_name_and_alias_is_found_and_the_longest_wins():
    text = "Mayor Okafor met the US envoy. Adaeze Okafor said Okafor would stay."
    assert found(text) == [("Mayor Okafor", 1), ("US", 2), ("Adaeze Okafor", 1), ("Okafor", 1)]


def test_a_longer_name_starting_inside_a_shorter_one_wins():
    registry = [actor(1, "Chamber of Commerce", "the chamber", kind=ActorKind.ORGANISATION)]
    text = "The Chamber of Commerce warned. The chamber agreed."
    assert found(text, registry) == [("Chamber of Commerce", 1), ("The chamber", 1)]


def test_never_inside_a_longer_word():
    text = "Okaforian USB plus BUSES, okafor-style, Élyséeen and قطري"
    assert found(text) == []


def test_capitals_of_the_name_must_be_capitals_in_the_text():
    text = "PORT AUTHORITY SAYS. The port authority agreed; us and Us are not the US."
    assert found(text) == [("PORT AUTHORITY", 3), ("The port authority", 3), ("US", 2)]


def test_clitics_stay_outside_as_in_the_workbench():
    text = "Okafor’s plan, Okafor's staff, l’Élysée et d'Élysée; وقطر"
    assert found(text) == [("Okafor", 1), ("Okafor", 1), ("Élysée", 4), ("Élysée", 4), ("قطر", 5)]


def test_text_already_annotated_is_skipped():
    text = "Mayor Okafor and Okafor"
    assert found(text, taken=[(0, 12)]) == [("Okafor", 1)]
    assert found(text, taken=[(0, 23), (6, 12)]) == []  # nested spans: covered all the same


def test_a_wording_two_actors_share_is_left_out_and_counted():
    registry = [actor(1, "Ana Silva", "Silva"), actor(2, "Rui Silva", "Silva")]
    result = ActorFinder(registry).find("Silva spoke to Ana Silva.")
    assert [(d.start, d.actor_id) for d in result.drafts] == [(15, 1)]
    assert result.ambiguous == 1


def test_offsets_are_code_points_with_emoji_combining_marks_crlf_and_rtl():
    text = "👩🏽‍🚒 Cafe\u0301 news\r\nقال قطر\r\nOkafor 🇳🇬 said"
    spans = ActorFinder(REGISTRY).find(text).drafts
    assert [text[d.start : d.end] for d in spans] == ["قطر", "Okafor"]
    assert spans[1].start == text.index("Okafor")


def test_says_why_each_span_was_suggested():
    [alias, name] = ActorFinder(REGISTRY).find("Okafor, United States").drafts
    assert alias.suggestion.engine == "actors"
    assert alias.suggestion.reason == "alias “Okafor” of Adaeze Okafor"
    assert name.suggestion.reason == "name of United States"
