import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { events } from "./agenda.ts";
import { users } from "./auth.ts";
import { consortiumRef, stamps } from "./columns.ts";
import { consortia } from "./consortium.ts";
import { organizations, people, places } from "./directory.ts";
import { rotationTurns } from "./rotations.ts";
import { tsvector } from "./types.ts";

// Shared governance (issue 5): the pure rules are in src/shared/governance; these tables keep their inputs and
// outcomes. Money is integer cents, shares are exact fraction texts ("2/5"), never floats.

/** The consortium's statutes as far as votes go, and the workload alert settings. One row per consortium. */
export const governanceSettings = pgTable(
  "governance_settings",
  {
    consortiumId: uuid()
      .primaryKey()
      .references(() => consortia.id, { onDelete: "cascade" }),
    /** src/shared/governance/colleges.ts Weighting: "set", "equal" or "none". */
    collegeWeighting: text({ enum: ["set", "equal", "none"] })
      .notNull()
      .default("none"),
    /** Alert when one person or organisation carries more than this share of the load (0.4 = 40 %). */
    overloadShare: doublePrecision().notNull().default(0.4),
    /** Alert when a member carries nothing for this many months. */
    idleMonths: integer().notNull().default(6),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("governance_settings_share_ck", sql`${t.overloadShare} > 0 and ${t.overloadShare} <= 1`),
    check("governance_settings_idle_ck", sql`${t.idleMonths} between 1 and 60`),
  ],
);

/** A college of the SCIC (or of any weighted assembly): its weight in the votes, when the statutes set one. */
export const colleges = pgTable(
  "colleges",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    name: text().notNull(),
    description: text(),
    /** Exact fraction text ("3/10"); null unless the weighting is "set". */
    weight: text(),
    position: integer().notNull().default(0),
    ...stamps,
  },
  (t) => [uniqueIndex("colleges_name_uq").on(t.consortiumId, t.name)],
);

/** An associate of the cooperative: an organisation or a person, its college and the capital it subscribed. */
export const associates = pgTable(
  "associates",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    organizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    personId: uuid().references(() => people.id, { onDelete: "cascade" }),
    collegeId: uuid().references(() => colleges.id, { onDelete: "set null" }),
    capitalCents: bigint({ mode: "number" }).notNull().default(0),
    /** A territorial authority or public body: counted for the 50 % cap on public capital. */
    publicTerritorial: boolean().notNull().default(false),
    joinedOn: date({ mode: "string" }),
    ...stamps,
  },
  (t) => [
    check("associates_one_ck", sql`(${t.organizationId} is null) <> (${t.personId} is null)`),
    check("associates_capital_ck", sql`${t.capitalCents} >= 0`),
    uniqueIndex("associates_org_uq").on(t.consortiumId, t.organizationId).where(sql`organization_id is not null`),
    uniqueIndex("associates_person_uq").on(t.consortiumId, t.personId).where(sql`person_id is not null`),
  ],
);

/** A body of the consortium: general assembly, steering committee, college, working group ("foncier", "formation"…). */
export const bodies = pgTable(
  "bodies",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    name: text().notNull(),
    kind: text({ enum: ["general_assembly", "steering_committee", "college", "working_group", "other"] }).notNull(),
    description: text(),
    /** A college body: its members vote in that college. */
    collegeId: uuid().references(() => colleges.id, { onDelete: "set null" }),
    /** src/shared/governance/quorum.ts QuorumRule; null: no quorum. */
    quorum: jsonb().$type<{ firstCall: string | null; secondCall: string | null; basis: "headcount" | "weighted" }>(),
    /** How many absent members one present member may represent. */
    proxyLimit: integer().notNull().default(1),
    archivedAt: timestamp({ withTimezone: true }),
    ...stamps,
  },
  (t) => [
    uniqueIndex("bodies_name_uq").on(t.consortiumId, t.name),
    check("bodies_proxy_ck", sql`${t.proxyLimit} between 0 and 10`),
  ],
);

