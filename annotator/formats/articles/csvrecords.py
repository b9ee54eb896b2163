"""CSV and TSV tables with a header row and one article per row; the delimiter is sniffed."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from annotator.domain.documents import DocumentDraft
from annotator.domain.errors import InputError
from annotator.formats.articles.records import TEXT_FIELDS, draft_from_record, find_field
from annotator.formats.decoding import read_text_file

_DELIMITERS = ",;\t|"
_SNIFF_CHARS = 64 * 1024
csv.field_size_limit(2**31 - 1)


def read_csv(path: Path, encoding: str | None = None) -> Iterator[DocumentDraft]:
    text = read_text_file(path, encoding, check=False).text
    reader = csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text, path))
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise InputError(path, "no header row", 1)
        header = [cell.strip() for cell in header]
        if find_field(header, TEXT_FIELDS) is None:
            raise InputError(path, f"no 'text' column (columns: {', '.join(header)})", 1)
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                raise InputError(path, f"{len(row)} cells but {len(header)} columns", line)
            record = dict(zip(header, row, strict=False))
            yield draft_from_record(record, path, line, f"{path.stem} {line}")
    except csv.Error as exc:
        raise InputError(path, f"malformed CSV: {exc}", reader.line_num) from None


def _dialect(text: str, path: Path) -> type[csv.Dialect]:
    if path.suffix.lower() == ".tsv":
        return csv.excel_tab
    header = text[:_SNIFF_CHARS].split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(header, _DELIMITERS).delimiter
    except csv.Error:
        return csv.excel
    return type("Sniffed", (csv.excel,), {"delimiter": delimiter})
