"""Quality of the quote finder on our own evaluation sets (``benchmarks/quality_set/``).

Two sets, both written for this project: the tuning set (22 articles in English, German and
French), on which the rules were refined, and a held-out set written after that and never
tuned on. The held-out figures are the honest ones; the tuning set shows what the rules were
built to catch.

For each language and each quote kind: precision, recall and F1 with exact matching and with
an overlap of at least 0.3 and 0.8 of the gold span (one-to-one, largest overlaps first), and
the share of matched quotes (overlap 0.3) whose speaker is the gold speaker. Also: actor
suggestions against every whole-word occurrence of every name and alias.

    python benchmarks/quality.py [--json]
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from annotator.assist.actors import ActorFinder
from annotator.assist.quotes import QuoteFinder
from annotator.domain.actors import Actor, ActorKind

HERE = Path(__file__).parent / "quality_set"
LANGUAGES = ("en", "de", "fr")
MODES = (("exact", None), ("overlap≥0.3", 0.3), ("overlap≥0.8", 0.8))
GOALS = {"f1_all_0.3": 0.75, "f1_direct_0.3": 0.92, "speaker": 0.85, "actors_found": 1.0}


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    kind: str
    speaker: int | None


@dataclass(slots=True)
class Tally:
    matched_gold: int = 0
    gold: int = 0
    matched_found: int = 0
    found: int = 0

    def scores(self) -> tuple[float, float, float]:
        p = self.matched_found / self.found if self.found else 0.0
        r = self.matched_gold / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class Article:
    id: str
    language: str
    text: str
    actors: list[Actor]
    gold: list[Quote]


@dataclass(slots=True)
class Results:
    tallies: dict[tuple[str, str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    speakers: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    actor_occurrences: int = 0
    actor_found: int = 0
    inside_words: int = 0


def load(where: Path = HERE) -> list[Article]:
    articles = []
    for language in LANGUAGES:
        for raw in yaml.safe_load((where / f"{language}.yaml").read_text(encoding="utf-8")):
            ids = {name: n for n, name in enumerate(raw["actors"], start=1)}
            actors = [
                Actor(ids[name], name, ActorKind(spec["kind"]), tuple(spec.get("aliases", ())),
                      None, None, None)
                for name, spec in raw["actors"].items()
            ]  # fmt: skip
            gold = []
            for quote in raw["quotes"]:
                start = raw["text"].index(quote["text"])
                gold.append(Quote(start, start + len(quote["text"]), quote["kind"],
                                  ids[quote["speaker"]]))  # fmt: skip
            articles.append(Article(raw["id"], language, raw["text"], actors, gold))
    return articles


def _match(gold: list[Quote], found: list[Quote], least: float | None) -> list[tuple[Quote, Quote]]:
    pairs = []
    for g in gold:
        for f in found:
            shared = min(g.end, f.end) - max(g.start, f.start)
            if least is None:
                if (g.start, g.end) == (f.start, f.end):
                    pairs.append((1.0, g, f))
            elif shared > 0 and shared / (g.end - g.start) >= least:
                pairs.append((shared / (g.end - g.start), g, f))
    pairs.sort(key=lambda item: -item[0])
    used_g: set[Quote] = set()
    used_f: set[Quote] = set()
    chosen = []
    for _score, g, f in pairs:
        if g in used_g or f in used_f:
            continue
        used_g.add(g)
        used_f.add(f)
        chosen.append((g, f))
    return chosen


def evaluate(articles: list[Article]) -> Results:
    results = Results()
    for article in articles:
        finder = QuoteFinder(article.actors)
        drafts = finder.find(article.text, article.language)
        found = [
            Quote(d.start, d.end, str(d.attributes.get("kind")),
                  d.links[0].actor_id if d.links else None)
            for d in drafts
        ]  # fmt: skip
        for mode, least in MODES:
            pairs = _match(article.gold, found, least)
            matched_g = {g for g, _f in pairs}
            matched_f = {f for _g, f in pairs}
            for language in (article.language, "all"):
                for g in article.gold:
                    for kind in (g.kind, "all"):
                        tally = results.tallies[(language, kind, mode)]
                        tally.gold += 1
                        tally.matched_gold += g in matched_g
                for f in found:
                    for kind in (f.kind, "all"):
                        tally = results.tallies[(language, kind, mode)]
                        tally.found += 1
                        tally.matched_found += f in matched_f
            if least == 0.3:
                for g, f in pairs:
                    for language in (article.language, "all"):
                        results.speakers[language][0] += g.speaker == f.speaker
                        results.speakers[language][1] += 1
        _actors(article, results)
    return results


def _actors(article: Article, results: Results) -> None:
    """Every whole-word occurrence of a name or alias, as written, is covered by a suggestion;
    no suggestion sits inside a longer word."""
    spans = ActorFinder(article.actors).find(article.text).drafts
    covered = [(d.start, d.end) for d in spans]
    for actor in article.actors:
        for name in actor.names():
            for hit in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", article.text):
                results.actor_occurrences += 1
                results.actor_found += any(s <= hit.start() and hit.end() <= e for s, e in covered)
    text = article.text
    for start, end in covered:
        left = start > 0 and text[start - 1].isalnum()
        right = end < len(text) and text[end].isalnum()
        results.inside_words += left or right


def summary(results: Results) -> dict[str, Any]:
    def f1(language: str, kind: str, mode: str) -> float:
        return results.tallies[(language, kind, mode)].scores()[2]

    right, total = results.speakers["all"]
    return {
        "f1_all_0.3": f1("all", "all", "overlap≥0.3"),
        "f1_direct_0.3": f1("all", "direct", "overlap≥0.3"),
        "speaker": right / total if total else 0.0,
        "actors_found": results.actor_found / max(results.actor_occurrences, 1),
        "actors_inside_words": results.inside_words,
    }


def report(title: str, articles: list[Article]) -> dict[str, Any]:
    results = evaluate(articles)
    figures = summary(results)
    gold = sum(len(a.gold) for a in articles)
    print(f"== {title}: {len(articles)} articles, {gold} gold quotes ({', '.join(LANGUAGES)})\n")
    print(f"{'language':<9}{'kind':<10}" + "".join(f"{m:>24}" for m, _ in MODES))
    print(f"{'':<19}" + "".join(f"{'P     R     F1':>24}" for _ in MODES))
    for language in (*LANGUAGES, "all"):
        for kind in ("direct", "mixed", "indirect", "all"):
            if results.tallies[(language, kind, "exact")].gold == 0:
                continue
            cells = "".join(
                "{:>12.2f}{:>6.2f}{:>6.2f}".format(*results.tallies[(language, kind, m)].scores())
                for m, _ in MODES
            )
            print(f"{language:<9}{kind:<10}{cells}")
    print()
    for language in (*LANGUAGES, "all"):
        right, total = results.speakers[language]
        print(f"speaker right on matched quotes ({language}): {right}/{total}"
              f" = {right / total if total else 0:.2f}")  # fmt: skip
    print(f"actor names and aliases found: {results.actor_found}/{results.actor_occurrences};"
          f" inside a longer word: {results.inside_words}")  # fmt: skip
    print()
    for name, goal in GOALS.items():
        value = figures[name]
        print(f"{name:<16}{value:6.3f}  (goal ≥ {goal})  {'ok' if value >= goal else 'BELOW GOAL'}")
    print()
    return figures


def main(argv: list[str]) -> int:
    sets = {"tuning set": load(HERE), "held-out set": load(HERE / "held_out")}
    if "--json" in argv:
        print(json.dumps({name: summary(evaluate(articles)) for name, articles in sets.items()},
                         indent=2, ensure_ascii=False))  # fmt: skip
        return 0
    for name, articles in sets.items():
        report(name, articles)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
