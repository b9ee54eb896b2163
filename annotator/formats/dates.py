"""Publication dates as articles give them: ISO 8601, RFC 2822 (feeds) or a few common forms."""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime

_FORMATS = ("%d.%m.%Y", "%d/%m/%Y", "%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%d %b %Y", "%Y/%m/%d")


def parse_date(value: object) -> date | None:
    """The date in ``value``, or None when it cannot be read unambiguously."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
