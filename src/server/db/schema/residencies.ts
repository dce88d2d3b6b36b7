import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { events } from "./agenda.ts";
import { users } from "./auth.ts";
import { consortiumRef, stamps } from "./columns.ts";
import { organizations, people, places } from "./directory.ts";

/**
 * A moving artist residency: one artist or collective stays at several member places in turn. Stays never
 * overlap (exclusion constraint in migration 0009); each becomes an all-day agenda event at its place.
 */
export const residencies = pgTable(
  "residencies",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    name: text().notNull(),
    /** The artist or collective in residence. */
    artist: text().notNull(),
    discipline: text(),
    description: text(),
    visibility: text({ enum: ["public", "consortium", "draft"] })
      .notNull()
      .default("draft"),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    ...stamps,
  },
  (t) => [index().on(t.consortiumId)],
);

export const residencyStays = pgTable(
  "residency_stays",
  {
    id: uuid().primaryKey().defaultRandom(),
    residencyId: uuid()
      .notNull()
      .references(() => residencies.id, { onDelete: "cascade" }),
    consortiumId: consortiumRef(),
    placeId: uuid()
      .notNull()
      .references(() => places.id, { onDelete: "restrict" }),
    /** The place's organisation: its referents manage the stay. */
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    fromDate: date({ mode: "string" }).notNull(),
    /** Last day of the stay, included. */
    toDate: date({ mode: "string" }).notNull(),
    /** The person at the host place who welcomes the artist. */
    referentId: uuid().references(() => people.id, { onDelete: "set null" }),
    /** What the artist does there, told on the public page. */
    summary: text(),
    eventId: uuid().references(() => events.id, { onDelete: "set null" }),
    ...stamps,
  },
  (t) => [index().on(t.residencyId, t.fromDate), check("residency_stays_dates_ck", sql`${t.toDate} >= ${t.fromDate}`)],
);

/** The hand-over checklist of a stay: what must be done before the artist moves on. */
export const stayChecklistItems = pgTable(
  "stay_checklist_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    stayId: uuid()
      .notNull()
      .references(() => residencyStays.id, { onDelete: "cascade" }),
    consortiumId: consortiumRef(),
    label: text().notNull(),
    position: integer().notNull(),
    doneAt: timestamp({ withTimezone: true }),
    doneBy: text().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index().on(t.stayId, t.position)],
);
