"""Quotes and their speakers, found by rules: direct, mixed and indirect speech.

1. **Quotation marks** are paired per typography: “…” ‘…’ "…" „…“ „…” ‚…‘ «…» »…« ‹…› (a pair
   never crosses a paragraph). A quoted stretch of one or two words with no verb of saying
   near it is a scare quote and left alone.
2. **Sentences** end at . ! ? outside quotation marks (or right after a closing mark), and at
   paragraph ends.
3. **Attribution.** A verb of saying (:mod:`annotator.assist.speech`) right after a quotation
   ("…,” she said / said Okafor / sagte er / a-t-il assuré / “…”, so Weiß) or right before it
   ("said: “…”", "Okafor : « … »", ", sagte Schuster, „…“") makes it direct, with that verb as
   the cue. A quotation after ``VERB [that] clause`` in the same sentence ("said the levees
   were “holding, for now”") is mixed: the span is the reported clause. A quoted phrase that
   is the object of a naming verb ("called the measures “a tax …”") is mixed, the phrase alone.
   A full quoted sentence with no attribution continues the previous quote's speaker.
4. **Indirect speech** without marks: ``SPEAKER VERB [that|dass|que|,] CLAUSE`` (adverbials
   and an audience may come between: "told reporters the plan …"), ``CLAUSE, SPEAKER VERB.``,
   ``According to X, CLAUSE`` and ``CLAUSE, according to X``; the span is the clause, to the
   end of the sentence.
5. **Speakers** are linked to actors: a mention in the speaker's place (an annotated one, or a
   name or alias found there); for a pronoun or a noun like "the minister", the nearest earlier
   mention of a matching kind.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.assist.actors import ActorFinder
from annotator.assist.quotation_marks import ENDS as _ENDS
from annotator.assist.quotation_marks import OPENERS, quotations, sentences
from annotator.assist.speech import LANGUAGES, Speech, guess_language
from annotator.domain.actors import Actor, ActorKind
from annotator.domain.annotations import AnnotationDraft, LinkDraft, Origin
from annotator.domain.suggestions import Why

ENGINE = "quotes"
_TOKEN = re.compile(r"\w[\w’'\-]*|[^\w\s]", re.UNICODE)
_INVERTED = re.compile(r"-t-(il|elle|ils|elles)$|-(il|elle|ils|elles)$")
_CLAUSE_TRIM = " ,;:\u00a0\u202f"
_PHRASE_END = re.compile("[,." + re.escape("".join(OPENERS)) + "]")
_REACH = 160  # characters before a quotation searched for its attribution
_REACH_AFTER = 90  # and after it ("…,” said the union's chair, Maria Lindqvist)
# English verbs that report a clause without "that" ("said the plan was …")
_BARE = frozenset((
    "said", "says", "told", "tells", "added", "adds", "thinks", "thought", "believes",
    "believed", "claimed", "claims", "insisted", "insists",
))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    actor_id: int


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    kind: str
    cue: str | None
    speaker: int | None
    reason: str


class QuoteFinder:
    """Built once per run from the registry, then :meth:`find` per text."""

    def __init__(
        self, actors: Iterable[Actor], *, layer: str = "quote", speaker: str = "speaker"
    ) -> None:
        registry = list(actors)
        self.layer, self.speaker_link = layer, speaker
        self._kinds = {actor.id: actor.kind for actor in registry}
        self._names = ActorFinder(registry)

    def find(
        self, text: str, language: str | None = None, mentions: Sequence[Mention] = ()
    ) -> list[AnnotationDraft]:
        speech = LANGUAGES[guess_language(text, language)]
        reader = _Reader(text, speech, self.mentions(text, mentions), self._kinds)
        return [self._draft(found) for found in reader.read()]

    def mentions(self, text: str, given: Sequence[Mention] = ()) -> list[Mention]:
        """The actors named in ``text``: the ``given`` mentions (annotated), and every name or
        alias of a registered actor found elsewhere, in text order."""
        known = list(given) + [
            Mention(d.start, d.end, d.actor_id)
            for d in self._names.find(text, [(m.start, m.end) for m in given]).drafts
            if d.actor_id is not None
        ]
        return sorted(known, key=lambda m: m.start)

    def _draft(self, found: _Found) -> AnnotationDraft:
        attributes = {"kind": found.kind} | ({"cue": found.cue} if found.cue else {})
        links = (LinkDraft(self.speaker_link, actor_id=found.speaker),) if found.speaker else ()
        return AnnotationDraft(
            self.layer, found.start, found.end, attributes=attributes, links=links,
            origin=Origin.SUGGESTED, suggestion=Why(ENGINE, found.reason),
        )  # fmt: skip


class _Reader:
    """One text: its sentences, quotations and mentions, read for quotes."""

    def __init__(
        self, text: str, speech: Speech, mentions: list[Mention], kinds: dict[int, ActorKind]
    ) -> None:
        self.text, self.speech, self.mentions, self.kinds = text, speech, mentions, kinds
        self.quoted = quotations(text)
        self.sentences = sentences(text, self.quoted)
        self.mention_starts = [m.start for m in mentions]
        self.cues = _cues(speech)
        self.referring = _referring(speech)

    def read(self) -> list[_Found]:
        found: list[_Found] = []
        previous: _Found | None = None
        for start, end in self.sentences:
            inside = [q for q in self.quoted if start <= q[0] and q[1] <= end]
            for quote in inside:
                made = self._quoted(quote, (start, end), previous)
                if made is not None:
                    found.append(made)
                    previous = made
            if not inside:
                made = self._indirect(start, end)
                if made is not None:
                    found.append(made)
                    previous = None
        return found

    # -- quotation marks -------------------------------------------------------------------
    def _quoted(
        self, quote: tuple[int, int], sentence: tuple[int, int], previous: _Found | None
    ) -> _Found | None:
        text, (q_start, q_end) = self.text, quote
        words = _TOKEN.findall(text[q_start + 1 : q_end - 1])
        after = self._after(q_end, sentence[1])
        if after is not None:
            cue, speaker = after
            return _Found(q_start, q_end, "direct", cue, speaker,
                          f"quotation marks and “{cue}” after them")  # fmt: skip
        before = self._before(q_start, sentence[0])
        if before is not None:
            kind, start, cue, speaker = before
            return _Found(start, q_end, kind, cue, speaker,
                          f"quotation marks and “{cue}” before them")  # fmt: skip
        sentence_like = bool(words) and words[0][:1].isupper() and len(words) >= 3
        if (
            sentence_like and previous is not None and previous.kind == "direct"
            and self._only_between(previous.end, q_start)
        ):  # fmt: skip
            return _Found(q_start, q_end, "direct", previous.cue, previous.speaker,
                          "a quoted sentence following the same speaker's quote")  # fmt: skip
        return None

    def _after(self, q_end: int, limit: int) -> tuple[str, int | None] | None:
        """``“…,” she said`` / ``said Okafor`` / ``a-t-il assuré`` / ``“…”, so Weiß``."""
        tokens = self._tokens(q_end, min(limit, q_end + _REACH_AFTER))
        words = [(s, e, w) for s, e, w in tokens if w not in ",:\u00a0"][:8]
        pronoun: str | None = None  # "a-t-il assuré": the pronoun rides on the auxiliary
        for position, (s, e, word) in enumerate(words):
            base, inverted = _inversion(word)
            if inverted and base not in self.speech.verbs:
                pronoun = inverted
                continue
            if base in self.speech.verbs:
                if any(w in _ENDS for _s, _e, w in words[:position]):
                    return None
                said_by = inverted or pronoun
                if said_by:
                    return word, self._by_reference(said_by, q_end)
                window = (q_end, self._phrase_end(e, limit))
                speaker = self._speaker_in(window, q_end, verb_at=s, pronouns=False)
                if speaker is None:  # "a souligné sa directrice, Sophie Lambert"
                    speaker = self._speaker_in((q_end, limit), q_end, verb_at=s)
                return word, speaker
            if word in _ENDS or word in OPENERS:
                return None
        return None

    def _before(self, q_start: int, limit: int) -> tuple[str, int, str, int | None] | None:
        """``said: “…”`` (direct), ``said the levees were “…”`` (mixed, the clause), ``called
        the measures “…”`` (mixed, the phrase)."""
        tokens = self._tokens(max(limit, q_start - _REACH), q_start)
        for position in range(len(tokens) - 1, max(len(tokens) - 12, -1), -1):
            s, e, word = tokens[position]
            if word in _ENDS or word in OPENERS.values() or word in OPENERS:
                return None
            base, _pronoun = _inversion(word)
            between = tokens[position + 1 :]
            if base in self.speech.verbs or base in self.speech.naming:
                speaker = self._subject(limit, s, q_start)
                if not between or all(w in ":," for _s, _e, w in between):
                    return "direct", q_start, word, speaker
                named = self._mentions_between(e, q_start)
                if named and not self.text[named[-1].end : q_start].strip(" ,:\u00a0"):
                    return "direct", q_start, word, named[-1].actor_id
                if base in self.speech.naming and base not in self.speech.verbs:
                    return "mixed", q_start, word, speaker
                clause = self._clause_start(between)
                return "mixed", clause if clause is not None else q_start, word, speaker
            if word == ":" and position == len(tokens) - 1:
                name = self._speaker_in((limit, s), q_start, verb_at=s)
                if name is not None:
                    return "direct", q_start, ":", name
        return None

    def _clause_start(self, between: list[tuple[int, int, str]]) -> int | None:
        words = [t for t in between if t[2] not in ",:"]
        if words and words[0][2].lower() in self.speech.that:
            words = words[1:]
        return words[0][0] if words else None

    def _only_between(self, start: int, end: int) -> bool:
        """Nothing but white space, or an attribution's words, between two quotes."""
        gap = self.text[start:end]
        return (len(gap) < 120 and not any(c in gap for c in "\n")) or gap.strip() == ""

    # -- indirect speech -------------------------------------------------------------------
    def _indirect(self, start: int, end: int) -> _Found | None:
        if not self.cues.search(self.text, start, end):
            return None  # no verb of saying and no "according to": most sentences
        tokens = self._tokens(start, end)
        if len(tokens) < 4:
            return None
        stop = end
        while stop > start and self.text[stop - 1] in _ENDS + " \n":
            stop -= 1
        return (
            self._according(tokens, start, stop)
            or self._trailing(tokens, start, stop)
            or self._leading(tokens, start, stop)
        )

    def _according(
        self, tokens: list[tuple[int, int, str]], start: int, stop: int
    ) -> _Found | None:
        lowered = self.text[start:stop].lower()
        for cue in self.speech.according:
            if cue in ("so",):
                continue
            if lowered.startswith(cue + " "):
                cue_end = start + len(cue)
                comma = self.text.find(",", cue_end, stop)
                mention = self._first_mention(cue_end, comma if comma > 0 else stop)
                if comma > 0 and comma - cue_end < 80:
                    clause = comma + 1
                elif mention is not None:
                    clause = mention.end
                else:
                    return None
                if mention is None and cue in self.speech.weak_according:
                    return None  # "Pour la première fois, …" names no source
                speaker = mention.actor_id if mention else None
                return self._clause(clause, stop, cue, speaker, "indirect")
            at = lowered.rfind(", " + cue + " ")
            if at > 0:
                mention = self._first_mention(start + at + len(cue) + 2, stop)
                speaker = mention.actor_id if mention else None
                return self._clause(start, start + at, cue, speaker, "indirect")
        return None

    def _trailing(self, tokens: list[tuple[int, int, str]], start: int, stop: int) -> _Found | None:
        """``CLAUSE, the ministry said.`` / ``…, sagte er.`` / ``…, a indiqué Météo-France.``"""
        commas = [s for s, _e, w in tokens if w == "," and s < stop]
        if not commas:
            return None
        comma = commas[-1]
        tail = [t for t in tokens if t[0] > comma and t[0] < stop]
        if not 1 <= len(tail) <= 8:
            return None
        for s, _e, word in tail:
            base, inverted = _inversion(word)
            if base in self.speech.verbs and base not in self.speech.according:
                if inverted:
                    speaker = self._by_reference(inverted, comma)
                elif self._names_someone(comma, stop):
                    speaker = self._speaker_in((comma, stop), comma, verb_at=s)
                else:
                    return None  # "Her rival, X, conceded late": no speaker after the comma
                return self._clause(start, comma, word, speaker, "indirect")
        return None

    def _names_someone(self, lo: int, hi: int) -> bool:
        if self._mentions_between(lo, hi):
            return True
        words = [w.lower() for _s, _e, w in self._tokens(lo, hi)]
        return any(w in self.speech.pronouns or w in self.speech.roles for w in words)

    def _leading(self, tokens: list[tuple[int, int, str]], start: int, stop: int) -> _Found | None:
        """``SPEAKER VERB [adverbials] [that|dass|que|,] CLAUSE``."""
        for index, (s, _e, word) in enumerate(tokens[:-2]):
            lowered = word.lower()
            if lowered not in self.speech.verbs or lowered in self.speech.according:
                continue
            clause = self._reported(tokens, index)
            if clause is None:
                continue
            speaker = self._subject(start, s, s)
            if speaker is None:  # verb first ("قال قطر إن …"): the speaker follows it
                after = self._mentions_between(s, clause)
                speaker = after[0].actor_id if after else None
            if speaker is None and not self._has_subject(start, s):
                continue
            return self._clause(clause, stop, word, speaker, "indirect")
        return None

    def _reported(self, tokens: list[tuple[int, int, str]], verb: int) -> int | None:
        """Where the reported clause after the verb at ``verb`` starts, or None."""
        rest = tokens[verb + 1 :]
        for offset, (_s, _e, word) in enumerate(rest[:8]):
            lowered = word.lower()
            if lowered in self.speech.that:
                following = rest[offset + 1 : offset + 2]
                return following[0][0] if following else None
            if word == ",":
                if self.speech is LANGUAGES["de"] and offset <= 2:
                    following = rest[offset + 1 : offset + 2]
                    return following[0][0] if following else None
                if offset == 0:
                    return None
            if word in _ENDS:
                break
            if word == ":" or word in OPENERS:
                return None
        return self._bare(tokens, verb, rest)

    def _bare(
        self, tokens: list[tuple[int, int, str]], verb: int, rest: list[tuple[int, int, str]]
    ) -> int | None:
        """English without "that": "said the plan was …", "told reporters the plan was …"."""
        if self.speech is not LANGUAGES["en"] or not rest or tokens[verb][2].lower() not in _BARE:
            return None
        first = 0
        if tokens[verb][2].lower() in ("told", "tells"):
            while first < len(rest):
                word = rest[first][2]
                if word in self.speech.audiences:
                    first += 1
                elif (
                    word.lower() == "the"
                    and first + 1 < len(rest)
                    and (rest[first + 1][2] in self.speech.audiences)
                ):  # "told the board …"
                    first += 2
                else:
                    break
            if first == 0:
                return None
        if first >= len(rest) or rest[first][2] in ("to", ",", "so", "goodbye", "nothing"):
            return None
        if rest[first][2].lower() in ("on", "in", "at", "during", "after", "before"):
            return None  # an adverbial with no "that" after it: not a reported clause
        words = [t for t in rest[first:] if t[2] not in _ENDS]
        return words[0][0] if len(words) >= 3 else None

    def _clause(
        self, start: int, end: int, cue: str, speaker: int | None, kind: str
    ) -> _Found | None:
        while start < end and self.text[start] in _CLAUSE_TRIM:
            start += 1
        while end > start and self.text[end - 1] in _CLAUSE_TRIM + _ENDS:
            end -= 1
        if len(_TOKEN.findall(self.text[start:end])) < 3:
            return None
        return _Found(start, end, kind, cue, speaker, f"reported speech after “{cue}”")

    # -- speakers --------------------------------------------------------------------------
    def _subject(self, start: int, verb_at: int, anchor: int) -> int | None:
        """The speaker before a verb: the last mention in its clause, or a pronoun or role
        noun resolved to an earlier mention. Before an apposition ("Daniel Osei, an
        economist at the chamber, called …"), the mention before it."""
        seen = self.text[start:verb_at].rstrip()
        if seen.endswith(","):
            opening = seen.rfind(",", 0, len(seen) - 1)
            if opening > 0:
                ahead = self._mentions_between(start, start + opening)
                if ahead:
                    return ahead[-1].actor_id
        return self._speaker_in((start, verb_at), anchor, verb_at=verb_at)

    def _speaker_in(
        self, window: tuple[int, int], anchor: int, *, verb_at: int, pronouns: bool = True
    ) -> int | None:
        lo, hi = window
        inside = self._mentions_between(lo, hi)
        if inside:
            chosen = min(inside, key=lambda m: abs(m.start - verb_at))
            return chosen.actor_id
        if not pronouns:
            return None
        referring = self.referring.search(self.text, lo, hi)
        if referring is not None:
            return self._by_reference(referring.group().lower(), min(lo, anchor))
        return None

    def _by_reference(self, word: str, before: int) -> int | None:
        """The actor a pronoun or role noun stands for: the nearest earlier mention whose
        actor is of a matching kind."""
        wanted = self.speech.pronouns.get(word, self.speech.roles.get(word))
        index = bisect.bisect_left(self.mention_starts, before)
        for mention in reversed(self.mentions[:index]):
            kind = self.kinds.get(mention.actor_id)
            if wanted is None or kind is wanted or (
                wanted is ActorKind.ORGANISATION and kind is not ActorKind.PERSON
            ):  # fmt: skip
                return mention.actor_id
        return None

    def _has_subject(self, start: int, verb_at: int) -> bool:
        words = [w.lower() for _s, _e, w in self._tokens(start, verb_at)]
        return any(w in self.speech.pronouns or w in self.speech.roles for w in words)

    def _mentions_between(self, lo: int, hi: int) -> list[Mention]:
        first = bisect.bisect_left(self.mention_starts, lo)
        last = bisect.bisect_left(self.mention_starts, hi)
        return [m for m in self.mentions[first:last] if m.end <= hi]

    def _first_mention(self, lo: int, hi: int) -> Mention | None:
        found = self._mentions_between(lo, hi)
        return found[0] if found else None

    def _phrase_end(self, start: int, limit: int) -> int:
        """The end of the speaker phrase after a verb: the next comma or sentence end."""
        found = _PHRASE_END.search(self.text, start, limit)
        return found.start() if found else limit

    def _tokens(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [
            (m.start() + start, m.end() + start, m.group())
            for m in _TOKEN.finditer(self.text[start:end])
        ]


def _inversion(word: str) -> tuple[str, str | None]:
    """A word lower-cased without a French inverted subject, and that subject: "a-t-il" is
    ("a", "il"), "confie-t-elle" ("confie", "elle"), "said" ("said", None)."""
    lowered = word.lower()
    inverted = _INVERTED.search(lowered)
    if inverted is None:
        return lowered, None
    return lowered[: inverted.start()], inverted.group(0).strip("-t")


_CUES: dict[int, re.Pattern[str]] = {}


def _cues(speech: Speech) -> re.Pattern[str]:
    """One search for any verb of saying or "according to" of a language (made once)."""
    found = _CUES.get(id(speech))
    if found is None:
        words = sorted(speech.verbs | speech.naming | set(speech.according), key=len, reverse=True)
        found = _CUES[id(speech)] = re.compile(
            r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")", re.IGNORECASE
        )
    return found


_REFERRING: dict[int, re.Pattern[str]] = {}


def _referring(speech: Speech) -> re.Pattern[str]:
    """One search for a pronoun or role noun of a language (made once)."""
    found = _REFERRING.get(id(speech))
    if found is None:
        words = sorted({*speech.pronouns, *speech.roles}, key=len, reverse=True)
        found = _REFERRING[id(speech)] = (
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.IGNORECASE)
            if words
            else re.compile(r"(?!)")
        )
    return found
