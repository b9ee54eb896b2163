"""Annotation formats: one module per format, each stating its offset unit."""
