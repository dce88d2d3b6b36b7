import type { z } from "zod";
import { expandSeries, fromRRule, toRRule } from "../../../shared/agenda/recurrence.ts";
import { allDayRange, parisWallToInstant } from "../../../shared/agenda/time.ts";
import type { AgendaWarnings, CheckEventInput, CreateEventInput, Recurrence } from "../../../shared/contracts/agenda.ts";
import type { Db } from "../../db/client.ts";
import { eventReviews } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { conflict, invalid } from "../../http/errors.ts";
import { recordActivity } from "../activity.ts";
import { wallTimes } from "./agenda.presenter.ts";
import * as q from "./agenda.queries.ts";
import type { Candidate } from "./checks.service.ts";
import type { EventValues } from "./events.store.ts";

// From the form's input to rows: references checked against the consortium, wall-clock times turned into
// instants, the recurrence into a rule; and what a save does with the warnings it raised.

export type Fields = z.output<typeof CreateEventInput>;
export type Check = z.output<typeof CheckEventInput>;
export type Ack = NonNullable<Fields["acknowledge"]>;

export interface Resolved {
  values: EventValues;
  organizerIds: string[];
  /** What the answer shows of the references, read while checking them. */
  organizers: Array<{ id: string; name: string }>;
  placeName: string | null;
  partnerName: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** Instants from the wall-clock times of the form, refusing an end before the start or a time that does not exist. */
export function resolveTimes(allDay: boolean, start: string, end: string) {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
  if (allDay) {
    const fields: Record<string, string> = {};
    if (!dateOnly.test(start)) fields.start = "Une date sans heure pour un événement sur la journée";
    if (!dateOnly.test(end)) fields.end = "Une date sans heure pour un événement sur la journée";
    if (Object.keys(fields).length) throw invalid(fields);
    if (end < start) throw invalid({ end: "Le dernier jour ne peut pas précéder le premier" });
    return allDayRange(start, end);
  }
  const fields: Record<string, string> = {};
  if (dateOnly.test(start)) fields.start = "Indiquez l'heure de début";
  if (dateOnly.test(end)) fields.end = "Indiquez l'heure de fin";
  if (Object.keys(fields).length) throw invalid(fields);
  const startsAt = parisWallToInstant(start);
  const endsAt = parisWallToInstant(end);
  const gap = "Cette heure n'existe pas ce jour-là (passage à l'heure d'été)";
  if (!startsAt) throw invalid({ start: gap });
  if (!endsAt) throw invalid({ end: gap });
  if (endsAt <= startsAt) throw invalid({ end: "La fin doit être après le début" });
  return { startsAt, endsAt };
}

export function recurrenceRule(recurrence: Recurrence | null | undefined, start: string, allDay: boolean): string | null {
  if (!recurrence) return null;
  if (recurrence.until && recurrence.until < start.slice(0, 10))
    throw invalid({ "recurrence.until": "La fin de la répétition précède le premier événement" });
  if (recurrence.frequency !== "weekly" && recurrence.weekdays?.length)
    throw invalid({ "recurrence.weekdays": "Les jours ne se choisissent que pour une répétition hebdomadaire" });
  return toRRule(recurrence, start, allDay);
}

/** Checks every reference of the input against the consortium: organisers, place, space, partner. */
export async function resolve(ctx: Ctx, f: Fields | Check, rrule: string | null): Promise<Resolved> {
  if (f.venue === "place" && !f.placeId) throw invalid({ placeId: "Choisissez le lieu" });
  if (f.venue === "partner" && !f.partnerId && !f.venueName)
    // A partner's venue is a partner of the directory, or only an address (imported events often are).
    throw invalid({ partnerId: "Choisissez le partenaire qui accueille, ou indiquez l'adresse du lieu" });
  if (f.venue === "online" && !f.onlineUrl) throw invalid({ onlineUrl: "Indiquez le lien de l'événement en ligne" });
  const id = ctx.consortium.id;
  // Independent lookups: a PostgreSQL server answers them side by side.
  const [organizers, place, space, partners] = await Promise.all([
    q.organizationsById(ctx.db, id, f.organizerIds),
    f.venue === "place" && f.placeId ? q.findPlaceWithOrg(ctx.db, id, f.placeId) : null,
    f.venue === "place" && f.spaceId ? q.findSpace(ctx.db, id, f.spaceId) : null,
    f.venue === "partner" && f.partnerId ? q.organizationsById(ctx.db, id, [f.partnerId]) : [],
  ]);
  if (organizers.length !== f.organizerIds.length)
    throw invalid({ organizerIds: "Une structure organisatrice est introuvable dans ce consortium" });
  if (f.venue === "place" && !place) throw invalid({ placeId: "Lieu introuvable dans ce consortium" });
  if (f.venue === "place" && f.spaceId && (!space || space.placeId !== place?.id))
    throw invalid({ spaceId: "Cet espace n'appartient pas au lieu choisi" });
  const partner = partners[0];
  if (f.venue === "partner" && f.partnerId && partner?.kind !== "partner")
    throw invalid({ partnerId: "Partenaire introuvable dans ce consortium" });
  const placeId = place?.id ?? null;
  const spaceId = space?.id ?? null;
  const partnerId = f.venue === "partner" ? (partner?.id ?? null) : null;
  const latitude = place?.latitude ?? null;
  const longitude = place?.longitude ?? null;
  const { startsAt, endsAt } = resolveTimes(f.allDay, f.start, f.end);
  return {
    organizerIds: f.organizerIds,
    organizers: organizers
      .map((o) => ({ id: o.id, name: o.name }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    placeName: place?.name ?? null,
    partnerName: partner?.name ?? null,
    latitude,
    longitude,
    values: {
      title: f.title,
      description: f.description ?? null,
      venue: f.venue,
      placeId,
      spaceId,
      partnerId,
      venueName: f.venue === "online" ? null : (f.venueName ?? null),
      onlineUrl: f.venue === "online" ? (f.onlineUrl ?? null) : null,
      allDay: f.allDay,
      startsAt,
      endsAt,
      rrule,
      audiences: f.audiences,
      themes: f.themes,
      price: f.price ?? null,
      accessibility: f.accessibility,
      capacity: f.capacity ?? null,
      visibility: f.visibility,
      status: f.status,
    },
  };
}

export function candidateOf(r: Resolved, eventId?: string, alsoExclude?: string): Candidate {
  const v = r.values;
  return {
    eventId,
    alsoExclude,
    title: v.title,
    placeId: v.placeId ?? null,
    spaceId: v.spaceId ?? null,
    audiences: v.audiences ?? [],
    organizerIds: r.organizerIds,
    status: v.status ?? "confirmed",
    visibility: v.visibility ?? "consortium",
    allDay: v.allDay ?? false,
    latitude: r.latitude,
    longitude: r.longitude,
    occurrences: expandSeries({ startsAt: v.startsAt, endsAt: v.endsAt, allDay: v.allDay ?? false, rrule: v.rrule ?? null }),
  };
}

export const SPACE_TAKEN = "Cet espace est déjà occupé sur ce créneau : choisissez un autre espace ou une autre heure.";

/**
 * Refuses the save when the space is taken, or when clashes or probable duplicates were not acknowledged;
 * the 409 carries every warning so the form can show them and offer the choices.
 */
export function enforce(warnings: AgendaWarnings, ack: Ack | undefined) {
  if (warnings.space.length > 0) throw conflict(SPACE_TAKEN, { spaceId: SPACE_TAKEN }, warnings);
  const distinct = new Set(ack?.notDuplicateOf ?? []);
  const openClashes = ack?.clashReason ? [] : warnings.audience;
  const openDuplicates = warnings.duplicates.filter((w) => !distinct.has(w.other.eventId));
  if (openClashes.length > 0 || openDuplicates.length > 0)
    throw conflict(
      openDuplicates.length > 0
        ? "Cet événement ressemble à un événement déjà publié : liez-le ou confirmez qu'il est différent."
        : "Un autre événement pour le même public a lieu au même moment : indiquez pourquoi vous maintenez cette date.",
      undefined,
      { ...warnings, audience: openClashes, duplicates: openDuplicates },
    );
}

/** Keeps what the author answered to the warnings: the reason of an accepted clash, events declared different. */
export async function recordReviews(tx: Db, ctx: Ctx, eventId: string, warnings: AgendaWarnings, ack: Ack | undefined) {
  const rows: Array<typeof eventReviews.$inferInsert> = [];
  const pair = (other: string) => (eventId < other ? { eventA: eventId, eventB: other } : { eventA: other, eventB: eventId });
  if (ack?.clashReason)
    for (const w of warnings.audience)
      rows.push({
        consortiumId: ctx.consortium.id,
        kind: "audience",
        verdict: "accepted",
        reason: ack.clashReason,
        reviewedBy: ctx.user.id,
        ...pair(w.other.eventId),
      });
  for (const w of warnings.duplicates)
    if (ack?.notDuplicateOf.includes(w.other.eventId))
      rows.push({
        consortiumId: ctx.consortium.id,
        kind: "duplicate",
        verdict: "distinct",
        reviewedBy: ctx.user.id,
        ...pair(w.other.eventId),
      });
  if (rows.length > 0) await tx.insert(eventReviews).values(rows).onConflictDoNothing();
}

/** The database has the last word on a space taken at the same moment by a concurrent save. */
export async function guardSpace<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause ?? error;
    if ((cause as { code?: string }).code === "23P01") throw conflict(SPACE_TAKEN, { spaceId: SPACE_TAKEN });
    throw error;
  }
}

/** The event as the form would send it, so that a partial update can be merged into it. */
export function currentFields(event: q.EventRow, organizerIds: string[]): Fields {
  const { start, end } = wallTimes(event);
  return {
    title: event.title,
    description: event.description,
    venue: event.venue,
    placeId: event.placeId,
    spaceId: event.spaceId,
    partnerId: event.partnerId,
    venueName: event.venueName,
    onlineUrl: event.onlineUrl,
    organizerIds,
    allDay: event.allDay,
    start,
    end,
    audiences: event.audiences as Fields["audiences"],
    themes: event.themes,
    price: event.price,
    accessibility: event.accessibility as Fields["accessibility"],
    capacity: event.capacity,
    visibility: event.visibility,
    status: event.status,
    recurrence: event.rrule ? fromRRule(event.rrule, start, event.allDay) : null,
  };
}

export function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function activity(tx: Db, ctx: Ctx, eventId: string, action: string, summary: string, data: Record<string, unknown>) {
  return recordActivity(tx, {
    consortiumId: ctx.consortium.id,
    actorUserId: ctx.user.id,
    action,
    subjectType: "event",
    subjectId: eventId,
    summary,
    data,
  });
}
