-- Change notifications (ADR 0021): the server keeps sessions, access and agenda versions in memory and
-- drops them when the rows they copy change. Each change says so on the channel `maillage_changes`, from a
-- statement trigger, so it is sent at commit and only if the transaction commits, whoever wrote it.

-- The agenda version, raised as before, now also tells its new value: 'agenda:<consortium id>:<version>'.
CREATE OR REPLACE FUNCTION maillage_bump_agenda() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bumped record;
BEGIN
  FOR bumped IN
    INSERT INTO agenda_versions (consortium_id, version)
    SELECT DISTINCT consortium_id, 1 FROM changed
    ON CONFLICT (consortium_id) DO UPDATE SET version = agenda_versions.version + 1
    RETURNING consortium_id, version
  LOOP
    PERFORM pg_notify('maillage_changes', 'agenda:' || bumped.consortium_id || ':' || bumped.version);
  END LOOP;
  RETURN NULL;
END
$$;--> statement-breakpoint

-- Other tables only name themselves: 'table:<name>'; the server forgets everything it copied from them.
CREATE FUNCTION maillage_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('maillage_changes', 'table:' || TG_TABLE_NAME);
  RETURN NULL;
END
$$;--> statement-breakpoint
-- A new session copies nothing; ending or extending one does.
CREATE TRIGGER sessions_changed AFTER UPDATE OR DELETE OR TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION maillage_notify_change();--> statement-breakpoint
CREATE TRIGGER users_changed AFTER UPDATE OR DELETE OR TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION maillage_notify_change();--> statement-breakpoint
CREATE TRIGGER instance_admins_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON instance_admins FOR EACH STATEMENT EXECUTE FUNCTION maillage_notify_change();--> statement-breakpoint
CREATE TRIGGER consortia_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON consortia FOR EACH STATEMENT EXECUTE FUNCTION maillage_notify_change();--> statement-breakpoint
CREATE TRIGGER consortium_accounts_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON consortium_accounts FOR EACH STATEMENT EXECUTE FUNCTION maillage_notify_change();--> statement-breakpoint
CREATE TRIGGER places_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON places FOR EACH STATEMENT EXECUTE FUNCTION maillage_notify_change();
--> statement-breakpoint
-- Feeds carry the consortium's name: renaming it must not leave a cached feed behind (ADR 0019).
CREATE FUNCTION maillage_bump_agenda_of_consortium() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bumped record;
BEGIN
  FOR bumped IN
    INSERT INTO agenda_versions (consortium_id, version)
    SELECT id, 1 FROM changed
    ON CONFLICT (consortium_id) DO UPDATE SET version = agenda_versions.version + 1
    RETURNING consortium_id, version
  LOOP
    PERFORM pg_notify('maillage_changes', 'agenda:' || bumped.consortium_id || ':' || bumped.version);
  END LOOP;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER consortia_bump_upd AFTER UPDATE ON consortia REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION maillage_bump_agenda_of_consortium();
