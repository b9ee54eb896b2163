"""Long-running work (imports, exports, suggestion runs) with progress and cancellation.

Nothing here knows about Qt or the terminal: the GUI and the command line each adapt
:class:`~annotator.jobs.progress.Progress` to their own progress bar.
"""
