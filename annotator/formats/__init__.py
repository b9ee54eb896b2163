"""Readers and writers of files. Pure functions over domain objects; no database, no Qt."""
