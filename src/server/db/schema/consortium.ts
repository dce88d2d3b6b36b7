import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { CARRIER_MODELS, CONSORTIUM_ROLES, SCALES } from "../../../shared/vocabulary.ts";
import { users } from "./auth.ts";

export const scaleEnum = pgEnum("consortium_scale", SCALES);
export const carrierModelEnum = pgEnum("carrier_model", CARRIER_MODELS);
export const consortiumRoleEnum = pgEnum("consortium_role", CONSORTIUM_ROLES);

export const consortia = pgTable("consortia", {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  territory: text().notNull(),
  scale: scaleEnum().notNull(),
  description: text(),
  carrierModel: carrierModelEnum().notNull(),
  // The FK to organizations is added in SQL (0002) to avoid a cycle between the two table files.
  carrierOrganizationId: uuid(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Who may sign in to a consortium, and with which role. One row per (consortium, user). */
export const consortiumAccounts = pgTable(
  "consortium_accounts",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: uuid()
      .notNull()
      .references(() => consortia.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: consortiumRoleEnum().notNull(),
    organizationId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("consortium_accounts_user_uq").on(t.consortiumId, t.userId), index().on(t.userId)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: uuid()
      .notNull()
      .references(() => consortia.id, { onDelete: "cascade" }),
    email: text().notNull(),
    role: consortiumRoleEnum().notNull(),
    organizationId: uuid(),
    /** SHA-256 of the token sent by e-mail: a leaked database does not leak usable links. */
    tokenHash: text().notNull().unique(),
    invitedBy: text().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.consortiumId, t.createdAt)],
);

/** Append-only record of every mutation: who did what, when, in which consortium. */
export const activities = pgTable(
  "activities",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: uuid().references(() => consortia.id, { onDelete: "cascade" }),
    actorUserId: text().references(() => users.id, { onDelete: "set null" }),
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text(),
    summary: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.consortiumId, t.createdAt.desc())],
);

/** Every e-mail the platform sends; with no SMTP_URL this table is the only delivery (the outbox page). */
export const outboxMessages = pgTable("outbox_messages", {
  id: uuid().primaryKey().defaultRandom(),
  to: text().notNull(),
  subject: text().notNull(),
  text: text().notNull(),
  transport: text({ enum: ["outbox", "smtp"] }).notNull(),
  error: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().default(sql`now()`),
});
