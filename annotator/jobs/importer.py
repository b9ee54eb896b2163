"""Import articles from files and folders: each file is one transaction, refused whole or kept."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from annotator.domain.documents import DocumentDraft
from annotator.domain.errors import Cancelled, InputError, UsageError
from annotator.domain.label_map import LayerTarget
from annotator.domain.losses import Losses
from annotator.domain.wording import counted
from annotator.formats.annotations.registry import (
    FORMATS,
    AnnotationFormat,
    Reader,
    detect_format,
    readable_formats,
    recognise,
)
from annotator.formats.annotations.report import FormatOptions
from annotator.formats.articles.registry import READERS, expand, reader_for
from annotator.formats.names import ARTICLES
from annotator.jobs.progress import Progress
from annotator.store.documents import DocumentStore, Duplicate
from annotator.store.project import Project

T = TypeVar("T")

_REPORT_EVERY = 200
_TOO_DEEP = "data nested too deeply to be read (lists or objects inside each other thousands deep)"


@dataclass(slots=True)
class FileOutcome:
    path: str
    imported: int = 0
    spans: int = 0
    duplicates: list[Duplicate] = field(default_factory=list)
    error: InputError | None = None
    skipped: bool = False  # in a folder, with an extension no reader handles
    notices: list[str] = field(default_factory=list)
    losses: Losses = field(default_factory=Losses)
    read_as: str | None = None  # the format the file was read as, and why


@dataclass(slots=True)
class ImportReport:
    files: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False

    @property
    def imported(self) -> int:
        return sum(f.imported for f in self.files)

    @property
    def duplicates(self) -> list[Duplicate]:
        return [d for f in self.files for d in f.duplicates]

    @property
    def spans(self) -> int:
        return sum(f.spans for f in self.files)

    @property
    def notices(self) -> list[str]:
        return [n for f in self.files for n in f.notices]

    @property
    def losses(self) -> Losses:
        """What the files held that could not be taken, by kind, over all files."""
        total = Losses()
        for outcome in self.files:
            total.merge(outcome.losses)
        return total

    @property
    def complete(self) -> bool:
        """Nothing refused, dropped or cancelled: the import took everything it was given."""
        return not (self.refused or self.losses or self.cancelled)

    @property
    def refused(self) -> list[InputError]:
        return [f.error for f in self.files if f.error is not None]

    @property
    def skipped(self) -> list[str]:
        return [f.path for f in self.files if f.skipped]

    def summary(self) -> str:
        parts = [
            f"{self.imported} imported"
            + (f" with {counted(self.spans, 'span')}" if self.spans else ""),
            f"{len(self.duplicates)} duplicates",
            f"{len(self.refused)} files refused",
        ]
        if self.skipped:
            parts.append(f"{len(self.skipped)} files skipped")
        if self.losses:
            parts.append(f"{self.losses.total} things not taken")
        text = ", ".join(parts)
        return f"cancelled: {text}" if self.cancelled else text


def import_paths(
    project: Project,
    paths: Iterable[Path],
    *,
    encoding: str | None = None,
    format_name: str | None = None,
    options: FormatOptions | None = None,
    progress: Progress | None = None,
    mapping: dict[str, LayerTarget] | None = None,
) -> ImportReport:
    """Import every file under ``paths``. A refused file changes nothing; the others go on.

    Articles come from txt, md, html, json(l) and csv files; annotated documents from the
    annotation formats, named by ``format_name`` or recognised from the file.
    """
    chosen = chosen_format(format_name)
    progress = progress or Progress()
    files = files_to_import(paths, chosen)
    progress.start(sum(_size(path) for path, _ in files))
    report = ImportReport()
    for path, named in files:
        outcome = FileOutcome(str(path))
        report.files.append(outcome)
        try:
            annotated, outcome.read_as = format_of(path, chosen, format_name)
            if annotated is not None and annotated.reader is not None:
                reader = annotated.reader
                options_ = options or FormatOptions()
                _import_annotated(
                    project, reader, path, encoding, options_, outcome, progress, mapping
                )
            else:
                _import_file(project.documents, path, named, encoding, outcome, progress)
        except Cancelled:
            report.cancelled = True
            break
        except InputError as exc:
            outcome.error = _with_hint(exc, outcome.read_as, format_name)
        except RecursionError:
            outcome.error = InputError(path, _TOO_DEEP)
        progress.advance(_size(path), path.name)
    return report


def chosen_format(format_name: str | None) -> AnnotationFormat | None:
    """The annotation format ``--format`` names (None: recognise each file, or articles)."""
    if format_name is None or format_name == ARTICLES:
        return None
    chosen = FORMATS.get(format_name)
    if chosen is None or chosen.reader is None:
        known = ", ".join([*readable_formats(), ARTICLES])
        raise UsageError(f"cannot import {format_name!r} (formats: {known})")
    return chosen


def files_to_import(
    paths: Iterable[Path], chosen: AnnotationFormat | None
) -> list[tuple[Path, bool]]:
    """Each file under ``paths`` (a brat collection as one), with whether the user named it."""
    return list(expand([Path(p) for p in paths], keep=_whole_folder(chosen)))


def format_of(
    path: Path, chosen: AnnotationFormat | None, format_name: str | None
) -> tuple[AnnotationFormat | None, str | None]:
    """The format to read ``path`` in, and what to tell the user about that choice."""
    if chosen is not None:
        return chosen, f"read as {chosen.name} (--format)"
    if format_name == ARTICLES:
        return None, "read as articles (--format)"
    spec, evidence = detect_format(path)
    if spec is None:
        return None, None
    return spec, f"read as {spec.name}: {evidence}"


def _with_hint(error: InputError, read_as: str | None, format_name: str | None) -> InputError:
    """A refusal of a file whose format was guessed says so, and how to choose another."""
    if read_as is None or format_name is not None:
        return error
    guessed = read_as.split(":", 1)[0]
    formats = ", ".join([*readable_formats(), ARTICLES])
    return InputError(
        error.path,
        f"{error.reason} ({guessed}; to read it otherwise use --format, one of {formats})",
        error.line,
    )


def _whole_folder(chosen: AnnotationFormat | None) -> Callable[[Path], bool]:
    """Folders read as one unit (a brat collection) rather than walked file by file."""

    def keep(path: Path) -> bool:
        spec = chosen or recognise(path)
        return spec is not None and spec.folder_reader and path.is_dir()

    return keep


def _import_file(
    store: DocumentStore,
    path: Path,
    named: bool,
    encoding: str | None,
    outcome: FileOutcome,
    progress: Progress,
) -> None:
    progress.check()
    if not path.exists():
        raise InputError(path, "no such file or folder")
    reader = reader_for(path)
    if reader is None:
        if named:
            known = ", ".join(sorted(READERS))
            raise InputError(path, f"unsupported file type (supported: {known})")
        outcome.skipped = True
        return
    drafts = _counted(_guarded(reader(path, encoding), path), path, progress, outcome.losses)
    result = store.add_many(drafts, source=str(path), checkpoint=progress.check)
    outcome.imported = result.added
    outcome.duplicates = result.duplicates


def _import_annotated(
    project: Project,
    reader: Reader,
    path: Path,
    encoding: str | None,
    options: FormatOptions,
    outcome: FileOutcome,
    progress: Progress,
    mapping: dict[str, LayerTarget] | None,
) -> None:
    progress.check()
    items = _guarded(reader(path, encoding, options), path)
    result = project.annotated.add(items, path, checkpoint=progress.check, mapping=mapping)
    outcome.imported = result.documents
    outcome.spans = result.spans
    outcome.duplicates = result.duplicates
    outcome.notices = result.notices
    outcome.losses = result.losses


def _guarded(drafts: Iterator[T], path: Path) -> Iterator[T]:
    """Turn parser failures that escape a reader into a refusal of the file."""
    try:
        yield from drafts
    except RecursionError as exc:
        raise InputError(path, _TOO_DEEP) from exc
    except (ValueError, UnicodeError) as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError(path, f"cannot be read: {exc}") from exc


def _counted(
    drafts: Iterator[DocumentDraft], path: Path, progress: Progress, losses: Losses
) -> Iterator[DocumentDraft]:
    """The drafts, with progress; spans an article record carried that were kept only as
    metadata (a span format not recognised) are counted as not taken."""
    for number, draft in enumerate(drafts, start=1):
        if number % _REPORT_EVERY == 0:
            progress.note(f"{path.name}: {counted(number, 'article')} read")
        for key, value in draft.metadata.items():
            if _looks_like_spans(value):
                losses.add(
                    f"'{key}' fields that look like spans, kept only as metadata (read them "
                    "as spans with --format doccano, prodigy or labelstudio)",
                    draft.imported_from or path.name,
                    len(value),
                )
        yield draft


def _looks_like_spans(value: object) -> bool:
    """A list of ``{"start", "end", …}`` objects or ``[start, end, label]`` lists."""
    if not isinstance(value, list) or not value:
        return False
    first = value[0]
    if isinstance(first, dict):
        return any(k in first for k in ("start", "start_offset", "startOffset"))
    return isinstance(first, list) and len(first) >= 3 and all(type(x) is int for x in first[:2])


def _size(path: Path) -> int:
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0
