import { eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { parisDate } from "../../../shared/agenda/time.ts";
import {
  type CreateTourInput,
  clockToMinutes,
  type TourDayInput,
  type TourDto,
  type TravelInput,
  type UpdateTourInput,
} from "../../../shared/contracts/tours.ts";
import { LIMITS } from "../../../shared/limits.ts";
import { formatDateFr } from "../../../shared/rotations/labels.ts";
import { events, tourDays, tourStops, tours } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { conflict, invalid, notFound } from "../../http/errors.ts";
import type { Mailer } from "../../lib/mailer.ts";
import { consortiumPolicy } from "../../policies/directory.ts";
import { authorize } from "../../policies/index.ts";
import { tourPolicy } from "../../policies/tours.ts";
import { recordActivity } from "../activity.ts";
import { refreshDays, writeDayEvent } from "./tours.days-write.ts";
import { promoteWaiting, tellPromoted } from "./tours.guests.ts";
import { dayPoints, type PlanStop, planDay, windowsToMinutes } from "./tours.plan.ts";
import * as q from "./tours.queries.ts";
import { getTour, loadTour } from "./tours.read.ts";

// Writing tours: the coordination creates and calls them off, the organiser composes the days and travel times.

type CreateFields = z.output<typeof CreateTourInput>;
type UpdateFields = z.output<typeof UpdateTourInput>;
type DayFields = z.output<typeof TourDayInput>;
type TravelFields = z.output<typeof TravelInput>;

const DEFAULT_START = 9 * 60;
const DEFAULT_END_BY = 17 * 60 + 30;

// ---------------------------------------------------------------- the tour

export async function createTour(ctx: Ctx, mailer: Mailer, f: CreateFields): Promise<TourDto> {
  authorize(consortiumPolicy.createTour(ctx.actor));
  let organizerId = f.organizerId ?? null;
  let date = f.date ?? null;
  let rotationName: string | null = null;
  if (f.rotationTurnId) {
    const found = await q.turnWithRotation(ctx.db, ctx.consortium.id, f.rotationTurnId);
    if (!found) throw invalid({ rotationTurnId: "Ce tour de rotation n'existe pas dans ce consortium." });
    if (found.turn.status !== "planned") throw invalid({ rotationTurnId: "Ce tour de rotation est annulé." });
    organizerId = found.turn.organizationId;
    date ??= parisDate(found.turn.startsAt);
    rotationName = found.rotationName;
  }
  const organizer = organizerId ? await q.organizationName(ctx.db, ctx.consortium.id, organizerId) : null;
  if (!organizerId || !organizer) throw invalid({ organizerId: "Cette structure n'existe pas dans ce consortium." });
  if (organizer.kind !== "member") throw invalid({ organizerId: "L'organisateur est une structure adhérente." });
  const home = await q.homePlace(ctx.db, ctx.consortium.id, organizerId);
  const id = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    try {
      await tx.insert(tours).values({
        id,
        consortiumId: ctx.consortium.id,
        name: f.name,
        description: f.description ?? null,
        rotationTurnId: f.rotationTurnId ?? null,
        organizerId,
        capacity: f.capacity,
        signupOpen: f.signupOpen,
        visibility: f.visibility,
        createdBy: ctx.user.id,
      });
    } catch (error) {
      if ((error as { code?: string }).code === "23505" || (error as { cause?: { code?: string } }).cause?.code === "23505")
        throw conflict("Une tournée existe déjà pour ce tour de rotation.", {
          rotationTurnId: "Déjà pris par une autre tournée",
        });
      throw error;
    }
    // The first day starts at the organiser's place when it is on the map; otherwise the organiser sets it.
    if (date && home?.latitude != null && home.longitude != null) {
      const dayId = crypto.randomUUID();
      await tx.insert(tourDays).values({
        id: dayId,
        tourId: id,
        consortiumId: ctx.consortium.id,
        date,
        startMinutes: DEFAULT_START,
        endBy: DEFAULT_END_BY,
        startPlaceId: home.id,
        startLabel: home.name,
        startLat: home.latitude,
        startLon: home.longitude,
      });
      const [tour] = await tx.select().from(tours).where(eq(tours.id, id));
      const [day] = await tx.select().from(tourDays).where(eq(tourDays.id, dayId));
      await writeDayEvent(tx, ctx, tour, day, organizer.name, [], null);
    }
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "tour.create",
      subjectType: "tour",
      subjectId: id,
      summary: rotationName
        ? `${ctx.user.name} crée la tournée « ${f.name} », organisée par ${organizer.name} (désigné par la rotation « ${rotationName} »)`
        : `${ctx.user.name} crée la tournée « ${f.name} », organisée par ${organizer.name}`,
    });
  });
  const emails = await q.referentEmails(ctx.db, ctx.consortium.id, organizerId);
  for (const to of emails)
    await mailer.send({
      to,
      subject: `Vous organisez « ${f.name} »`,
      text: [
        `Bonjour,`,
        ``,
        rotationName
          ? `À tour de rôle (« ${rotationName} »), ${organizer.name} organise cette année la tournée « ${f.name} »${date ? `, le ${formatDateFr(date)}` : ""}.`
          : `${organizer.name} organise la tournée « ${f.name} »${date ? `, le ${formatDateFr(date)}` : ""}.`,
        `Composez les visites et ouvrez les inscriptions dans Maillage, rubrique Tournées.`,
      ].join("\n"),
    });
  return getTour(ctx, id);
}

