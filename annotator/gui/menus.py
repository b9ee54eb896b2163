"""The menu bar: which actions (by name, see :mod:`annotator.gui.actions`) each menu lists, in
order; None is a separator. The Annotate menu lists one tagging action per layer with a key."""

from __future__ import annotations

from annotator.domain.documents import DocumentStatus
from annotator.domain.scheme import Scheme


def menu_table(scheme: Scheme) -> dict[str, list[str | None]]:
    return {
        "&File": ["import", "import-folder", "export", None, "merge-project", "backups", None,
                  "quit"],
        "&Edit": ["undo", "redo", None, "delete", None, "find", "search", None, "scheme"],
        "&Annotate": [
            *(f"tag-{layer.name}" for layer in scheme.layers if layer.hotkey), None,
            "span-to-selection", "start-left", "start-right", "end-left", "end-right", None,
            "snap", "new-actor",
        ],
        "&Navigate": ["next-annotation", "previous-annotation", None, "next-document",
                      "previous-document"],
        "&Document": [
            "done-next", None, *(f"status-{status.value}" for status in DocumentStatus), None,
            "assign", "delete-document",
        ],
        "&View": ["zoom-in", "zoom-out", None],
        "Ass&ist": [
            "suggest-actors", "suggest-quotes", "suggest-claims", "suggest-model", None,
            "suggest-actors-all", "suggest-quotes-all", "suggest-claims-all", None,
            "annotate-all", "train-model", None,
            "accept-suggestion", "reject-suggestion", "accept-engine", None,
            "next-suggestion", "previous-suggestion",
        ],
        "Analy&sis": ["statements", "actor-page", "charts", "network", None, "agreement", "curate",
                      "curating"],
        "&Help": ["shortcuts", "about"],
    }  # fmt: skip
