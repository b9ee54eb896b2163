"""The picker offers first the actor the annotator most likely means: the one named nearest to
the span in its own sentence."""

from annotator.domain.annotations import Annotation
from annotator.domain.nearby import actors_by_proximity

TEXT = (
    "Its chief engineer, Henrik Saar, told councillors that the barrier would cut that number "
    "to fewer than 50. Opposition councillor Tomás Reyes voted against the plan."
)
SAAR, REYES = 1, 2


def mention(words: str, actor: int) -> Annotation:
    start = TEXT.index(words)
    return Annotation(
        id=actor, document_id=1, layer="actor", label=None, start=start,
        end=start + len(words), text=words, attributes={}, actor_id=actor, links=(),
        annotator="ann", origin="manual",
    )  # fmt: skip


def test_the_speaker_in_the_quotes_own_sentence_comes_before_a_closer_name_in_the_next():
    quote = "the barrier would cut that number to fewer than 50"
    start = TEXT.index(quote)
    mentions = [mention("Henrik Saar", SAAR), mention("Tomás Reyes", REYES)]
    assert actors_by_proximity(mentions, start, start + len(quote), TEXT) == [SAAR, REYES]


def test_without_the_text_the_nearest_name_comes_first():
    quote = "the barrier would cut that number to fewer than 50."
    start = TEXT.index(quote)
    mentions = [mention("Henrik Saar", SAAR), mention("Opposition", REYES)]
    assert actors_by_proximity(mentions, start, start + len(quote)) == [REYES, SAAR]
