"""The same project on a PostgreSQL server: set ANNOTATOR_TEST_PG_URL (``.ci/run`` does)."""

import os
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft, LinkDraft
from annotator.domain.documents import DocumentDraft, DocumentStatus
from annotator.jobs.importer import import_paths
from annotator.store.migrate import include_name
from annotator.store.models import Base
from annotator.store.project import Project
from tests.store.concurrent import concurrent_imports, openers, span_writers

pytestmark = pytest.mark.postgres

SERVER = os.environ.get("ANNOTATOR_TEST_PG_URL")


@pytest.fixture
def pg_url():
    if not SERVER:
        pytest.skip("set ANNOTATOR_TEST_PG_URL to a PostgreSQL server to run this test")
    name = f"annotator_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(SERVER).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_a_project_on_postgres_works_like_one_on_sqlite(pg_url, tmp_path):
    article = tmp_path / "a.txt"
    text_ = "Mayor Zoe\u0301 Okafor 👩🏽‍🍳 said «نعم» today.\r\n"
    article.write_bytes(text_.encode("utf-8"))
    with Project.open(pg_url) as project:
        assert project.migration.created
        report = import_paths(project, [article])
        assert report.imported == 1
        project.documents.add_many([DocumentDraft(text=text_.replace("\r\n", "\n"), title="x")])
        [summary] = project.documents.list()
        document = project.documents.get(summary.id)
        assert document.text == text_.replace("\r\n", "\n")
        start = document.text.index("Zoe\u0301")
        actor = project.actors.create(ActorDraft("Zoë Okafor", ActorKind.PERSON, ("Mayor",)))
        mention = project.annotations.create(
            summary.id, AnnotationDraft("actor", start, start + 11, actor_id=actor.id)
        )
        assert mention.text == "Zoe\u0301 Okafor"
        quote_start = document.text.index("«")
        quote = project.annotations.create(
            summary.id,
            AnnotationDraft(
                "quote",
                quote_start,
                quote_start + 5,
                attributes={"kind": "direct"},
                links=(LinkDraft("speaker", actor_id=actor.id),),
            ),
        )
        assert quote.text == "«نعم»"
        project.documents.set_status(summary.id, DocumentStatus.DONE)
        assert [a.name for a in project.actors.find("MAYOR")] == ["Zoë Okafor"]
    with Project.open(pg_url) as again:
        assert not again.migration.created
        assert again.stats().annotations == 2
        assert again.documents.list(DocumentStatus.DONE)[0].annotations == 2
        [hit] = again.documents.search("okafor today")
        assert [hit.snippet[s:e] for s, e in hit.highlights] == ["Okafor", "today"]
        with again.db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"include_name": include_name})
            diff = compare_metadata(context, Base.metadata)
        assert diff == []


def test_formats_round_trip_through_postgres(pg_url, tmp_path):
    from annotator.jobs.exporter import export
    from tests.formats.corpus import build

    with Project.open(tmp_path / "source.sqlite") as source:
        build(source, tmp_path)
        export(source, "jsonl", tmp_path / "source.jsonl")
    with Project.open(pg_url) as server:
        report = import_paths(server, [tmp_path / "source.jsonl"])
        assert report.refused == [] and report.imported == 3
        export(server, "jsonl", tmp_path / "server.jsonl")
        export(server, "brat", tmp_path / "brat")
        assert server.documents.search("Gewerkschaft")
    assert (tmp_path / "server.jsonl").read_bytes() == (tmp_path / "source.jsonl").read_bytes()


def test_two_imports_of_one_folder_at_once_on_postgres_report_duplicates(pg_url, tmp_path):
    Project.open(pg_url).close()
    runs = concurrent_imports(pg_url, tmp_path / "feeds", 80)
    assert [code for code, _, _ in runs] == [0, 0], runs
    assert sum(int(out.split()[0]) for _, out, _ in runs) == 80
    with Project.open(pg_url) as project:
        assert project.documents.count() == 80


def test_programs_creating_one_new_postgres_project_at_once_make_it_once(pg_url):
    results = openers(pg_url, 4)
    assert sum(bool(r["created"]) for r in results) == 1
    assert all(r["layers"] == ["actor", "quote", "claim"] for r in results)


