import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  consortiumAccounts,
  organizations,
  places,
  rotations,
  rotationTurns,
  tourDays,
  tourRegistrations,
  tourStops,
  tours,
  users,
} from "../../db/schema/index.ts";

export type TourRow = typeof tours.$inferSelect;
export type DayRow = typeof tourDays.$inferSelect;
export type StopRow = typeof tourStops.$inferSelect;
export type RegistrationRow = typeof tourRegistrations.$inferSelect;

export async function findTour(db: Db, consortiumId: string, id: string): Promise<TourRow | null> {
  const [row] = await db
    .select()
    .from(tours)
    .where(and(eq(tours.consortiumId, consortiumId), eq(tours.id, id)));
  return row ?? null;
}

export function daysOf(db: Db, tourId: string) {
  return db.select().from(tourDays).where(eq(tourDays.tourId, tourId)).orderBy(asc(tourDays.date));
}

/** Stops with what the plan and the page need of their place. */
export function stopsOf(db: Db, tourId: string) {
  return db
    .select({
      stop: tourStops,
      placeName: places.name,
      latitude: places.latitude,
      longitude: places.longitude,
      organizationName: organizations.name,
    })
    .from(tourStops)
    .innerJoin(places, eq(places.id, tourStops.placeId))
    .innerJoin(organizations, eq(organizations.id, places.organizationId))
    .where(eq(tourStops.tourId, tourId))
    .orderBy(asc(tourStops.createdAt), asc(tourStops.id));
}
export type StopWithPlace = Awaited<ReturnType<typeof stopsOf>>[number];

/** The consortium's places among `ids`, with coordinates and organisation. */
export function placesAmong(db: Db, consortiumId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: places.id,
      name: places.name,
      latitude: places.latitude,
      longitude: places.longitude,
      organizationId: places.organizationId,
      organizationName: organizations.name,
      organizationKind: organizations.kind,
    })
    .from(places)
    .innerJoin(organizations, eq(organizations.id, places.organizationId))
    .where(and(eq(places.consortiumId, consortiumId), inArray(places.id, ids)));
}

/** The first place of an organisation (by name): where its tour starts by default and where its events sit. */
export async function homePlace(db: Db, consortiumId: string, organizationId: string) {
  const [row] = await db
    .select({ id: places.id, name: places.name, latitude: places.latitude, longitude: places.longitude })
    .from(places)
    .where(and(eq(places.consortiumId, consortiumId), eq(places.organizationId, organizationId)))
    .orderBy(asc(places.name))
    .limit(1);
  return row ?? null;
}

export async function organizationName(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select({ name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(and(eq(organizations.consortiumId, consortiumId), eq(organizations.id, id)));
  return row ?? null;
}

export async function turnWithRotation(db: Db, consortiumId: string, turnId: string) {
  const [row] = await db
    .select({ turn: rotationTurns, rotationName: rotations.name, rotationId: rotations.id })
    .from(rotationTurns)
    .innerJoin(rotations, eq(rotations.id, rotationTurns.rotationId))
    .where(and(eq(rotationTurns.consortiumId, consortiumId), eq(rotationTurns.id, turnId)));
  return row ?? null;
}

export async function seatCounts(db: Db, tourIds: string[]) {
  const out = new Map<string, { confirmed: number; waitlisted: number }>();
  if (tourIds.length === 0) return out;
  const rows = await db
    .select({ tourId: tourRegistrations.tourId, status: tourRegistrations.status, n: sql<number>`count(*)::int` })
    .from(tourRegistrations)
    .where(and(inArray(tourRegistrations.tourId, tourIds), ne(tourRegistrations.status, "cancelled")))
    .groupBy(tourRegistrations.tourId, tourRegistrations.status);
  for (const r of rows) {
    const seats = out.get(r.tourId) ?? { confirmed: 0, waitlisted: 0 };
    if (r.status === "confirmed") seats.confirmed = r.n;
    else if (r.status === "waitlisted") seats.waitlisted = r.n;
    out.set(r.tourId, seats);
  }
  return out;
}

export function registrationsOf(db: Db, tourId: string) {
  return db
    .select()
    .from(tourRegistrations)
    .where(eq(tourRegistrations.tourId, tourId))
    .orderBy(asc(tourRegistrations.createdAt), asc(tourRegistrations.id));
}

/** E-mail addresses of the accounts that manage an organisation (its referents), to tell them about the tour. */
export async function referentEmails(db: Db, consortiumId: string, organizationId: string): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(consortiumAccounts)
    .innerJoin(users, eq(users.id, consortiumAccounts.userId))
    .where(
      and(
        eq(consortiumAccounts.consortiumId, consortiumId),
        eq(consortiumAccounts.organizationId, organizationId),
        eq(consortiumAccounts.role, "referent"),
      ),
    );
  return rows.map((r) => r.email);
}
