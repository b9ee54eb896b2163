"""Formats without actors point at a mention of the actor instead: the nearest one."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TypeVar

from annotator.domain.annotations import Annotation, Link
from annotator.formats.annotations.report import FormatReport

K = TypeVar("K")


def nearest_mention(
    annotations: tuple[Annotation, ...], source: Annotation, actor_id: int
) -> Annotation | None:
    """The mention of ``actor_id`` closest to ``source`` (earlier wins a tie), if any."""
    mentions = [a for a in annotations if a.actor_id == actor_id]
    if not mentions:
        return None
    return min(mentions, key=lambda m: (abs(m.start - source.start), m.start))


def mention_key(
    annotations: tuple[Annotation, ...], source: Annotation, actor_id: int, keys: Mapping[int, K]
) -> K | None:
    """The file's key of the nearest mention of ``actor_id``, if the document has one."""
    mention = nearest_mention(annotations, source, actor_id)
    return keys[mention.id] if mention is not None else None


def span_links(
    annotations: tuple[Annotation, ...], keys: Mapping[int, K], report: FormatReport
) -> Iterator[tuple[Annotation, Link, K]]:
    """Every link as (source span, link, the file key of its target span), for formats whose
    relations join spans only: a link to an actor goes to the actor's nearest mention, and a
    link whose actor is not mentioned is reported as not kept."""
    for span in annotations:
        for link in span.links:
            if link.actor_id is None:
                target = keys.get(link.annotation_id or -1)
            else:
                target = mention_key(annotations, span, link.actor_id, keys)
            if target is None:
                report.lost(
                    "links to an actor not mentioned in the document",
                    f"{link.type} of “{span.text[:40]}”",
                )
                continue
            yield span, link, target
