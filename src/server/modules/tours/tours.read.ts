import { asc, eq, inArray } from "drizzle-orm";
import { parisDate } from "../../../shared/agenda/time.ts";
import type { TourDto, TourListDto } from "../../../shared/contracts/tours.ts";
import type { Db } from "../../db/client.ts";
import { rotations, rotationTurns, tourDays, tours } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { notFound } from "../../http/errors.ts";
import { consortiumPolicy } from "../../policies/directory.ts";
import { presentSummary, presentTour } from "./tours.presenter.ts";
import * as q from "./tours.queries.ts";

// Reading tours: the list with the coming yearly turns a new tour can take, and one tour as its page shows it.

export async function listTours(ctx: Ctx): Promise<TourListDto> {
  const rows = await ctx.db.select().from(tours).where(eq(tours.consortiumId, ctx.consortium.id)).orderBy(asc(tours.createdAt));
  const ids = rows.map((r) => r.id);
  const [days, seats, names, candidates] = await Promise.all([
    ids.length
      ? ctx.db.select({ tourId: tourDays.tourId, date: tourDays.date }).from(tourDays).where(inArray(tourDays.tourId, ids))
      : [],
    q.seatCounts(ctx.db, ids),
    organizationNames(ctx, [...new Set(rows.map((r) => r.organizerId))]),
    candidateTurns(ctx, rows),
  ]);
  const turnNames = await rotationOfTurns(
    ctx.db,
    rows.flatMap((r) => (r.rotationTurnId ? [r.rotationTurnId] : [])),
  );
  const items = rows
    .map((r) =>
      presentSummary(r, {
        organizerName: names.get(r.organizerId) ?? "",
        dates: days
          .filter((d) => d.tourId === r.id)
          .map((d) => d.date)
          .sort(),
        rotationName: r.rotationTurnId ? (turnNames.get(r.rotationTurnId)?.name ?? null) : null,
        seats: seats.get(r.id) ?? { confirmed: 0, waitlisted: 0 },
      }),
    )
    .sort((a, b) => (a.dates[0] ?? "9999").localeCompare(b.dates[0] ?? "9999"));
  return { items, candidates, abilities: { create: consortiumPolicy.createTour(ctx.actor) } };
}

/**
 * Coming turns of the yearly rotations that no tour took yet: each names a year's organiser. Monthly meetings
 * hosted in turn are not candidates; their dozens of dates would bury the one that matters.
 */
async function candidateTurns(ctx: Ctx, existing: Array<{ rotationTurnId: string | null }>) {
  if (!consortiumPolicy.createTour(ctx.actor)) return [];
  const taken = new Set(existing.flatMap((t) => (t.rotationTurnId ? [t.rotationTurnId] : [])));
  const rows = await ctx.db
    .select({
      turnId: rotationTurns.id,
      startsAt: rotationTurns.startsAt,
      organizerId: rotationTurns.organizationId,
      status: rotationTurns.status,
      rotationName: rotations.name,
      rrule: rotations.rrule,
    })
    .from(rotationTurns)
    .innerJoin(rotations, eq(rotations.id, rotationTurns.rotationId))
    .where(eq(rotationTurns.consortiumId, ctx.consortium.id))
    .orderBy(asc(rotationTurns.startsAt));
  const open = rows
    .filter((r) => /FREQ=YEARLY/.test(r.rrule) && r.status === "planned" && r.startsAt >= ctx.now && !taken.has(r.turnId))
    .slice(0, 50);
  const names = await organizationNames(ctx, [...new Set(open.map((r) => r.organizerId))]);
  return open.map((r) => ({
    turnId: r.turnId,
    rotationName: r.rotationName,
    date: parisDate(r.startsAt),
    organizerId: r.organizerId,
    organizerName: names.get(r.organizerId) ?? "",
  }));
}

export async function organizationNames(ctx: Ctx, ids: string[]) {
  const out = new Map<string, string>();
  for (const id of ids) {
    const row = await q.organizationName(ctx.db, ctx.consortium.id, id);
    if (row) out.set(id, row.name);
  }
  return out;
}

async function rotationOfTurns(db: Db, turnIds: string[]) {
  const out = new Map<string, { id: string; name: string; date: string }>();
  if (turnIds.length === 0) return out;
  const rows = await db
    .select({ turnId: rotationTurns.id, id: rotations.id, name: rotations.name, startsAt: rotationTurns.startsAt })
    .from(rotationTurns)
    .innerJoin(rotations, eq(rotations.id, rotationTurns.rotationId))
    .where(inArray(rotationTurns.id, turnIds));
  for (const r of rows) out.set(r.turnId, { id: r.id, name: r.name, date: parisDate(r.startsAt) });
  return out;
}

export async function loadTour(ctx: Ctx, id: string) {
  const tour = await q.findTour(ctx.db, ctx.consortium.id, id);
  if (!tour) throw notFound("Tournée");
  return tour;
}

export async function getTour(ctx: Ctx, id: string): Promise<TourDto> {
  const tour = await loadTour(ctx, id);
  return present(ctx, tour);
}

export async function present(ctx: Ctx, tour: q.TourRow): Promise<TourDto> {
  const [days, stops, seats, organizer, rotation] = await Promise.all([
    q.daysOf(ctx.db, tour.id),
    q.stopsOf(ctx.db, tour.id),
    q.seatCounts(ctx.db, [tour.id]),
    q.organizationName(ctx.db, ctx.consortium.id, tour.organizerId),
    tour.rotationTurnId ? rotationOfTurns(ctx.db, [tour.rotationTurnId]) : Promise.resolve(new Map()),
  ]);
  return presentTour(ctx, {
    tour,
    days,
    stops,
    seats: seats.get(tour.id) ?? { confirmed: 0, waitlisted: 0 },
    organizerName: organizer?.name ?? "",
    rotation: tour.rotationTurnId ? (rotation.get(tour.rotationTurnId) ?? null) : null,
  });
}
