import pytest

from annotator.domain.quotes import quote_kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("“We will rebuild.”", "direct"),
        ("„Wir bauen neu“,", "direct"),
        ("« Nous reconstruirons »", "direct"),
        ('"We will rebuild."', "direct"),
        ("that the city “cannot pay for concrete”", "mixed"),
        ("the barrier would be finished by 2028", "indirect"),
        ("the council's plan won't work", "indirect"),  # apostrophes are not quotation marks
        ("he called it a ‘turning point’", "mixed"),
    ],
)
def test_the_kind_of_a_quote_follows_its_marks(text, kind):
    assert quote_kind(text) == kind
