import { createHash, randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { parisDate } from "../../../shared/agenda/time.ts";
import { minutesToClock, type RegistrationInput } from "../../../shared/contracts/tours.ts";
import { formatDateFr } from "../../../shared/rotations/labels.ts";
import type { Db } from "../../db/client.ts";
import { consortia, tourRegistrations, tours } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { conflict, notFound } from "../../http/errors.ts";
import type { Mailer } from "../../lib/mailer.ts";
import { authorize } from "../../policies/index.ts";
import { tourPolicy } from "../../policies/tours.ts";
import { recordActivity } from "../activity.ts";
import { dayPoints } from "./tours.plan.ts";
import { presentRegistrations } from "./tours.presenter.ts";
import * as q from "./tours.queries.ts";
import { loadTour } from "./tours.read.ts";

// Guests: the public page and sign-up (seats first, then a waiting line), cancellation by the guest's secret
// link or by the organiser, and the line moving on.

type RegistrationFields = z.output<typeof RegistrationInput>;

// ---------------------------------------------------------------- guests, for the organiser

export async function listRegistrations(ctx: Ctx, tourId: string) {
  const tour = await loadTour(ctx, tourId);
  authorize(tourPolicy.readRegistrations(ctx.actor, tour));
  return presentRegistrations(ctx, tour, await q.registrationsOf(ctx.db, tourId));
}

export async function cancelRegistrationAsOrganizer(ctx: Ctx, mailer: Mailer, tourId: string, registrationId: string) {
  const tour = await loadTour(ctx, tourId);
  authorize(tourPolicy.manageRegistrations(ctx.actor, tour));
  const { registration, promoted } = await ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(tours).where(eq(tours.id, tourId)).for("update");
    const [row] = await tx
      .select()
      .from(tourRegistrations)
      .where(and(eq(tourRegistrations.tourId, tourId), eq(tourRegistrations.id, registrationId)));
    if (!row) throw notFound("Inscription");
    if (row.status === "cancelled") throw conflict("Cette inscription est déjà annulée.");
    await tx.update(tourRegistrations).set({ status: "cancelled", cancelledAt: ctx.now }).where(eq(tourRegistrations.id, row.id));
    const moved = await promoteWaiting(tx, locked, ctx.now);
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "tour.registration.cancel",
      subjectType: "tour",
      subjectId: tourId,
      summary: `${ctx.user.name} annule l'inscription de ${row.name} à « ${tour.name} »${moved.length ? ` ; ${moved.map((m) => m.name).join(", ")} quitte la liste d'attente` : ""}`,
    });
    return { registration: row, promoted: moved };
  });
  await mailer.send({
    to: registration.email,
    subject: `Inscription annulée : ${tour.name}`,
    text: `Bonjour ${registration.name},\n\nLes organisateurs ont annulé votre inscription à « ${tour.name} ». Pour toute question, répondez à ce message.\n\n${ctx.consortium.name}`,
  });
  await tellPromoted(mailer, tour.name, promoted);
  return presentRegistrations(ctx, tour, await q.registrationsOf(ctx.db, tourId));
}

/** Gives free seats to the guests waiting longest. The caller holds the tour row locked. */
export async function promoteWaiting(tx: Db, tour: q.TourRow, now: Date) {
  const rows = await q.registrationsOf(tx, tour.id);
  const free = tour.capacity - rows.filter((r) => r.status === "confirmed").length;
  if (free <= 0) return [];
  const next = rows.filter((r) => r.status === "waitlisted").slice(0, free);
  if (next.length)
    await tx
      .update(tourRegistrations)
      .set({ status: "confirmed", promotedAt: now })
      .where(
        inArray(
          tourRegistrations.id,
          next.map((r) => r.id),
        ),
      );
  return next;
}

export async function tellPromoted(mailer: Mailer, tourName: string, promoted: q.RegistrationRow[]) {
  for (const r of promoted)
    await mailer.send({
      to: r.email,
      subject: `Une place s'est libérée : ${tourName}`,
      text: `Bonjour ${r.name},\n\nUne place s'est libérée : votre inscription à « ${tourName} » est confirmée. Si vous ne pouvez plus venir, le lien d'annulation reçu lors de votre inscription reste valable.`,
    });
}

// ---------------------------------------------------------------- the public page

async function publicTourRow(db: Db, slug: string, id: string) {
  const [row] = await db
    .select({ tour: tours, consortiumName: consortia.name, consortiumSlug: consortia.slug })
    .from(tours)
    .innerJoin(consortia, eq(consortia.id, tours.consortiumId))
    .where(and(eq(consortia.slug, slug), eq(tours.id, id), eq(tours.visibility, "public")));
  if (!row) throw notFound("Tournée");
  return row;
}

