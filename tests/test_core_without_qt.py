"""The core (domain, store, formats, jobs, cli commands) imports and works with PySide6 absent."""

import subprocess
import sys
import textwrap
from pathlib import Path

import annotator

CORE = ("domain", "analysis", "assist", "charts", "store", "formats", "jobs")

SCRIPT = textwrap.dedent(
    """
    import importlib, pkgutil, sys

    class NoQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6", "qtawesome", "PyQt5", "PyQt6"):
                raise ImportError(name + " is blocked for this test")
            return None

    sys.meta_path.insert(0, NoQt())
    import annotator
    for package in {core!r}:
        module = importlib.import_module("annotator." + package)
        for info in pkgutil.walk_packages(module.__path__, "annotator." + package + "."):
            if ".migrations" not in info.name:
                importlib.import_module(info.name)
    from annotator.cli.main import main
    sys.exit(main(sys.argv[1:]))
    """
).replace("{core!r}", repr(CORE))


def test_core_packages_import_and_import_articles_without_qt(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nA story without Qt.")
    db = tmp_path / "p.sqlite"
    root = Path(annotator.__file__).parent.parent
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, "import", "--db", str(db), str(article)],
        capture_output=True,
        text=True,
        cwd=root,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1 imported, 0 duplicates, 0 files refused"


def test_no_core_module_mentions_qt():
    root = Path(annotator.__file__).parent
    offenders = [
        str(path.relative_to(root))
        for package in (*CORE, "cli")
        for path in (root / package).rglob("*.py")
        if any(
            line.lstrip().startswith(("import PySide6", "from PySide6", "import qtawesome"))
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []
