"""The quote finder on the constructions it is built for, in five languages and typographies."""

import pytest

from annotator.assist.quotation_marks import quotations
from annotator.assist.quotes import QuoteFinder
from annotator.domain.actors import Actor, ActorKind


def actor(id_, name, *aliases, kind=ActorKind.PERSON):
    return Actor(id_, name, kind, tuple(aliases), None, None, None)


REGISTRY = [
    actor(1, "Adaeze Okafor", "Okafor"),
    actor(2, "Tom Reyes", "Reyes"),
    actor(3, "Health Ministry", "the ministry", kind=ActorKind.ORGANISATION),
]


def found(text, language=None, registry=REGISTRY):
    return [
        (text[d.start : d.end], d.attributes["kind"], d.links[0].actor_id if d.links else None)
        for d in QuoteFinder(registry).find(text, language)
    ]


@pytest.mark.parametrize(
    "text",
    ["“Yes,” he said.", '"Yes," he said.', "„Ja“, sagte er.", "»Ja«, sagte er.",
     "«\u00a0Oui\u00a0», a-t-il dit.", "‹Oui›, dit-il.", "‚Ja‘, sagte er."],
)  # fmt: skip
def test_quotation_marks_pair_in_each_typography(text):
    [(start, end)] = quotations(text)
    assert start == 0 and text[end - 1] in '”"“«»›‘'
    assert text[1 : end - 1].strip("\u00a0,") in ("Yes", "Ja", "Oui")


def test_an_apostrophe_is_not_a_quotation_mark():
    assert quotations("Okafor's plan and the mayor’s reply") == []


def test_direct_quotes_with_the_speaker_after_before_and_by_pronoun():
    text = (
        "Adaeze Okafor opened the meeting. “We will not close the harbour,” she said. "
        "Tom Reyes said: “Show us the bill.” “Nobody has,” said Reyes."
    )
    assert found(text, "en") == [
        ("“We will not close the harbour,”", "direct", 1),
        ("“Show us the bill.”", "direct", 2),
        ("“Nobody has,”", "direct", 2),
    ]


def test_a_quote_split_by_its_attribution_is_two_quotes_of_one_speaker():
    text = "„Wir bauen so schnell wie nie“, sagte Okafor, „aber das braucht Zeit.“"
    assert found(text, "de") == [
        ("„Wir bauen so schnell wie nie“", "direct", 1),
        ("„aber das braucht Zeit.“", "direct", 1),
    ]


def test_mixed_quotes_span_the_reported_clause():
    text = "Reyes said the plan was “too expensive by half”."
    assert found(text, "en") == [("the plan was “too expensive by half”", "mixed", 2)]


def test_indirect_speech_in_english_german_french_spanish_and_arabic():
    assert found("Okafor said that the barrier would hold.", "en") == [
        ("the barrier would hold", "indirect", 1)]  # fmt: skip
    assert found("Reyes told reporters the plan was too expensive.", "en") == [
        ("the plan was too expensive", "indirect", 2)]  # fmt: skip
    assert found("Reyes told the board the plan was too expensive.", "en")[0][0] == (
        "the plan was too expensive")  # fmt: skip
    assert found("The clinic will stay open, the ministry said.", "en") == [
        ("The clinic will stay open", "indirect", 3)]  # fmt: skip
    assert found("Reyes sagte, das Angebot decke nicht einmal die Inflation.", "de") == [
        ("das Angebot decke nicht einmal die Inflation", "indirect", 2)]  # fmt: skip
    assert found("Okafor a affirmé que l’État tiendrait ses engagements.", "fr") == [
        ("l’État tiendrait ses engagements", "indirect", 1)]  # fmt: skip
    assert found("Reyes dijo que el plan era demasiado caro.", "es") == [
        ("el plan era demasiado caro", "indirect", 2)]  # fmt: skip
    arabic = [actor(7, "قطر", kind=ActorKind.STATE)]
    assert found("قال قطر إن المحادثات ستستمر غدا في الدوحة.", "ar", arabic) == [
        ("المحادثات ستستمر غدا في الدوحة", "indirect", 7)]  # fmt: skip


def test_according_to_before_and_after():
    assert found("According to the ministry, costs rose by 12 percent.", "en") == [
        ("costs rose by 12 percent", "indirect", 3)]  # fmt: skip
    assert found("Un train sur deux circulera jeudi, selon Okafor.", "fr") == [
        ("Un train sur deux circulera jeudi", "indirect", 1)]  # fmt: skip


def test_a_scare_quote_is_left_alone():
    assert found("The so-called “reform” passed on Monday.", "en") == []


def test_offsets_are_code_points_with_emoji_combining_marks_crlf_and_rtl():
    text = (
        "👩🏽\u200d🚒 Cafe\u0301 news.\r\n“Señor Okafor ✅ is here,” said Okafor.\r\n"
        "قال قطر إن الاجتماع انتهى."
    )
    registry = [*REGISTRY, actor(7, "قطر", kind=ActorKind.STATE)]
    results = QuoteFinder(registry).find(text, "en")
    direct = results[0]
    assert text[direct.start : direct.end] == "“Señor Okafor ✅ is here,”"
    assert direct.start == text.index("“")
