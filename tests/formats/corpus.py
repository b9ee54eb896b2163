"""A small annotated project with every hard case the formats must survive."""

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft, LinkDraft
from annotator.jobs.importer import import_paths

TEXTS = {
    "crlf.txt": (
        "Mayor Zoe\u0301 Okafor said: “We will build it.”\r\n"
        "The council (Port Elden City Council) disagreed 👨‍👩‍👧‍👦.\r\n"
    ),
    "de.txt": "Die Gewerkschaft sagte: „Wir streiken morgen.“ Die Bahn nannte das «unnötig».\n",
    "ar.txt": "قال الوزير سامر الحدّاد إن «الاتفاق قريب» اليوم 🇩🇪.\n",
}


def find(text, sub, after=0):
    start = text.index(sub, after)
    return start, start + len(sub)


def build(project, folder):
    """Import the three articles (one with CRLF) and annotate them; returns the actors."""
    for name, text in TEXTS.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    report = import_paths(project, [folder / name for name in TEXTS])
    assert report.imported == 3
    actors = project.actors
    city = actors.create(ActorDraft("Port Elden", ActorKind.STATE, external_id="Q999"))
    council = actors.create(
        ActorDraft("Port Elden City Council", ActorKind.ORGANISATION, ("The council",),
                   parent_id=city.id)
    )  # fmt: skip
    okafor = actors.create(ActorDraft("Zoë Okafor", ActorKind.PERSON, parent_id=council.id))
    union = actors.create(ActorDraft("Gewerkschaft", ActorKind.ORGANISATION))
    rail = actors.create(ActorDraft("Deutsche Bahn", ActorKind.ORGANISATION, ("Die Bahn",)))
    minister = actors.create(ActorDraft("سامر الحدّاد", ActorKind.PERSON))
    add = project.annotations.create

    en = project.documents.get(1).text
    add(1, AnnotationDraft("actor", *find(en, "Mayor Zoe\u0301 Okafor"), actor_id=okafor.id))
    add(1, AnnotationDraft("actor", *find(en, "Zoe\u0301 Okafor"), actor_id=okafor.id))
    quote = add(1, AnnotationDraft(
        "quote", *find(en, "“We will build it.”"), attributes={"kind": "direct", "cue": "said"},
        links=(LinkDraft("speaker", actor_id=okafor.id),),
    ))  # fmt: skip
    add(1, AnnotationDraft("actor", *find(en, "The council (Port Elden City Council)"),
                           actor_id=council.id))  # fmt: skip
    add(1, AnnotationDraft("actor", *find(en, "Port Elden City Council"), actor_id=council.id))
    add(1, AnnotationDraft("actor", *find(en, "Port Elden", en.index("(")), actor_id=city.id))
    add(1, AnnotationDraft(
        "claim", *find(en, "The council (Port Elden City Council) disagreed 👨‍👩‍👧‍👦."),
        attributes={"kind": "evaluation", "topic": "barrier", "stance": "against"},
        links=(LinkDraft("claimant", actor_id=council.id),
               LinkDraft("addressee", actor_id=okafor.id),
               LinkDraft("responds_to", annotation_id=quote.id)),
    ))  # fmt: skip

    de = project.documents.get(2).text
    add(2, AnnotationDraft("actor", *find(de, "Die Gewerkschaft"), actor_id=union.id))
    add(2, AnnotationDraft(
        "quote", *find(de, "„Wir streiken morgen.“"), attributes={"kind": "direct"},
        links=(LinkDraft("speaker", actor_id=union.id),),
    ))  # fmt: skip
    add(2, AnnotationDraft("actor", *find(de, "Die Bahn"), actor_id=rail.id))
    add(2, AnnotationDraft("quote", *find(de, "«unnötig»"), attributes={"kind": "direct"},
                           links=(LinkDraft("speaker", actor_id=rail.id),)))  # fmt: skip

    ar = project.documents.get(3).text
    add(3, AnnotationDraft("actor", *find(ar, "الوزير سامر الحدّاد"), actor_id=minister.id))
    add(3, AnnotationDraft(
        "quote", *find(ar, "إن «الاتفاق قريب» اليوم 🇩🇪"), attributes={"kind": "mixed"},
        links=(LinkDraft("speaker", actor_id=minister.id),),
    ))  # fmt: skip
    return {"okafor": okafor, "council": council, "city": city}
