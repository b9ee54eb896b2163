"""Drawing a :class:`ChartTable` with matplotlib's object API (no pyplot, so no global state):
readable labels, a colour-blind-safe palette (Okabe–Ito; a purple–orange diverging map for
stance), vector output for papers, and a dark variant for the screen."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from annotator.charts.table import ChartTable

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000")  # fmt: skip


def figure(table: ChartTable, *, dark: bool = False, width: float = 7.0) -> Any:
    from matplotlib.figure import Figure  # slow to import: only when a chart is drawn

    ink, paper = ("#e8e8e8", "#202124") if dark else ("#222222", "#ffffff")
    rows = max(len(table.categories), 1)
    height = 3.2 if table.kind in ("speakers", "topics") else min(0.32 * rows + 1.6, 9.0)
    fig = Figure(figsize=(width, height), facecolor=paper, layout="constrained")
    axes = fig.add_subplot()
    axes.set_facecolor(paper)
    if table.matrix:
        _heatmap(fig, axes, table, ink)
    elif table.kind in ("speakers", "topics"):
        _lines(axes, table)
    else:
        _bars(axes, table)
    axes.set_title(table.title, color=ink, fontsize=11, loc="left")
    axes.set_xlabel(table.x_label if not table.matrix else "", color=ink, fontsize=9)
    axes.set_ylabel(table.y_label, color=ink, fontsize=9)
    axes.tick_params(colors=ink, labelsize=8)
    for spine in axes.spines.values():
        spine.set_color(ink)
        spine.set_alpha(0.4)
    legend = axes.get_legend()
    if legend is not None:
        legend.get_frame().set_facecolor(paper)
        for text in legend.get_texts():
            text.set_color(ink)
    return fig


def save(table: ChartTable, out: Path) -> None:
    """PNG, SVG or PDF by the extension (CSV: the table itself)."""
    if out.suffix.lower() == ".csv":
        table.write_csv(out)
        return
    save_figure(figure(table), out)


# What journals ask of a figure's lettering: PDF fonts embedded as TrueType (Type 42), not
# Type 3, which many submission systems refuse; SVG text kept as text, to be edited and found.
PAPER_FONTS: dict[str, Any] = {"pdf.fonttype": 42, "ps.fonttype": 42, "svg.fonttype": "none"}


def save_figure(fig: Any, out: Path) -> None:
    """Write ``fig`` as PNG (200 dpi), SVG or PDF, by the extension."""
    from matplotlib import rc_context

    with rc_context(PAPER_FONTS):  # type: ignore[arg-type]
        fig.savefig(out, dpi=200 if out.suffix.lower() == ".png" else None)


def _bars(axes: Any, table: ChartTable) -> None:
    names = list(reversed(table.categories))  # the largest at the top
    groups = len(table.series)
    height = bar_height(groups)
    for number, (name, values) in enumerate(table.series.items()):
        positions = [bar_position(i, number, groups) for i in range(len(names))]
        axes.barh(positions, list(reversed(values)), height=height, label=name,
                  color=PALETTE[number % len(PALETTE)])  # fmt: skip
    axes.set_yticks(range(len(names)), names)
    if groups > 1:
        axes.legend(fontsize=8, frameon=False)


def bar_height(groups: int) -> float:
    return 0.8 / max(groups, 1)


def bar_position(row: int, number: int, groups: int) -> float:
    """Where bar ``number`` of a group of ``groups`` sits in row ``row`` (rows count from the
    bottom; the first series on top)."""
    return row - (number - (groups - 1) / 2) * bar_height(groups)


def bar_at(y: float, groups: int) -> tuple[int, int]:
    """The row and the series of the bar nearest to height ``y`` (bar_position inverted)."""
    row = round(y)
    number = round(-(y - row) / bar_height(groups) + (groups - 1) / 2)
    return row, max(0, min(groups - 1, number))


def _lines(axes: Any, table: ChartTable) -> None:
    positions = range(len(table.categories))
    for number, (name, values) in enumerate(table.series.items()):
        axes.plot(positions, values, marker="o", markersize=3, linewidth=1.5, label=name,
                  color=PALETTE[number % len(PALETTE)])  # fmt: skip
    step = max(1, len(table.categories) // 12)
    axes.set_xticks(list(positions)[::step], table.categories[::step], rotation=45, ha="right")
    if table.series:
        axes.legend(fontsize=8, frameon=False, ncols=2)


def _heatmap(fig: Any, axes: Any, table: ChartTable, ink: str) -> None:
    shown = axes.imshow(table.matrix, cmap="PuOr", vmin=-1, vmax=1, aspect="auto")
    axes.set_xticks(range(len(table.columns)), table.columns, rotation=45, ha="right")
    axes.set_yticks(range(len(table.categories)), table.categories)
    for i, row in enumerate(table.matrix):
        for j, value in enumerate(row):
            if not math.isnan(value):
                number = table.counts[i][j] if table.counts else ""
                axes.text(j, i, str(number), ha="center", va="center", fontsize=7,
                          color="white" if abs(value) > 0.6 else "black")  # fmt: skip
    bar = fig.colorbar(shown, ax=axes, shrink=0.8)
    bar.set_label("against  ←  stance  →  for", color=ink, fontsize=8)
    bar.ax.tick_params(colors=ink, labelsize=7)
