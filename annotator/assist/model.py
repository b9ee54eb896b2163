"""A model learned from the project: a small spaCy NER pipeline trained from
``spacy.blank(lang)`` on the project's own accepted spans, and suggestions from it.

spaCy is an optional extra (``annotator[spacy]``): it is imported here only when a model is
trained or used, and nothing is ever downloaded. A pipeline the user installed or trained
elsewhere can be named instead (a package name or a folder). Offsets are the text's code
points both ways (spaCy counts characters of Python strings as we do).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from annotator.domain.annotations import AnnotationDraft, Origin
from annotator.domain.errors import UsageError
from annotator.domain.suggestions import Why

ENGINE = "model"
META = "annotator-model.json"


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    spans: tuple[tuple[int, int, str], ...]  # start, end, label


@dataclass(frozen=True, slots=True)
class Trained:
    layer: str
    language: str
    labels: tuple[str, ...]
    documents: int  # used for training
    held_out: int  # documents kept back for the scores
    precision: float
    recall: float
    f1: float
    iterations: int


def spacy_module() -> Any:
    try:
        import spacy
    except ImportError as exc:  # an optional extra
        raise UsageError(
            "training and model suggestions need spaCy: pip install 'annotator[spacy]'"
        ) from exc
    return spacy


def train(
    examples: Sequence[Example], *, layer: str, language: str, out: Path,
    iterations: int = 20, held_out: float = 0.2, seed: int = 0,
    step: Callable[[int, str], None] | None = None,
) -> Trained:  # fmt: skip
    """Train an NER pipeline on ``examples`` (documents with their spans), keep ``held_out``
    of the documents back to score it, save it to ``out``. ``step(i, message)`` is told after
    each iteration (and may raise to cancel)."""
    spacy = spacy_module()
    from spacy.training import Example as SpacyExample

    usable = [e for e in examples if e.spans]
    if len(usable) < 2:
        raise UsageError(f"need spans in at least two documents to train; found {len(usable)}")
    order = list(usable)
    random.Random(seed).shuffle(order)
    cut = max(1, round(len(order) * held_out))
    dev, training = order[:cut], order[cut:]
    nlp = spacy.blank(language)
    ner = nlp.add_pipe("ner")
    labels = sorted({label for e in usable for _s, _e, label in e.spans})
    for label in labels:
        ner.add_label(label)

    def make(example: Example) -> Any:
        doc = nlp.make_doc(example.text)
        entities: list[Any] = []
        taken: set[int] = set()
        for start, end, label in sorted(example.spans):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None or taken & set(range(span.start, span.end)):
                continue  # overlapping spans cannot all be entities
            taken |= set(range(span.start, span.end))
            entities.append(span)
        reference = nlp.make_doc(example.text)
        reference.ents = [reference.char_span(s.start_char, s.end_char, label=s.label_)
                          for s in entities]  # fmt: skip
        return SpacyExample(doc, reference)

    train_set, dev_set = [make(e) for e in training], [make(e) for e in dev]
    rng = random.Random(seed)
    optimizer = nlp.initialize(lambda: train_set)
    for iteration in range(1, iterations + 1):
        rng.shuffle(train_set)
        losses: dict[str, float] = {}
        for batch in spacy.util.minibatch(train_set, size=8):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        if step is not None:
            step(iteration, f"iteration {iteration}/{iterations}, loss {losses.get('ner', 0):.1f}")
    scores = nlp.evaluate(dev_set)
    trained = Trained(
        layer, language, tuple(labels), len(training), len(dev),
        float(scores.get("ents_p") or 0.0), float(scores.get("ents_r") or 0.0),
        float(scores.get("ents_f") or 0.0), iterations,
    )  # fmt: skip
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    (out / META).write_text(json.dumps(asdict(trained), indent=2), encoding="utf-8")
    return trained


class ModelFinder:
    """Suggestions from a trained (or installed) pipeline's entities."""

    def __init__(
        self, where: str | Path, *, layer: str, resolve: Callable[[str], int | None]
    ) -> None:
        spacy = spacy_module()
        try:
            self._nlp = spacy.load(where)
        except OSError as exc:
            raise UsageError(
                f"no model at {where}: train one with annotator train, or name an installed "
                "spaCy pipeline with --model"
            ) from exc
        self.layer, self._resolve = layer, resolve
        meta = Path(str(where)) / META
        about = json.loads(meta.read_text(encoding="utf-8")) if meta.is_file() else {}
        self.name = f"{Path(str(where)).name}" + (
            f", held-out F1 {about['f1']:.2f}" if "f1" in about else ""
        )

    def find(self, texts: Iterable[str]) -> Iterable[list[AnnotationDraft]]:
        for doc in self._nlp.pipe(texts, batch_size=32):
            yield [self._draft(ent) for ent in doc.ents]

    def _draft(self, ent: Any) -> AnnotationDraft:
        return AnnotationDraft(
            self.layer,
            ent.start_char,
            ent.end_char,
            actor_id=self._resolve(ent.text),
            origin=Origin.SUGGESTED,
            suggestion=Why(ENGINE, f"{ent.label_} by the model ({self.name})"),
        )