export async function updateTour(ctx: Ctx, mailer: Mailer, id: string, f: UpdateFields): Promise<TourDto> {
  const tour = await loadTour(ctx, id);
  authorize(tourPolicy.update(ctx.actor, tour));
  const promoted = await ctx.db.transaction(async (tx) => {
    await tx
      .update(tours)
      .set({
        name: f.name,
        description: f.description ?? null,
        capacity: f.capacity,
        signupOpen: f.signupOpen,
        visibility: f.visibility,
        updatedAt: ctx.now,
      })
      .where(eq(tours.id, id));
    const [fresh] = await tx.select().from(tours).where(eq(tours.id, id));
    await refreshDays(tx, ctx, fresh);
    // More seats: the first guests waiting get them, in the order they signed up.
    const moved = await promoteWaiting(tx, fresh, ctx.now);
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "tour.update",
      subjectType: "tour",
      subjectId: id,
      summary: `${ctx.user.name} modifie la tournée « ${f.name} »${moved.length ? ` (${moved.length} invité(s) passent de la liste d'attente aux inscrits)` : ""}`,
    });
    return moved;
  });
  await tellPromoted(mailer, f.name, promoted);
  return getTour(ctx, id);
}

export async function deleteTour(ctx: Ctx, mailer: Mailer, id: string): Promise<void> {
  const tour = await loadTour(ctx, id);
  authorize(tourPolicy.delete(ctx.actor, tour));
  const days = await q.daysOf(ctx.db, id);
  const guests = (await q.registrationsOf(ctx.db, id)).filter((r) => r.status !== "cancelled");
  await ctx.db.transaction(async (tx) => {
    const eventIds = days.flatMap((d) => (d.eventId ? [d.eventId] : []));
    if (eventIds.length) await tx.delete(events).where(inArray(events.id, eventIds));
    await tx.delete(tours).where(eq(tours.id, id));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "tour.delete",
      subjectType: "tour",
      subjectId: id,
      summary: `${ctx.user.name} annule la tournée « ${tour.name} » (${guests.length} invité(s) prévenus)`,
    });
  });
  for (const g of guests)
    await mailer.send({
      to: g.email,
      subject: `Annulation : ${tour.name}`,
      text: `Bonjour ${g.name},\n\nLa tournée « ${tour.name} » à laquelle vous étiez inscrit(e) est annulée. Toutes nos excuses.\n\n${ctx.consortium.name}`,
    });
}

