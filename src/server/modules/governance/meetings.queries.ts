import { and, asc, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  associates,
  attendance,
  bodies,
  colleges,
  events,
  mandates,
  meetingItems,
  meetings,
  organizations,
  people,
  places,
  proposals,
  rotations,
  rotationTurns,
} from "../../db/schema/index.ts";

export type MeetingRow = typeof meetings.$inferSelect;

export async function findMeeting(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.consortiumId, consortiumId), eq(meetings.id, id)));
  return row ?? null;
}

export async function findBody(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select()
    .from(bodies)
    .where(and(eq(bodies.consortiumId, consortiumId), eq(bodies.id, id)));
  return row ?? null;
}

export async function findPlace(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select({ id: places.id, name: places.name, organizationId: places.organizationId })
    .from(places)
    .where(and(eq(places.consortiumId, consortiumId), eq(places.id, id)));
  return row ?? null;
}

/**
 * The members of a body on a day: mandates running then, with a name and the college their holder votes in (the
 * associate's college, for the assembly of a cooperative).
 */
export async function membersOn(db: Db, consortiumId: string, bodyId: string, day: string) {
  const rows = await db
    .select({
      mandateId: mandates.id,
      role: mandates.role,
      personId: mandates.personId,
      organizationId: mandates.organizationId,
      firstName: people.firstName,
      lastName: people.lastName,
      organizationName: organizations.name,
    })
    .from(mandates)
    .leftJoin(people, eq(people.id, mandates.personId))
    .leftJoin(organizations, eq(organizations.id, mandates.organizationId))
    .where(
      and(
        eq(mandates.consortiumId, consortiumId),
        eq(mandates.bodyId, bodyId),
        lte(mandates.startsOn, day),
        or(isNull(mandates.endsOn), gte(mandates.endsOn, day)),
      ),
    )
    .orderBy(asc(people.lastName), asc(organizations.name));
  const partners = await db
    .select({
      personId: associates.personId,
      organizationId: associates.organizationId,
      collegeId: associates.collegeId,
      collegeName: colleges.name,
    })
    .from(associates)
    .leftJoin(colleges, eq(colleges.id, associates.collegeId))
    .where(eq(associates.consortiumId, consortiumId));
  const collegeOf = (personId: string | null, organizationId: string | null) =>
    partners.find((a) => (personId ? a.personId === personId : a.organizationId === organizationId)) ?? null;
  return rows.map((r) => {
    const college = collegeOf(r.personId, r.organizationId);
    const person = r.firstName ? `${r.firstName} ${r.lastName}` : null;
    return {
      mandateId: r.mandateId,
      role: r.role,
      // A person sitting for an organisation is named with it.
      name: person && r.organizationName ? `${person} (${r.organizationName})` : (person ?? r.organizationName ?? "?"),
      collegeId: college?.collegeId ?? null,
      collegeName: college?.collegeName ?? null,
    };
  });
}

export function attendanceOf(db: Db, meetingId: string) {
  return db.select().from(attendance).where(eq(attendance.meetingId, meetingId));
}

export function itemsOf(db: Db, meetingId: string) {
  return db
    .select({ item: meetingItems, proposalTitle: proposals.title })
    .from(meetingItems)
    .leftJoin(proposals, eq(proposals.id, meetingItems.proposalId))
    .where(eq(meetingItems.meetingId, meetingId))
    .orderBy(asc(meetingItems.position));
}

export function proposalsOfBody(db: Db, consortiumId: string, bodyId: string) {
  return db
    .select({ id: proposals.id, title: proposals.title, status: proposals.status })
    .from(proposals)
    .where(and(eq(proposals.consortiumId, consortiumId), eq(proposals.bodyId, bodyId)))
    .orderBy(asc(proposals.createdAt));
}

export async function proposalsAmong(db: Db, consortiumId: string, bodyId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.consortiumId, consortiumId), eq(proposals.bodyId, bodyId), inArray(proposals.id, ids)));
}

export function collegesOf(db: Db, consortiumId: string) {
  return db.select().from(colleges).where(eq(colleges.consortiumId, consortiumId));
}

/** A rotation's date with where it is hosted and whether a meeting already took it. */
export async function findTurn(db: Db, consortiumId: string, id: string) {
  const [turn] = await db
    .select({
      id: rotationTurns.id,
      startsAt: rotationTurns.startsAt,
      endsAt: rotationTurns.endsAt,
      status: rotationTurns.status,
      eventId: rotationTurns.eventId,
      placeId: events.placeId,
      meetingId: meetings.id,
    })
    .from(rotationTurns)
    .leftJoin(events, eq(events.id, rotationTurns.eventId))
    .leftJoin(meetings, eq(meetings.rotationTurnId, rotationTurns.id))
    .where(and(eq(rotationTurns.consortiumId, consortiumId), eq(rotationTurns.id, id)));
  return turn ?? null;
}

/** Coming planned dates of the consortium's rotations that no meeting took yet, the nearest first. */
export async function freeTurns(db: Db, consortiumId: string, now: Date) {
  const rows = await db
    .select({
      id: rotationTurns.id,
      startsAt: rotationTurns.startsAt,
      rotationName: rotations.name,
      placeName: places.name,
      hostName: organizations.name,
      meetingId: meetings.id,
    })
    .from(rotationTurns)
    .innerJoin(rotations, eq(rotations.id, rotationTurns.rotationId))
    .innerJoin(organizations, eq(organizations.id, rotationTurns.organizationId))
    .leftJoin(events, eq(events.id, rotationTurns.eventId))
    .leftJoin(places, eq(places.id, events.placeId))
    .leftJoin(meetings, eq(meetings.rotationTurnId, rotationTurns.id))
    .where(
      and(eq(rotationTurns.consortiumId, consortiumId), eq(rotationTurns.status, "planned"), gte(rotationTurns.startsAt, now)),
    )
    .orderBy(asc(rotationTurns.startsAt))
    .limit(60);
  return rows.filter((r) => r.meetingId === null);
}

export async function rotationOfTurn(db: Db, turnId: string) {
  const [row] = await db
    .select({ id: rotations.id, name: rotations.name })
    .from(rotationTurns)
    .innerJoin(rotations, eq(rotations.id, rotationTurns.rotationId))
    .where(eq(rotationTurns.id, turnId));
  return row ?? null;
}
