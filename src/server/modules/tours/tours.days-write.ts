import { eq } from "drizzle-orm";
import { parisWallToInstant } from "../../../shared/agenda/time.ts";
import { minutesToClock } from "../../../shared/contracts/tours.ts";
import { formatTimeFr } from "../../../shared/rotations/labels.ts";
import type { Db } from "../../db/client.ts";
import { events, tourDays } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { insertEvent } from "../agenda/events.store.ts";
import { dayPoints, type PlanStop, planDay } from "./tours.plan.ts";
import * as q from "./tours.queries.ts";

// What follows a day's change: its plan stored, and its event in the shared agenda rewritten.

/** Plans every day again (travel settings or the tour's name changed) and rewrites their agenda events. */
export async function refreshDays(tx: Db, ctx: Ctx, tour: q.TourRow) {
  const [days, stops, organizer] = await Promise.all([
    q.daysOf(tx, tour.id),
    q.stopsOf(tx, tour.id),
    q.organizationName(tx, ctx.consortium.id, tour.organizerId),
  ]);
  for (const day of days) {
    const mine = stops.filter((s) => s.stop.dayId === day.id).map(planStop);
    const plan = planDay(tour, day, dayPoints(day), mine);
    await tx.update(tourDays).set({ plan }).where(eq(tourDays.id, day.id));
    await writeDayEvent(tx, ctx, tour, day, organizer?.name ?? "", mine, plan);
  }
}

const planStop = (s: q.StopWithPlace): PlanStop => ({
  placeId: s.stop.placeId,
  placeName: s.placeName,
  latitude: s.latitude,
  longitude: s.longitude,
  visitMinutes: s.stop.visitMinutes,
  windows: s.stop.windows,
});

/**
 * The day in the shared agenda, so that no member plans over it: at the place it starts from (or the organiser's),
 * from the start time to the planned return. Replaced whole on each change, like a rotation's turn.
 */
export async function writeDayEvent(
  tx: Db,
  ctx: Ctx,
  tour: q.TourRow,
  day: q.DayRow,
  organizerName: string,
  stops: PlanStop[],
  plan: ReturnType<typeof planDay>,
) {
  if (day.eventId) await tx.delete(events).where(eq(events.id, day.eventId));
  const placeId = day.startPlaceId ?? (await q.homePlace(tx, ctx.consortium.id, tour.organizerId))?.id ?? null;
  if (!placeId) {
    if (day.eventId) await tx.update(tourDays).set({ eventId: null }).where(eq(tourDays.id, day.id));
    return;
  }
  const endMinutes = Math.min(
    plan?.ok ? Math.max(plan.endMinutes, day.startMinutes + 30) : (day.endBy ?? day.startMinutes + 8 * 60),
    24 * 60 - 1,
  );
  const startsAt = parisWallToInstant(`${day.date}T${minutesToClock(day.startMinutes)}`)!;
  const endsAt = parisWallToInstant(`${day.date}T${minutesToClock(endMinutes)}`)!;
  const order = plan?.ok
    ? plan.legs.filter((l) => l.kind === "stop").map((l) => `${formatTimeFr(l.visitStart)} ${l.label}`)
    : stops.map((s) => s.placeName);
  const eventId = await insertEvent(
    tx,
    ctx.consortium.id,
    {
      title: tour.name,
      description: [
        tour.description,
        `Tournée organisée par ${organizerName}.`,
        order.length ? `Visites : ${order.join(", ")}.` : null,
      ]
        .filter(Boolean)
        .join("\n\n"),
      venue: "place",
      placeId,
      spaceId: null,
      partnerId: null,
      venueName: null,
      onlineUrl: null,
      allDay: false,
      startsAt,
      endsAt: endsAt > startsAt ? endsAt : new Date(startsAt.getTime() + 30 * 60_000),
      rrule: null,
      audiences: ["elected_officials", "professionals", "project_holders"],
      themes: [],
      price: null,
      accessibility: [],
      capacity: tour.capacity,
      visibility: tour.visibility,
      status: "confirmed",
      createdBy: ctx.user.id,
    },
    [tour.organizerId],
  );
  await tx.update(tourDays).set({ eventId }).where(eq(tourDays.id, day.id));
}
