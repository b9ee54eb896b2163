"""Which format a file is in, judged by what it holds, not by its first bytes.

JSON files are sampled (the first records of an array, the first lines of JSON Lines, or one
object) and every format's recogniser is asked about each record; the format that fits the
most records wins and the choice is reported with its evidence ("read as doccano: 50 of 50
records"). A file of plain articles that merely starts with ``{"id": 1`` is no Label Studio
file. brat collections and CoNLL files are told by their layout.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.formats.annotations.brat import is_brat_folder
from annotator.formats.files import read_head

SAMPLE = 50
_HEAD = 512 * 1024
_TAG = re.compile(r"^(O|[BIESLU]-\S+)$")
CONLL_SUFFIXES = frozenset({".conll", ".conllu", ".iob", ".iob2", ".bio"})


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a file looks like: a format's name (None for plain articles) and why."""

    name: str | None
    reason: str


Sniffer = Callable[[Any], bool]


def detect(path: Path, sniffers: dict[str, Sniffer]) -> Evidence:
    """The format of ``path`` among ``sniffers`` (name -> record recogniser), with evidence."""
    if is_brat_folder(path) or path.suffix.lower() == ".ann":
        return Evidence("brat", "a brat collection (.txt and .ann files)")
    if path.suffix.lower() == ".qdpx":
        return Evidence("qdpx", "a REFI-QDA project (.qdpx)")
    if path.suffix.lower() in CONLL_SUFFIXES:
        return Evidence("conll", f"a CoNLL file ({path.suffix})")
    head = _head_text(path)
    if head is None:
        return Evidence(None, "")
    records = sample_records(head)
    if records is None:
        if looks_conll(head):
            return Evidence("conll", "lines of tokens and IOB tags")
        return Evidence(None, "")
    counts = {name: sum(1 for r in records if _safe(sniff, r)) for name, sniff in sniffers.items()}
    name, hits = max(counts.items(), key=lambda item: item[1]) if counts else (None, 0)
    if not hits or name is None:
        return Evidence(None, f"{len(records)} records of articles")
    return Evidence(name, f"{hits} of {len(records)} sampled records look like {name}")


def sample_records(head: str) -> list[Any] | None:
    """Up to :data:`SAMPLE` JSON records from the start of a file, or None if it is not JSON."""
    text = head.lstrip()
    decoder = json.JSONDecoder()
    try:
        if text.startswith("["):
            return _array_items(text, decoder)
        if text.startswith("{"):
            return _lines_or_object(text, decoder)
    except RecursionError:
        return None
    return None


def looks_conll(head: str) -> bool:
    """Lines of ``token ... TAG`` whose last column is an IOB tag, with at least one entity."""
    lines = [line for line in head.splitlines()[:400] if line.strip()]
    if len(lines) < 2:
        return False
    tagged = [line.split()[-1] for line in lines if len(line.split()) >= 2]
    matching = [tag for tag in tagged if _TAG.match(tag)]
    entity = any(tag != "O" for tag in matching)
    return entity and len(matching) >= 0.8 * len(lines)


def _array_items(text: str, decoder: json.JSONDecoder) -> list[Any]:
    items: list[Any] = []
    position = 1
    while len(items) < SAMPLE:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            break
        try:
            item, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            break  # the sample ends inside a record
        items.append(item)
    return items


def _lines_or_object(text: str, decoder: json.JSONDecoder) -> list[Any] | None:
    lines = [line for line in text.split("\n") if line.strip()]
    records: list[Any] = []
    for line in lines[:SAMPLE]:
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            break
    if records:
        return records
    try:  # one object over several lines (a single task, pretty-printed)
        single, _ = decoder.raw_decode(text)
    except json.JSONDecodeError:
        return None
    return [single]


def _head_text(path: Path) -> str | None:
    data = read_head(path, _HEAD)
    if data is None:
        return None
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    return data.decode("utf-8-sig", errors="replace")


def _safe(sniff: Sniffer, record: Any) -> bool:
    try:
        return bool(sniff(record))
    except (ValueError, TypeError, RecursionError):
        return False
