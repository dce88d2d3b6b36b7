import { and, asc, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import { hostKey } from "../../../shared/contracts/rotations.ts";
import type { Db } from "../../db/client.ts";
import {
  consortiumAccounts,
  eventOccurrences,
  events,
  organizations,
  people,
  places,
  rotationHosts,
  rotationSwaps,
  rotations,
  rotationTurns,
  rotationUnavailability,
  spaces,
  users,
} from "../../db/schema/index.ts";

export type RotationRow = typeof rotations.$inferSelect;

export async function findRotation(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select()
    .from(rotations)
    .where(and(eq(rotations.consortiumId, consortiumId), eq(rotations.id, id)));
  return row ?? null;
}

/** « Camille Martin (La Filature) » for a person host, the organisation's name for a place. */
export const hostLabel = (organizationName: string, person: { firstName: string; lastName: string } | null) =>
  person ? `${person.firstName} ${person.lastName} (${organizationName})` : organizationName;

/**
 * Hosts with what the solver and the pages need: their key (hostKey), names, the room's capacity and access,
 * and for a person host the account that may speak for their turns.
 */
export async function hostsOf(db: Db, rotationId: string) {
  const rows = await db
    .select({
      id: rotationHosts.id,
      organizationId: rotationHosts.organizationId,
      personId: rotationHosts.personId,
      placeId: rotationHosts.placeId,
      spaceId: rotationHosts.spaceId,
      weight: rotationHosts.weight,
      pastTurns: rotationHosts.pastTurns,
      wishes: rotationHosts.wishes,
      organizationName: organizations.name,
      firstName: people.firstName,
      lastName: people.lastName,
      personUserId: people.userId,
      placeName: places.name,
      placeAccessibility: places.accessibility,
      spaceName: spaces.name,
      spaceCapacity: spaces.capacity,
      spaceAccessibility: spaces.accessibility,
    })
    .from(rotationHosts)
    .innerJoin(organizations, eq(organizations.id, rotationHosts.organizationId))
    .innerJoin(places, eq(places.id, rotationHosts.placeId))
    .leftJoin(spaces, eq(spaces.id, rotationHosts.spaceId))
    .leftJoin(people, eq(people.id, rotationHosts.personId))
    .where(eq(rotationHosts.rotationId, rotationId))
    .orderBy(asc(organizations.name), asc(people.lastName), asc(people.firstName));
  return rows.map(({ firstName, lastName, ...h }) => ({
    ...h,
    key: hostKey(h),
    personName: firstName === null || lastName === null ? null : `${firstName} ${lastName}`,
    hostName: hostLabel(h.organizationName, firstName === null || lastName === null ? null : { firstName, lastName }),
  }));
}
export type HostRow = Awaited<ReturnType<typeof hostsOf>>[number];

export async function unavailabilityOf(db: Db, rotationId: string) {
  return db
    .select()
    .from(rotationUnavailability)
    .where(eq(rotationUnavailability.rotationId, rotationId))
    .orderBy(asc(rotationUnavailability.fromDate));
}

export async function turnsOf(db: Db, rotationId: string) {
  return db.select().from(rotationTurns).where(eq(rotationTurns.rotationId, rotationId)).orderBy(asc(rotationTurns.startsAt));
}
export type TurnRow = typeof rotationTurns.$inferSelect;

export async function swapsOf(db: Db, rotationId: string) {
  return db.select().from(rotationSwaps).where(eq(rotationSwaps.rotationId, rotationId)).orderBy(asc(rotationSwaps.createdAt));
}

/** Names of hosts that turns still name after they left the rotation's hosts, by hostKey. */
export async function formerHostNames(
  db: Db,
  consortiumId: string,
  turns: Array<{ organizationId: string; personId: string | null }>,
) {
  const out = new Map<string, { name: string; placeName: string }>();
  if (turns.length === 0) return out;
  const [orgs, persons] = await Promise.all([
    db
      .select({ id: organizations.id, name: organizations.name, placeName: places.name })
      .from(organizations)
      .leftJoin(places, eq(places.organizationId, organizations.id))
      .where(
        and(
          eq(organizations.consortiumId, consortiumId),
          inArray(organizations.id, [...new Set(turns.map((t) => t.organizationId))]),
        ),
      ),
    personsById(
      db,
      consortiumId,
      turns.flatMap((t) => (t.personId ? [t.personId] : [])),
    ),
  ]);
  for (const t of turns) {
    const org = orgs.find((o) => o.id === t.organizationId);
    const person = persons.find((p) => p.id === t.personId) ?? null;
    if (org && !out.has(hostKey(t))) out.set(hostKey(t), { name: hostLabel(org.name, person), placeName: org.placeName ?? "" });
  }
  return out;
}

/** People of the consortium with the address they are written to at: their own, else their account's. */
export async function personsById(db: Db, consortiumId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      userId: people.userId,
      email: sql<string | null>`coalesce(${people.email}, ${users.email})`,
    })
    .from(people)
    .leftJoin(users, eq(users.id, people.userId))
    .where(and(eq(people.consortiumId, consortiumId), inArray(people.id, [...new Set(ids)])));
}

/**
 * The first live occurrence of another event in one of these rooms that meets one of these slots, with the
 * names that say where: the agenda's exclusion constraint would refuse the write with no more than "a space".
 * `except`: events the write replaces (the rotation's own).
 */
export async function roomTaken(
  db: Db,
  consortiumId: string,
  slots: Array<{ spaceId: string; startsAt: Date; endsAt: Date }>,
  except: string[],
) {
  if (slots.length === 0) return null;
  const spaceIds = [...new Set(slots.map((x) => x.spaceId))];
  const from = new Date(Math.min(...slots.map((x) => x.startsAt.getTime())));
  const to = new Date(Math.max(...slots.map((x) => x.endsAt.getTime())));
  const rows = await db
    .select({
      spaceId: eventOccurrences.spaceId,
      startsAt: eventOccurrences.startsAt,
      endsAt: eventOccurrences.endsAt,
      title: events.title,
      spaceName: spaces.name,
      placeName: places.name,
    })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .innerJoin(spaces, eq(spaces.id, eventOccurrences.spaceId))
    .innerJoin(places, eq(places.id, spaces.placeId))
    .where(
      and(
        eq(eventOccurrences.consortiumId, consortiumId),
        inArray(eventOccurrences.spaceId, spaceIds),
        ne(eventOccurrences.status, "cancelled"),
        sql`${eventOccurrences.during} && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`,
        except.length ? notInArray(eventOccurrences.eventId, except) : undefined,
      ),
    )
    .orderBy(asc(eventOccurrences.startsAt));
  return rows.find((o) => slots.some((x) => x.spaceId === o.spaceId && o.startsAt < x.endsAt && x.startsAt < o.endsAt)) ?? null;
}

/** E-mail addresses of the referents who speak for these organisations in the consortium. */
export async function referentsOf(db: Db, consortiumId: string, organizationIds: string[]) {
  if (organizationIds.length === 0) return [];
  return db
    .select({ organizationId: consortiumAccounts.organizationId, email: users.email, name: users.name })
    .from(consortiumAccounts)
    .innerJoin(users, eq(users.id, consortiumAccounts.userId))
    .where(
      and(
        eq(consortiumAccounts.consortiumId, consortiumId),
        eq(consortiumAccounts.role, "referent"),
        inArray(consortiumAccounts.organizationId, organizationIds),
      ),
    );
}
