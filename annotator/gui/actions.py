"""Every command of the workbench in one table: text, shortcut, icon and help.

The menus, the toolbar, the tooltips and the shortcuts sheet (F1) are all built from it, so a
shortcut is written down exactly once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from annotator.gui.icons import icon


@dataclass(frozen=True, slots=True)
class ActionSpec:
    name: str
    text: str
    shortcut: str | QKeySequence.StandardKey | None
    icon: str | None
    help: str
    group: str


def make_action(parent: QWidget, spec: ActionSpec, slot: Callable[[], object]) -> QAction:
    action = QAction(spec.text, parent)
    action.setObjectName(spec.name)
    if spec.icon:
        action.setIcon(icon(spec.icon))
    if spec.shortcut is not None:
        action.setShortcut(QKeySequence(spec.shortcut))
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    tip = f"{spec.help} ({keys})" if keys else spec.help
    action.setToolTip(tip)
    action.setStatusTip(spec.help)
    action.triggered.connect(lambda _checked=False: slot())
    parent.addAction(action)
    return action


def shortcut_text(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("import", "&Import articles…", "Ctrl+I", "import", "Import files or folders",
               "File"),
    ActionSpec("merge-project", "&Merge project…", None, "merge",
               "Merge other copies of this project (annotated elsewhere) into it", "File"),
    ActionSpec("import-folder", "Import a &folder…", "Ctrl+Shift+I", "import",
               "Import every article in a folder, or a brat collection", "File"),
    ActionSpec("export", "&Export annotations…", "Ctrl+E", "export",
               "Export annotations as a dataset (jsonl, doccano, conll, spaCy, brat, …)",
               "File"),
    ActionSpec("backups", "&Backups…", None, "backup",
               "Back up the project now, see its backups, choose how many to keep", "File"),
    ActionSpec("quit", "&Quit", QKeySequence.StandardKey.Quit, "quit", "Close Annotator", "File"),
    ActionSpec("undo", "&Undo", QKeySequence.StandardKey.Undo, "undo", "Undo the last edit",
               "Edit"),
    ActionSpec("redo", "&Redo", "Ctrl+Shift+Z", "redo", "Redo the edit just undone", "Edit"),
    ActionSpec("delete", "&Delete span", "Del", "delete", "Delete the selected span", "Edit"),
    ActionSpec("find", "&Find in article…", QKeySequence.StandardKey.Find, "find",
               "Search within the open article", "Edit"),
    ActionSpec("search", "Search &all articles…", "Ctrl+Shift+F", "search",
               "Full-text search over every article", "Edit"),
    ActionSpec("scheme", "Edit s&cheme…", "Ctrl+Shift+E", "layer",
               "Edit the project's layers, labels, colours, hotkeys and attributes", "Edit"),
    ActionSpec("span-to-selection", "Set span to &selection", "Ctrl+R", "span-to-selection",
               "Give the selected span the boundaries of the selected text", "Annotate"),
    ActionSpec("start-left", "Start one word &earlier", "Alt+Left", "start-left",
               "Move the start of the selected span left", "Annotate"),
    ActionSpec("start-right", "Start one word &later", "Alt+Right", "start-right",
               "Move the start of the selected span right", "Annotate"),
    ActionSpec("end-left", "End one word e&arlier", "Alt+Shift+Left", "end-left",
               "Move the end of the selected span left", "Annotate"),
    ActionSpec("end-right", "End one word la&ter", "Alt+Shift+Right", "end-right",
               "Move the end of the selected span right", "Annotate"),
    ActionSpec("snap", "S&nap selections to words", "Ctrl+W", "snap",
               "Grow selections to whole words", "Annotate"),
    ActionSpec("next-annotation", "&Next span", "Alt+Down", "next-annotation",
               "Select the next span in the article", "Navigate"),
    ActionSpec("previous-annotation", "&Previous span", "Alt+Up", "previous-annotation",
               "Select the previous span in the article", "Navigate"),
    ActionSpec("next-document", "Next &document", "Ctrl+PgDown", "next-document",
               "Open the next document in the list", "Navigate"),
    ActionSpec("previous-document", "Previous d&ocument", "Ctrl+PgUp", "previous-document",
               "Open the previous document in the list", "Navigate"),
    ActionSpec("done-next", "&Mark done, open next", "Ctrl+Return", "done-next",
               "Mark this document done and open the next one not done", "Navigate"),
    ActionSpec("status-new", "Mark &new", "Ctrl+1", "status-new",
               "Set the open document's status to new", "Document"),
    ActionSpec("status-in_progress", "Mark in &progress", "Ctrl+2", "status-in_progress",
               "Set the open document's status to in progress", "Document"),
    ActionSpec("status-done", "Mark &done", "Ctrl+3", "status-done",
               "Set the open document's status to done", "Document"),
    ActionSpec("status-reviewed", "Mark &reviewed", "Ctrl+4", "status-reviewed",
               "Set the open document's status to reviewed", "Document"),
    ActionSpec("assign", "&Assign…", None, "assign",
               "Give this article, or every article in the list, to annotators to annotate "
               "independently", "Document"),
    ActionSpec("delete-document", "De&lete document…", None, "delete",
               "Delete the open document with its spans (Undo, or History → Restore, brings it "
               "back)", "Document"),
    ActionSpec("curate", "&Curate this article…", None, "curate",
               "Each annotator's version of each place side by side; digits choose the curated "
               "one", "Analysis"),
    ActionSpec("curating", "Curated annotation &only", None, "curate",
               "Show and write only the curated annotation (to fix it in the article)",
               "Analysis"),
    ActionSpec("suggest-actors", "Suggest &actors in this article", "Ctrl+Shift+1", "suggest",
               "Every name and alias of every actor in the open article, as suggestions",
               "Assist"),
    ActionSpec("suggest-actors-all", "Suggest actors in &every listed article…", None,
               "suggest", "Every name and alias of every actor in the listed articles, as "
               "suggestions (in the background)", "Assist"),
    ActionSpec("suggest-quotes", "Suggest &quotes in this article", "Ctrl+Shift+2", "suggest",
               "Direct, mixed and indirect quotes with their speakers in the open article, as "
               "suggestions", "Assist"),
    ActionSpec("suggest-quotes-all", "Suggest quotes in every &listed article…", None,
               "suggest", "Quotes with their speakers in the listed articles, as suggestions "
               "(in the background)", "Assist"),
    ActionSpec("suggest-claims", "Suggest c&laims in this article", "Ctrl+Shift+3", "suggest",
               "Statistics, predictions, demands, accusations … that someone in the open "
               "article is said to claim, as suggestions", "Assist"),
    ActionSpec("suggest-claims-all", "Suggest claims in every listed article…", None,
               "suggest", "Claims in the listed articles, as suggestions (in the background)",
               "Assist"),
    ActionSpec("suggest-model", "Suggest from the project's &model in this article",
               "Ctrl+Shift+4", "suggest", "Actor mentions the model learned from this project "
               "finds in the open article (Train a model first)", "Assist"),
    ActionSpec("train-model", "&Train a model of actor mentions…", None, "train",
               "Learn a spaCy model from the project's accepted actor mentions (in the "
               "background; needs spaCy installed)", "Assist"),
    ActionSpec("annotate-all", "Annotate all &occurrences…", "Ctrl+Shift+O", "suggest",
               "Every other place the selected span's words stand, in every listed article: "
               "see how many first, then add them as suggestions or as your spans", "Assist"),
    ActionSpec("accept-suggestion", "&Accept suggestion", "Y", "accept",
               "Make the selected suggestion your own span (also Enter)", "Assist"),
    ActionSpec("reject-suggestion", "&Reject suggestion", "N", "reject",
               "Remove the selected suggestion; it is not offered again (also Backspace)",
               "Assist"),
    ActionSpec("accept-engine", "Accept all &like it in this article", "Shift+Y", "accept",
               "Accept every suggestion of the selected one's engine in this article",
               "Assist"),
    ActionSpec("next-suggestion", "&Next suggestion", ".", None,
               "Select the next suggestion in the article", "Assist"),
    ActionSpec("previous-suggestion", "&Previous suggestion", ",", None,
               "Select the previous suggestion in the article", "Assist"),
    ActionSpec("statements", "&Statements…", "Ctrl+Shift+S", "statements",
               "Every quote and claim across the corpus in one table; Enter opens one",
               "Analysis"),
    ActionSpec("actor-page", "Actor &page…", "Ctrl+Shift+P", "actor-page",
               "The selected span's actor across the corpus: mentions, quotes, claims, who "
               "it is named with", "Analysis"),
    ActionSpec("charts", "C&harts…", None, "charts",
               "Actors, speakers and topics over time, the stance matrix: click to list the "
               "statements behind a bar or cell", "Analysis"),
    ActionSpec("network", "&Network…", None, "network",
               "Discourse networks as DNA builds them: who agrees with whom on which topic; "
               "export for Gephi, visone or UCINET", "Analysis"),
    ActionSpec("agreement", "&Agreement…", None, "agreement",
               "Agreement between annotators: span F1, α and κ, and every disagreement",
               "Analysis"),
    ActionSpec("new-actor", "New &actor…", "Ctrl+Shift+A", "actor-new",
               "Add an actor to the registry", "Actors"),
    ActionSpec("zoom-in", "Zoom &in", QKeySequence.StandardKey.ZoomIn, "zoom-in",
               "Larger text", "View"),
    ActionSpec("zoom-out", "Zoom &out", QKeySequence.StandardKey.ZoomOut, "zoom-out",
               "Smaller text", "View"),
    ActionSpec("shortcuts", "&Keyboard shortcuts", "F1", "shortcuts",
               "Show every shortcut", "Help"),
    ActionSpec("about", "&About Annotator", None, "about", "Version and credits", "Help"),
)  # fmt: skip
