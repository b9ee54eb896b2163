"""Reading an input file safely: regular files only, and never more bytes than the limit.

A FIFO, a device, or a symlink to ``/dev/zero`` named ``article.txt`` reports a size of 0 and
never ends; checking ``st_size`` alone would read it until memory runs out. So the kind of file
is checked first (following symlinks), and the limit is enforced on the bytes actually read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from annotator.domain.errors import InputError

MAX_FILE_BYTES = 256 * 1024 * 1024


def check_regular(path: Path) -> os.stat_result:
    """The file's status; refuses anything but a regular file (after following symlinks)."""
    try:
        status = path.stat()
    except OSError as exc:
        raise InputError(path, f"cannot read file: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(status.st_mode):
        kind = (
            "a folder" if stat.S_ISDIR(status.st_mode)
            else "a named pipe" if stat.S_ISFIFO(status.st_mode)
            else "a device" if stat.S_ISCHR(status.st_mode) or stat.S_ISBLK(status.st_mode)
            else "a socket" if stat.S_ISSOCK(status.st_mode)
            else "not a regular file"
        )  # fmt: skip
        raise InputError(path, f"is {kind}, not a file that can be imported")
    return status


def read_bytes_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """All of a regular file's bytes, refused (naming the limit) past ``limit`` bytes."""
    status = check_regular(path)
    if status.st_size > limit:
        raise InputError(path, f"file is {_mib(status.st_size)}; the limit is {_mib(limit)}")
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(path, f"cannot read file: {exc.strerror or exc}") from exc
    if len(data) > limit:  # it grew, or its size lied
        raise InputError(path, f"file is larger than the limit of {_mib(limit)}")
    return data


def read_head(path: Path, size: int) -> bytes | None:
    """The first ``size`` bytes of a regular file, or None for anything else."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError:
        return None


def _mib(size: int) -> str:
    return f"{size / 2**20:.0f} MiB"
