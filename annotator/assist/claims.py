"""Candidate claims: what an actor asserts, with the claimant found as for quotes.

Precision over recall: a claim is suggested only where someone is saying it — inside a quote,
or in reported speech the quote finder found with a speaker — and where its words show a kind:

- **statistic**: a figure with a unit or a share ("12 percent", "4 millions", "3 %", "1,5
  Milliarden");
- **prediction**: the future or an expectation ("will", "is expected to", "wird", "werden",
  "sera", "va", "pourrait");
- **demand**: a modal of obligation or a call ("must", "should", "need to", "muss", "sollte",
  "fordern", "doit", "il faut", "exige");
- **accusation**: blame ("accused", "blamed", "failed to", "vorgeworfen", "schuld", "accuse");
- **promise**: "promise", "we will ensure", "versprechen", "promettre";
- **evaluation**: a comparison or a judgement ("more than", "too expensive", "the worst",
  "zu teuer", "trop").

The span is the quote's words (without its quotation marks) or the reported clause; the
claimant is the quote's speaker. Statements nobody is said to make (the journalist's own) are
not suggested.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from annotator.assist.quotes import Mention, QuoteFinder
from annotator.domain.actors import Actor
from annotator.domain.annotations import AnnotationDraft, LinkDraft, Origin
from annotator.domain.suggestions import Why

ENGINE = "claims"

# checked in this order: the first kind whose words appear wins
KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)", re.IGNORECASE))
    for kind, pattern in (
        ("accusation", r"accus\w*|blam\w*|failed to|fault|vorgeworfen|wirft \w+ vor|schuld"
                       r"|beschuldig\w*|reproch\w*|la faute"),
        ("statistic", r"\d[\d.,\u00a0 ]*\s?(?:%|percent|per cent|prozent|pour cent|por ciento"
                      r"|million\w*|billion\w*|milliard\w*|mrd|mio|euros?|dollars?|kilometers?"
                      r"|kilometres?|kilometer|tonnes?|tons?)"),
        ("demand", r"must|should|need to|needs to|has to|have to|muss|müssen|sollte\w*"
                   r"|fordern|forderte\w*|doit|doivent|il faut|exige\w*|debe\w*|hay que"),
        ("promise", r"promis\w*|guarantee\w*|we will ensure|versprech\w*|verspricht"
                    r"|versprach|promet\w*|garanti\w*"),
        ("prediction", r"will|is expected to|are expected to|is likely to|would|wird|werden"
                       r"|würde\w*|sera|seront|va|vont|pourrait|pourraient|könnte\w*"),
        ("evaluation", r"more than|less than|too \w+|the (?:best|worst|largest|biggest)"
                       r"|zu \w+|mehr als|weniger als|trop|plus que|moins que|le pire"),
    )
)  # fmt: skip


_ACCUSING = re.compile(
    r"(?<!\w)(?:accused|accuses|blamed|blames|critici[sz]ed|beschuldigte|beschuldigt"
    r"|warf|wirft|a accusé|accuse|a reproché|reproche|acusó|acusa)(?!\w)",
    re.IGNORECASE,
)


class ClaimFinder:
    def __init__(
        self, actors: Iterable[Actor], *, layer: str = "claim", claimant: str = "claimant",
        quote_layer: str = "quote", speaker: str = "speaker",
    ) -> None:  # fmt: skip
        self.layer, self.claimant = layer, claimant
        self._quotes = QuoteFinder(actors, layer=quote_layer, speaker=speaker)

    def find(
        self, text: str, language: str | None = None, mentions: Sequence[Mention] = ()
    ) -> list[AnnotationDraft]:
        found = []
        for quote in self._quotes.find(text, language, mentions):
            speaker = quote.links[0].actor_id if quote.links else None
            if speaker is None:
                continue  # nobody is said to claim it
            start, end = _inside_marks(text, quote.start, quote.end)
            words = text[start:end]
            for kind, pattern in KINDS:
                hit = pattern.search(words)
                if hit is None:
                    continue
                said = "is quoted" if start > quote.start else "is reported"
                reason = f"{kind}: “{hit.group().strip()}” in what {said}"
                found.append(self._draft(start, end, kind, speaker, reason))
                break
        return found + self._accusations(text, mentions, found)

    def _accusations(
        self, text: str, given: Sequence[Mention], found: list[AnnotationDraft]
    ) -> list[AnnotationDraft]:
        """``X accused Y of …`` / ``X warf Y vor, …`` / ``X a accusé Y de …``: the claim is what
        follows the verb, X the claimant."""
        mentions = self._quotes.mentions(text, given)
        made = []
        for hit in _ACCUSING.finditer(text):
            sentence_start = max(text.rfind(c, 0, hit.start()) for c in ".!?\n") + 1
            ends = [i for i in (text.find(c, hit.end()) for c in ".!?\n") if i >= 0]
            sentence_end = min(ends) if ends else len(text)
            before = [m for m in mentions if sentence_start <= m.start and m.end <= hit.start()]
            start, end = hit.end(), sentence_end
            while start < end and text[start].isspace():
                start += 1
            if not before or end - start < 8:
                continue
            if any(d.start < end and start < d.end for d in found):
                continue
            reason = f"accusation: “{hit.group()}”"
            made.append(self._draft(start, end, "accusation", before[-1].actor_id, reason))
        return made

    def _draft(
        self, start: int, end: int, kind: str, claimant: int, reason: str
    ) -> AnnotationDraft:
        return AnnotationDraft(
            self.layer, start, end, attributes={"kind": kind},
            links=(LinkDraft(self.claimant, actor_id=claimant),),
            origin=Origin.SUGGESTED, suggestion=Why(ENGINE, reason),
        )  # fmt: skip


def _inside_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A direct quote's words without its marks, spaces and final comma."""
    if text[start] in '“„«»‹‚‘"' and end - start > 2:
        start, end = start + 1, end - 1
        while start < end and text[start] in " \u00a0\u202f":
            start += 1
        while end > start and text[end - 1] in " ,\u00a0\u202f":
            end -= 1
    return start, end
