"""``annotator agreement``: how far annotators agree, and where they do not."""

from __future__ import annotations

import argparse
import csv
from dataclasses import asdict
from pathlib import Path
from typing import Any

from annotator.cli.output import print_json, term
from annotator.cli.projects import open_project
from annotator.domain.documents import DocumentStatus
from annotator.domain.errors import UsageError

SHOWN = 20  # disagreements printed (all of them with --json or --csv)


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    parser = commands.add_parser(
        "agreement",
        parents=[parent],
        help="agreement between annotators: span F1, α and κ, and every disagreement",
    )
    parser.add_argument("--layer", action="append", metavar="L", help="only this layer (repeat)")
    parser.add_argument(
        "--attribute", action="append", metavar="A", help="only this attribute (repeat)"
    )
    parser.add_argument(
        "--annotators", metavar="a,b,c", help="these annotators (each counts on every document)"
    )
    parser.add_argument("--status", help="only documents of this status")
    parser.add_argument(
        "--ordinal", action="append", default=[], metavar="A",
        help="compare this choice attribute as ordered (in its list's order), e.g. stance",
    )  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print everything as JSON")
    parser.add_argument(
        "--csv", type=Path, metavar="FILE",
        help="write the per-document scores and the disagreements as CSV",
    )  # fmt: skip
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from annotator.cli.progressbar import terminal_progress
    from annotator.jobs.agreement import AgreementOptions, agreement

    try:
        status = DocumentStatus(args.status) if args.status else None
    except ValueError:
        known = ", ".join(s.value for s in DocumentStatus)
        raise UsageError(f"unknown status {args.status!r} (one of {known})") from None
    options = AgreementOptions(
        layers=frozenset(args.layer) if args.layer else None,
        attributes=frozenset(args.attribute) if args.attribute else None,
        annotators=tuple(n.strip() for n in args.annotators.split(",") if n.strip())
        if args.annotators
        else None,
        status=status,
        ordinal=frozenset(args.ordinal),
    )
    with open_project(args.db) as project, terminal_progress("agreement") as progress:
        report = agreement(project, options, progress)
    if args.csv:
        _write_csv(report, args.csv)
    if args.json:
        print_json(_as_json(report))
        return 0
    _print(report)
    return 0


def _f(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _print(report: Any) -> None:
    print(f"annotators: {term(', '.join(report.annotators))}")
    for layer in report.layers:
        documents = f"{layer.documents} document{'' if layer.documents == 1 else 's'}"
        print(f"\n{term(layer.layer)}: {documents} annotated by two or more")
        labels = ", ".join(f"{term(k)} {_f(a)}" for k, a in layer.alpha_u_labels.items())
        print(f"  unitizing α (α_u)  {_f(layer.alpha_u)}" + (f"  ({labels})" if labels else ""))
        print(f"  {'pair':<28} {'F1 exact':>9} {'F1 overlap':>11}")
        for pair in layer.pairs:
            name = term(f"{pair.first} – {pair.second}")
            print(f"  {name:<28} {_f(pair.exact.f1):>9} {_f(pair.overlap.f1):>11}")
        for attribute in layer.attributes:
            kappas = ", ".join(
                f"{a}–{b} {_f(k)}" for (a, b), k in attribute.cohen.items() if k is not None
            )
            fleiss = f"; Fleiss κ {_f(attribute.fleiss)}" if attribute.fleiss is not None else ""
            print(
                f"  {term(attribute.name)} ({attribute.level.value}, {attribute.units} matched "
                f"span{'' if attribute.units == 1 else 's'}): α {_f(attribute.alpha)}; "
                f"Cohen κ {term(kappas) or '—'}{fleiss}"
            )
    if report.disagreements:
        print(f"\n{len(report.disagreements)} disagreements"
              + (f" (the first {SHOWN}; --json or --csv lists all)"
                 if len(report.disagreements) > SHOWN else ""))  # fmt: skip
        for d in report.disagreements[:SHOWN]:
            text = " ".join(d.text.split())
            print(
                f"  doc {d.document_id} {d.layer} {d.start}–{d.end} “{term(text[:40])}”: "
                f"{term(d.what)}"
            )


def _as_json(report: Any) -> dict[str, Any]:
    data = asdict(report)
    for layer, raw in zip(report.layers, data["layers"], strict=True):
        for pair, row in zip(layer.pairs, raw["pairs"], strict=True):
            row["f1_exact"], row["f1_overlap"] = pair.exact.f1, pair.overlap.f1
        for attribute in raw["attributes"]:
            attribute["cohen"] = [
                {"first": a, "second": b, "kappa": k} for (a, b), k in attribute["cohen"].items()
            ]
    return data


def _write_csv(report: Any, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["document", "title", "layer", "first", "second", "f1_exact",
                         "f1_overlap", "start", "end", "text", "disagreement"])  # fmt: skip
        for s in report.documents:
            writer.writerow([s.document_id, s.title, s.layer, s.first, s.second,
                             _f(s.f1_exact), _f(s.f1_overlap), "", "", "", ""])  # fmt: skip
        for d in report.disagreements:
            writer.writerow([d.document_id, d.title, d.layer, "", "", "", "", d.start, d.end,
                             d.text, d.what])  # fmt: skip
