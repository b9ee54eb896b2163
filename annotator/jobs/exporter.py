"""Export a project's annotations to a file (or, with splits, one file per split)."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.domain.corpus import AnnotatedDocument, Corpus
from annotator.domain.errors import StorageError, UsageError
from annotator.formats.annotations.registry import FORMATS, FolderWriter, Writer
from annotator.formats.annotations.report import FormatOptions, FormatReport
from annotator.jobs.progress import Progress
from annotator.jobs.splits import assign_splits
from annotator.store.exporting import ExportFilter, document_ids, iter_annotated
from annotator.store.project import Project


@dataclass(slots=True)
class ExportResult:
    files: list[Path] = field(default_factory=list)
    report: FormatReport = field(default_factory=FormatReport)


def export(
    project: Project,
    format_name: str,
    out: Path,
    chosen: ExportFilter | None = None,
    *,
    splits: dict[str, float] | None = None,
    seed: int = 0,
    options: FormatOptions | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the chosen documents in ``format_name`` to ``out``; see the module docstring.

    A failure of the machine (a full disk, a folder that cannot be written) is a
    :class:`StorageError` naming the file; no partial file is left behind.
    """
    try:
        return _export(project, format_name, out, chosen, splits, seed, options, progress)
    except OSError as exc:
        where = exc.filename or out
        raise StorageError(
            f"{where}: cannot write the export ({exc.strerror or exc}); no partial file was left"
        ) from exc


def _export(
    project: Project,
    format_name: str,
    out: Path,
    chosen: ExportFilter | None,
    splits: dict[str, float] | None,
    seed: int,
    options: FormatOptions | None,
    progress: Progress | None,
) -> ExportResult:
    spec = FORMATS.get(format_name)
    if spec is None or not spec.writable:
        known = ", ".join(sorted(n for n, f in FORMATS.items() if f.writable))
        raise UsageError(f"cannot export to {format_name!r} (formats: {known})")
    chosen = chosen or ExportFilter()
    if spec.one_layer and chosen.layers is None:
        chosen = replace(chosen, layers=frozenset({spec.one_layer}))
    if spec.one_layer and chosen.layers is not None and len(chosen.layers) != 1:
        raise UsageError(f"{spec.name} holds one layer per file; give one --layer")
    options = options or FormatOptions()
    progress = progress or Progress()
    corpus = Corpus(
        actors={actor.id: actor for actor in project.actors.list()},
        scheme=project.scheme.load(),
        guids=project.exchange_ids.guids,
    )
    ids = document_ids(project, chosen)
    progress.start(len(ids), "exporting")
    result = ExportResult()
    parts = {"": ids}
    if not splits and spec.default_split:
        splits = {spec.default_split: 1.0}
    if splits:
        assigned = assign_splits(ids, splits, seed)
        parts = {name: [i for i in ids if assigned[i] == name] for name in splits}
        out.mkdir(parents=True, exist_ok=True)
    for name, part in parts.items():
        documents = _counted(iter_annotated(project, chosen, part), progress)
        target = out / f"{name}{spec.extension}" if name else out
        if spec.folder_writer is not None:
            _write_folder(spec.folder_writer, documents, corpus, target, result, options)
        elif spec.writer is not None:
            _write(spec.writer, documents, corpus, target, result, options)
    if spec.finish is not None:
        spec.finish(out, list(result.files), result.report, corpus)
    return result


def _write_folder(
    writer: FolderWriter,
    documents: Iterable[AnnotatedDocument],
    corpus: Corpus,
    folder: Path,
    result: ExportResult,
    options: FormatOptions,
) -> None:
    """Write to a temporary file or folder and rename it when complete."""
    partial = folder.with_name(folder.name + ".partial")
    _remove(partial)
    try:
        writer(documents, corpus, partial, result.report, options)
    except BaseException:
        _remove(partial)
        raise
    _remove(folder)
    partial.replace(folder)
    result.files.append(folder)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _write(
    writer: Writer,
    documents: Iterable[AnnotatedDocument],
    corpus: Corpus,
    path: Path,
    result: ExportResult,
    options: FormatOptions,
) -> None:
    """Write to a temporary name and rename when complete: no half-written file is left."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="\n") as out:
            writer(documents, corpus, out, result.report, options)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)
    result.files.append(path)


def _counted(
    documents: Iterable[AnnotatedDocument], progress: Progress
) -> Iterator[AnnotatedDocument]:
    for document in documents:
        progress.check()
        yield document
        progress.advance(1, document.document.title)
