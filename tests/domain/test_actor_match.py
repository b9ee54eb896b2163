from annotator.domain.actor_match import (
    bare_name,
    display_name,
    exact_match,
    likely_duplicates,
    rank_actors,
)
from annotator.domain.actors import Actor, ActorKind


def actor(id_, name, *aliases):
    return Actor(id_, name, ActorKind.OTHER, tuple(aliases), None, None, None)


QATAR, EGYPT, HANIYEH = actor(1, "Qatar"), actor(2, "Egypt", "Cairo"), actor(3, "Haniyeh")


def test_names_compare_loosely():
    assert bare_name("Qatar's") == bare_name("QATAR") == "qatar"
    assert bare_name("l’Élysée") == "elysee"
    assert bare_name("“Hamas,”") == "hamas"
    assert display_name("  Qatar’s ") == "Qatar"
    assert exact_match([QATAR], "Qatar's")


def test_a_wording_linked_before_ranks_its_actor_first():
    ranked = rank_actors([QATAR, EGYPT, HANIYEH], "Egyptian officials", [], {EGYPT.id: 2})
    assert ranked == [EGYPT]
    assert rank_actors([QATAR, EGYPT], "cai", [])[0] == EGYPT  # an alias prefix


def test_likely_duplicates_share_a_whole_word_name():
    assert likely_duplicates([QATAR, EGYPT, HANIYEH], "Ismail Haniyeh") == [HANIYEH]
    assert likely_duplicates([QATAR], "Qatar's emir") == [QATAR]
    assert likely_duplicates([QATAR, EGYPT], "Qatari") == []  # not a whole word
