-- Agenda rules drizzle-kit cannot express.
-- The same space cannot hold two live occurrences at once; cancelled ones free it.
ALTER TABLE "event_occurrences" ADD CONSTRAINT "event_occurrences_space_free" EXCLUDE USING gist ("space_id" WITH =, "during" WITH &&) WHERE ("space_id" IS NOT NULL AND "status" <> 'cancelled');--> statement-breakpoint
ALTER TABLE "event_occurrences" ADD CONSTRAINT "event_occurrences_order" CHECK ("ends_at" > "starts_at");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_order" CHECK ("ends_at" > "starts_at");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_capacity_positive" CHECK ("capacity" IS NULL OR "capacity" > 0);--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_venue_place" CHECK ("venue" <> 'place' OR "place_id" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_space_needs_place" CHECK ("space_id" IS NULL OR "place_id" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "event_reviews" ADD CONSTRAINT "event_reviews_pair_order" CHECK ("event_a" < "event_b");--> statement-breakpoint
-- Every change to what the agenda shows raises the consortium's agenda version, in the same transaction:
-- cached answers (month windows, feeds) are served only while their version is still the current one.
CREATE FUNCTION maillage_bump_agenda() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO agenda_versions (consortium_id, version)
  SELECT DISTINCT consortium_id, 1 FROM changed
  ON CONFLICT (consortium_id) DO UPDATE SET version = agenda_versions.version + 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER events_bump_ins AFTER INSERT ON events REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION maillage_bump_agenda();--> statement-breakpoint
CREATE TRIGGER events_bump_upd AFTER UPDATE ON events REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION maillage_bump_agenda();--> statement-breakpoint
CREATE TRIGGER events_bump_del AFTER DELETE ON events REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION maillage_bump_agenda();--> statement-breakpoint
CREATE TRIGGER occurrences_bump_ins AFTER INSERT ON event_occurrences REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION maillage_bump_agenda();--> statement-breakpoint
CREATE TRIGGER occurrences_bump_upd AFTER UPDATE ON event_occurrences REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION maillage_bump_agenda();--> statement-breakpoint
CREATE TRIGGER occurrences_bump_del AFTER DELETE ON event_occurrences REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION maillage_bump_agenda();--> statement-breakpoint
CREATE TRIGGER organizers_bump_ins AFTER INSERT ON event_organizers REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION maillage_bump_agenda();--> statement-breakpoint
CREATE TRIGGER organizers_bump_del AFTER DELETE ON event_organizers REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION maillage_bump_agenda();--> statement-breakpoint
CREATE TRIGGER places_bump_upd AFTER UPDATE ON places REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION maillage_bump_agenda();--> statement-breakpoint
CREATE TRIGGER places_bump_ins AFTER INSERT ON places REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION maillage_bump_agenda();--> statement-breakpoint
CREATE TRIGGER places_bump_del AFTER DELETE ON places REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION maillage_bump_agenda();--> statement-breakpoint
CREATE TRIGGER spaces_bump_upd AFTER UPDATE ON spaces REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION maillage_bump_agenda();--> statement-breakpoint
CREATE TRIGGER organizations_bump_upd AFTER UPDATE ON organizations REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION maillage_bump_agenda();
