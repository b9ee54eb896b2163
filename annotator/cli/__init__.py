"""The ``annotator`` command line: parses arguments and calls the same services as the GUI."""
