"""``annotator desktop``: add the workbench to the desktop's menu, or take it away."""

from __future__ import annotations

import argparse

from annotator.cli.output import term


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    parser = commands.add_parser(
        "desktop",
        help="add Annotator to the desktop's application menu (Linux), or remove it",
        description="Install the menu entry, icons and AppStream metainfo for the current user "
        "(in $XDG_DATA_HOME, usually ~/.local/share), or remove them.",
    )
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--install", action="store_true", help="add the entry and icons")
    group.add_argument("--uninstall", action="store_true", help="remove them")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from annotator.desktop import install, uninstall

    files = install() if args.install else uninstall()
    verb = "installed" if args.install else "removed"
    for path in files:
        print(term(f"{verb} {path}"))
    if not files:
        print("nothing to remove")
    return 0
