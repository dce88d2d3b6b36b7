import { and, asc, count, eq, gt, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { memberPeriods, organizations, people, personRoles, places, representatives, spaces } from "../../db/schema/index.ts";

// Every function takes the consortium id and filters on it: a query can never cross tenants.

export async function findOrganization(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select()
    .from(organizations)
    .where(and(eq(organizations.consortiumId, consortiumId), eq(organizations.id, id)));
  return row ?? null;
}

export async function listOrganizationRows(db: Db, consortiumId: string, kind?: "member" | "carrier" | "partner") {
  return db
    .select()
    .from(organizations)
    .where(and(eq(organizations.consortiumId, consortiumId), kind ? eq(organizations.kind, kind) : undefined))
    .orderBy(asc(organizations.name));
}

export async function listPeriods(db: Db, consortiumId: string, organizationIds: string[]) {
  if (organizationIds.length === 0) return [];
  return db
    .select()
    .from(memberPeriods)
    .where(and(eq(memberPeriods.consortiumId, consortiumId), inArray(memberPeriods.organizationId, organizationIds)))
    .orderBy(asc(memberPeriods.joinedOn));
}

export async function listRepresentatives(db: Db, consortiumId: string, organizationIds: string[]) {
  if (organizationIds.length === 0) return [];
  return db
    .select({
      id: representatives.id,
      organizationId: representatives.organizationId,
      personId: representatives.personId,
      firstName: people.firstName,
      lastName: people.lastName,
      since: representatives.since,
      until: representatives.until,
    })
    .from(representatives)
    .innerJoin(people, eq(people.id, representatives.personId))
    .where(and(eq(representatives.consortiumId, consortiumId), inArray(representatives.organizationId, organizationIds)))
    .orderBy(asc(representatives.since));
}

export async function countPlacesByOrganization(db: Db, consortiumId: string) {
  const rows = await db
    .select({ organizationId: places.organizationId, n: count() })
    .from(places)
    .where(eq(places.consortiumId, consortiumId))
    .groupBy(places.organizationId);
  return new Map(rows.map((r) => [r.organizationId, r.n]));
}

export async function findOpenPeriod(db: Db, consortiumId: string, organizationId: string, day: string) {
  const [row] = await db
    .select()
    .from(memberPeriods)
    .where(
      and(
        eq(memberPeriods.consortiumId, consortiumId),
        eq(memberPeriods.organizationId, organizationId),
        or(isNull(memberPeriods.leftOn), gt(memberPeriods.leftOn, day)),
      ),
    )
    .orderBy(asc(memberPeriods.joinedOn))
    .limit(1);
  return row ?? null;
}

export async function findPlace(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select({ place: places, organizationName: organizations.name })
    .from(places)
    .innerJoin(organizations, eq(organizations.id, places.organizationId))
    .where(and(eq(places.consortiumId, consortiumId), eq(places.id, id)));
  return row ?? null;
}

export async function listPlaceRows(db: Db, consortiumId: string) {
  return db
    .select({ place: places, organizationName: organizations.name })
    .from(places)
    .innerJoin(organizations, eq(organizations.id, places.organizationId))
    .where(eq(places.consortiumId, consortiumId))
    .orderBy(asc(places.name));
}

export async function listSpaces(db: Db, consortiumId: string, placeIds: string[]) {
  if (placeIds.length === 0) return [];
  return db
    .select()
    .from(spaces)
    .where(and(eq(spaces.consortiumId, consortiumId), inArray(spaces.placeId, placeIds)))
    .orderBy(asc(spaces.name));
}

export async function findSpace(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select({ space: spaces, organizationId: places.organizationId })
    .from(spaces)
    .innerJoin(places, eq(places.id, spaces.placeId))
    .where(and(eq(spaces.consortiumId, consortiumId), eq(spaces.id, id)));
  return row ?? null;
}

export async function findPerson(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.consortiumId, consortiumId), eq(people.id, id)));
  return row ?? null;
}

export async function listPersonRoles(db: Db, consortiumId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({ role: personRoles, organizationName: organizations.name })
    .from(personRoles)
    .innerJoin(organizations, eq(organizations.id, personRoles.organizationId))
    .where(and(eq(personRoles.consortiumId, consortiumId), inArray(personRoles.personId, personIds)))
    .orderBy(asc(personRoles.since));
}
