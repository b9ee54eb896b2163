"""Who is annotating: names become rows once and are remembered per project."""

from __future__ import annotations

import getpass
import os
from typing import cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from annotator.store.inserts import insert_new
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
    query = select(AnnotatorRow.id).where(AnnotatorRow.name == name)
    found = session.scalar(query)
    if found is None:
        # Another program may be adding the same name right now: the database settles it.
        table = cast(Table, AnnotatorRow.__table__)
        session.execute(insert_new(table, "name", session).values(name=name))
        found = session.scalar(query)
    assert found is not None
    return found
