"""Entry point of the ``annotator`` command. Its exit statuses are listed in :mod:`exits`."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from annotator import __version__
from annotator.cli import (
    agreement_cmd,
    assign_cmd,
    backup_cmd,
    chart_cmd,
    curate_cmd,
    delete_cmd,
    desktop_cmd,
    export_cmd,
    gui_cmd,
    history_cmd,
    import_cmd,
    list_cmd,
    merge_cmd,
    network_cmd,
    scheme_cmd,
    screenshot_cmd,
    show_cmd,
    stats_cmd,
    suggest_cmd,
    team_cmd,
)
from annotator.cli.exits import Exit, exit_status
from annotator.cli.output import term
from annotator.domain.errors import AnnotatorError, UsageError


def build_parser() -> argparse.ArgumentParser:
    db_help = "project file (SQLite, created if missing) or database URL (postgresql+psycopg://...)"
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", default=argparse.SUPPRESS, metavar="DB", help=db_help)
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Annotate actors, quotes and claims in news articles. "
        "Without a command, opens the workbench.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    parser.add_argument("--db", default=None, metavar="DB", help=db_help)
    parser.set_defaults(run=gui_cmd.run)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in (
        import_cmd,
        export_cmd,
        list_cmd,
        show_cmd,
        delete_cmd,
        stats_cmd,
        history_cmd,
        agreement_cmd,
        curate_cmd,
        suggest_cmd,
        network_cmd,
        chart_cmd,
        assign_cmd,
        merge_cmd,
        team_cmd,
        scheme_cmd,
        screenshot_cmd,
        backup_cmd,
        desktop_cmd,
    ):
        module.register(commands, parent)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except UsageError as exc:
        print(f"annotator: error: {term(exc)}", file=sys.stderr)
        return Exit.USAGE
    except AnnotatorError as exc:
        print(f"annotator: {term(exc)}", file=sys.stderr)
        return exit_status(exc)
    except BrokenPipeError:  # `annotator list | head`: the reader has what it wanted
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error
        return 0
    except OSError as exc:  # a folder that cannot be made, a file that cannot be written
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"annotator: {term(where)}{exc.strerror or exc}", file=sys.stderr)
        return Exit.STORAGE
    except KeyboardInterrupt:
        print("annotator: interrupted", file=sys.stderr)
        return Exit.INTERRUPTED
