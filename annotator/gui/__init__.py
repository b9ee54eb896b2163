"""The PySide6 workbench. It reaches the data only through the core's services.

The core modules the workbench uses are imported here, before PySide6: once PySide6 is loaded,
its import hook reads the source of every module imported after it (to look for
``__feature__`` switches), which made the workbench start about 50 ms slower.
"""

import annotator.formats.annotations.registry
import annotator.jobs.importer
import annotator.store.actors
import annotator.store.project  # noqa: F401