def test_a_new_annotator_name_used_by_several_programs_at_once(pg_url):
    with Project.open(pg_url) as project:
        project.documents.add_many([DocumentDraft(text="Okafor said so. " * 40, title="t")])
        [summary] = project.documents.list()
    results = span_writers(pg_url, summary.id, [40, 40, 40], names=["newcomer"] * 3)
    assert [r["refused_count"] for r in results] == [0, 0, 0], results
    with Project.open(pg_url) as project:
        assert project.annotations.count() == 120


def test_concurrent_updates_of_one_span_on_postgres_one_wins_one_is_refused(pg_url):
    import threading
    from dataclasses import replace

    from annotator.domain.annotations import as_draft
    from annotator.domain.errors import ConflictError

    with (
        Project.open(pg_url, annotator="alice") as alice,
        Project.open(pg_url, annotator="bob") as bob,
    ):
        alice.documents.add_many([DocumentDraft(text="Okafor said the bridge opens.", title="t")])
        [summary] = alice.documents.list()
        span = alice.annotations.create(summary.id, AnnotationDraft("quote", 0, 11))
        for round_ in range(8):
            copy = alice.annotations.get(span.id)
            barrier = threading.Barrier(2)
            outcomes: dict[str, str] = {}

            def edit(project, name, copy=copy, barrier=barrier, outcomes=outcomes, round_=round_):
                draft = replace(as_draft(copy), attributes={"cue": f"{name}{round_}"})
                barrier.wait()
                try:
                    project.annotations.update(span.id, draft, expected_version=copy.version)
                    outcomes[name] = "saved"
                except ConflictError as exc:
                    outcomes[name] = str(exc)

            threads = [
                threading.Thread(target=edit, args=(p, n))
                for p, n in ((alice, "alice"), (bob, "bob"))
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            saved = [n for n, o in outcomes.items() if o == "saved"]
            [loser] = [o for o in outcomes.values() if o != "saved"]
            assert len(saved) == 1, outcomes
            assert f"changed by {saved[0]}" in loser
            assert alice.annotations.get(span.id).attributes == {"cue": f"{saved[0]}{round_}"}


def test_undo_history_and_restore_on_a_server(pg_url):
    with Project.open(pg_url, "alice") as alice:
        alice.documents.add_many([DocumentDraft(text="Okafor said the barrier holds.", title="t")])
        [summary] = alice.documents.list()
        okafor = alice.actors.create(ActorDraft("Okafor", ActorKind.PERSON))
        span = alice.annotations.create(
            summary.id, AnnotationDraft("actor", 0, 6, actor_id=okafor.id)
        )
        seen = alice.history.latest_edit()
    with Project.open(pg_url, "alice") as again:  # a restart: the steps are on the server
        assert [c.label for c in again.history.stacks()[0]] == [
            "Add actor Okafor", "Add mention “Okafor”"]  # fmt: skip
        again.history.undo()
        assert again.annotations.for_document(summary.id) == []
        changes = again.history.changes_since(seen)
        assert span.id in changes.annotations
        [deleted] = [e for e in again.history.entries(document_id=summary.id) if e.restorable]
        again.history.restore(deleted.entry.id)
        assert again.annotations.get(span.id).actor_id == okafor.id
        deleted_spans = again.document_deletion.delete(summary.id)
        assert deleted_spans == 1
        again.history.undo()
        assert [d.title for d in again.documents.list()] == ["t"]


@pytest.fixture
def team_url(pg_url):
    """The project on a server, with alice and bob annotators and carol a curator."""
    with Project.open(pg_url) as owner:
        owner.documents.add_many([DocumentDraft(text="Okafor said the barrier holds.", title="t")])
        tag = uuid.uuid4().hex[:6]
        people = {name: f"{name}_{tag}" for name in ("alice", "bob", "carol")}
        from annotator.store.team import add_member, members

        for name, login in people.items():
            add_member(owner.db, login, "curator" if name == "carol" else "annotator")
        assert {(p, r) for p, r in members(owner.db)} >= {(people["carol"], "curator")}
    url = make_url(pg_url)
    yield {name: url.set(username=login).render_as_string(hide_password=False)
           for name, login in people.items()}  # fmt: skip
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        # the database first: its grants hold the roles
        connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
        for login in people.values():
            connection.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
        for role in ("curator", "annotator"):
            connection.execute(text(f'DROP ROLE IF EXISTS "annotator_{url.database}_{role}"'))
    admin.dispose()


def test_the_server_keeps_each_annotator_to_their_own_work(team_url, pg_url):
    from dataclasses import replace

    from annotator.domain.annotations import as_draft
    from annotator.domain.errors import NotAllowedError
    from annotator.jobs.curation import CURATED

    with Project.open(team_url["alice"]) as alice:
        assert alice.annotator.startswith("alice_")  # the login is the person
        span = alice.annotations.create(1, AnnotationDraft("claim", 0, 6))
    with Project.open(team_url["bob"]) as bob:
        with pytest.raises(NotAllowedError, match="another annotator's work"):
            bob.annotations.delete(span.id)
        with pytest.raises(NotAllowedError, match="another annotator's work"):
            bob.annotations.update(span.id, replace(as_draft(span), layer="quote"))
        with pytest.raises(NotAllowedError, match="may not make that change"):
            bob.scheme.install(replace(bob.scheme.load(), name="mine"))
        with pytest.raises(NotAllowedError):
            bob.annotations.create(1, AnnotationDraft("claim", 7, 11), annotator=CURATED)
        own = bob.annotations.create(1, AnnotationDraft("claim", 7, 11))
        bob.annotations.delete(own.id)
    with Project.open(team_url["carol"]) as carol:  # a curator writes the curated annotation
        curated = carol.annotations.create(1, AnnotationDraft("claim", 0, 6), annotator=CURATED)
        assert curated.annotator == CURATED
        from annotator.jobs.curation import curated_status, mark_curated

        mark_curated(carol, 1, DocumentStatus.DONE)
        assert curated_status(carol, 1) is DocumentStatus.DONE
    with Project.open(team_url["alice"]) as alice:
        assert alice.annotations.get(span.id).layer == "claim"  # nothing moved
    with Project.open(pg_url) as owner:  # the owner changes the scheme, and others' work
        owner.scheme.install(replace(owner.scheme.load(), name="the owner's"))
        assert owner.scheme.load().name == "the owner's"
        owner.annotations.delete(span.id)


def test_a_team_on_one_server_annotates_measures_and_curates(team_url, pg_url):
    from annotator.jobs.agreement import AgreementOptions, agreement
    from annotator.jobs.curation import CURATED, curate

    with Project.open(pg_url) as owner:
        owner.assignments.assign([1], [
            make_url(team_url[n]).username for n in ("alice", "bob")])  # fmt: skip
    for name, end in (("alice", 6), ("bob", 6)):
        with Project.open(team_url[name]) as person:
            person.annotations.create(1, AnnotationDraft("claim", 0, end, attributes={}))
            kind = "direct" if name == "alice" else "indirect"
            person.annotations.create(1, AnnotationDraft("quote", 7, 29, attributes={"kind": kind}))
    with Project.open(team_url["carol"]) as carol:
        report = agreement(carol, AgreementOptions())
        claims = next(layer for layer in report.layers if layer.layer == "claim")
        assert claims.alpha_u == 1.0 and claims.pairs[0].exact.f1 == 1.0
        assert any(d.what.startswith("kind:") for d in report.disagreements)
        curated = curate(carol, rule="all")
        assert curated.accepted == 1 and len(curated.to_review) == 1
        assert [a.layer for a in carol.annotations.for_document(1) if a.annotator == CURATED] == [
            "claim"]  # fmt: skip


def test_an_annotator_on_a_server_suggests_rejects_and_exports(team_url, pg_url, tmp_path):
    from annotator.domain.actors import ActorDraft, ActorKind
    from annotator.jobs.exporter import export
    from annotator.jobs.suggest import suggest

    with Project.open(pg_url) as owner:
        owner.actors.create(ActorDraft("Okafor", ActorKind.PERSON))
    with Project.open(team_url["alice"]) as alice:
        report = suggest(alice, "actors", [1])
        assert report.added == 1
        [found] = alice.suggestions.list()
        assert alice.suggestions.reject([found]) == 1  # her own rejection, kept on the server
        assert suggest(alice, "actors", [1]).rejected == 1
        out = tmp_path / "p.qdpx"
        export(alice, "qdpx", out)  # the export's GUIDs are stored by her login
        assert out.stat().st_size > 0