export async function publicTour(db: Db, slug: string, id: string) {
  const { tour, consortiumName } = await publicTourRow(db, slug, id);
  const [days, stops, seats, organizer] = await Promise.all([
    q.daysOf(db, tour.id),
    q.stopsOf(db, tour.id),
    q.seatCounts(db, [tour.id]),
    q.organizationName(db, tour.consortiumId, tour.organizerId),
  ]);
  const counts = seats.get(tour.id) ?? { confirmed: 0, waitlisted: 0 };
  return {
    id: tour.id,
    consortiumName,
    name: tour.name,
    description: tour.description,
    organizerName: organizer?.name ?? "",
    days: days.map((d) => {
      const { start, end } = dayPoints(d);
      return {
        date: d.date,
        startTime: minutesToClock(d.startMinutes),
        start,
        end,
        stops: stops
          .filter((s) => s.stop.dayId === d.id)
          .map((s) => ({
            id: s.stop.id,
            placeId: s.stop.placeId,
            placeName: s.placeName,
            organizationName: s.organizationName,
            latitude: s.latitude,
            longitude: s.longitude,
            visitMinutes: s.stop.visitMinutes,
            windows: s.stop.windows.map((w) => ({ from: minutesToClock(w.from), to: minutesToClock(w.to) })),
          })),
        plan: (d.plan as never) ?? null,
      };
    }),
    seatsLeft: Math.max(0, tour.capacity - counts.confirmed),
    waitlisted: counts.waitlisted,
    signupOpen: signupIsOpen(tour, days, new Date()),
  };
}

/** Sign-ups close when the organiser says so, and once the first day has begun. */
function signupIsOpen(tour: q.TourRow, days: q.DayRow[], now: Date) {
  if (!tour.signupOpen || days.length === 0) return false;
  return days[0].date > parisDate(now);
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function register(db: Db, mailer: Mailer, publicUrl: string, slug: string, id: string, f: RegistrationFields) {
  const { tour, consortiumSlug, consortiumName } = await publicTourRow(db, slug, id);
  const token = randomBytes(24).toString("base64url");
  const now = new Date();
  const outcome = await db.transaction(async (tx) => {
    // One sign-up at a time per tour: the seat count read below stays true until this one is written.
    const [locked] = await tx.select().from(tours).where(eq(tours.id, tour.id)).for("update");
    const days = await q.daysOf(tx, tour.id);
    if (!signupIsOpen(locked, days, now)) throw conflict("Les inscriptions à cette tournée sont closes.");
    const rows = await q.registrationsOf(tx, tour.id);
    const live = rows.filter((r) => r.status !== "cancelled");
    if (live.some((r) => r.email.toLowerCase() === f.email.toLowerCase()))
      throw conflict("Cette adresse est déjà inscrite à la tournée.", { email: "Déjà inscrite" });
    const confirmed = live.filter((r) => r.status === "confirmed").length;
    const status = confirmed < locked.capacity ? ("confirmed" as const) : ("waitlisted" as const);
    await tx.insert(tourRegistrations).values({
      tourId: tour.id,
      consortiumId: tour.consortiumId,
      name: f.name,
      email: f.email,
      organization: f.organization ?? null,
      category: f.category,
      status,
      cancelTokenHash: hashToken(token),
    });
    await recordActivity(tx, {
      consortiumId: tour.consortiumId,
      actorUserId: null,
      action: "tour.registration",
      subjectType: "tour",
      subjectId: tour.id,
      summary: `${f.name} s'inscrit à « ${tour.name} »${status === "waitlisted" ? " (liste d'attente)" : ""}`,
    });
    const position = status === "waitlisted" ? live.filter((r) => r.status === "waitlisted").length + 1 : null;
    return { status, position, days };
  });
  const link = `${publicUrl.replace(/\/$/, "")}/tournees/annulation/${token}`;
  const when = outcome.days.map((d) => formatDateFr(d.date)).join(" et ");
  await mailer.send({
    to: f.email,
    subject: outcome.status === "confirmed" ? `Inscription confirmée : ${tour.name}` : `Liste d'attente : ${tour.name}`,
    text: [
      `Bonjour ${f.name},`,
      ``,
      outcome.status === "confirmed"
        ? `Votre inscription à « ${tour.name} » (${when}) est confirmée.`
        : `La tournée « ${tour.name} » (${when}) est complète : vous êtes en position ${outcome.position} sur la liste d'attente. Nous vous écrirons si une place se libère.`,
      `Le programme : ${publicUrl.replace(/\/$/, "")}/tournees/${consortiumSlug}/${tour.id}`,
      ``,
      `Si vous ne pouvez pas venir, annulez ici pour laisser votre place : ${link}`,
      ``,
      consortiumName,
    ].join("\n"),
  });
  return { status: outcome.status, position: outcome.position };
}

export async function cancelByToken(db: Db, mailer: Mailer, token: string) {
  const hash = hashToken(token);
  const [found] = await db.select().from(tourRegistrations).where(eq(tourRegistrations.cancelTokenHash, hash));
  if (!found) throw notFound("Inscription");
  const now = new Date();
  const result = await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(tours).where(eq(tours.id, found.tourId)).for("update");
    const [row] = await tx.select().from(tourRegistrations).where(eq(tourRegistrations.id, found.id));
    if (row.status === "cancelled") return { tour: locked, already: true, promoted: [] as q.RegistrationRow[] };
    await tx.update(tourRegistrations).set({ status: "cancelled", cancelledAt: now }).where(eq(tourRegistrations.id, row.id));
    const promoted = await promoteWaiting(tx, locked, now);
    await recordActivity(tx, {
      consortiumId: locked.consortiumId,
      actorUserId: null,
      action: "tour.registration.cancel",
      subjectType: "tour",
      subjectId: locked.id,
      summary: `${row.name} annule son inscription à « ${locked.name} »${promoted.length ? ` ; ${promoted.map((p) => p.name).join(", ")} quitte la liste d'attente` : ""}`,
    });
    return { tour: locked, already: false, promoted };
  });
  await tellPromoted(mailer, result.tour.name, result.promoted);
  return { tourName: result.tour.name, alreadyCancelled: result.already };
}
