import { and, asc, eq, gte, inArray, isNull, lte, ne } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  consortia,
  organizations,
  people,
  personRoles,
  places,
  residencies,
  residencyStays,
  stayChecklistItems,
  users,
} from "../../db/schema/index.ts";

export type ResidencyRow = typeof residencies.$inferSelect;
export type StayRow = typeof residencyStays.$inferSelect;
export type ChecklistRow = typeof stayChecklistItems.$inferSelect;

export async function findResidency(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select()
    .from(residencies)
    .where(and(eq(residencies.consortiumId, consortiumId), eq(residencies.id, id)));
  return row ?? null;
}

export async function listResidencies(db: Db, consortiumId: string) {
  return db.select().from(residencies).where(eq(residencies.consortiumId, consortiumId)).orderBy(asc(residencies.name));
}

/** The stays of some residencies in date order, with what the pages show of their place and host. */
export async function staysOf(db: Db, consortiumId: string, residencyIds: string[]) {
  if (residencyIds.length === 0) return [];
  return db
    .select({
      stay: residencyStays,
      placeName: places.name,
      city: places.city,
      latitude: places.latitude,
      longitude: places.longitude,
      hostName: organizations.name,
    })
    .from(residencyStays)
    .innerJoin(places, eq(places.id, residencyStays.placeId))
    .innerJoin(organizations, eq(organizations.id, residencyStays.organizationId))
    .where(and(eq(residencyStays.consortiumId, consortiumId), inArray(residencyStays.residencyId, residencyIds)))
    .orderBy(asc(residencyStays.fromDate));
}
export type StayWithPlace = Awaited<ReturnType<typeof staysOf>>[number];

export async function checklistsOf(db: Db, consortiumId: string, stayIds: string[]) {
  if (stayIds.length === 0) return [];
  return db
    .select({ item: stayChecklistItems, doneByName: users.name })
    .from(stayChecklistItems)
    .leftJoin(users, eq(users.id, stayChecklistItems.doneBy))
    .where(and(eq(stayChecklistItems.consortiumId, consortiumId), inArray(stayChecklistItems.stayId, stayIds)))
    .orderBy(asc(stayChecklistItems.position), asc(stayChecklistItems.id));
}

/** The referents named on some stays, with their contact choice and their current organisations. */
export async function referentsOf(db: Db, consortiumId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  const [rows, roles] = await Promise.all([
    db
      .select({
        id: people.id,
        firstName: people.firstName,
        lastName: people.lastName,
        email: people.email,
        phone: people.phone,
        userId: people.userId,
        contactVisibility: people.contactVisibility,
      })
      .from(people)
      .where(and(eq(people.consortiumId, consortiumId), inArray(people.id, personIds))),
    db
      .select({ personId: personRoles.personId, organizationId: personRoles.organizationId })
      .from(personRoles)
      .where(
        and(eq(personRoles.consortiumId, consortiumId), inArray(personRoles.personId, personIds), isNull(personRoles.until)),
      ),
  ]);
  return rows.map((p) => ({ ...p, organizationIds: roles.filter((r) => r.personId === p.id).map((r) => r.organizationId) }));
}
export type ReferentRow = Awaited<ReturnType<typeof referentsOf>>[number];

export async function findPlace(db: Db, consortiumId: string, placeId: string) {
  const [row] = await db
    .select({ id: places.id, name: places.name, organizationId: places.organizationId, hostName: organizations.name })
    .from(places)
    .innerJoin(organizations, eq(organizations.id, places.organizationId))
    .where(and(eq(places.consortiumId, consortiumId), eq(places.id, placeId)));
  return row ?? null;
}

export async function findPerson(db: Db, consortiumId: string, personId: string) {
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.consortiumId, consortiumId), eq(people.id, personId)));
  return row ?? null;
}

/** Another stay of the residency sharing at least one day with [from, to], both included. */
export async function overlappingStay(db: Db, residencyId: string, from: string, to: string, exceptStayId?: string) {
  const [row] = await db
    .select({ id: residencyStays.id, from: residencyStays.fromDate, to: residencyStays.toDate, placeName: places.name })
    .from(residencyStays)
    .innerJoin(places, eq(places.id, residencyStays.placeId))
    .where(
      and(
        eq(residencyStays.residencyId, residencyId),
        lte(residencyStays.fromDate, to),
        gte(residencyStays.toDate, from),
        exceptStayId ? ne(residencyStays.id, exceptStayId) : undefined,
      ),
    )
    .orderBy(asc(residencyStays.fromDate))
    .limit(1);
  return row ?? null;
}

export async function nextChecklistPosition(db: Db, stayId: string) {
  const rows = await db
    .select({ position: stayChecklistItems.position })
    .from(stayChecklistItems)
    .where(eq(stayChecklistItems.stayId, stayId));
  return rows.reduce((max, r) => Math.max(max, r.position + 1), 0);
}

export async function findConsortiumBySlug(db: Db, slug: string) {
  const [row] = await db
    .select({ id: consortia.id, slug: consortia.slug, name: consortia.name })
    .from(consortia)
    .where(eq(consortia.slug, slug));
  return row ?? null;
}

/** A residency the public may see: of that consortium and public, or nothing. */
export async function findPublicResidency(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select()
    .from(residencies)
    .where(and(eq(residencies.consortiumId, consortiumId), eq(residencies.id, id), eq(residencies.visibility, "public")));
  return row ?? null;
}
