-- Rules of the moving residency that drizzle-kit cannot express.
-- An artist is in one place at a time: two stays of the same residency never share a day.
ALTER TABLE "residency_stays" ADD CONSTRAINT "residency_stays_apart" EXCLUDE USING gist ("residency_id" WITH =, daterange("from_date", "to_date", '[]') WITH &&);
