"""Before the workbench starts on X11: are the system libraries Qt's xcb plugin needs there?

Qt aborts the whole process when its platform plugin cannot load, with a message that names
no package. This check names the missing libraries and the Debian/Ubuntu packages that hold
them, so a user sees what to install instead of a crash.
"""

from __future__ import annotations

import ctypes.util
import re
import shutil
import subprocess
from importlib.util import find_spec
from pathlib import Path

# Loaded by Qt at run time (dlopen), so ldd does not list it.
_DLOPENED = ("xcb-cursor",)


def missing_xcb_libraries() -> list[str]:
    """File names of the libraries the xcb plugin needs and the system lacks ([] if unknown)."""
    spec = find_spec("PySide6")
    if spec is None or spec.origin is None or shutil.which("ldd") is None:
        return []
    qt = Path(spec.origin).parent / "Qt"
    targets = [qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"]
    missing: list[str] = []
    for target in targets:
        if not target.exists():
            continue
        try:
            output = subprocess.run(
                ["ldd", str(target)], capture_output=True, text=True, timeout=10, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return []
        missing += re.findall(r"^\s*(\S+) => not found", output, re.MULTILINE)
    missing += [f"lib{name}.so.0" for name in _DLOPENED if ctypes.util.find_library(name) is None]
    return sorted(set(missing))


def debian_package(library: str) -> str:
    """``libxcb-icccm.so.4`` -> ``libxcb-icccm4``; ``libxkbcommon-x11.so.0`` -> ``...-x11-0``."""
    name, _, version = library.partition(".so.")
    version = version.split(".")[0]
    return f"{name}-{version}" if name[-1:].isdigit() else f"{name}{version}"
