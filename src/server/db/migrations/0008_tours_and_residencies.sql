CREATE TABLE "residencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"name" text NOT NULL,
	"artist" text NOT NULL,
	"discipline" text,
	"description" text,
	"visibility" text DEFAULT 'draft' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "residency_stays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"residency_id" uuid NOT NULL,
	"consortium_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"referent_id" uuid,
	"summary" text,
	"event_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "residency_stays_dates_ck" CHECK ("residency_stays"."to_date" >= "residency_stays"."from_date")
);
--> statement-breakpoint
CREATE TABLE "stay_checklist_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stay_id" uuid NOT NULL,
	"consortium_id" uuid NOT NULL,
	"label" text NOT NULL,
	"position" integer NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" text
);
--> statement-breakpoint
CREATE TABLE "tour_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tour_id" uuid NOT NULL,
	"consortium_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_minutes" integer NOT NULL,
	"end_by" integer,
	"start_place_id" uuid,
	"start_label" text NOT NULL,
	"start_lat" double precision NOT NULL,
	"start_lon" double precision NOT NULL,
	"end_place_id" uuid,
	"end_label" text,
	"end_lat" double precision,
	"end_lon" double precision,
	"plan" jsonb,
	"event_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tour_days_minutes_ck" CHECK ("tour_days"."start_minutes" between 0 and 1439 and ("tour_days"."end_by" is null or "tour_days"."end_by" between 1 and 1440)),
	CONSTRAINT "tour_days_end_ck" CHECK (("tour_days"."end_label" is null) = ("tour_days"."end_lat" is null) and ("tour_days"."end_lat" is null) = ("tour_days"."end_lon" is null))
);
--> statement-breakpoint
CREATE TABLE "tour_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tour_id" uuid NOT NULL,
	"consortium_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"organization" text,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"cancel_token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tour_stops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tour_id" uuid NOT NULL,
	"day_id" uuid NOT NULL,
	"consortium_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"visit_minutes" integer NOT NULL,
	"windows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tour_stops_visit_ck" CHECK ("tour_stops"."visit_minutes" between 5 and 720)
);
--> statement-breakpoint
CREATE TABLE "tours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consortium_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"rotation_turn_id" uuid,
	"organizer_id" uuid NOT NULL,
	"capacity" integer NOT NULL,
	"signup_open" boolean DEFAULT true NOT NULL,
	"road_factor" double precision DEFAULT 1.3 NOT NULL,
	"speed_kmh" double precision DEFAULT 50 NOT NULL,
	"travel_matrix" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"visibility" text DEFAULT 'draft' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tours_capacity_ck" CHECK ("tours"."capacity" between 1 and 10000),
	CONSTRAINT "tours_travel_ck" CHECK ("tours"."road_factor" between 1 and 5 and "tours"."speed_kmh" between 5 and 150)
);
--> statement-breakpoint
ALTER TABLE "residencies" ADD CONSTRAINT "residencies_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residencies" ADD CONSTRAINT "residencies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residency_stays" ADD CONSTRAINT "residency_stays_residency_id_residencies_id_fk" FOREIGN KEY ("residency_id") REFERENCES "public"."residencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residency_stays" ADD CONSTRAINT "residency_stays_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residency_stays" ADD CONSTRAINT "residency_stays_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residency_stays" ADD CONSTRAINT "residency_stays_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residency_stays" ADD CONSTRAINT "residency_stays_referent_id_people_id_fk" FOREIGN KEY ("referent_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residency_stays" ADD CONSTRAINT "residency_stays_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_checklist_items" ADD CONSTRAINT "stay_checklist_items_stay_id_residency_stays_id_fk" FOREIGN KEY ("stay_id") REFERENCES "public"."residency_stays"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_checklist_items" ADD CONSTRAINT "stay_checklist_items_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_checklist_items" ADD CONSTRAINT "stay_checklist_items_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_days" ADD CONSTRAINT "tour_days_tour_id_tours_id_fk" FOREIGN KEY ("tour_id") REFERENCES "public"."tours"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_days" ADD CONSTRAINT "tour_days_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_days" ADD CONSTRAINT "tour_days_start_place_id_places_id_fk" FOREIGN KEY ("start_place_id") REFERENCES "public"."places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_days" ADD CONSTRAINT "tour_days_end_place_id_places_id_fk" FOREIGN KEY ("end_place_id") REFERENCES "public"."places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_days" ADD CONSTRAINT "tour_days_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_registrations" ADD CONSTRAINT "tour_registrations_tour_id_tours_id_fk" FOREIGN KEY ("tour_id") REFERENCES "public"."tours"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_registrations" ADD CONSTRAINT "tour_registrations_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_stops" ADD CONSTRAINT "tour_stops_tour_id_tours_id_fk" FOREIGN KEY ("tour_id") REFERENCES "public"."tours"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_stops" ADD CONSTRAINT "tour_stops_day_id_tour_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."tour_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_stops" ADD CONSTRAINT "tour_stops_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_stops" ADD CONSTRAINT "tour_stops_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tours" ADD CONSTRAINT "tours_consortium_id_consortia_id_fk" FOREIGN KEY ("consortium_id") REFERENCES "public"."consortia"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tours" ADD CONSTRAINT "tours_rotation_turn_id_rotation_turns_id_fk" FOREIGN KEY ("rotation_turn_id") REFERENCES "public"."rotation_turns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tours" ADD CONSTRAINT "tours_organizer_id_organizations_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tours" ADD CONSTRAINT "tours_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "residencies_consortium_id_index" ON "residencies" USING btree ("consortium_id");--> statement-breakpoint
CREATE INDEX "residency_stays_residency_id_from_date_index" ON "residency_stays" USING btree ("residency_id","from_date");--> statement-breakpoint
CREATE INDEX "stay_checklist_items_stay_id_position_index" ON "stay_checklist_items" USING btree ("stay_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "tour_days_uq" ON "tour_days" USING btree ("tour_id","date");--> statement-breakpoint
CREATE INDEX "tour_registrations_tour_id_status_created_at_index" ON "tour_registrations" USING btree ("tour_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tour_registrations_token_uq" ON "tour_registrations" USING btree ("cancel_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "tour_registrations_email_uq" ON "tour_registrations" USING btree ("tour_id",lower("email")) WHERE status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "tour_stops_uq" ON "tour_stops" USING btree ("day_id","place_id");--> statement-breakpoint
CREATE INDEX "tour_stops_tour_id_index" ON "tour_stops" USING btree ("tour_id");--> statement-breakpoint
CREATE INDEX "tours_consortium_id_index" ON "tours" USING btree ("consortium_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tours_turn_uq" ON "tours" USING btree ("rotation_turn_id");