"""The exit statuses of ``annotator``: one per kind of outcome, so scripts can tell them apart.

| status | meaning |
| --- | --- |
| 0 | everything went well |
| 1 | some input was refused, or something asked for does not exist or was changed meanwhile |
| 2 | the command was used wrongly (unknown option, bad value) |
| 3 | the project cannot be opened: damaged, not a project, or from a newer Annotator |
| 4 | a change was asked of a project that is read-only |
| 5 | the machine refused: a full disk, a permission, an I/O error |
| 6 | another program held the project's write lock for longer than the wait allows |
| 130 | interrupted (Ctrl+C) |
"""

from __future__ import annotations

from enum import IntEnum

from annotator.domain.errors import (
    AnnotatorError,
    BusyError,
    ProjectError,
    ReadOnlyError,
    StorageError,
    UsageError,
)


class Exit(IntEnum):
    OK = 0
    REFUSED = 1
    USAGE = 2
    PROJECT = 3
    READ_ONLY = 4
    STORAGE = 5
    BUSY = 6
    INTERRUPTED = 130


def exit_status(error: AnnotatorError) -> Exit:
    """The status for a command that ended with ``error``."""
    if isinstance(error, UsageError):
        return Exit.USAGE
    if isinstance(error, ReadOnlyError):
        return Exit.READ_ONLY
    if isinstance(error, ProjectError):
        return Exit.PROJECT
    if isinstance(error, StorageError):
        return Exit.STORAGE
    if isinstance(error, BusyError):
        return Exit.BUSY
    return Exit.REFUSED
