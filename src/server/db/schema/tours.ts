import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { events } from "./agenda.ts";
import { users } from "./auth.ts";
import { consortiumRef, stamps } from "./columns.ts";
import { organizations, places } from "./directory.ts";
import { rotationTurns } from "./rotations.ts";

const tourRef = () =>
  uuid()
    .notNull()
    .references(() => tours.id, { onDelete: "cascade" });

/** Minutes since midnight (Paris), as the itinerary solver counts them. */
export interface StoredWindow {
  from: number;
  to: number;
}

/**
 * The yearly learning tour ("tournée apprenante"): a day or two of visits of member places for guests (elected
 * officials, media, project holders, institutions). The organiser is the host of a rotation's turn when the tour
 * comes from one, so that a different place organises it each year.
 */
export const tours = pgTable(
  "tours",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    name: text().notNull(),
    description: text(),
    rotationTurnId: uuid().references(() => rotationTurns.id, { onDelete: "set null" }),
    organizerId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Seats for guests; the next sign-ups wait in line. */
    capacity: integer().notNull(),
    signupOpen: boolean().notNull().default(true),
    roadFactor: doublePrecision().notNull().default(1.3),
    speedKmh: doublePrecision().notNull().default(50),
    /** Travel minutes the organiser corrected, from point id to point id (stop ids, "start:<dayId>", "end:<dayId>"). */
    travelMatrix: jsonb().$type<Record<string, Record<string, number>>>().notNull().default({}),
    visibility: text({ enum: ["public", "consortium", "draft"] })
      .notNull()
      .default("draft"),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    ...stamps,
  },
  (t) => [
    index().on(t.consortiumId),
    uniqueIndex("tours_turn_uq").on(t.rotationTurnId),
    check("tours_capacity_ck", sql`${t.capacity} between 1 and 10000`),
    check("tours_travel_ck", sql`${t.roadFactor} between 1 and 5 and ${t.speedKmh} between 5 and 150`),
  ],
);

/** One day of the tour: where it starts and ends, when, and the itinerary last computed for its stops. */
export const tourDays = pgTable(
  "tour_days",
  {
    id: uuid().primaryKey().defaultRandom(),
    tourId: tourRef(),
    consortiumId: consortiumRef(),
    date: date({ mode: "string" }).notNull(),
    startMinutes: integer().notNull(),
    /** Latest arrival at the end point. */
    endBy: integer(),
    /** Set when the day starts at a member place: the point then carries the place's id in the travel matrix. */
    startPlaceId: uuid().references(() => places.id, { onDelete: "set null" }),
    startLabel: text().notNull(),
    startLat: doublePrecision().notNull(),
    startLon: doublePrecision().notNull(),
    /** No end point: the day comes back to its start. */
    endPlaceId: uuid().references(() => places.id, { onDelete: "set null" }),
    endLabel: text(),
    endLat: doublePrecision(),
    endLon: doublePrecision(),
    /** The planner's answer for the current stops and times (src/shared/rotations/itinerary.ts ItineraryResult). */
    plan: jsonb().$type<Record<string, unknown>>(),
    eventId: uuid().references(() => events.id, { onDelete: "set null" }),
    ...stamps,
  },
  (t) => [
    uniqueIndex("tour_days_uq").on(t.tourId, t.date),
    check(
      "tour_days_minutes_ck",
      sql`${t.startMinutes} between 0 and 1439 and (${t.endBy} is null or ${t.endBy} between 1 and 1440)`,
    ),
    check(
      "tour_days_end_ck",
      sql`(${t.endLabel} is null) = (${t.endLat} is null) and (${t.endLat} is null) = (${t.endLon} is null)`,
    ),
  ],
);

/** A visit of a member place during one day of the tour. */
export const tourStops = pgTable(
  "tour_stops",
  {
    id: uuid().primaryKey().defaultRandom(),
    tourId: tourRef(),
    dayId: uuid()
      .notNull()
      .references(() => tourDays.id, { onDelete: "cascade" }),
    consortiumId: consortiumRef(),
    placeId: uuid()
      .notNull()
      .references(() => places.id, { onDelete: "cascade" }),
    visitMinutes: integer().notNull(),
    /** Empty: open all day. */
    windows: jsonb().$type<StoredWindow[]>().notNull().default([]),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("tour_stops_uq").on(t.dayId, t.placeId),
    index().on(t.tourId),
    check("tour_stops_visit_ck", sql`${t.visitMinutes} between 5 and 720`),
  ],
);

/** A guest's sign-up on the public page: confirmed while seats remain, then waiting in line. */
export const tourRegistrations = pgTable(
  "tour_registrations",
  {
    id: uuid().primaryKey().defaultRandom(),
    tourId: tourRef(),
    consortiumId: consortiumRef(),
    name: text().notNull(),
    email: text().notNull(),
    organization: text(),
    category: text({ enum: ["elected", "media", "project_holder", "institution", "other"] }).notNull(),
    status: text({ enum: ["confirmed", "waitlisted", "cancelled"] }).notNull(),
    /** SHA-256 of the secret in the guest's cancellation link. */
    cancelTokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    promotedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.tourId, t.status, t.createdAt),
    uniqueIndex("tour_registrations_token_uq").on(t.cancelTokenHash),
    // One live sign-up per address and tour.
    uniqueIndex("tour_registrations_email_uq").on(t.tourId, sql`lower(${t.email})`).where(sql`status <> 'cancelled'`),
  ],
);
