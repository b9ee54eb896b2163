"""What a chart shows, as a table: categories along one axis, a series per line or bar group,
or a matrix for a heatmap. Written to CSV as it is drawn."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("actors", "speakers", "topics", "stance", "kinds")


@dataclass(slots=True)
class ChartTable:
    kind: str
    title: str
    categories: list[str]  # x (or rows of a heatmap)
    series: dict[str, list[float]] = field(default_factory=dict)  # name -> one per category
    columns: list[str] = field(default_factory=list)  # a heatmap's columns
    matrix: list[list[float]] = field(default_factory=list)  # a heatmap: rows x columns (nan: none)
    counts: list[list[int]] = field(default_factory=list)  # statements behind each cell
    x_label: str = ""
    y_label: str = ""
    spans: dict[tuple[str, str], list[int]] = field(default_factory=dict)  # cell -> span ids

    @property
    def empty(self) -> bool:
        return not self.categories

    def write_csv(self, path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            if self.matrix:
                writer.writerow([self.x_label or "row", *self.columns])
                for name, values in zip(self.categories, self.matrix, strict=True):
                    writer.writerow([name, *("" if math.isnan(v) else f"{v:.4g}" for v in values)])
                return
            writer.writerow([self.x_label or "category", *self.series])
            for index, name in enumerate(self.categories):
                writer.writerow([name, *(_number(v[index]) for v in self.series.values())])


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.4g}"
