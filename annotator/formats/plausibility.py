"""Which of several decodings of the same bytes reads like real text in one language.

A short text in a legacy code page fits several code pages about equally well by byte
statistics: Turkish cp1254 also decodes under cp1252 ("Ýstanbul … kalabalýk"), Czech cp1250
also under cp1252 ("opatøení"), French ISO-8859-15 also under cp1252 ("30 ¤"). What tells them
apart is that the right decoding uses the letters of one language, while the wrong one mixes
letters no language uses together, or puts symbols such as ``¤`` and ``½`` inside words.

:func:`plausibility` scores a decoding by the share of its non-ASCII letters that one
language's alphabet holds, with stray symbols counting against it.
"""

from __future__ import annotations

import re
import unicodedata

_LATIN_ALPHABETS: dict[str, str] = {
    "french": "àâæçéèêëîïôœùûüÿ",
    "german": "äöüß",
    "spanish": "áéíñóúü",
    "portuguese": "àáâãçéêíóôõúü",
    "italian": "àèéìíîòóùú",
    "dutch": "éëïóöüáèà",
    "nordic": "åäöæøéü",
    "icelandic": "áðéíóúýþæö",
    "turkish": "çğıöşüâîûİ",
    "czech_slovak": "áčďéěíňóřšťúůýžäľĺôŕ",
    "polish": "ąćęłńóśźż",
    "hungarian": "áéíóöőúüű",
    "romanian": "ăâîșțşţ",
    "south_slavic": "čćđšž",
    "baltic": "ąčęėįšųūžāēģīķļņõäöüō",
    "catalan": "àçéèíïòóúü·",
}
# Scripts whose letters make a language on their own (ranges of code points).
_SCRIPTS: dict[str, tuple[tuple[int, int], ...]] = {
    "greek": ((0x0370, 0x03FF), (0x1F00, 0x1FFF)),
    "cyrillic": ((0x0400, 0x04FF),),
    "hebrew": ((0x0590, 0x05FF),),
    "arabic": ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    "thai": ((0x0E00, 0x0E7F),),
    "cjk": (
        (0x3000, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF),
        (0xF900, 0xFAFF), (0xFF00, 0xFFEF), (0x1100, 0x11FF), (0x3130, 0x318F),
    ),
}  # fmt: skip
# Non-ASCII characters that ordinary prose uses whatever its language: neither for nor against.
_NEUTRAL = set("\u00a0–—‘’‚“”„«»‹›…•€£¥°§©®™·¡¿×÷′″\u200e\u200f\u200b\u2009\u202f")


# Frequent words of each language that hold a non-ASCII letter. Only the right decoding spells
# them: Turkish "değil" read as cp1252 is "deðil", French "très" read as cp1250 is "trčs".
_WORDS: dict[str, frozenset[str]] = {
    name: frozenset(words.split())
    for name, words in {
        "french": "à où déjà été très après même ça là être était où français deuxième plutôt "
        "déclaré première réunion",
        "german": "für über dass daß müssen während schön größer können würde wäre später "
        "zurück außerdem ließ straße gegenüber",
        "spanish": "él más también está qué así después años según además país están será "
        "había aquí",
        "portuguese": "não é à também está são já até após então país será disse três está",
        "italian": "è perché più già così può città però là giù",
        "nordic": "på för är också även når så här några efter mellem også være både får",
        "icelandic": "það við þá þetta þegar sem eða ég þú hún",
        "turkish": "için değil çok göre şey ağır öyle şimdi büyük sonra dışında başkan "
        "gün yıl olduğunu kişi ığ",
        "czech_slovak": "že být při také může více řekl až již této které či pouze mezi",
        "polish": "że się już są może też będzie który które jeszcze przez",
        "hungarian": "és még már több után között első évben szerint",
        "romanian": "și în că să fără după până pentru mai aceasta",
        "south_slavic": "što će još između već kako također rekao",
        "baltic": "kas yra bet tačiau ir tai į už kad",
    }.items()
}
_WORD = re.compile(r"\w+")


def word_hits(text: str) -> int:
    """How many words of the text are frequent words of its most likely language."""
    counts: dict[str, int] = {}
    for word in _WORD.findall(text.lower()):
        if word.isascii():
            continue
        for language, words in _WORDS.items():
            if word in words:
                counts[language] = counts.get(language, 0) + 1
    return max(counts.values(), default=0)


def plausibility(text: str) -> float:
    """1.0 when every non-ASCII letter belongs to one language and no stray symbol appears;
    lower as more letters from elsewhere or symbols inside the text turn up. Text without any
    non-ASCII character scores 1.0."""
    letters: list[str] = []
    stray = 0
    for char in text:
        if char < "\x80" or char in _NEUTRAL:
            continue
        category = unicodedata.category(char)
        if category.startswith("L") or category.startswith("M"):
            letters.append(char)
        elif not category.startswith(("Z", "N", "P")):
            stray += 1  # ¤ ½ ¦ ¨ ± and the like, which legacy mis-decodings are full of
    if not letters and not stray:
        return 1.0
    best = max(_share(letters, language) for language in (*_LATIN_ALPHABETS, *_SCRIPTS))
    return best * len(letters) / (len(letters) + stray)


def _share(letters: list[str], language: str) -> float:
    if not letters:
        return 0.0
    if language in _SCRIPTS:
        ranges = _SCRIPTS[language]
        inside = sum(1 for c in letters if any(lo <= ord(c) <= hi for lo, hi in ranges))
    else:
        alphabet = _LATIN_ALPHABETS[language]
        inside = sum(1 for c in letters if c in alphabet or c.lower() in alphabet)
    return inside / len(letters)
