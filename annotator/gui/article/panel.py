"""The centre of the window: the article's metadata, the find bar and the article view."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from annotator.domain.documents import Document
from annotator.gui.article.find_bar import FindBar
from annotator.gui.article.view import ArticleView
from annotator.gui.elided_label import ElidedLabel

EMPTY_STATE = (
    "<h2>No article open</h2>"
    "<p>Pick an article in the <b>Documents</b> list, or bring your own:</p>"
    "<ul><li><b>File → Import articles…</b> (Ctrl+I) for txt, md, html, json, jsonl or csv "
    "files and folders,</li><li>or drop files on this window.</li></ul>"
    "<p>Then select text and press <b>A</b> for an actor, <b>Q</b> for a quote or <b>C</b> "
    "for a claim. <b>F1</b> lists every shortcut.</p>"
)


class ArticlePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ElidedLabel()
        self.title.setObjectName("article-title")
        font = self.title.font()
        font.setPointSizeF(15)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.title.setContentsMargins(16, 10, 16, 0)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setContentsMargins(16, 0, 16, 6)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.find_bar = FindBar()
        self.view = ArticleView()
        self.empty = QLabel(EMPTY_STATE)
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(40)
        article = QWidget()
        layout = QVBoxLayout(article)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.header)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.view, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(article)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.find_bar.hitsChanged.connect(self.view.set_find_hits)
        self.find_bar.hitChosen.connect(self._reveal)
        self.find_bar.closed.connect(self.view.setFocus)

    def show_document(self, document: Document | None) -> None:
        if document is None:
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        facts = [
            document.source,
            document.published.isoformat() if document.published else None,
            document.author,
            document.language,
            document.status.value.replace("_", " "),
            f"{len(document.text):,} characters",
        ]
        meta = " · ".join(html.escape(str(f)) for f in facts if f)
        self.title.set_full_text(document.title)  # one line, shortened to fit
        self.header.setText(f"<div style='color:gray'>{meta}</div>")
        self.find_bar.text = document.text
        if self.find_bar.isVisible():
            self.find_bar.open_bar(document.text)

    def _reveal(self, start: int, end: int) -> None:
        self.view.select_text(start, end)
        self.view.centre_on(start)
