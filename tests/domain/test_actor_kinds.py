"""A new actor's kind is first guessed from its name, so most actors need no extra key."""

import pytest

from annotator.domain.actor_kinds import guess_kind
from annotator.domain.actors import ActorKind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Adaeze Okafor", ActorKind.PERSON),
        ("Zoé Okafor", ActorKind.PERSON),
        ("", ActorKind.PERSON),
        ("Regional Water Authority", ActorKind.ORGANISATION),
        ("Port Elden city council", ActorKind.ORGANISATION),
        ("Acme Ltd.", ActorKind.ORGANISATION),
        ("The Elden Courier", ActorKind.MEDIA),
        ("Republic of Korea", ActorKind.STATE),
        ("United States", ActorKind.STATE),
        ("Harbour residents", ActorKind.GROUP),
        ("State Department", ActorKind.ORGANISATION),  # an office, not a state
        ("Secretary of State Lin", ActorKind.PERSON),
    ],
)
def test_the_kind_is_guessed_from_the_words_of_the_name(name, kind):
    assert guess_kind(name) == kind
