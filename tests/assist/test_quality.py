"""The quality goals, on the held-out set the rules were never tuned on (a regression guard
for benchmarks/quality.py, which prints every figure)."""

from benchmarks.quality import GOALS, HERE, evaluate, load, summary


def test_the_quote_finder_meets_its_goals_on_text_it_was_not_tuned_on():
    figures = summary(evaluate(load(HERE / "held_out")))
    for name, goal in GOALS.items():
        assert figures[name] >= goal, (name, figures[name])
    assert figures["actors_inside_words"] == 0


def test_and_keeps_what_it_was_tuned_for():
    figures = summary(evaluate(load(HERE)))
    assert figures["f1_all_0.3"] >= 0.95 and figures["speaker"] >= 0.95
    assert figures["actors_found"] == 1.0 and figures["actors_inside_words"] == 0
