"""Annotator: a workbench for tagging actors, quotes and claims in news articles."""

# The one place the version is written; pyproject.toml reads it from here. A literal, not
# importlib.metadata, which costs a start-up more than all of the command line.
__version__ = "0.1.0"