/**
 * A mandate: a person or an organisation sits in a body with a role, from a date, until a date. Rows are never
 * rewritten when a mandate ends or is renewed: the history is the rows.
 */
export const mandates = pgTable(
  "mandates",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    bodyId: uuid()
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    personId: uuid().references(() => people.id, { onDelete: "cascade" }),
    organizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    role: text({ enum: ["member", "co_president", "president", "referent", "secretary", "treasurer", "facilitator", "other"] })
      .notNull()
      .default("member"),
    title: text(),
    startsOn: date({ mode: "string" }).notNull(),
    /** Last day of the mandate; null: open-ended. */
    endsOn: date({ mode: "string" }),
    endedReason: text(),
    /** The mandate this one renews, to tell renewals from new seats in the history. */
    renews: uuid(),
    ...stamps,
  },
  (t) => [
    check("mandates_holder_ck", sql`${t.personId} is not null or ${t.organizationId} is not null`),
    check("mandates_dates_ck", sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    index().on(t.bodyId, t.startsOn),
    index().on(t.consortiumId, t.personId),
  ],
);

/** A meeting of a body: in the agenda (possibly a rotation's turn), with its order of the day and minutes. */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    bodyId: uuid()
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    title: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    placeId: uuid().references(() => places.id, { onDelete: "set null" }),
    eventId: uuid().references(() => events.id, { onDelete: "set null" }),
    rotationTurnId: uuid().references(() => rotationTurns.id, { onDelete: "set null" }),
    /** 1: first call; 2: a second call after the first lacked its quorum. */
    call: integer().notNull().default(1),
    status: text({ enum: ["planned", "held", "cancelled"] })
      .notNull()
      .default("planned"),
    minutes: text(),
    minutesApprovedAt: timestamp({ withTimezone: true }),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    ...stamps,
  },
  (t) => [index().on(t.consortiumId, t.startsAt), check("meetings_order_ck", sql`${t.endsAt} > ${t.startsAt}`)],
);

/** The order of the day: items in order, some linked to a proposal. */
export const meetingItems = pgTable(
  "meeting_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    consortiumId: consortiumRef(),
    position: integer().notNull(),
    title: text().notNull(),
    proposalId: uuid(),
    notes: text(),
  },
  (t) => [index().on(t.meetingId, t.position)],
);

/** Who was there: one row per member of the body (mandate), with the proxy holder of a represented one. */
export const attendance = pgTable(
  "attendance",
  {
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    mandateId: uuid()
      .notNull()
      .references(() => mandates.id, { onDelete: "cascade" }),
    consortiumId: consortiumRef(),
    presence: text({ enum: ["present", "excused", "absent"] }).notNull(),
    /** A proxy given to a present member (another mandate of the body). */
    proxyTo: uuid().references(() => mandates.id, { onDelete: "set null" }),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.mandateId] })],
);

/**
 * A proposal put to a body, decided by the method chosen for it. `state` is the state of the pure machine of that
 * method (vote, consent, advice, election), replaced in the same transaction as each transition.
 */
export const proposals = pgTable(
  "proposals",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    bodyId: uuid()
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    meetingId: uuid().references(() => meetings.id, { onDelete: "set null" }),
    title: text().notNull(),
    text: text().notNull(),
    method: text({ enum: ["majority", "colleges", "consent", "advice", "election"] }).notNull(),
    /** The tally rule and ballot secrecy for votes; null for the other methods. */
    rule: jsonb().$type<Record<string, unknown>>(),
    secrecy: text({ enum: ["open", "secret"] })
      .notNull()
      .default("open"),
    status: text({ enum: ["draft", "open", "decided", "withdrawn"] })
      .notNull()
      .default("draft"),
    outcome: text({ enum: ["adopted", "rejected", "no_decision"] }),
    state: jsonb().$type<Record<string, unknown>>(),
    /** What a recount needs (src/shared/governance/vote.ts VoteRecord) or the method's final record. */
    record: jsonb().$type<Record<string, unknown>>(),
    authorId: text().references(() => users.id, { onDelete: "set null" }),
    openedAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    ...stamps,
  },
  (t) => [index().on(t.consortiumId, t.status), index().on(t.bodyId)],
);

