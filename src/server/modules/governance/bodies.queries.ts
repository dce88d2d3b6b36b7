import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  activities,
  bodies,
  colleges,
  consortiumAccounts,
  mandates,
  organizations,
  people,
  users,
} from "../../db/schema/index.ts";

export type BodyRow = typeof bodies.$inferSelect;

export async function listBodies(db: Db, consortiumId: string) {
  return db
    .select({ body: bodies, collegeName: colleges.name })
    .from(bodies)
    .leftJoin(colleges, eq(colleges.id, bodies.collegeId))
    .where(eq(bodies.consortiumId, consortiumId))
    .orderBy(asc(bodies.name));
}

export async function findBody(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select({ body: bodies, collegeName: colleges.name })
    .from(bodies)
    .leftJoin(colleges, eq(colleges.id, bodies.collegeId))
    .where(and(eq(bodies.consortiumId, consortiumId), eq(bodies.id, id)));
  return row ?? null;
}

export async function findBodyByName(db: Db, consortiumId: string, name: string) {
  const [row] = await db
    .select({ id: bodies.id })
    .from(bodies)
    .where(and(eq(bodies.consortiumId, consortiumId), eq(bodies.name, name)));
  return row ?? null;
}

/** « Élodie Marchand (La Filature) » for a person sitting for an organisation; either name alone otherwise. */
export const holderLabel = (person: string | null, organization: string | null) =>
  person && organization ? `${person} (${organization})` : (person ?? organization ?? "?");

/** The mandates of some bodies (all of the consortium's when `bodyIds` is omitted), with their holders' names. */
export async function mandatesOf(db: Db, consortiumId: string, bodyIds?: string[]) {
  if (bodyIds && bodyIds.length === 0) return [];
  const rows = await db
    .select({
      mandate: mandates,
      firstName: people.firstName,
      lastName: people.lastName,
      organizationName: organizations.name,
    })
    .from(mandates)
    .leftJoin(people, eq(people.id, mandates.personId))
    .leftJoin(organizations, eq(organizations.id, mandates.organizationId))
    .where(and(eq(mandates.consortiumId, consortiumId), bodyIds ? inArray(mandates.bodyId, bodyIds) : undefined))
    .orderBy(desc(mandates.startsOn), asc(people.lastName), asc(organizations.name));
  return rows.map((r) => ({
    ...r.mandate,
    holderName: holderLabel(r.firstName === null ? null : `${r.firstName} ${r.lastName}`, r.organizationName),
  }));
}
export type MandateRow = Awaited<ReturnType<typeof mandatesOf>>[number];

export async function findPerson(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.consortiumId, consortiumId), eq(people.id, id)));
  return row ?? null;
}

export async function findOrganization(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.consortiumId, consortiumId), eq(organizations.id, id)));
  return row ?? null;
}

export async function findCollege(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select()
    .from(colleges)
    .where(and(eq(colleges.consortiumId, consortiumId), eq(colleges.id, id)));
  return row ?? null;
}

/** The coordination's accounts, who receive the renewal reminders. */
export async function coordinatorsOf(db: Db, consortiumId: string) {
  return db
    .select({ email: users.email, name: users.name })
    .from(consortiumAccounts)
    .innerJoin(users, eq(users.id, consortiumAccounts.userId))
    .where(and(eq(consortiumAccounts.consortiumId, consortiumId), eq(consortiumAccounts.role, "coordinator")))
    .orderBy(asc(users.email));
}

export const REMINDER_ACTION = "governance.renewal_reminders";

/** The last renewal reminder sent, from the activity journal: it keeps the day and the mandates listed. */
export async function lastReminder(db: Db, consortiumId: string) {
  const [row] = await db
    .select({ createdAt: activities.createdAt, data: activities.data })
    .from(activities)
    .where(and(eq(activities.consortiumId, consortiumId), eq(activities.action, REMINDER_ACTION)))
    .orderBy(desc(activities.createdAt))
    .limit(1);
  return row ?? null;
}

/** Every mandate a renewal reminder ever listed, from the journal: the job mails each one once. */
export async function remindedMandates(db: Db, consortiumId: string): Promise<Set<string>> {
  const rows = await db
    .select({ data: activities.data })
    .from(activities)
    .where(and(eq(activities.consortiumId, consortiumId), eq(activities.action, REMINDER_ACTION)));
  return new Set(rows.flatMap((r) => ((r.data ?? {}) as { mandateIds?: string[] }).mandateIds ?? []));
}
