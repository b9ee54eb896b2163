"""Claims for the network tests: three actors, two topics, a stance each (by hand in the
tests' comments)."""

from datetime import date

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft, LinkDraft
from annotator.domain.documents import DocumentDraft
from annotator.store.project import Project


def add_claims(project: Project) -> Project:
    # three-letter words at 0, 4 and 8: each claim covers a whole word
    texts = [("Dam too low.", date(2024, 1, 2)), ("Pay the fee.", date(2024, 1, 20))]
    project.documents.add_many(
        DocumentDraft(text=t, title=f"D{n}", published=d, source="Courier")
        for n, (t, d) in enumerate(texts)
    )  # fmt: skip
    people = {n: project.actors.create(ActorDraft(n, k)).id for n, k in
              (("Okafor", ActorKind.PERSON), ("Reyes", ActorKind.PERSON),
               ("Union", ActorKind.ORGANISATION))}  # fmt: skip
    plan = [(1, "Okafor", "barrier", "for"), (1, "Reyes", "barrier", "against"),
            (1, "Union", "barrier", "for"), (2, "Okafor", "rents", "against"),
            (2, "Reyes", "rents", "against"), (2, "Union", None, "for")]  # fmt: skip
    for n, (document, who, topic, stance) in enumerate(plan):
        attributes = {"kind": "evaluation", "stance": stance} | ({"topic": topic} if topic else {})
        project.annotations.create(document, AnnotationDraft(
            "claim", n % 3 * 4, n % 3 * 4 + 3, attributes=attributes,
            links=(LinkDraft("claimant", actor_id=people[who]),)))  # fmt: skip
    return project
