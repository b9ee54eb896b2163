"""The names of the formats, without loading them: for the command line's help, which must
not import every reader and writer (and their libraries) just to start. A test keeps these
lists equal to :mod:`annotator.formats.annotations.registry`."""

from __future__ import annotations

ARTICLES = "articles"  # --format articles: the texts alone, whatever else a record holds
READABLE = ("brat", "conll", "doccano", "jsonl", "labelstudio", "prodigy", "qdpx")
WRITABLE = (
    "brat", "conll", "csv", "doccano", "graphml", "hf", "jsonl", "labelstudio", "qdpx", "spacy",
)  # fmt: skip
