"""``suggest_actors_1k`` and ``suggest_quotes_1k``: the suggestion engines over 1,000 articles,
each against the bare library pass over the same texts. Each run checks its work was done."""

from __future__ import annotations

import random
import re
import time

import ahocorasick

from annotator.assist.actors import ActorFinder
from annotator.assist.quotes import QuoteFinder
from annotator.domain.actors import Actor, ActorKind
from benchmarks.words import WORDS

ARTICLES, ACTORS, ALIASES = 1_000, 500, 2_000
REPEATS = 3
SYLLABLES = ("ka", "lo", "mi", "ren", "tsu", "bo", "var", "el", "nu", "di", "ose", "tak")


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _registry(rng: random.Random) -> list[Actor]:
    actors = []
    for n in range(1, ACTORS + 1):
        first, last = _name(rng), _name(rng) + SYLLABLES[n % 12] + SYLLABLES[n // 12 % 12]
        aliases = (last, f"{first[0]}. {last}", f"Mx {last}", f"{first} {last[:3]}")
        actors.append(Actor(n, f"{first} {last} {n}", ActorKind.PERSON, aliases, None, None,
                            None))  # fmt: skip
    assert sum(len(a.aliases) for a in actors) == ALIASES
    return actors


def _sentence(rng: random.Random, size: int) -> str:
    words = [rng.choice(WORDS) for _ in range(size)]
    return " ".join(words).capitalize() + "."


def _texts(rng: random.Random, actors: list[Actor]) -> tuple[list[str], int]:
    """News-like texts of ~400 words in sentences, naming actors (by name or alias) ten times
    each, as the speaker of a quote."""
    texts, named = [], 0
    for _ in range(ARTICLES):
        sentences = [_sentence(rng, rng.randint(10, 22)) for _ in range(20)]
        for _ in range(10):
            actor = rng.choice(actors)
            name = rng.choice(actor.names())
            said = rng.choice(("said", "told reporters", "added"))
            quoted = " ".join(rng.choice(WORDS) for _ in range(8)).capitalize()
            sentences.insert(rng.randrange(len(sentences)), f"“{quoted},” {name} {said}.")
            named += 1
        texts.append(" ".join(sentences))
    return texts, named


def suggest_actors_1k() -> tuple[float, float]:
    rng = random.Random(7)
    actors = _registry(rng)
    texts, named = _texts(rng, actors)
    ours = bare = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        finder = ActorFinder(actors)
        found = sum(len(finder.find(text).drafts) for text in texts)
        ours = min(ours, time.perf_counter() - started)
        assert found >= named * 0.95, f"only {found} of {named} names found"
        started = time.perf_counter()
        automaton = ahocorasick.Automaton()
        for actor in actors:
            for name in actor.names():
                automaton.add_word(name.lower(), len(name))
        automaton.make_automaton()
        hits = sum(1 for text in texts for _hit in automaton.iter(text.lower()))
        bare = min(bare, time.perf_counter() - started)
        assert hits >= named
    return ours, bare


MARKS = re.compile(r"[“”„\"«»]")


def suggest_quotes_1k() -> tuple[float, float]:
    rng = random.Random(11)
    actors = _registry(rng)
    texts, named = _texts(rng, actors)
    finder = QuoteFinder(actors)
    ours = bare = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        found = sum(len(finder.find(text, "en")) for text in texts)
        ours = min(ours, time.perf_counter() - started)
        assert found >= named * 0.9, f"only {found} of {named} quotes found"
        started = time.perf_counter()
        marks = sum(1 for text in texts for _m in MARKS.finditer(text))
        bare = min(bare, time.perf_counter() - started)
        assert marks >= 2 * named
    return ours, bare
