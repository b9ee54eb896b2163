"""Statistics over annotations: agreement between annotators. Pure Python, no Qt, no database."""
