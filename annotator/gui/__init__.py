"""The PySide6 workbench. It reaches the data only through the core's services."""
