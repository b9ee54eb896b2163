"""The words of reported speech per language: verbs of saying, "according to", "that",
pronouns and the nouns a speaker is called by (for English, German, French, Spanish, Arabic).

Verb forms are listed as written (the finder compares lower-cased words), so the lists stay
readable and a missing form is one line to add. A language is guessed from its most frequent
short words when the document does not say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.domain.actors import ActorKind

PERSON, ORGANISATION = ActorKind.PERSON, ActorKind.ORGANISATION


@dataclass(frozen=True, slots=True)
class Speech:
    verbs: frozenset[str]  # verbs of saying, any form
    naming: frozenset[str]  # verbs whose object may be a quoted phrase ("called it “…”")
    according: tuple[str, ...]  # "according to", before a source
    that: frozenset[str]  # words that open a reported clause
    pronouns: dict[str, ActorKind | None]  # a speaker by pronoun, and what it can stand for
    roles: dict[str, ActorKind]  # nouns a speaker is called by ("minister", "ministry")
    audiences: frozenset[str]  # objects of "told" before the reported clause
    particles: frozenset[str]  # separable verb parts ("kündigte … an", "teilte … mit")
    stopwords: frozenset[str]  # frequent words, for guessing the language
    weak_according: frozenset[str] = frozenset()  # a source only if an actor follows


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


EN = Speech(
    verbs=_words(
        "said says say told tells added adds warned warns announced announces explained "
        "explains argued argues claimed claims insisted insists stressed stresses noted notes "
        "confirmed confirms stated states wrote writes promised promises admitted admits "
        "acknowledged acknowledges replied replies asked asks urged urges declared declares "
        "predicted predicts estimated estimates suggested suggests conceded concedes "
        "recalled recalls complained complains agreed agrees denied denies reported reports "
        "believes believed thinks thought according"
    ),
    naming=_words("called calls described describes dubbed branded labelled termed promised"),
    according=("according to",),
    that=_words("that"),
    pronouns={"he": PERSON, "she": PERSON, "they": None, "it": ORGANISATION, "we": None},
    roles={
        "minister": PERSON,
        "spokesman": PERSON,
        "spokeswoman": PERSON,
        "spokesperson": PERSON,
        "mayor": PERSON,
        "director": PERSON,
        "chair": PERSON,
        "president": PERSON,
        "official": PERSON,
        "chief": PERSON,
        "leader": PERSON,
        "ministry": ORGANISATION,
        "union": ORGANISATION,
        "company": ORGANISATION,
        "authority": ORGANISATION,
        "government": ORGANISATION,
        "commission": ORGANISATION,
        "council": ORGANISATION,
        "police": ORGANISATION,
        "agency": ORGANISATION,
        "airport": ORGANISATION,
    },
    audiences=_words(
        "reporters journalists parliament lawmakers board council court committee "
        "congress senators listeners viewers supporters us him her them AFP Reuters"
    ),
    particles=frozenset(),
    stopwords=_words("the and of to in is was that said for with on he she it by at"),
)

DE = Speech(
    verbs=_words(
        "sagte sagt sagten sagen erklärte erklärt erklärten betonte betont betonten warnte "
        "warnt warnten teilte teilt mitteilte kündigte kündigt forderte fordert forderten "
        "meinte meint berichtete berichtet bestätigte bestätigt räumte räumt ergänzte ergänzt "
        "fügte fügt sagt versprach verspricht riet rät kritisierte kritisiert schrieb schreibt "
        "argumentierte behauptete behauptet erläuterte erläutert hieß heißt antwortete "
        "mahnte mahnt unterstrich so laut"
    ),
    naming=_words("nannte nennt bezeichnete bezeichnet versprach verspricht"),
    according=("nach angaben", "laut", "zufolge", "so"),
    that=_words("dass daß"),
    pronouns={"er": PERSON, "sie": PERSON, "es": ORGANISATION},
    roles={
        "minister": PERSON,
        "ministerin": PERSON,
        "sprecher": PERSON,
        "sprecherin": PERSON,
        "bürgermeister": PERSON,
        "bürgermeisterin": PERSON,
        "chef": PERSON,
        "chefin": PERSON,
        "ministerium": ORGANISATION,
        "gewerkschaft": ORGANISATION,
        "regierung": ORGANISATION,
        "behörde": ORGANISATION,
        "unternehmen": ORGANISATION,
        "polizei": ORGANISATION,
    },
    audiences=frozenset(),
    particles=_words("an mit hin fest zu ein ab"),
    stopwords=_words("der die das und ist nicht sich mit den von auf für ein eine sagte"),
)

FR = Speech(
    verbs=_words(
        "dit dire déclaré déclare affirmé affirme expliqué explique assuré assure indiqué "
        "indique annoncé annonce souligné souligne ajouté ajoute averti avertit dénoncé "
        "dénonce rappelé rappelle confié confie précisé précise estimé estime reconnu reconnaît "
        "prévenu prévient jugé juge insisté insiste promis promet répondu répond martelé "
        "martèle selon"
    ),
    naming=_words("promis promet qualifié qualifie"),
    according=("selon", "d’après", "d'après", "pour"),
    that=_words("que qu’ qu'"),
    pronouns={"il": PERSON, "elle": PERSON, "ils": None, "elles": None},
    roles={
        "ministre": PERSON,
        "porte-parole": PERSON,
        "maire": PERSON,
        "directeur": PERSON,
        "directrice": PERSON,
        "président": PERSON,
        "présidente": PERSON,
        "préfet": PERSON,
        "ministère": ORGANISATION,
        "syndicat": ORGANISATION,
        "gouvernement": ORGANISATION,
        "entreprise": ORGANISATION,
        "police": ORGANISATION,
    },
    audiences=frozenset(),
    particles=frozenset(),
    stopwords=_words("le la les et des est une un du que pas pour dans qui sur a été"),
    weak_according=frozenset({"pour"}),
)

ES = Speech(
    verbs=_words(
        "dijo dice afirmó afirma declaró declara explicó explica aseguró asegura señaló señala "
        "añadió añade advirtió advierte anunció anuncia indicó indica subrayó subraya "
        "según"
    ),
    naming=_words("calificó califica llamó llama"),
    according=("según", "de acuerdo con"),
    that=_words("que"),
    pronouns={"él": PERSON, "ella": PERSON},
    roles={
        "ministro": PERSON,
        "ministra": PERSON,
        "portavoz": PERSON,
        "alcalde": PERSON,
        "ministerio": ORGANISATION,
        "sindicato": ORGANISATION,
        "gobierno": ORGANISATION,
    },
    audiences=frozenset(),
    particles=frozenset(),
    stopwords=_words("el la los las y de que en es un una por con para dijo"),
)

AR = Speech(
    verbs=_words("قال قالت يقول تقول أضاف أضافت صرح صرحت أكد أكدت أوضح أوضحت حذر حذرت أعلن أعلنت"),
    naming=frozenset(),
    according=("وفقا ل", "وفقاً ل", "بحسب", "حسب"),
    that=_words("إن أن إنه إنها"),
    pronouns={},
    roles={"الوزير": PERSON, "المتحدث": PERSON, "الوزارة": ORGANISATION, "الحكومة": ORGANISATION},
    audiences=frozenset(),
    particles=frozenset(),
    stopwords=_words("في من على إلى أن عن مع هذا التي الذي قال"),
)

LANGUAGES: dict[str, Speech] = {"en": EN, "de": DE, "fr": FR, "es": ES, "ar": AR}
_WORD = re.compile(r"\w+", re.UNICODE)


def guess_language(text: str, given: str | None = None) -> str:
    """The document's language if it is one we know, else the one whose frequent words the
    text uses most (English when nothing is known)."""
    if given:
        short = given.split("-")[0].split("_")[0].lower()
        if short in LANGUAGES:
            return short
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    scores = {code: sum(w in speech.stopwords for w in words) for code, speech in LANGUAGES.items()}
    best = max(scores, key=lambda code: scores[code])
    return best if scores[best] else "en"