/** Who took part in a vote and who cast it (the signing sheet): kept for secret ballots too. */
export const voteParticipations = pgTable(
  "vote_participations",
  {
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    mandateId: uuid()
      .notNull()
      .references(() => mandates.id, { onDelete: "cascade" }),
    consortiumId: consortiumRef(),
    castBy: uuid()
      .notNull()
      .references(() => mandates.id, { onDelete: "cascade" }),
    castAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.mandateId] })],
);

/**
 * The ballots of a vote. Open: linked to the member's mandate. Secret: no link at all, only the college the ballot
 * counts in, so that nobody (the database included) can tell who voted what.
 */
export const ballots = pgTable(
  "ballots",
  {
    id: uuid().primaryKey().defaultRandom(),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    consortiumId: consortiumRef(),
    mandateId: uuid().references(() => mandates.id, { onDelete: "set null" }),
    groupId: text().notNull(),
    choice: text({ enum: ["for", "against", "abstain", "blank", "spoiled"] }).notNull(),
  },
  (t) => [
    index().on(t.proposalId),
    uniqueIndex("ballots_open_uq").on(t.proposalId, t.mandateId).where(sql`mandate_id is not null`),
  ],
);

/** The decision register: every decision, searchable in French, with its review date and what replaced it. */
export const decisions = pgTable(
  "decisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    bodyId: uuid().references(() => bodies.id, { onDelete: "set null" }),
    proposalId: uuid().references(() => proposals.id, { onDelete: "set null" }),
    meetingId: uuid().references(() => meetings.id, { onDelete: "set null" }),
    title: text().notNull(),
    text: text().notNull(),
    method: text().notNull(),
    /** The result in words ("adoptée : 41/60 des voix pour, seuil 2/3"). */
    resultSummary: text().notNull(),
    decidedOn: date({ mode: "string" }).notNull(),
    reviewOn: date({ mode: "string" }),
    status: text({ enum: ["in_force", "to_review", "replaced", "repealed"] })
      .notNull()
      .default("in_force"),
    replacedBy: uuid(),
    reviewReminderSentOn: date({ mode: "string" }),
    search: tsvector().generatedAlwaysAs(sql`to_tsvector('fr_unaccent', title || ' ' || text || ' ' || result_summary)`),
    ...stamps,
  },
  (t) => [index().on(t.consortiumId, t.decidedOn), index("decisions_search_idx").using("gin", t.search)],
);

/** A task with whoever carries it, its effort, due date and what it comes from. */
export const tasks = pgTable(
  "tasks",
  {
    id: uuid().primaryKey().defaultRandom(),
    consortiumId: consortiumRef(),
    title: text().notNull(),
    description: text(),
    personId: uuid().references(() => people.id, { onDelete: "set null" }),
    organizationId: uuid().references(() => organizations.id, { onDelete: "set null" }),
    /** Estimated effort in hours. */
    effortHours: doublePrecision(),
    dueOn: date({ mode: "string" }),
    status: text({ enum: ["open", "done", "cancelled"] })
      .notNull()
      .default("open"),
    decisionId: uuid().references(() => decisions.id, { onDelete: "set null" }),
    bodyId: uuid().references(() => bodies.id, { onDelete: "set null" }),
    /** Skills the task needs: suggestions look for people who have them. */
    skills: text().array().notNull().default(sql`'{}'::text[]`),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    doneAt: timestamp({ withTimezone: true }),
    ...stamps,
  },
  (t) => [
    index().on(t.consortiumId, t.status),
    index().on(t.personId),
    check("tasks_effort_ck", sql`${t.effortHours} is null or (${t.effortHours} > 0 and ${t.effortHours} <= 1000)`),
  ],
);
