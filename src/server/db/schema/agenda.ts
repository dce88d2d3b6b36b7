import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { EVENT_STATUSES, EVENT_VENUES, EVENT_VISIBILITIES } from "../../../shared/vocabulary.ts";
import { users } from "./auth.ts";
import { consortiumRef } from "./columns.ts";
import { consortia } from "./consortium.ts";
import { organizations, places, spaces } from "./directory.ts";
import { tstzrange } from "./types.ts";

export const eventVisibilityEnum = pgEnum("event_visibility", EVENT_VISIBILITIES);
export const eventStatusEnum = pgEnum("event_status", EVENT_STATUSES);
export const eventVenueEnum = pgEnum("event_venue", EVENT_VENUES);

const eventRef = () =>
  uuid()
    .notNull()
    .references(() => events.id, { onDelete: "cascade" });

/**
 * One event, or the master of a series. Times are instants; a series repeats on Paris wall-clock time
 * (`rrule`, RFC 5545 without DTSTART). What the agenda reads is `event_occurrences`, kept in step here.
 */
export const events = pgTable(
  "events",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    /** RFC 5545 UID: ours is "<id>@maillage", an imported event keeps its source's. */
    uid: text().notNull(),
    title: text().notNull(),
    /** Normalised title (lower case, no accents or punctuation) for duplicate detection. */
    titleKey: text().notNull(),
    description: text(),
    venue: eventVenueEnum().notNull(),
    // A place or partner with events cannot be deleted under them; a deleted space leaves its events at the place.
    placeId: uuid().references(() => places.id, { onDelete: "restrict" }),
    spaceId: uuid().references(() => spaces.id, { onDelete: "set null" }),
    partnerId: uuid().references(() => organizations.id, { onDelete: "restrict" }),
    venueName: text(),
    onlineUrl: text(),
    allDay: boolean().notNull().default(false),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    rrule: text(),
    audiences: text().array().notNull().default(sql`'{}'::text[]`),
    themes: text().array().notNull().default(sql`'{}'::text[]`),
    price: text(),
    accessibility: text().array().notNull().default(sql`'{}'::text[]`),
    capacity: integer(),
    visibility: eventVisibilityEnum().notNull().default("consortium"),
    status: eventStatusEnum().notNull().default("confirmed"),
    /** RFC 5545 SEQUENCE: raised on every change people should see in their calendars. */
    sequence: integer().notNull().default(0),
    subscriptionId: uuid().references(() => calendarSubscriptions.id, { onDelete: "set null" }),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("events_uid_uq").on(t.consortiumId, t.uid), index().on(t.subscriptionId)],
);

export const eventOrganizers = pgTable(
  "event_organizers",
  {
    eventId: eventRef(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    consortiumId: consortiumRef(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.organizationId] }), index().on(t.organizationId)],
);

/** One occurrence of a series that was cancelled or changed; keyed by its original start (RECURRENCE-ID). */
export const eventExceptions = pgTable(
  "event_exceptions",
  {
    eventId: eventRef(),
    consortiumId: consortiumRef(),
    originalStart: timestamp({ withTimezone: true }).notNull(),
    cancelled: boolean().notNull().default(false),
    startsAt: timestamp({ withTimezone: true }),
    endsAt: timestamp({ withTimezone: true }),
    title: text(),
    description: text(),
    spaceId: uuid().references(() => spaces.id, { onDelete: "set null" }),
    status: eventStatusEnum(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.originalStart] })],
);

/**
 * Every occurrence, materialised: window queries, clash checks and feeds read this table, and the database
 * refuses two occurrences in the same space at the same time (exclusion constraint, migration 0005).
 */
export const eventOccurrences = pgTable(
  "event_occurrences",
  {
    eventId: eventRef(),
    consortiumId: consortiumRef(),
    originalStart: timestamp({ withTimezone: true }).notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    during: tstzrange().notNull().generatedAlwaysAs(sql`tstzrange(starts_at, ends_at, '[)')`),
    placeId: uuid(),
    spaceId: uuid().references(() => spaces.id, { onDelete: "set null" }),
    status: eventStatusEnum().notNull(),
    visibility: eventVisibilityEnum().notNull(),
    audiences: text().array().notNull(),
    titleKey: text().notNull(),
    modified: boolean().notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.originalStart] }),
    index("event_occurrences_window_idx").using("gist", t.consortiumId, t.during),
    index("event_occurrences_place_idx").on(t.placeId, t.startsAt),
  ],
);

/** A person's answer to a warning about two events: the clash is accepted (with its reason), or they differ. */
export const eventReviews = pgTable(
  "event_reviews",
  {
    consortiumId: consortiumRef(),
    kind: text({ enum: ["audience", "duplicate"] }).notNull(),
    /** The pair, smaller id first. */
    eventA: eventRef(),
    eventB: eventRef(),
    verdict: text({ enum: ["accepted", "distinct", "linked"] }).notNull(),
    reason: text(),
    reviewedBy: text().references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.eventA, t.eventB] }), index().on(t.consortiumId)],
);

/** The private calendar feed of one account in one consortium; the token is in the URL, its hash here. */
export const calendarTokens = pgTable(
  "calendar_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    /** Kept so the feed address can be shown again; the hash is what is looked up. */
    token: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("calendar_tokens_user_uq").on(t.consortiumId, t.userId)],
);

/** An .ics address refreshed periodically into the agenda. */
export const calendarSubscriptions = pgTable(
  "calendar_subscriptions",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    url: text().notNull(),
    organizerId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    placeId: uuid().references(() => places.id, { onDelete: "set null" }),
    visibility: eventVisibilityEnum().notNull().default("consortium"),
    refreshMinutes: integer().notNull().default(60),
    etag: text(),
    lastFetchedAt: timestamp({ withTimezone: true }),
    lastStatus: text({ enum: ["ok", "error", "pending"] })
      .notNull()
      .default("pending"),
    lastError: text(),
    failures: integer().notNull().default(0),
    nextFetchAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("calendar_subscriptions_url_uq").on(t.consortiumId, t.url), index().on(t.nextFetchAt)],
);

/**
 * A cooperation between organisations, as the observatory (capability 10) will count them. The agenda
 * writes one per co-organised event.
 */
export const cooperations = pgTable(
  "cooperations",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    kind: text({ enum: ["co_organisation"] }).notNull(),
    sourceType: text().notNull(),
    sourceId: uuid().notNull(),
    organizationIds: uuid().array().notNull(),
    occurredOn: date({ mode: "string" }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("cooperations_source_uq").on(t.kind, t.sourceType, t.sourceId), index().on(t.consortiumId)],
);

/** Raised by triggers on every agenda change (migration 0005): cached answers compare it before being served. */
export const agendaVersions = pgTable("agenda_versions", {
  consortiumId: uuid()
    .primaryKey()
    .references(() => consortia.id, { onDelete: "cascade" }),
  version: bigint({ mode: "number" }).notNull().default(1),
});
