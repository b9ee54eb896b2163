"""A date typed into a filter field: YYYY-MM-DD, or nothing."""

from __future__ import annotations

from datetime import date


def read_date(text: str) -> date | None:
    """None for an empty field; ValueError for one that is not a date."""
    return date.fromisoformat(text.strip()) if text.strip() else None
