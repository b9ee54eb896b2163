"""Full-text search over every article (SQLite FTS5, or PostgreSQL text search)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from annotator.store.database import Database

_START, _STOP = "\x02", "\x03"
_MARKED = re.compile(f"{_START}(.*?){_STOP}", re.DOTALL)


@dataclass(frozen=True, slots=True)
class SearchHit:
    document_id: int
    title: str
    snippet: str  # plain text around the best match
    highlights: tuple[tuple[int, int], ...]  # code point ranges of the matches in ``snippet``


def search_documents(db: Database, query: str, limit: int = 200) -> list[SearchHit]:
    """Documents matching every word of ``query`` (the last word as a prefix), best first."""
    words = query.split()
    if not words:
        return []
    with db.read() as session:
        if session.get_bind().dialect.name == "sqlite":
            rows = _sqlite(session, words, limit)
        else:
            rows = _postgres(session, " ".join(words), limit)
    return [_hit(*row) for row in rows]


def _sqlite(session: Session, words: list[str], limit: int) -> list[tuple[int, str, str]]:
    terms = ['"' + word.replace('"', '""') + '"' for word in words]
    terms[-1] += "*"
    rows = session.execute(
        text(
            "SELECT d.id, d.title, snippet(document_fts, 1, :start, :stop, '…', 16) "
            "FROM document_fts JOIN document AS d ON d.id = document_fts.rowid "
            "WHERE document_fts MATCH :query ORDER BY rank LIMIT :limit"
        ),
        {"start": _START, "stop": _STOP, "query": " ".join(terms), "limit": limit},
    )
    return [(id_, title, snippet) for id_, title, snippet in rows]


def _postgres(session: Session, query: str, limit: int) -> list[tuple[int, str, str]]:
    rows = session.execute(
        text(
            "SELECT id, title, ts_headline('simple', text, q, :options) FROM document, "
            "plainto_tsquery('simple', :query) AS q "
            "WHERE to_tsvector('simple', coalesce(title, '') || ' ' || text) @@ q "
            "ORDER BY ts_rank(to_tsvector('simple', coalesce(title, '') || ' ' || text), q) DESC "
            "LIMIT :limit"
        ),
        {
            "query": query,
            "limit": limit,
            "options": f"StartSel={_START}, StopSel={_STOP}, MaxWords=30, MinWords=10",
        },
    )
    return [(id_, title, snippet) for id_, title, snippet in rows]


def _hit(document_id: int, title: str, marked: str) -> SearchHit:
    plain: list[str] = []
    highlights: list[tuple[int, int]] = []
    position = 0
    length = 0
    for match in _MARKED.finditer(marked):
        before = marked[position : match.start()]
        plain.append(before)
        length += len(before)
        plain.append(match.group(1))
        highlights.append((length, length + len(match.group(1))))
        length += len(match.group(1))
        position = match.end()
    plain.append(marked[position:])
    return SearchHit(document_id, title, " ".join("".join(plain).split("\n")), tuple(highlights))
