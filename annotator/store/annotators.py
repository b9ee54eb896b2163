"""Who is annotating: names become rows once and are remembered per project."""

from __future__ import annotations

import getpass
import os

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.store.models import AnnotatorRow


def default_annotator_name() -> str:
    """``$ANNOTATOR_USER`` if set, else the login name."""
    name = os.environ.get("ANNOTATOR_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, as in some containers
        return "annotator"


def annotator_id(session: Session, name: str) -> int:
    """The id of annotator ``name``, created on first use inside the caller's transaction."""
    found = session.scalar(select(AnnotatorRow.id).where(AnnotatorRow.name == name))
    if found is not None:
        return found
    row = AnnotatorRow(name=name)
    session.add(row)
    session.flush()
    return row.id
