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
import { organizations, people, places, spaces } from "./directory.ts";

/** A wish of a host about one date of the rotation (a Paris day): level 3 of the solver's objective. */
export interface HostWish {
  date: string;
  kind: "prefers" | "avoids";
}

const rotationRef = () =>
  uuid()
    .notNull()
    .references(() => rotations.id, { onDelete: "cascade" });

/**
 * A meeting hosted in turn. Its dates repeat like an agenda series (first date in Paris wall-clock time and a
 * recurrence); each date becomes a turn, and each planned turn an event of the agenda at the host's place.
 */
export const rotations = pgTable(
  "rotations",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    name: text().notNull(),
    description: text(),
    startLocal: text().notNull(),
    endLocal: text().notNull(),
    recurrence: jsonb().$type<Record<string, unknown>>().notNull(),
    rrule: text().notNull(),
    weighting: text({ enum: ["equal", "weighted"] })
      .notNull()
      .default("equal"),
    minGapDays: integer().notNull().default(0),
    minCapacity: integer(),
    stepFree: boolean().notNull().default(false),
    audiences: text().array().notNull().default(sql`'{}'::text[]`),
    visibility: text({ enum: ["public", "consortium", "draft"] })
      .notNull()
      .default("consortium"),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    ...stamps,
  },
  (t) => [index().on(t.consortiumId), check("rotations_gap_ck", sql`${t.minGapDays} between 0 and 365`)],
);

/**
 * A host of a rotation: a place of a member organisation, or a person hosting at such a place for that
 * organisation. Within a rotation an organisation hosts at most once as itself and a person at most once, so
 * (organisation, person) names a host; its rows are rewritten with each save of the rotation.
 */
export const rotationHosts = pgTable(
  "rotation_hosts",
  {
    id: uuid().primaryKey().defaultRandom(),
    rotationId: rotationRef(),
    consortiumId: consortiumRef(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    personId: uuid().references(() => people.id, { onDelete: "cascade" }),
    placeId: uuid()
      .notNull()
      .references(() => places.id, { onDelete: "cascade" }),
    spaceId: uuid().references(() => spaces.id, { onDelete: "set null" }),
    weight: doublePrecision().notNull().default(1),
    pastTurns: integer().notNull().default(0),
    /** Edited and rewritten with the host, read only by the solver: a column, not a table. */
    wishes: jsonb().$type<HostWish[]>().notNull().default([]),
  },
  (t) => [
    uniqueIndex("rotation_hosts_place_uq").on(t.rotationId, t.organizationId).where(sql`person_id is null`),
    uniqueIndex("rotation_hosts_person_uq").on(t.rotationId, t.personId).where(sql`person_id is not null`),
    check("rotation_hosts_weight_ck", sql`${t.weight} > 0`),
    check("rotation_hosts_past_ck", sql`${t.pastTurns} >= 0`),
  ],
);

/** Days a host cannot take a turn: closures, holidays. */
export const rotationUnavailability = pgTable(
  "rotation_unavailability",
  {
    id: uuid().primaryKey().defaultRandom(),
    rotationId: rotationRef(),
    consortiumId: consortiumRef(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Set when the host is a person (their holidays), null for the place. */
    personId: uuid().references(() => people.id, { onDelete: "cascade" }),
    fromDate: date().notNull(),
    toDate: date().notNull(),
    label: text().notNull(),
  },
  (t) => [index().on(t.rotationId), check("rotation_unavailability_ck", sql`${t.toDate} >= ${t.fromDate}`)],
);

export const rotationTurns = pgTable(
  "rotation_turns",
  {
    id: uuid().primaryKey().defaultRandom(),
    rotationId: rotationRef(),
    consortiumId: consortiumRef(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    /** The organisation hosting (the event's organiser), also when a person of it hosts. */
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The person hosting, when the host is a person; without them the turn falls to the organisation. */
    personId: uuid().references(() => people.id, { onDelete: "set null" }),
    /** A cancelled date keeps its host and its (cancelled) event, and can be restored. */
    status: text({ enum: ["planned", "cancelled"] })
      .notNull()
      .default("planned"),
    cancelReason: text(),
    /** Imposed by a coordinator: a new generation keeps it. */
    pinned: boolean().notNull().default(false),
    eventId: uuid().references(() => events.id, { onDelete: "set null" }),
    /** The solver's explanation, as data (src/shared/rotations/solver.ts AssignmentReason[]). */
    reasons: jsonb().$type<Array<Record<string, unknown>>>().notNull().default([]),
    ...stamps,
  },
  (t) => [uniqueIndex("rotation_turns_uq").on(t.rotationId, t.startsAt), index().on(t.organizationId)],
);

/** A host asks another to exchange turns; the other accepts or refuses. */
export const rotationSwaps = pgTable(
  "rotation_swaps",
  {
    id: uuid().primaryKey().defaultRandom(),
    rotationId: rotationRef(),
    consortiumId: consortiumRef(),
    turnId: uuid()
      .notNull()
      .references(() => rotationTurns.id, { onDelete: "cascade" }),
    withTurnId: uuid()
      .notNull()
      .references(() => rotationTurns.id, { onDelete: "cascade" }),
    status: text({ enum: ["pending", "accepted", "refused", "withdrawn"] })
      .notNull()
      .default("pending"),
    message: text(),
    answer: text(),
    requestedBy: text().references(() => users.id, { onDelete: "set null" }),
    answeredBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.rotationId),
    // One open request per turn at a time.
    uniqueIndex("rotation_swaps_pending_uq").on(t.turnId).where(sql`status = 'pending'`),
  ],
);
