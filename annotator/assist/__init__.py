"""Engines that propose spans (suggestions) for a person to accept or reject. Pure Python, no
Qt and no store: each takes texts and what the project knows, and returns drafts."""
