"""Team roles on a PostgreSQL server: the server itself keeps each person to their own work.

Two group roles per project database, ``annotator_<db>_annotator`` and
``annotator_<db>_curator`` (a curator is an annotator too); people are login roles in one of
them (``annotator team add``). The owner is the database's owner, who ran this migration and
owns the tables, so no policy applies to them. For the others:

- spans and their links: written only by the annotator they belong to (the annotator row named
  as the login), or by a curator for the curated annotation;
- assignments: only the assignee's own status (a curator's: the curated annotation's);
- the edit log and changes: appended as oneself, never changed;
- the scheme (layers, labels, attributes, settings) and assignments: changed by the owner only.

Actors and documents are shared: everyone may add them and change statuses. SQLite has no
logins: nothing changes there.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UPGRADE = """
DO $$
DECLARE
  base text := 'annotator_' || current_database();
  team text := base || '_annotator';
  curators text := base || '_curator';
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = team) THEN
    EXECUTE format('CREATE ROLE %I NOLOGIN', team);
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = curators) THEN
    EXECUTE format('CREATE ROLE %I NOLOGIN', curators);
  END IF;
  EXECUTE format('GRANT %I TO %I', team, curators);
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), team);
  EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', team);
  EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA public TO %I', team);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', team);
  EXECUTE format('GRANT INSERT, UPDATE, DELETE ON annotation, link, actor, actor_alias, document TO %I', team);
  EXECUTE format('GRANT INSERT ON edit, change, annotator TO %I', team);
  EXECUTE format('GRANT INSERT, UPDATE ON assignment TO %I', team);
END $$;

CREATE FUNCTION annotator_me() RETURNS integer LANGUAGE sql STABLE
  AS $f$ SELECT id FROM annotator WHERE name = current_user $f$;

CREATE FUNCTION annotator_curates() RETURNS boolean LANGUAGE sql STABLE
  AS $f$ SELECT pg_has_role(current_user, 'annotator_' || current_database() || '_curator',
                            'MEMBER') $f$;

CREATE FUNCTION annotator_may_write(who integer) RETURNS boolean LANGUAGE sql STABLE
  AS $f$ SELECT who = annotator_me()
           OR (annotator_curates() AND who = (SELECT id FROM annotator WHERE name = 'curated'))
  $f$;

ALTER TABLE annotation ENABLE ROW LEVEL SECURITY;
CREATE POLICY annotation_read ON annotation FOR SELECT USING (true);
CREATE POLICY annotation_add ON annotation FOR INSERT WITH CHECK (annotator_may_write(annotator_id));
CREATE POLICY annotation_change ON annotation FOR UPDATE
  USING (annotator_may_write(annotator_id)) WITH CHECK (annotator_may_write(annotator_id));
CREATE POLICY annotation_remove ON annotation FOR DELETE USING (annotator_may_write(annotator_id));

ALTER TABLE link ENABLE ROW LEVEL SECURITY;
CREATE POLICY link_read ON link FOR SELECT USING (true);
CREATE POLICY link_write ON link FOR ALL
  USING (annotator_may_write((SELECT annotator_id FROM annotation WHERE id = source_id)))
  WITH CHECK (annotator_may_write((SELECT annotator_id FROM annotation WHERE id = source_id)));

ALTER TABLE assignment ENABLE ROW LEVEL SECURITY;
CREATE POLICY assignment_read ON assignment FOR SELECT USING (true);
CREATE POLICY assignment_own ON assignment FOR UPDATE
  USING (annotator_may_write(annotator_id)) WITH CHECK (annotator_may_write(annotator_id));
CREATE POLICY assignment_curation ON assignment FOR INSERT
  WITH CHECK (annotator_curates()
              AND annotator_id = (SELECT id FROM annotator WHERE name = 'curated'));

ALTER TABLE edit ENABLE ROW LEVEL SECURITY;
CREATE POLICY edit_read ON edit FOR SELECT USING (true);
CREATE POLICY edit_add ON edit FOR INSERT WITH CHECK (annotator_id = annotator_me());

ALTER TABLE change ENABLE ROW LEVEL SECURITY;
CREATE POLICY change_read ON change FOR SELECT USING (true);
CREATE POLICY change_add ON change FOR INSERT WITH CHECK (annotator_id = annotator_me());

ALTER TABLE annotator ENABLE ROW LEVEL SECURITY;
CREATE POLICY annotator_read ON annotator FOR SELECT USING (true);
CREATE POLICY annotator_add ON annotator FOR INSERT
  WITH CHECK (name = current_user OR (name = 'curated' AND annotator_curates()));
"""

DOWNGRADE = """
DROP POLICY IF EXISTS annotator_add ON annotator; DROP POLICY IF EXISTS annotator_read ON annotator;
ALTER TABLE annotator DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS change_add ON change; DROP POLICY IF EXISTS change_read ON change;
ALTER TABLE change DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS edit_add ON edit; DROP POLICY IF EXISTS edit_read ON edit;
ALTER TABLE edit DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS assignment_curation ON assignment;
DROP POLICY IF EXISTS assignment_own ON assignment;
DROP POLICY IF EXISTS assignment_read ON assignment;
ALTER TABLE assignment DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS link_write ON link; DROP POLICY IF EXISTS link_read ON link;
ALTER TABLE link DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS annotation_remove ON annotation;
DROP POLICY IF EXISTS annotation_change ON annotation;
DROP POLICY IF EXISTS annotation_add ON annotation;
DROP POLICY IF EXISTS annotation_read ON annotation;
ALTER TABLE annotation DISABLE ROW LEVEL SECURITY;
DROP FUNCTION IF EXISTS annotator_may_write(integer);
DROP FUNCTION IF EXISTS annotator_curates();
DROP FUNCTION IF EXISTS annotator_me();
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(UPGRADE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(DOWNGRADE)
