DROP INDEX "rotation_hosts_uq";--> statement-breakpoint
ALTER TABLE "rotation_hosts" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "rotation_hosts" ADD COLUMN "wishes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "rotation_turns" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "rotation_turns" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "rotation_unavailability" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "rotation_hosts" ADD CONSTRAINT "rotation_hosts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_turns" ADD CONSTRAINT "rotation_turns_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_unavailability" ADD CONSTRAINT "rotation_unavailability_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rotation_hosts_place_uq" ON "rotation_hosts" USING btree ("rotation_id","organization_id") WHERE person_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "rotation_hosts_person_uq" ON "rotation_hosts" USING btree ("rotation_id","person_id") WHERE person_id is not null;