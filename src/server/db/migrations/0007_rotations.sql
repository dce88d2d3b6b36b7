CREATE TABLE "rotation_hosts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rotation_id" uuid NOT NULL,
	"consortium_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"space_id" uuid,
	"weight" double precision DEFAULT 1 NOT NULL,
	"past_turns" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rotation_hosts_weight_ck" CHECK ("rotation_hosts"."weight" > 0),
	CONSTRAINT "rotation_hosts_past_ck" CHECK ("rotation_hosts"."past_turns" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rotation_swaps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rotation_id" uuid NOT NULL,
	"consortium_id" uuid NOT NULL,
	"turn_id" uuid NOT NULL,
	"with_turn_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"message" text,
	"answer" text,
	"requested_by" text,
	"answered_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rotation_turns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rotation_id" uuid NOT NULL,
	"consortium_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"event_id" uuid,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rotation_unavailability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rotation_id" uuid NOT NULL,
	"consortium_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "rotation_unavailability_ck" CHECK ("rotation_unavailability"."to_date" >= "rotation_unavailability"."from_date")
);
--> statement-breakpoint
CREATE TABLE "rotations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"start_local" text NOT NULL,
	"end_local" text NOT NULL,
	"recurrence" jsonb NOT NULL,
	"rrule" text NOT NULL,
	"weighting" text DEFAULT 'equal' NOT NULL,
	"min_gap_days" integer DEFAULT 0 NOT NULL,
	"min_capacity" integer,
	"step_free" boolean DEFAULT false NOT NULL,
	"audiences" text[] DEFAULT '{}'::text[] NOT NULL,
	"visibility" text DEFAULT 'consortium' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rotations_gap_ck" CHECK ("rotations"."min_gap_days" between 0 and 365)
);
--> statement-breakpoint
ALTER TABLE "rotation_hosts" ADD CONSTRAINT "rotation_hosts_rotation_id_rotations_id_fk" FOREIGN KEY ("rotation_id") REFERENCES "public"."rotations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_hosts" ADD CONSTRAINT "rotation_hosts_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_hosts" ADD CONSTRAINT "rotation_hosts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_hosts" ADD CONSTRAINT "rotation_hosts_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_hosts" ADD CONSTRAINT "rotation_hosts_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_swaps" ADD CONSTRAINT "rotation_swaps_rotation_id_rotations_id_fk" FOREIGN KEY ("rotation_id") REFERENCES "public"."rotations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_swaps" ADD CONSTRAINT "rotation_swaps_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_swaps" ADD CONSTRAINT "rotation_swaps_turn_id_rotation_turns_id_fk" FOREIGN KEY ("turn_id") REFERENCES "public"."rotation_turns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_swaps" ADD CONSTRAINT "rotation_swaps_with_turn_id_rotation_turns_id_fk" FOREIGN KEY ("with_turn_id") REFERENCES "public"."rotation_turns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_swaps" ADD CONSTRAINT "rotation_swaps_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_swaps" ADD CONSTRAINT "rotation_swaps_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_turns" ADD CONSTRAINT "rotation_turns_rotation_id_rotations_id_fk" FOREIGN KEY ("rotation_id") REFERENCES "public"."rotations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_turns" ADD CONSTRAINT "rotation_turns_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_turns" ADD CONSTRAINT "rotation_turns_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_turns" ADD CONSTRAINT "rotation_turns_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_unavailability" ADD CONSTRAINT "rotation_unavailability_rotation_id_rotations_id_fk" FOREIGN KEY ("rotation_id") REFERENCES "public"."rotations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_unavailability" ADD CONSTRAINT "rotation_unavailability_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_unavailability" ADD CONSTRAINT "rotation_unavailability_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotations" ADD CONSTRAINT "rotations_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotations" ADD CONSTRAINT "rotations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rotation_hosts_uq" ON "rotation_hosts" USING btree ("rotation_id","organization_id");--> statement-breakpoint
CREATE INDEX "rotation_swaps_rotation_id_index" ON "rotation_swaps" USING btree ("rotation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rotation_swaps_pending_uq" ON "rotation_swaps" USING btree ("turn_id") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "rotation_turns_uq" ON "rotation_turns" USING btree ("rotation_id","starts_at");--> statement-breakpoint
CREATE INDEX "rotation_turns_organization_id_index" ON "rotation_turns" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "rotation_unavailability_rotation_id_index" ON "rotation_unavailability" USING btree ("rotation_id");--> statement-breakpoint
CREATE INDEX "rotations_consortium_id_index" ON "rotations" USING btree ("consortium_id");