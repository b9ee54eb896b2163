"""Before an import: which labels in the annotated files would become new layers.

The workbench asks the user where such labels should go (File → Import shows a mapping step)
before anything is stored. A label is "new" when the project has no layer of that name and
no mapping sends it elsewhere (given, remembered, or one of the NER defaults).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from annotator.domain.errors import Cancelled, InputError
from annotator.formats.annotations.report import FormatOptions
from annotator.jobs.importer import chosen_format, files_to_import, format_of
from annotator.jobs.progress import Progress
from annotator.store.project import Project


def unmapped_labels(
    project: Project,
    paths: Iterable[Path],
    *,
    format_name: str | None = None,
    options: FormatOptions | None = None,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Label → number of spans, for the labels that would become new layers, most first.

    Files that cannot be read are passed over here: the import itself refuses them.
    """
    progress = progress or Progress()
    chosen = chosen_format(format_name)
    files = files_to_import(paths, chosen)
    layers = {layer.name.casefold() for layer in project.scheme.load().layers}
    mapping = project.annotated.label_map()
    counts: Counter[str] = Counter()
    progress.start(len(files), "reading labels")
    for path, _named in files:
        progress.check()
        spec, _ = format_of(path, chosen, format_name)
        if spec is None or spec.reader is None:
            progress.advance(1, path.name)
            continue
        try:
            for item in spec.reader(path, None, options or FormatOptions()):
                for span in item.spans:
                    key = span.layer.casefold()
                    if key not in layers and mapping.target(span.layer, is_layer=False) is None:
                        counts[span.layer] += 1
        except Cancelled:
            raise
        except (InputError, ValueError, RecursionError, UnicodeError, OSError):
            pass
        progress.advance(1, path.name)
    return dict(counts.most_common())
