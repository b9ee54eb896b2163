"""The tables behind the charts, from the project's statements and mentions.

- ``actors``: the most present actors by mentions, quotes and claims;
- ``speakers``: quotes by speaker over time (day, week or month);
- ``topics``: claims by topic over time;
- ``stance``: the actor × topic stance matrix ((for − against) / claims, with the count);
- ``kinds``: the share of quoted speakers by actor kind.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date, timedelta

from annotator.charts.table import KINDS, ChartTable
from annotator.domain.errors import UsageError
from annotator.jobs.statements import StatementFilter, StatementRow, statement_rows
from annotator.store.project import Project

PERIODS = ("day", "week", "month")
FOR, AGAINST = frozenset({"for", "pro", "yes", "support"}), frozenset({"against", "contra",
                                                                     "no", "oppose"})  # fmt: skip


def chart_table(
    project: Project, kind: str, chosen: StatementFilter | None = None, *,
    period: str = "month", top: int = 15,
) -> ChartTable:  # fmt: skip
    if kind not in KINDS:
        raise UsageError(f"charts: {', '.join(KINDS)}")
    if period not in PERIODS:
        raise UsageError(f"--period: {', '.join(PERIODS)}")
    chosen = chosen or StatementFilter()
    rows = statement_rows(project, chosen)
    if kind == "actors":
        return _actors(project, rows, chosen, top)
    if kind == "speakers":
        quoted = [r for r in rows if r.layer == "quote" and r.who]
        return _over_time("speakers", "Quotes by speaker", quoted, lambda r: r.who, period,
                          min(top, 8))  # fmt: skip
    if kind == "topics":
        claimed = [r for r in rows if r.layer == "claim" and r.topic]
        return _over_time("topics", "Claims by topic", claimed, lambda r: r.topic, period,
                          min(top, 8))  # fmt: skip
    if kind == "stance":
        return _stance(rows, top)
    return _kinds(rows)


def _actors(
    project: Project, rows: list[StatementRow], chosen: StatementFilter, top: int
) -> ChartTable:
    layers = [layer.name for layer in project.scheme.load().layers if layer.refers_to_actor]
    names = {a.id: a.name for a in project.actors.list()}
    docs = {d.id: d for d in project.documents.list(chosen.status)}
    mentions: Counter[str] = Counter()
    spans: dict[tuple[str, str], list[int]] = defaultdict(list)
    people = {chosen.annotator} if chosen.annotator else None
    _found, coded = project.coded.read(layers=set(layers), status=chosen.status, annotators=people)
    for span in coded:
        document = docs.get(span.document_id)
        if span.actor_id is None or document is None:
            continue
        if not chosen.admits(document.published, document.source):
            continue
        name = names.get(span.actor_id, str(span.actor_id))
        mentions[name] += 1
        spans[(name, "mentions")].append(span.id)
    quotes: Counter[str] = Counter()
    claims: Counter[str] = Counter()
    for row in rows:
        if not row.who:
            continue
        (quotes if row.layer == "quote" else claims)[row.who] += 1
        spans[(row.who, "quotes" if row.layer == "quote" else "claims")].append(row.id)
    totals = mentions + quotes + claims
    chosen_names = [name for name, _n in totals.most_common(top)]
    return ChartTable(
        "actors", "Actors by mentions, quotes and claims", chosen_names,
        {"mentions": [float(mentions[n]) for n in chosen_names],
         "quotes": [float(quotes[n]) for n in chosen_names],
         "claims": [float(claims[n]) for n in chosen_names]},
        x_label="", y_label="", spans=dict(spans),
    )  # fmt: skip


def _period_key(day: date, period: str) -> str:
    if period == "day":
        return day.isoformat()
    if period == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day.year}-{day.month:02d}"


def _periods(first: date, last: date, period: str) -> list[str]:
    keys: list[str] = []
    day = first
    while day <= last:
        key = _period_key(day, period)
        if not keys or keys[-1] != key:
            keys.append(key)
        day += timedelta(days=1)
    return keys


def _over_time(
    kind: str, title: str, rows: list[StatementRow], name_of: Callable[[StatementRow], str],
    period: str, top: int,
) -> ChartTable:  # fmt: skip
    named = [(r, name_of(r)) for r in rows if r.published is not None]
    if not named:
        return ChartTable(kind, title + " (no dated statements)", [])
    counts = Counter(name for _r, name in named)
    leaders = [name for name, _n in counts.most_common(top)]
    keys = _periods(min(r.published for r, _ in named if r.published),
                    max(r.published for r, _ in named if r.published), period)  # fmt: skip
    index = {key: i for i, key in enumerate(keys)}
    series = {name: [0.0] * len(keys) for name in leaders}
    spans: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row, name in named:
        if name in series and row.published is not None:
            key = _period_key(row.published, period)
            series[name][index[key]] += 1
            spans[(key, name)].append(row.id)
    return ChartTable(kind, f"{title} per {period}", keys, series, x_label=period,
                      y_label="statements", spans=dict(spans))  # fmt: skip


def _stance(rows: list[StatementRow], top: int) -> ChartTable:
    claimed = [r for r in rows if r.layer == "claim" and r.who and r.topic and r.stance]
    if not claimed:
        return ChartTable("stance", "Stance by actor and topic (no claims with a stance)", [])
    actors = [n for n, _ in Counter(r.who for r in claimed).most_common(top)]
    topics = [n for n, _ in Counter(r.topic for r in claimed).most_common(min(top, 10))]
    score: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])  # for, against, n
    spans: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row in claimed:
        cell = score[(row.who, row.topic)]
        stance = row.stance.casefold()
        cell[0] += stance in FOR
        cell[1] += stance in AGAINST
        cell[2] += 1
        spans[(row.who, row.topic)].append(row.id)
    matrix = [[(score[(a, t)][0] - score[(a, t)][1]) / score[(a, t)][2] if score[(a, t)][2]
               else math.nan for t in topics] for a in actors]  # fmt: skip
    counts = [[score[(a, t)][2] for t in topics] for a in actors]
    return ChartTable("stance", "Stance by actor and topic", actors, columns=topics,
                      matrix=matrix, counts=counts, x_label="actor", spans=dict(spans))  # fmt: skip


def _kinds(rows: list[StatementRow]) -> ChartTable:
    quoted = [r for r in rows if r.layer == "quote" and r.actor_kind]
    counts = Counter(r.actor_kind for r in quoted)
    total = sum(counts.values())
    kinds = [k for k, _ in counts.most_common()]
    spans: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row in quoted:
        spans[(row.actor_kind, "share of quotes (%)")].append(row.id)
    return ChartTable(
        "kinds", "Who is quoted: speakers by kind of actor", kinds,
        {"share of quotes (%)": [100 * counts[k] / total for k in kinds]} if total else {},
        x_label="", y_label="", spans=dict(spans),
    )  # fmt: skip
