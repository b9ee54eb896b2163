"""Candidate claims: only what someone is said to claim, with a kind its words show."""

from annotator.assist.claims import ClaimFinder
from annotator.domain.actors import Actor, ActorKind

REGISTRY = [
    Actor(1, "Adaeze Okafor", ActorKind.PERSON, ("Okafor",), None, None, None),
    Actor(2, "Jana Becker", ActorKind.PERSON, ("Becker",), None, None, None),
]


def claims(text, language=None):
    return [
        (text[d.start : d.end], d.attributes["kind"], d.links[0].actor_id)
        for d in ClaimFinder(REGISTRY).find(text, language)
    ]


def test_each_kind_from_what_a_speaker_says():
    text = (
        "“Costs rose by 12 percent last year,” Okafor said. Becker said the council must "
        "publish the bill. “The barrier will hold,” Okafor added. Becker accused the mayor of "
        "hiding the numbers."
    )
    assert claims(text, "en") == [
        ("Costs rose by 12 percent last year", "statistic", 1),
        ("the council must publish the bill", "demand", 2),
        ("The barrier will hold", "prediction", 1),
        ("the mayor of hiding the numbers", "accusation", 2),
    ]


def test_german_and_french():
    assert claims("„Die Mieten sind um 8 Prozent gestiegen“, sagte Becker.", "de") == [
        ("Die Mieten sind um 8 Prozent gestiegen", "statistic", 2)]  # fmt: skip
    assert claims("« Il faut agir maintenant », a déclaré Okafor.", "fr") == [
        ("Il faut agir maintenant", "demand", 1)]  # fmt: skip


def test_nothing_nobody_is_said_to_claim_and_nothing_without_a_kind():
    assert claims("Costs rose by 12 percent last year. The council will meet.", "en") == []
    assert claims("“We met on Tuesday,” Okafor said.", "en") == []
