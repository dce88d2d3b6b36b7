import { sql } from "drizzle-orm";
import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { OpeningSlot } from "../../../shared/contracts/directory.ts";
import { CONTACT_VISIBILITIES, ORGANIZATION_KINDS, PARTNER_TYPES, PERSON_ROLES } from "../../../shared/vocabulary.ts";
import { users } from "./auth.ts";
import { consortiumRef, stamps } from "./columns.ts";
import { daterange, tsvector } from "./types.ts";

export const organizationKindEnum = pgEnum("organization_kind", ORGANIZATION_KINDS);
export const partnerTypeEnum = pgEnum("partner_type", PARTNER_TYPES);
export const personRoleEnum = pgEnum("person_role", PERSON_ROLES);
export const contactVisibilityEnum = pgEnum("contact_visibility", CONTACT_VISIBILITIES);

// `fr_unaccent` and `maillage_join` are created in the first (hand-written) migration: French stemming
// without accents, so that "economie" finds "Économie" and "résidences" finds "résidence" (ADR 0004).
export const organizations = pgTable(
  "organizations",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    kind: organizationKindEnum().notNull(),
    name: text().notNull(),
    legalForm: text(),
    siret: text(),
    description: text(),
    website: text(),
    email: text(),
    phone: text(),
    partnerType: partnerTypeEnum(),
    search: tsvector().generatedAlwaysAs(
      sql`to_tsvector('fr_unaccent', coalesce(name, '') || ' ' || coalesce(legal_form, '') || ' ' || coalesce(description, ''))`,
    ),
    ...stamps,
  },
  (t) => [index().on(t.consortiumId, t.kind), index("organizations_search_idx").using("gin", t.search)],
);

/** Membership periods: a member that leaves keeps its history; overlapping periods are refused (0002). */
export const memberPeriods = pgTable(
  "member_periods",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    joinedOn: date({ mode: "string" }).notNull(),
    leftOn: date({ mode: "string" }),
    during: daterange().generatedAlwaysAs(sql`daterange(joined_on, left_on, '[)')`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.consortiumId, t.organizationId)],
);

export const people = pgTable(
  "people",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    userId: text().references(() => users.id, { onDelete: "set null" }),
    firstName: text().notNull(),
    lastName: text().notNull(),
    email: text(),
    phone: text(),
    bio: text(),
    skills: text().array().notNull().default(sql`'{}'::text[]`),
    offers: text(),
    needs: text(),
    contactVisibility: contactVisibilityEnum().notNull().default("consortium"),
    search: tsvector().generatedAlwaysAs(
      sql`to_tsvector('fr_unaccent', first_name || ' ' || last_name || ' ' || maillage_join(skills) || ' ' || coalesce(bio, '') || ' ' || coalesce(offers, '') || ' ' || coalesce(needs, ''))`,
    ),
    ...stamps,
  },
  (t) => [
    index().on(t.consortiumId, t.lastName),
    index("people_search_idx").using("gin", t.search),
    uniqueIndex("people_user_uq").on(t.consortiumId, t.userId),
  ],
);

export const representatives = pgTable(
  "representatives",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    personId: uuid()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    since: date({ mode: "string" }).notNull(),
    until: date({ mode: "string" }),
  },
  (t) => [index().on(t.consortiumId, t.organizationId)],
);

export const personRoles = pgTable(
  "person_roles",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    personId: uuid()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    role: personRoleEnum().notNull(),
    title: text(),
    since: date({ mode: "string" }).notNull().defaultNow(),
    until: date({ mode: "string" }),
  },
  (t) => [index().on(t.consortiumId, t.personId), index().on(t.organizationId)],
);

export const places = pgTable(
  "places",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "restrict" }),
    slug: text().notNull(),
    name: text().notNull(),
    description: text(),
    street: text(),
    postalCode: text(),
    city: text(),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    activities: text().array().notNull().default(sql`'{}'::text[]`),
    accessibility: text().array().notNull().default(sql`'{}'::text[]`),
    openingHours: jsonb().$type<OpeningSlot[]>().notNull().default([]),
    search: tsvector().generatedAlwaysAs(
      sql`to_tsvector('fr_unaccent', name || ' ' || coalesce(city, '') || ' ' || maillage_join(activities) || ' ' || coalesce(description, ''))`,
    ),
    ...stamps,
  },
  (t) => [
    uniqueIndex("places_slug_uq").on(t.consortiumId, t.slug),
    index().on(t.organizationId),
    index("places_search_idx").using("gin", t.search),
  ],
);

export const spaces = pgTable(
  "spaces",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    placeId: uuid()
      .notNull()
      .references(() => places.id, { onDelete: "cascade" }),
    name: text().notNull(),
    capacity: integer(),
    equipment: text().array().notNull().default(sql`'{}'::text[]`),
    accessibility: text().array().notNull().default(sql`'{}'::text[]`),
    description: text(),
    ...stamps,
  },
  (t) => [index().on(t.placeId)],
);
