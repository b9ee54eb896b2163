"""The layers, checked on every module's imports (function-level ones too): the domain knows no
database and no Qt; store, formats and jobs know no Qt; the GUI reaches the data only through
the core's services; nothing below imports what is above.

    domain  <  analysis, assist, formats, store  <  charts (draws analysis)  <  jobs  <  gui, cli
"""

import ast
from pathlib import Path

import annotator

ROOT = Path(annotator.__file__).parent
QT = {"PySide6", "shiboken6", "qtawesome", "qtpy", "PyQt5", "PyQt6"}
DATABASE = {"sqlalchemy", "alembic", "psycopg", "sqlite3"}
# what each package may import from annotator, and which libraries it must not
RULES = {
    "domain": ({"domain"}, QT | DATABASE | {"trafilatura", "networkx", "yaml"}),
    "analysis": ({"analysis"}, QT | DATABASE),
    "assist": ({"domain", "assist"}, QT | DATABASE),
    "charts": ({"domain", "analysis", "charts"}, QT | DATABASE),  # networks are drawn
    "formats": ({"domain", "formats"}, QT | DATABASE),
    "store": ({"domain", "store", "resources"}, QT),
    "jobs": ({"domain", "analysis", "assist", "charts", "formats", "store", "jobs", "paths",
              "resources"},
             QT | DATABASE),
    "gui": ({"domain", "charts", "formats", "store", "jobs", "gui", "desktop", "paths",
             "resources"},
            DATABASE),
}  # fmt: skip


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            if node.module == "annotator":
                found.update(f"annotator.{alias.name}" for alias in node.names)
    return found


def test_every_package_imports_only_what_its_layer_allows():
    broken = []
    for package, (allowed, banned) in RULES.items():
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for name in sorted(_imports(path)):
                top, _, rest = name.partition(".")
                inner = rest.split(".")[0] if top == "annotator" and rest else None
                if inner is not None and inner not in allowed and inner != "__version__":
                    broken.append(f"{path.relative_to(ROOT)} imports annotator.{inner}")
                if top in banned:
                    broken.append(f"{path.relative_to(ROOT)} imports {top}")
    assert broken == []


def test_the_gui_opens_no_database_session():
    """Widgets call Workspace methods; sessions and transactions are the store's."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "gui").rglob("*.py")
        if any(word in path.read_text(encoding="utf-8") for word in (".db.write(", ".db.read("))
    ]
    assert offenders == []
