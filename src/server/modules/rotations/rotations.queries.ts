import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  consortiumAccounts,
  organizations,
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

/** Hosts with what the solver and the pages need: names, and the room's capacity and access. */
export async function hostsOf(db: Db, rotationId: string) {
  return db
    .select({
      id: rotationHosts.id,
      organizationId: rotationHosts.organizationId,
      placeId: rotationHosts.placeId,
      spaceId: rotationHosts.spaceId,
      weight: rotationHosts.weight,
      pastTurns: rotationHosts.pastTurns,
      hostName: organizations.name,
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
    .where(eq(rotationHosts.rotationId, rotationId))
    .orderBy(asc(organizations.name));
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
