"""``annotator team``: the people of a server project and their roles."""

from __future__ import annotations

import argparse
import getpass

from annotator.cli.output import print_json, term
from annotator.cli.projects import open_project


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    team = commands.add_parser(
        "team", parents=[parent],
        help="the people of a project on a PostgreSQL server and their roles",
    )  # fmt: skip
    actions = team.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[parent], help="add a person (the owner does)")
    add.add_argument("name", help="their login on the server")
    add.add_argument("--role", default="annotator", help="annotator (default) or curator")
    add.add_argument("--password", action="store_true", help="set their password (asked)")
    add.set_defaults(run=run_add)
    listed = actions.add_parser("list", parents=[parent], help="who is in the team")
    listed.add_argument("--json", action="store_true")
    listed.set_defaults(run=run_list)


def run_add(args: argparse.Namespace) -> int:
    from annotator.store.team import add_member

    password = getpass.getpass(f"password for {args.name}: ") if args.password else None
    with open_project(args.db) as project:
        add_member(project.db, args.name, args.role, password)
    print(f"{term(args.name)} is now a {args.role} of this project")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from annotator.store.team import members

    with open_project(args.db) as project:
        found = members(project.db)
    if args.json:
        print_json([{"name": name, "role": role} for name, role in found])
        return 0
    for name, role in found:
        print(f"{term(name):<24} {role}")
    return 0
