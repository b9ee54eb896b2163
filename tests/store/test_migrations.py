import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from annotator.domain.errors import SchemaVersionError
from annotator.store import migrate
from annotator.store.database import Database
from annotator.store.engine import open_engine
from annotator.store.migrate import include_name
from annotator.store.models import Base
from annotator.store.project import Project


def test_there_is_a_single_migration_head():
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert len(scripts.get_heads()) == 1


def test_migrations_build_exactly_the_schema_the_models_describe(db_path):
    engine = open_engine(db_path)
    migrate.ensure_current(Database(engine))
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_a_new_project_gets_wal_foreign_keys_and_the_default_scheme(db_path):
    with Project.open(db_path) as project:
        assert project.migration.created
        assert [layer.name for layer in project.scheme.load().layers] == [
            "actor",
            "quote",
            "claim",
        ]
        with project.db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
    with Project.open(db_path) as again:
        assert not again.migration.created


def test_a_project_from_a_newer_annotator_is_refused_untouched(db_path):
    Project.open(db_path).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = db_path.read_bytes()
    with pytest.raises(SchemaVersionError, match="newer version of Annotator"):
        Project.open(db_path)
    assert db_path.read_bytes() == before


def test_a_database_that_is_not_a_project_is_refused(db_path):
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(SchemaVersionError, match="not an Annotator project"):
        Project.open(db_path)


def test_an_older_project_is_backed_up_before_it_is_upgraded(db_path, monkeypatch):
    with Project.open(db_path) as project:
        project.documents.add_many([])
    old_revision = migrate.head_revision()
    # Pretend this program knows a newer revision than the file has.
    monkeypatch.setattr(migrate, "head_revision", lambda: "9999_next")
    monkeypatch.setattr(migrate, "_upgrade", lambda connection: None)
    result = migrate.ensure_current(Database(open_engine(db_path)))
    assert result.upgraded_from == old_revision
    assert result.backup is not None and result.backup.exists()
    with sqlite3.connect(result.backup) as copy:
        (revision,) = copy.execute("SELECT version_num FROM alembic_version").fetchone()
    assert revision == old_revision


FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("project-*.sqlite"))


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_every_released_schema_opens_upgraded_with_its_data_and_a_backup(fixture, tmp_path):
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    with sqlite3.connect(path) as connection:
        (old_revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        documents = connection.execute("SELECT count(*) FROM document").fetchone()[0]
    with Project.open(path) as project:
        assert project.migration.upgraded_from == (
            None if old_revision == migrate.head_revision() else old_revision
        )
        assert project.documents.count() == documents > 0
        assert project.stats().annotations > 0
        assert project.documents.search("Okafor")
    if project.migration.upgraded_from:
        backup = project.migration.backup
        assert backup is not None
        with sqlite3.connect(backup) as copy:
            assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (
                old_revision,
            )


def _side_files(path):
    return sorted(p.name for p in path.parent.glob(path.name + "-*"))


def _assert_refused_untouched(db_path, match):
    before = db_path.read_bytes()
    with pytest.raises(SchemaVersionError, match=match):
        Project.open(db_path)
    assert db_path.read_bytes() == before  # header bytes 18-19 would say WAL otherwise
    assert _side_files(db_path) == []


def test_a_foreign_database_in_rollback_journal_mode_is_refused_byte_for_byte(db_path):
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
        connection.execute("INSERT INTO recipes VALUES ('soup')")
    connection.close()
    _assert_refused_untouched(db_path, "not an Annotator project")


def test_a_newer_project_in_rollback_journal_mode_is_refused_byte_for_byte(db_path):
    Project.open(db_path).close()
    connection = sqlite3.connect(db_path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()
    _assert_refused_untouched(db_path, "newer version")


def test_the_head_read_from_the_scripts_is_alembics_single_head():
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == scripts.get_current_head()
    assert migrate.known_revisions() == {s.revision for s in scripts.walk_revisions()}