// ---------------------------------------------------------------- days and stops

async function resolvePoint(ctx: Ctx, point: DayFields["start"], field: string) {
  if ("placeId" in point) {
    const [place] = await q.placesAmong(ctx.db, ctx.consortium.id, [point.placeId]);
    if (!place) throw invalid({ [`${field}.placeId`]: "Ce lieu n'existe pas dans ce consortium." });
    if (place.latitude === null || place.longitude === null)
      throw invalid({ [`${field}.placeId`]: `${place.name} n'est pas placé sur la carte : placez-le dans l'annuaire.` });
    return { placeId: place.id, label: place.name, lat: place.latitude, lon: place.longitude };
  }
  return { placeId: null, label: point.label, lat: point.latitude, lon: point.longitude };
}

/** Checks a day's input against the consortium, then returns the row values and the stops to write. */
async function resolveDay(ctx: Ctx, f: DayFields) {
  const start = await resolvePoint(ctx, f.start, "start");
  const end = f.end ? await resolvePoint(ctx, f.end, "end") : null;
  const found = await q.placesAmong(
    ctx.db,
    ctx.consortium.id,
    f.stops.map((s) => s.placeId),
  );
  const byId = new Map(found.map((p) => [p.id, p]));
  const fields: Record<string, string> = {};
  f.stops.forEach((s, i) => {
    if (!byId.has(s.placeId)) fields[`stops.${i}.placeId`] = "Ce lieu n'existe pas dans ce consortium.";
  });
  if (Object.keys(fields).length) throw invalid(fields);
  const stops: PlanStop[] = f.stops.map((s) => {
    const p = byId.get(s.placeId)!;
    return {
      placeId: p.id,
      placeName: p.name,
      latitude: p.latitude,
      longitude: p.longitude,
      visitMinutes: s.visitMinutes,
      windows: windowsToMinutes(s.windows),
    };
  });
  const values = {
    date: f.date,
    startMinutes: clockToMinutes(f.startTime),
    endBy: f.endBy ? clockToMinutes(f.endBy) : null,
    startPlaceId: start.placeId,
    startLabel: start.label,
    startLat: start.lat,
    startLon: start.lon,
    endPlaceId: end?.placeId ?? null,
    endLabel: end?.label ?? null,
    endLat: end?.lat ?? null,
    endLon: end?.lon ?? null,
  };
  return { values, stops, notes: f.stops.map((s) => s.note ?? null) };
}

async function checkDate(ctx: Ctx, tourId: string, date: string, dayId: string | null) {
  const days = await q.daysOf(ctx.db, tourId);
  if (days.some((d) => d.date === date && d.id !== dayId)) throw invalid({ date: "La tournée a déjà une journée à cette date." });
  if (!dayId && days.length >= LIMITS.tourDays)
    throw invalid({ date: `Une tournée compte ${LIMITS.tourDays} journées au plus.` });
}

export async function addDay(ctx: Ctx, tourId: string, f: DayFields): Promise<TourDto> {
  const tour = await loadTour(ctx, tourId);
  authorize(tourPolicy.compose(ctx.actor, tour));
  await checkDate(ctx, tourId, f.date, null);
  const resolved = await resolveDay(ctx, f);
  const dayId = crypto.randomUUID();
  await saveDay(ctx, tour, dayId, resolved, "add");
  return getTour(ctx, tourId);
}

export async function updateDay(ctx: Ctx, tourId: string, dayId: string, f: DayFields): Promise<TourDto> {
  const tour = await loadTour(ctx, tourId);
  authorize(tourPolicy.compose(ctx.actor, tour));
  const days = await q.daysOf(ctx.db, tourId);
  if (!days.some((d) => d.id === dayId)) throw notFound("Journée");
  await checkDate(ctx, tourId, f.date, dayId);
  const resolved = await resolveDay(ctx, f);
  await saveDay(ctx, tour, dayId, resolved, "update");
  return getTour(ctx, tourId);
}

