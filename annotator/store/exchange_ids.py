"""Stored exchange GUIDs (see migration 0008): made once per thing, then always the same."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import insert, select

from annotator.store.models import ExchangeIdRow
from annotator.store.service import Service


class ExchangeIds(Service):
    def guids(self, kind: str, keys: Iterable[str]) -> dict[str, str]:
        """The GUID of each key of ``kind``, making and storing those not made before."""
        wanted = set(keys)
        if not wanted:
            return {}
        found: dict[str, str] = {}
        with self._db.read() as session:
            for key, guid in session.execute(
                select(ExchangeIdRow.key, ExchangeIdRow.guid).where(ExchangeIdRow.kind == kind)
            ):
                if key in wanted:
                    found[key] = guid
        missing = sorted(wanted - set(found))
        if missing and not self._db.read_only:
            made = {key: str(uuid.uuid4()) for key in missing}
            with self._db.write() as session:
                rows = [{"kind": kind, "key": k, "guid": g} for k, g in made.items()]
                session.execute(insert(ExchangeIdRow), rows)
            found.update(made)
        elif missing:  # a read-only project: stable within this export, not kept
            found.update({key: str(uuid.uuid4()) for key in missing})
        return found
