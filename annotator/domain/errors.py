"""Errors a user can act on. The command line prints them without a traceback."""

from __future__ import annotations

from pathlib import Path


class AnnotatorError(Exception):
    """A problem the user caused or can fix; its message is shown as is."""


class UsageError(AnnotatorError):
    """The command was asked for something that cannot be done as asked."""


class NotFoundError(AnnotatorError):
    """A document, actor or annotation with that id does not exist."""


class ValidationError(AnnotatorError):
    """Data that breaks a rule of the domain or of the project's scheme."""


class ProjectError(AnnotatorError):
    """The project itself cannot be used as asked: damaged, foreign, newer or read-only."""


class SchemaVersionError(ProjectError):
    """The database was written by another version of Annotator, or is not a project at all."""


class DamagedProjectError(ProjectError):
    """The project file is damaged (truncated, overwritten) or is not a database at all."""


class ReadOnlyError(ProjectError):
    """A change was asked of a project that can only be read (file, folder or medium)."""


class NotAllowedError(ReadOnlyError):
    """The server refused a change this login may not make (another annotator's work, the
    scheme for anyone but the owner)."""


class StorageError(AnnotatorError):
    """The machine refused a write or a read: a full disk, a permission, an I/O error."""


class BusyError(AnnotatorError):
    """Another program held the project's write lock for longer than we were willing to wait."""


class ConflictError(AnnotatorError):
    """Somebody else changed the thing being edited since it was read; nothing was saved."""


class InputError(AnnotatorError):
    """A file that cannot be imported. Names the file and, where known, the line."""

    def __init__(self, path: Path | str, reason: str, line: int | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


class Cancelled(Exception):
    """Long work was stopped by the user; whatever was half done was rolled back."""