/** Writes the day and its stops, plans the order and puts the day in the agenda: all or nothing. */
async function saveDay(
  ctx: Ctx,
  tour: q.TourRow,
  dayId: string,
  resolved: Awaited<ReturnType<typeof resolveDay>>,
  mode: "add" | "update",
) {
  const { values, stops, notes } = resolved;
  const organizer = await q.organizationName(ctx.db, ctx.consortium.id, tour.organizerId);
  await ctx.db.transaction(async (tx) => {
    if (mode === "add")
      await tx.insert(tourDays).values({ id: dayId, tourId: tour.id, consortiumId: ctx.consortium.id, ...values });
    else
      await tx
        .update(tourDays)
        .set({ ...values, updatedAt: ctx.now })
        .where(eq(tourDays.id, dayId));
    await tx.delete(tourStops).where(eq(tourStops.dayId, dayId));
    const base = Date.now();
    if (stops.length)
      await tx.insert(tourStops).values(
        stops.map((s, i) => ({
          tourId: tour.id,
          dayId,
          consortiumId: ctx.consortium.id,
          placeId: s.placeId,
          visitMinutes: s.visitMinutes,
          windows: s.windows,
          note: notes[i],
          // The organiser's order is kept for display before the plan, and as the heuristic's first guess.
          createdAt: new Date(base + i),
        })),
      );
    const [day] = await tx.select().from(tourDays).where(eq(tourDays.id, dayId));
    const plan = planDay(tour, day, dayPoints(day), stops);
    await tx.update(tourDays).set({ plan }).where(eq(tourDays.id, dayId));
    await writeDayEvent(tx, ctx, tour, day, organizer?.name ?? "", stops, plan);
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: mode === "add" ? "tour.day.add" : "tour.day.update",
      subjectType: "tour",
      subjectId: tour.id,
      summary: `${ctx.user.name} ${mode === "add" ? "ajoute" : "modifie"} la journée du ${formatDateFr(values.date)} de « ${tour.name} » (${stops.length} visite(s)${plan && !plan.ok ? ", horaires intenables" : ""})`,
    });
  });
}

export async function deleteDay(ctx: Ctx, tourId: string, dayId: string): Promise<TourDto> {
  const tour = await loadTour(ctx, tourId);
  authorize(tourPolicy.compose(ctx.actor, tour));
  const day = (await q.daysOf(ctx.db, tourId)).find((d) => d.id === dayId);
  if (!day) throw notFound("Journée");
  await ctx.db.transaction(async (tx) => {
    if (day.eventId) await tx.delete(events).where(eq(events.id, day.eventId));
    await tx.delete(tourDays).where(eq(tourDays.id, dayId));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "tour.day.delete",
      subjectType: "tour",
      subjectId: tour.id,
      summary: `${ctx.user.name} retire la journée du ${formatDateFr(day.date)} de « ${tour.name} »`,
    });
  });
  return getTour(ctx, tourId);
}

export async function updateTravel(ctx: Ctx, tourId: string, f: TravelFields): Promise<TourDto> {
  const tour = await loadTour(ctx, tourId);
  authorize(tourPolicy.compose(ctx.actor, tour));
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(tours)
      .set({ roadFactor: f.roadFactor, speedKmh: f.speedKmh, travelMatrix: dropEmpty(f.matrix), updatedAt: ctx.now })
      .where(eq(tours.id, tourId));
    const [fresh] = await tx.select().from(tours).where(eq(tours.id, tourId));
    await refreshDays(tx, ctx, fresh);
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "tour.travel",
      subjectType: "tour",
      subjectId: tour.id,
      summary: `${ctx.user.name} corrige les temps de trajet de « ${tour.name} »`,
    });
  });
  return getTour(ctx, tourId);
}

function dropEmpty(matrix: Record<string, Record<string, number>>) {
  const out: Record<string, Record<string, number>> = {};
  for (const [from, row] of Object.entries(matrix)) if (Object.keys(row).length) out[from] = row;
  return out;
}
