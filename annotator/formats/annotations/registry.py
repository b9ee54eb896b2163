"""The annotation formats: name, how to write, how to read, how to recognise a file."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from annotator.domain.corpus import AnnotatedDocument, Corpus, ImportedDocument
from annotator.formats.annotations.brat import read_brat, write_brat
from annotator.formats.annotations.conll import write_conll
from annotator.formats.annotations.conll_read import read_conll
from annotator.formats.annotations.detect import detect
from annotator.formats.annotations.doccano import looks_doccano, read_doccano, write_doccano
from annotator.formats.annotations.graphml import write_graphml
from annotator.formats.annotations.hf import write_card, write_hf_split
from annotator.formats.annotations.labelstudio import write_config, write_labelstudio
from annotator.formats.annotations.labelstudio_read import looks_labelstudio, read_labelstudio
from annotator.formats.annotations.native import looks_native, read_native, write_native
from annotator.formats.annotations.prodigy import looks_prodigy, read_prodigy
from annotator.formats.annotations.qdpx import write_qdpx
from annotator.formats.annotations.qdpx_read import read_qdpx
from annotator.formats.annotations.report import FormatOptions, FormatReport
from annotator.formats.annotations.spacy_docbin import write_docbin
from annotator.formats.annotations.tables import write_tables

Writer = Callable[[Iterable[AnnotatedDocument], Corpus, TextIO, FormatReport, FormatOptions], None]
Reader = Callable[[Path, str | None, FormatOptions], Iterator[ImportedDocument]]
FolderWriter = Callable[
    [Iterable[AnnotatedDocument], Corpus, Path, FormatReport, FormatOptions], None
]


@dataclass(frozen=True, slots=True)
class AnnotationFormat:
    name: str
    extension: str  # of one output file
    description: str
    writer: Writer | None = None
    reader: Reader | None = None
    sniff: Callable[[Any], bool] | None = None  # does one JSON record look like this format?
    one_layer: str | None = None  # formats of one layer per file: the default layer
    folder_writer: FolderWriter | None = None  # formats that write a path themselves
    default_split: str | None = None  # a folder of split files even without --split
    finish: Callable[[Path, list[Path], FormatReport, Corpus], None] | None = None
    folder_reader: bool = False  # reads a whole folder (brat) rather than single files

    @property
    def writable(self) -> bool:
        return self.writer is not None or self.folder_writer is not None


FORMATS: dict[str, AnnotationFormat] = {
    "jsonl": AnnotationFormat(
        "jsonl", ".jsonl", "Annotator's own lossless JSON Lines", write_native, read_native,
        looks_native,
    ),
    "doccano": AnnotationFormat(
        "doccano", ".jsonl", "doccano JSONL with entities and relations (UTF-16 offsets)",
        write_doccano, read_doccano, looks_doccano,
    ),
    "conll": AnnotationFormat(
        "conll", ".conll", "CoNLL-2003 columns with IOB2 tags, one layer per file",
        write_conll, read_conll, one_layer="actor",
    ),
    "prodigy": AnnotationFormat(
        "prodigy", ".jsonl", "spaCy/Prodigy JSON Lines: text and spans (import only)",
        reader=read_prodigy, sniff=looks_prodigy,
    ),
    "spacy": AnnotationFormat(
        "spacy", ".spacy", "spaCy DocBin: mentions in doc.ents, every layer in doc.spans",
        folder_writer=write_docbin,
    ),
    "hf": AnnotationFormat(
        "hf", ".jsonl", "Hugging Face dataset folder: a JSON Lines file per split and a card",
        write_hf_split, default_split="train", finish=write_card,
    ),
    "graphml": AnnotationFormat(
        "graphml", ".graphml", "actor networks for Gephi and networkx",
        folder_writer=write_graphml,
    ),
    "brat": AnnotationFormat(
        "brat", "", "brat standoff: .txt/.ann pairs and annotation.conf",
        reader=read_brat, folder_writer=write_brat, folder_reader=True,
    ),
    "labelstudio": AnnotationFormat(
        "labelstudio", ".json", "Label Studio JSON tasks with labels, choices and relations",
        write_labelstudio, read_labelstudio, looks_labelstudio, finish=write_config,
    ),
    "qdpx": AnnotationFormat(
        "qdpx", ".qdpx", "REFI-QDA project for MAXQDA, ATLAS.ti, NVivo, QualCoder",
        reader=read_qdpx, folder_writer=write_qdpx,
    ),
    "csv": AnnotationFormat(
        "csv", "", "CSV tables for spreadsheets: quotes, claims, actors, mentions, spans",
        folder_writer=write_tables,
    ),
}  # fmt: skip


def detect_format(path: Path) -> tuple[AnnotationFormat | None, str]:
    """The annotation format ``path`` is in (None for plain articles), and the evidence."""
    sniffers = {name: spec.sniff for name, spec in FORMATS.items() if spec.reader and spec.sniff}
    evidence = detect(path, sniffers)
    spec = FORMATS.get(evidence.name) if evidence.name else None
    return (spec if spec is not None and spec.reader is not None else None), evidence.reason


def recognise(path: Path) -> AnnotationFormat | None:
    """The annotation format of ``path``, if any fits."""
    return detect_format(path)[0]


def readable_formats() -> list[str]:
    return sorted(name for name, spec in FORMATS.items() if spec.reader is not None)
