import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  bodies,
  consortiumAccounts,
  eventOccurrences,
  eventOrganizers,
  governanceSettings,
  mandates,
  memberPeriods,
  organizations,
  people,
  personRoles,
  representatives,
  rotationTurns,
  tasks,
} from "../../db/schema/index.ts";

// What each load source looks like in the database. The service turns these rows into LoadItems
// (src/shared/governance/workload.ts); every query filters on the consortium.

export async function findSettings(db: Db, consortiumId: string) {
  const [row] = await db.select().from(governanceSettings).where(eq(governanceSettings.consortiumId, consortiumId));
  return row ?? null;
}

export async function listPeople(db: Db, consortiumId: string) {
  return db
    .select({
      id: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      userId: people.userId,
      skills: people.skills,
    })
    .from(people)
    .where(eq(people.consortiumId, consortiumId));
}

export async function listRoles(db: Db, consortiumId: string) {
  return db
    .select({
      personId: personRoles.personId,
      organizationId: personRoles.organizationId,
      since: personRoles.since,
      until: personRoles.until,
    })
    .from(personRoles)
    .where(eq(personRoles.consortiumId, consortiumId))
    .orderBy(asc(personRoles.since));
}

export async function listOrganizations(db: Db, consortiumId: string) {
  return db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.consortiumId, consortiumId));
}

export async function listPeriods(db: Db, consortiumId: string) {
  return db
    .select({ organizationId: memberPeriods.organizationId, joinedOn: memberPeriods.joinedOn, leftOn: memberPeriods.leftOn })
    .from(memberPeriods)
    .where(eq(memberPeriods.consortiumId, consortiumId));
}

export async function listAccounts(db: Db, consortiumId: string) {
  return db
    .select({
      userId: consortiumAccounts.userId,
      role: consortiumAccounts.role,
      organizationId: consortiumAccounts.organizationId,
      createdAt: consortiumAccounts.createdAt,
    })
    .from(consortiumAccounts)
    .where(eq(consortiumAccounts.consortiumId, consortiumId));
}

/** Every task but the cancelled ones: a done task still tells when its carrier was last active. */
export async function listTaskRows(db: Db, consortiumId: string) {
  return db
    .select()
    .from(tasks)
    .where(and(eq(tasks.consortiumId, consortiumId), ne(tasks.status, "cancelled")))
    .orderBy(asc(tasks.dueOn), asc(tasks.createdAt));
}

export async function listMandates(db: Db, consortiumId: string) {
  return db
    .select({
      id: mandates.id,
      personId: mandates.personId,
      organizationId: mandates.organizationId,
      role: mandates.role,
      startsOn: mandates.startsOn,
      endsOn: mandates.endsOn,
      bodyKind: bodies.kind,
      bodyName: bodies.name,
    })
    .from(mandates)
    .innerJoin(bodies, eq(bodies.id, mandates.bodyId))
    .where(and(eq(mandates.consortiumId, consortiumId), isNull(bodies.archivedAt)));
}

export async function listRepresentatives(db: Db, consortiumId: string) {
  return db
    .select({
      id: representatives.id,
      personId: representatives.personId,
      organizationId: representatives.organizationId,
      since: representatives.since,
      until: representatives.until,
    })
    .from(representatives)
    .where(eq(representatives.consortiumId, consortiumId));
}

export async function listTurns(db: Db, consortiumId: string) {
  return db
    .select({
      id: rotationTurns.id,
      organizationId: rotationTurns.organizationId,
      personId: rotationTurns.personId,
      startsAt: rotationTurns.startsAt,
    })
    .from(rotationTurns)
    .where(and(eq(rotationTurns.consortiumId, consortiumId), eq(rotationTurns.status, "planned")));
}

/**
 * Each organiser of each event, with the event's last occurrence before `now` and its next one after: a series
 * counts once, at the occurrence that keeps it current. A rotation's meetings are counted as turns, not here.
 */
export async function listOrganizedEvents(db: Db, consortiumId: string, now: Date) {
  const at = now.toISOString();
  return db
    .select({
      eventId: eventOrganizers.eventId,
      organizationId: eventOrganizers.organizationId,
      // Paris days as text: the same on both drivers, ready to compare with the rules' YYYY-MM-DD.
      lastPast: sql<
        string | null
      >`((max(${eventOccurrences.startsAt}) filter (where ${eventOccurrences.startsAt} < ${at})) at time zone 'Europe/Paris')::date::text`,
      nextFuture: sql<
        string | null
      >`((min(${eventOccurrences.startsAt}) filter (where ${eventOccurrences.startsAt} >= ${at})) at time zone 'Europe/Paris')::date::text`,
    })
    .from(eventOrganizers)
    .innerJoin(eventOccurrences, eq(eventOccurrences.eventId, eventOrganizers.eventId))
    .where(
      and(
        eq(eventOrganizers.consortiumId, consortiumId),
        ne(eventOccurrences.status, "cancelled"),
        sql`not exists (select 1 from ${rotationTurns} where ${rotationTurns.eventId} = ${eventOrganizers.eventId})`,
      ),
    )
    .groupBy(eventOrganizers.eventId, eventOrganizers.organizationId);
}
