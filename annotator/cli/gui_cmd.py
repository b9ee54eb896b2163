"""Opening the workbench: the default when no command is given."""

from __future__ import annotations

import argparse
import os
import sys

from annotator.cli.display_check import debian_package, missing_xcb_libraries
from annotator.cli.projects import open_project
from annotator.domain.errors import UsageError


def run(args: argparse.Namespace) -> int:
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and not os.environ.get("QT_QPA_PLATFORM")
    ):
        raise UsageError(
            "no display to open the workbench on; use a command such as 'annotator list', "
            "or set QT_QPA_PLATFORM=offscreen"
        )
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if sys.platform.startswith("linux") and os.environ.get("DISPLAY") and platform in ("", "xcb"):
        missing = missing_xcb_libraries()
        if missing:
            packages = " ".join(sorted({debian_package(name) for name in missing}))
            raise UsageError(
                f"the workbench needs system libraries that are missing: {', '.join(missing)}. "
                f"On Debian or Ubuntu: sudo apt-get install {packages}"
            )
    try:
        from annotator.gui.app import run_workbench
    except ImportError as exc:
        raise UsageError(f"the workbench cannot start: {exc}") from exc
    project = open_project(args.db)
    return run_workbench(project)
