"""Charts of the annotations, drawn with matplotlib (no Qt here: files are drawn without a
display; the Analysis window puts the same figures on its own canvas)."""
