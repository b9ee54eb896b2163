from annotator.domain.documents import DocumentDraft, DocumentStatus


def add(project, *texts):
    project.documents.add_many(
        [DocumentDraft(text=t, title=f"Doc {i}") for i, t in enumerate(texts, 1)]
    )


def test_search_finds_every_word_with_prefix_and_highlights(project):
    add(
        project,
        "The ceasefire talks in Cairo resumed on Tuesday.",
        "Négociations de cessez-le-feu au Caire 😀",
        "Nothing relevant here.",
    )
    hits = project.documents.search("ceasefire cai")
    assert [h.document_id for h in hits] == [1]
    hit = hits[0]
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["ceasefire", "Cairo"]
    assert [h.document_id for h in project.documents.search("negociations")] == [2]
    assert project.documents.search("   ") == []


def test_search_survives_query_syntax_and_sees_new_titles(project):
    add(project, 'He said "AND" OR NOT (x) * - ^ {y}')
    assert [h.document_id for h in project.documents.search('"AND" OR (x')] == [1]


def test_next_document_to_annotate_skips_done_ones_and_wraps(project):
    add(project, "one", "two", "three", "four")
    project.documents.set_status(2, DocumentStatus.DONE)
    project.documents.set_status(3, DocumentStatus.REVIEWED)
    assert project.documents.next_to_annotate(1) == 4
    assert project.documents.next_to_annotate(4) == 1
    project.documents.set_status(1, DocumentStatus.DONE)
    assert project.documents.next_to_annotate(4) is None
