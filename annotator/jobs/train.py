"""``annotator train``: a model learned from the project's own accepted spans of a layer.

Actor mentions are learned with their actor's kind as the label (PERSON, ORGANISATION …), other
layers with their label or their name. Suggestions and spans nobody accepted are not learned
from. The model is kept beside the project (``NAME.models/LAYER/`` for a file; under the data
folder for a server project) unless ``out`` says where.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from annotator.assist.model import Example, Trained, train
from annotator.domain.actor_match import bare_name
from annotator.domain.annotations import Origin
from annotator.domain.errors import UsageError
from annotator.jobs.progress import Progress
from annotator.paths import data_dir
from annotator.store.project import Project

__all__ = ["Trained", "actor_resolver", "model_folder", "train_layer"]


def model_folder(project: Project, layer: str) -> Path:
    path = project.db.target.path
    if path is not None:
        return path.with_name(path.name + ".models") / layer
    name = re.sub(r"[^\w.-]+", "_", project.db.where)
    return data_dir() / "models" / name / layer


def train_layer(
    project: Project, layer: str, *, language: str | None = None, out: Path | None = None,
    iterations: int = 20, progress: Progress | None = None,
) -> tuple[Trained, Path]:  # fmt: skip
    progress = progress or Progress()
    scheme = project.scheme.load()
    if layer not in {spec.name for spec in scheme.layers}:
        raise UsageError(f"no layer {layer!r}")
    refers = scheme.layer(layer).refers_to_actor
    kinds = {actor.id: actor.kind.value.upper() for actor in project.actors.list()}
    summaries = project.documents.list()
    examples: list[Example] = []
    languages: Counter[str] = Counter()
    progress.start(iterations, f"training a model of {layer}")
    for first in range(0, len(summaries), 200):
        ids = [s.id for s in summaries[first : first + 200]]
        spans = project.annotations.for_documents(ids)
        for document in project.documents.get_many(ids):
            progress.check()
            chosen = {
                (a.start, a.end, _label(a.label, a.actor_id, kinds, layer, refers))
                for a in spans[document.id]
                if a.layer == layer and a.origin is not Origin.SUGGESTED
            }
            if chosen:
                examples.append(Example(document.text, tuple(sorted(chosen))))
                languages[(document.language or "en").split("-")[0]] += 1
    lang = language or (languages.most_common(1)[0][0] if languages else "en")
    where = out or model_folder(project, layer)

    def step(iteration: int, message: str) -> None:
        progress.check()
        progress.advance(1, message)

    return train(examples, layer=layer, language=lang, out=where, iterations=iterations,
                 step=step), where  # fmt: skip


def _label(
    label: str | None, actor_id: int | None, kinds: dict[int, str], layer: str, refers: bool
) -> str:
    if refers:
        return kinds.get(actor_id, "ACTOR") if actor_id is not None else "ACTOR"
    return label or layer.upper()


def actor_resolver(project: Project) -> dict[str, int]:
    """A mention's wording -> the one actor called so (by name or alias), for linking what a
    model finds; wordings two actors share are left out."""
    found: dict[str, int] = {}
    shared: set[str] = set()
    for actor in project.actors.list():
        for name in actor.names():
            key = bare_name(name)
            if key in found and found[key] != actor.id:
                shared.add(key)
            found[key] = actor.id
    return {key: actor for key, actor in found.items() if key not in shared}
