from annotator import resources
from annotator.domain.scheme import AttributeKind
from annotator.jobs.default_project import open_default_project
from annotator.jobs.samples import add_samples, locate
from annotator.paths import default_project_path


def test_every_sample_span_is_found_where_its_text_is(project):
    assert add_samples(project) == len(resources.sample_names()) >= 5
    for summary in project.documents.list():
        document = project.documents.get(summary.id)
        for annotation in project.annotations.for_document(summary.id):
            assert document.text[annotation.start : annotation.end] == annotation.text


def test_samples_show_actors_quotes_and_claims_in_several_languages(project):
    add_samples(project)
    documents = project.documents.list()
    assert {d.language for d in documents} >= {"en", "de", "fr", "ar"}
    stats = project.stats()
    assert all(stats.annotations_by_layer[layer] >= 10 for layer in ("actor", "quote", "claim"))
    scheme = project.scheme.load()
    for summary in documents:
        for annotation in project.annotations.for_document(summary.id):
            if annotation.layer == "actor":
                assert annotation.actor_id is not None
            if annotation.layer == "quote":
                assert [link.type for link in annotation.links] == ["speaker"]
                assert scheme.layer("quote").attribute("kind").kind is AttributeKind.CHOICE
                assert annotation.attributes["kind"] in ("direct", "indirect", "mixed")


def test_sample_spans_can_be_anchored_after_context():
    text = "he said, and then he left"
    assert locate(text, {"text": "he", "after": "then "}) == (18, 20)
    assert locate(text, {"text": "he", "occurrence": 2}) == (14, 16)


def test_the_default_project_is_made_once_with_samples():
    path = default_project_path()
    with open_default_project() as project:
        count = project.documents.count()
        assert count == len(resources.sample_names())
    assert path.exists()
    assert not list(path.parent.glob("*.partial*"))
    with open_default_project() as again:
        assert again.documents.count() == count


def test_sample_spans_start_and_end_on_word_boundaries(project):
    from annotator.domain.words import snap_to_words

    add_samples(project)
    for summary in project.documents.list():
        text = project.documents.get(summary.id).text
        for annotation in project.annotations.for_document(summary.id):
            assert snap_to_words(text, annotation.start, annotation.end) == (
                annotation.start,
                annotation.end,
            ), annotation.text
