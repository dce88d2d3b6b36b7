-- Constraints drizzle-kit cannot express.
ALTER TABLE "consortia" ADD CONSTRAINT "consortia_carrier_fk" FOREIGN KEY ("carrier_organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "consortium_accounts" ADD CONSTRAINT "consortium_accounts_org_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_org_fk" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL;--> statement-breakpoint
-- One organisation cannot be a member twice at the same time.
ALTER TABLE "member_periods" ADD CONSTRAINT "member_periods_no_overlap" EXCLUDE USING gist ("organization_id" WITH =, "during" WITH &&);--> statement-breakpoint
ALTER TABLE "member_periods" ADD CONSTRAINT "member_periods_order" CHECK ("left_on" IS NULL OR "left_on" > "joined_on");--> statement-breakpoint
ALTER TABLE "representatives" ADD CONSTRAINT "representatives_order" CHECK ("until" IS NULL OR "until" >= "since");--> statement-breakpoint
ALTER TABLE "person_roles" ADD CONSTRAINT "person_roles_order" CHECK ("until" IS NULL OR "until" >= "since");--> statement-breakpoint
ALTER TABLE "spaces" ADD CONSTRAINT "spaces_capacity_positive" CHECK ("capacity" IS NULL OR "capacity" > 0);--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_coordinates_pair" CHECK (("latitude" IS NULL) = ("longitude" IS NULL));
