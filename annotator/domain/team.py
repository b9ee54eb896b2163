"""Names with a meaning for team work."""

from __future__ import annotations

#: The reserved annotator whose spans are the curated (adjudicated) annotation. Editing one of
#: its spans keeps it the curated annotation's, whoever edits it.
CURATED = "curated"
