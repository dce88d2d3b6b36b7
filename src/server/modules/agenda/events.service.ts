import { and, eq, gte, inArray } from "drizzle-orm";
import type { z } from "zod";
import { expandSeries, fromRRule, splitSeries, toRRule } from "../../../shared/agenda/recurrence.ts";
import { allDayRange, instantToParisWall, parisWallToInstant } from "../../../shared/agenda/time.ts";
import type {
  AgendaWarnings,
  CheckEventInput,
  CreateEventInput,
  EventDto,
  Recurrence,
  ReviewInput,
  UpdateEventInput,
} from "../../../shared/contracts/agenda.ts";
import type { Db } from "../../db/client.ts";
import { calendarSubscriptions, eventExceptions, eventReviews, events } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { AppError, conflict, invalid, notFound } from "../../http/errors.ts";
import { isCoordinator, isReferentOf } from "../../policies/actor.ts";
import { agendaPolicy, eventPolicy } from "../../policies/agenda.ts";
import { authorize } from "../../policies/index.ts";
import { recordActivity } from "../activity.ts";
import { presentEvent, wallTimes } from "./agenda.presenter.ts";
import * as q from "./agenda.queries.ts";
import { type Candidate, warningsFor } from "./checks.service.ts";
import {
  type EventValues,
  insertEvent,
  materialize,
  setOrganizers,
  updateEvent as updateRow,
  upsertException,
} from "./events.store.ts";

type Fields = z.output<typeof CreateEventInput>;
type Update = z.output<typeof UpdateEventInput>;
type Check = z.output<typeof CheckEventInput>;
type Review = z.output<typeof ReviewInput>;
type Ack = NonNullable<Fields["acknowledge"]>;

// ---------------------------------------------------------------- reading

async function loadEvent(ctx: Ctx, id: string) {
  const event = await q.findEvent(ctx.db, ctx.consortium.id, id);
  if (!event) throw notFound("Événement");
  const organizers = await q.organizersOf(ctx.db, [id]);
  // A draft is invisible, not forbidden, to those who may not see it.
  if (event.visibility === "draft" && !eventPolicy.seeDraft(ctx.actor, { organizerIds: organizers.map((o) => o.id) }))
    throw notFound("Événement");
  return { event, organizers };
}

export async function getEvent(ctx: Ctx, id: string): Promise<EventDto> {
  const { event, organizers } = await loadEvent(ctx, id);
  const exceptions = await q.exceptionsOf(ctx.db, id);
  const names = await q.venueNames(ctx.db, event.placeId, event.partnerId);
  let subscriptionUrl: string | null = null;
  if (event.subscriptionId) {
    const [sub] = await ctx.db
      .select({ url: calendarSubscriptions.url })
      .from(calendarSubscriptions)
      .where(eq(calendarSubscriptions.id, event.subscriptionId));
    subscriptionUrl = sub?.url ?? null;
  }
  return presentEvent(ctx.actor, event, organizers, exceptions, { ...names, subscriptionUrl });
}

// ---------------------------------------------------------------- turning input into rows

interface Resolved {
  values: EventValues;
  organizerIds: string[];
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

function recurrenceRule(recurrence: Recurrence | null | undefined, start: string, allDay: boolean): string | null {
  if (!recurrence) return null;
  if (recurrence.until && recurrence.until < start.slice(0, 10))
    throw invalid({ "recurrence.until": "La fin de la répétition précède le premier événement" });
  if (recurrence.frequency !== "weekly" && recurrence.weekdays?.length)
    throw invalid({ "recurrence.weekdays": "Les jours ne se choisissent que pour une répétition hebdomadaire" });
  return toRRule(recurrence, start, allDay);
}

/** Checks every reference of the input against the consortium: organisers, place, space, partner. */
async function resolve(ctx: Ctx, f: Fields | Check, rrule: string | null): Promise<Resolved> {
  const organizers = await q.organizationsById(ctx.db, ctx.consortium.id, f.organizerIds);
  if (organizers.length !== f.organizerIds.length)
    throw invalid({ organizerIds: "Une structure organisatrice est introuvable dans ce consortium" });
  let placeId: string | null = null;
  let spaceId: string | null = null;
  let partnerId: string | null = null;
  let latitude: number | null = null;
  let longitude: number | null = null;
  if (f.venue === "place") {
    if (!f.placeId) throw invalid({ placeId: "Choisissez le lieu" });
    const place = await q.findPlaceWithOrg(ctx.db, ctx.consortium.id, f.placeId);
    if (!place) throw invalid({ placeId: "Lieu introuvable dans ce consortium" });
    placeId = place.id;
    latitude = place.latitude;
    longitude = place.longitude;
    if (f.spaceId) {
      const space = await q.findSpace(ctx.db, ctx.consortium.id, f.spaceId);
      if (!space || space.placeId !== place.id) throw invalid({ spaceId: "Cet espace n'appartient pas au lieu choisi" });
      spaceId = space.id;
    }
  } else if (f.venue === "partner") {
    // A partner's venue is a partner of the directory, or only an address (imported events often are).
    if (!f.partnerId && !f.venueName)
      throw invalid({ partnerId: "Choisissez le partenaire qui accueille, ou indiquez l'adresse du lieu" });
    if (f.partnerId) {
      const [partner] = await q.organizationsById(ctx.db, ctx.consortium.id, [f.partnerId]);
      if (!partner || partner.kind !== "partner") throw invalid({ partnerId: "Partenaire introuvable dans ce consortium" });
      partnerId = partner.id;
    }
  } else if (!f.onlineUrl) {
    throw invalid({ onlineUrl: "Indiquez le lien de l'événement en ligne" });
  }
  const { startsAt, endsAt } = resolveTimes(f.allDay, f.start, f.end);
  return {
    organizerIds: f.organizerIds,
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

function candidateOf(r: Resolved, eventId?: string, alsoExclude?: string): Candidate {
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

const SPACE_TAKEN = "Cet espace est déjà occupé sur ce créneau : choisissez un autre espace ou une autre heure.";

/**
 * Refuses the save when the space is taken, or when clashes or probable duplicates were not acknowledged;
 * the 409 carries every warning so the form can show them and offer the choices.
 */
function enforce(warnings: AgendaWarnings, ack: Ack | undefined) {
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
async function recordReviews(tx: Db, ctx: Ctx, eventId: string, warnings: AgendaWarnings, ack: Ack | undefined) {
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
async function guardSpace<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause ?? error;
    if ((cause as { code?: string }).code === "23P01") throw conflict(SPACE_TAKEN, { spaceId: SPACE_TAKEN });
    throw error;
  }
}

// ---------------------------------------------------------------- writing

export async function checkEvent(ctx: Ctx, input: Check): Promise<AgendaWarnings> {
  const rrule = recurrenceRule(input.recurrence, input.start, input.allDay);
  const resolved = await resolve(ctx, input, rrule);
  return warningsFor(ctx.db, ctx.consortium.id, candidateOf(resolved, input.eventId));
}

export async function createEvent(ctx: Ctx, input: Fields): Promise<EventDto> {
  authorize(eventPolicy.create(ctx.actor, { organizerIds: input.organizerIds }));
  const rrule = recurrenceRule(input.recurrence, input.start, input.allDay);
  const resolved = await resolve(ctx, input, rrule);
  const warnings = await warningsFor(ctx.db, ctx.consortium.id, candidateOf(resolved));
  enforce(warnings, input.acknowledge);
  const id = await guardSpace(() =>
    ctx.db.transaction(async (tx) => {
      const eventId = await insertEvent(
        tx,
        ctx.consortium.id,
        { ...resolved.values, createdBy: ctx.user.id },
        resolved.organizerIds,
      );
      await recordReviews(tx, ctx, eventId, warnings, input.acknowledge);
      await recordActivity(tx, {
        consortiumId: ctx.consortium.id,
        actorUserId: ctx.user.id,
        action: "event.create",
        subjectType: "event",
        subjectId: eventId,
        summary: `${ctx.user.name} publie « ${input.title} »`,
        data: input.acknowledge?.clashReason ? { clashReason: input.acknowledge.clashReason } : undefined,
      });
      return eventId;
    }),
  );
  return getEvent(ctx, id);
}

/** The event as the form would send it, so that a partial update can be merged into it. */
function currentFields(event: q.EventRow, organizerIds: string[]): Fields {
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

/** Fields one occurrence may change on its own; the rest belongs to the whole series. */
const PER_OCCURRENCE = new Set([
  "title",
  "description",
  "start",
  "end",
  "spaceId",
  "status",
  "scope",
  "occurrence",
  "acknowledge",
]);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export async function updateEvent(ctx: Ctx, id: string, input: Update): Promise<EventDto> {
  const { event, organizers } = await loadEvent(ctx, id);
  const organizerIds = organizers.map((o) => o.id);
  authorize(eventPolicy.update(ctx.actor, { organizerIds }));
  if (input.organizerIds) authorize(eventPolicy.update(ctx.actor, { organizerIds: input.organizerIds }));
  const current = currentFields(event, organizerIds);
  const { scope, occurrence, acknowledge, ...changes } = input;
  const series = event.rrule !== null;
  if (!series || scope === "all") return updateAll(ctx, event, current, changes, acknowledge);
  if (!occurrence) throw invalid({ occurrence: "Précisez l'occurrence concernée" });
  const originalStart = new Date(occurrence);
  const occurrences = expandSeries({ startsAt: event.startsAt, endsAt: event.endsAt, allDay: event.allDay, rrule: event.rrule });
  const target = occurrences.find((o) => o.originalStart.getTime() === originalStart.getTime());
  if (!target) throw invalid({ occurrence: "Cette date ne fait pas partie de la série" });
  if (scope === "one") {
    for (const [key, value] of Object.entries(changes))
      if (!PER_OCCURRENCE.has(key) && value !== undefined && !same(value, current[key as keyof Fields]))
        throw invalid({ [key]: "Ce champ ne change que pour toute la série ou pour les dates suivantes" });
    return updateOne(ctx, event, current, target, changes, acknowledge);
  }
  return updateFollowing(ctx, event, current, target, changes, acknowledge);
}

async function updateAll(ctx: Ctx, event: q.EventRow, current: Fields, changes: Partial<Fields>, ack: Ack | undefined) {
  const merged: Fields = { ...current, ...stripUndefined(changes) };
  // The rule follows a new first date (weekday, nth weekday), unless it came from an import the editor cannot show.
  const keepImportedRule = event.rrule !== null && current.recurrence === null && changes.recurrence === undefined;
  const rrule = keepImportedRule ? event.rrule : recurrenceRule(merged.recurrence, merged.start, merged.allDay);
  const resolved = await resolve(ctx, merged, rrule);
  const warnings = await warningsFor(ctx.db, ctx.consortium.id, candidateOf(resolved, event.id));
  enforce(warnings, ack);
  await guardSpace(() =>
    ctx.db.transaction(async (tx) => {
      await updateRow(tx, ctx.consortium.id, event.id, resolved.values, ctx.now);
      if (changes.organizerIds) await setOrganizers(tx, ctx.consortium.id, event.id, resolved.organizerIds);
      await dropStaleExceptions(tx, event.id, resolved.values);
      await materialize(tx, ctx.consortium.id, event.id);
      await recordReviews(tx, ctx, event.id, warnings, ack);
      await activity(tx, ctx, event.id, "event.update", `${ctx.user.name} modifie « ${merged.title} »`, {
        fields: Object.keys(stripUndefined(changes)),
      });
    }),
  );
  return getEvent(ctx, event.id);
}

/** Exceptions whose date is no longer part of the series (its rule or first date changed) are dropped. */
async function dropStaleExceptions(tx: Db, eventId: string, v: EventValues) {
  const exceptions = await tx.select().from(eventExceptions).where(eq(eventExceptions.eventId, eventId));
  if (exceptions.length === 0) return;
  const starts = new Set(
    expandSeries({ startsAt: v.startsAt, endsAt: v.endsAt, allDay: v.allDay ?? false, rrule: v.rrule ?? null }).map((o) =>
      o.originalStart.getTime(),
    ),
  );
  const stale = exceptions.filter((x) => !starts.has(x.originalStart.getTime())).map((x) => x.originalStart);
  if (stale.length > 0)
    await tx
      .delete(eventExceptions)
      .where(and(eq(eventExceptions.eventId, eventId), inArray(eventExceptions.originalStart, stale)));
}

async function updateOne(
  ctx: Ctx,
  event: q.EventRow,
  current: Fields,
  target: { originalStart: Date; startsAt: Date; endsAt: Date },
  changes: Partial<Fields>,
  ack: Ack | undefined,
) {
  const base = wallTimes({ startsAt: target.startsAt, endsAt: target.endsAt, allDay: event.allDay });
  const start = changes.start ?? base.start;
  const end = changes.end ?? base.end;
  const { startsAt, endsAt } = resolveTimes(event.allDay, start, end);
  const spaceId = changes.spaceId !== undefined ? changes.spaceId : event.spaceId;
  if (spaceId && spaceId !== event.spaceId) {
    const space = await q.findSpace(ctx.db, ctx.consortium.id, spaceId);
    if (!space || space.placeId !== event.placeId)
      throw invalid({ spaceId: "Cet espace n'appartient pas au lieu de l'événement" });
  }
  const status = changes.status ?? event.status;
  const resolved = await resolve(
    ctx,
    { ...current, spaceId, status, title: changes.title ?? current.title, start, end, recurrence: null },
    null,
  );
  const candidate = candidateOf(resolved, event.id);
  const warnings =
    status === "cancelled"
      ? { space: [], audience: [], duplicates: [] }
      : await warningsFor(ctx.db, ctx.consortium.id, candidate);
  enforce(warnings, ack);
  const moved = startsAt.getTime() !== target.originalStart.getTime() || endsAt.getTime() !== target.endsAt.getTime();
  await guardSpace(() =>
    ctx.db.transaction(async (tx) => {
      await upsertException(tx, ctx.consortium.id, event.id, {
        originalStart: target.originalStart,
        cancelled: status === "cancelled",
        startsAt: moved ? startsAt : null,
        endsAt: moved ? endsAt : null,
        title: changes.title && changes.title !== event.title ? changes.title : null,
        description: changes.description !== undefined && changes.description !== event.description ? changes.description : null,
        spaceId: spaceId !== event.spaceId ? spaceId : null,
        status: status !== event.status && status !== "cancelled" ? status : null,
      });
      await updateRow(tx, ctx.consortium.id, event.id, {}, ctx.now);
      await materialize(tx, ctx.consortium.id, event.id);
      await recordReviews(tx, ctx, event.id, warnings, ack);
      const what = status === "cancelled" ? "annule" : "modifie";
      await activity(
        tx,
        ctx,
        event.id,
        status === "cancelled" ? "event.cancel-occurrence" : "event.update-occurrence",
        `${ctx.user.name} ${what} « ${event.title} » du ${instantToParisWall(target.originalStart).replace("T", " à ")}`,
        { occurrence: target.originalStart.toISOString() },
      );
    }),
  );
  return getEvent(ctx, event.id);
}

/**
 * "This and following": the series stops before the chosen date and a new series, with the changes, starts
 * there. Exceptions after the split belonged to dates the old series no longer has; they are dropped.
 */
async function updateFollowing(
  ctx: Ctx,
  event: q.EventRow,
  current: Fields,
  target: { originalStart: Date; startsAt: Date; endsAt: Date },
  changes: Partial<Fields>,
  ack: Ack | undefined,
) {
  const rule = event.rrule as string;
  const split = splitSeries(rule, { startsAt: event.startsAt, allDay: event.allDay }, target.originalStart);
  if (split.before === null) return updateAll(ctx, event, current, changes, ack);
  const base = wallTimes({
    startsAt: target.originalStart,
    endsAt: new Date(target.originalStart.getTime() + (event.endsAt.getTime() - event.startsAt.getTime())),
    allDay: event.allDay,
  });
  const merged: Fields = { ...current, start: base.start, end: base.end, ...stripUndefined(changes) };
  // The new series keeps the old rule (with what remains of its count), re-anchored on its new first date.
  let afterRule: string | null;
  if (changes.recurrence !== undefined) afterRule = recurrenceRule(merged.recurrence, merged.start, merged.allDay);
  else {
    const shaped = fromRRule(split.after, base.start, event.allDay);
    afterRule = shaped ? recurrenceRule(shaped, merged.start, merged.allDay) : split.after;
  }
  const resolved = await resolve(ctx, merged, afterRule);
  const warnings = await warningsFor(ctx.db, ctx.consortium.id, candidateOf(resolved, undefined, event.id));
  enforce(warnings, ack);
  const newId = await guardSpace(() =>
    ctx.db.transaction(async (tx) => {
      await updateRow(tx, ctx.consortium.id, event.id, { rrule: split.before }, ctx.now);
      await tx
        .delete(eventExceptions)
        .where(and(eq(eventExceptions.eventId, event.id), gte(eventExceptions.originalStart, target.originalStart)));
      await materialize(tx, ctx.consortium.id, event.id);
      const created = await insertEvent(
        tx,
        ctx.consortium.id,
        { ...resolved.values, createdBy: ctx.user.id },
        resolved.organizerIds,
      );
      await recordReviews(tx, ctx, created, warnings, ack);
      await activity(
        tx,
        ctx,
        created,
        "event.split",
        `${ctx.user.name} modifie « ${event.title} » à partir du ${merged.start.slice(0, 10)}`,
        {
          from: event.id,
        },
      );
      return created;
    }),
  );
  return getEvent(ctx, newId);
}

export async function deleteEvent(ctx: Ctx, id: string, scope: "one" | "following" | "all", occurrence?: string) {
  const { event, organizers } = await loadEvent(ctx, id);
  authorize(eventPolicy.delete(ctx.actor, { organizerIds: organizers.map((o) => o.id) }));
  if (event.rrule && scope !== "all") {
    if (!occurrence) throw invalid({ occurrence: "Précisez l'occurrence concernée" });
    const originalStart = new Date(occurrence);
    const occurrences = expandSeries({
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      allDay: event.allDay,
      rrule: event.rrule,
    });
    if (!occurrences.some((o) => o.originalStart.getTime() === originalStart.getTime()))
      throw invalid({ occurrence: "Cette date ne fait pas partie de la série" });
    if (scope === "one") {
      // Removing one date of a series is cancelling it: feeds then carry an EXDATE, and the series stays whole.
      await updateEvent(ctx, id, { scope: "one", occurrence, status: "cancelled" });
      return;
    }
    const split = splitSeries(event.rrule, { startsAt: event.startsAt, allDay: event.allDay }, originalStart);
    if (split.before !== null) {
      await ctx.db.transaction(async (tx) => {
        await updateRow(tx, ctx.consortium.id, id, { rrule: split.before }, ctx.now);
        await tx
          .delete(eventExceptions)
          .where(and(eq(eventExceptions.eventId, id), gte(eventExceptions.originalStart, originalStart)));
        await materialize(tx, ctx.consortium.id, id);
        await activity(
          tx,
          ctx,
          id,
          "event.truncate",
          `${ctx.user.name} arrête « ${event.title} » avant le ${occurrence.slice(0, 10)}`,
          {},
        );
      });
      return;
    }
  }
  await ctx.db.transaction(async (tx) => {
    await tx.delete(events).where(and(eq(events.consortiumId, ctx.consortium.id), eq(events.id, id)));
    await activity(tx, ctx, id, "event.delete", `${ctx.user.name} supprime « ${event.title} »`, { event });
  });
}

// ---------------------------------------------------------------- duplicates and clashes, answered

/** "Link as co-organised": an organisation joins an existing event instead of publishing it again. */
export async function coOrganize(ctx: Ctx, id: string, organizationId: string): Promise<EventDto> {
  const { event, organizers } = await loadEvent(ctx, id);
  const [org] = await q.organizationsById(ctx.db, ctx.consortium.id, [organizationId]);
  if (!org) throw invalid({ organizationId: "Structure introuvable dans ce consortium" });
  authorize(isCoordinator(ctx.actor) || isReferentOf(ctx.actor, organizationId));
  if (organizers.some((o) => o.id === organizationId)) return getEvent(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await setOrganizers(tx, ctx.consortium.id, id, [...organizers.map((o) => o.id), organizationId]);
    await activity(
      tx,
      ctx,
      id,
      "event.co-organize",
      `${org.name} co-organise « ${event.title} » avec ${organizers.map((o) => o.name).join(", ")}`,
      {
        organizationId,
      },
    );
  });
  return getEvent(ctx, id);
}

/** Folds a duplicate into the event: its organisers become co-organisers, and the copy disappears. */
export async function mergeDuplicate(ctx: Ctx, id: string, duplicateId: string): Promise<EventDto> {
  if (id === duplicateId) throw invalid({ duplicateId: "Un événement ne peut pas être son propre doublon" });
  const kept = await loadEvent(ctx, id);
  const dup = await loadEvent(ctx, duplicateId);
  authorize(
    agendaPolicy.merge(ctx.actor, [
      { organizerIds: kept.organizers.map((o) => o.id) },
      { organizerIds: dup.organizers.map((o) => o.id) },
    ]),
  );
  const all = [...new Set([...kept.organizers, ...dup.organizers].map((o) => o.id))];
  await ctx.db.transaction(async (tx) => {
    await setOrganizers(tx, ctx.consortium.id, id, all);
    await tx.delete(events).where(and(eq(events.consortiumId, ctx.consortium.id), eq(events.id, duplicateId)));
    await activity(
      tx,
      ctx,
      id,
      "event.merge",
      `${ctx.user.name} fusionne le doublon « ${dup.event.title} » dans « ${kept.event.title} »`,
      {
        duplicate: dup.event,
        organizers: dup.organizers.map((o) => o.name),
      },
    );
  });
  return getEvent(ctx, id);
}

export async function review(ctx: Ctx, input: Review): Promise<void> {
  const [a, b] = [...input.eventIds].sort();
  if (a === b) throw invalid({ eventIds: "Deux événements différents sont attendus" });
  const first = await loadEvent(ctx, a);
  const second = await loadEvent(ctx, b);
  authorize(
    agendaPolicy.review(ctx.actor, [
      { organizerIds: first.organizers.map((o) => o.id) },
      { organizerIds: second.organizers.map((o) => o.id) },
    ]),
  );
  if (input.kind === "audience" && input.verdict !== "accepted")
    throw invalid({ verdict: "Un chevauchement de publics s'accepte (avec une raison)" });
  if (input.kind === "duplicate" && input.verdict !== "distinct")
    throw invalid({ verdict: "Pour lier deux événements, fusionnez-les" });
  if (input.kind === "audience" && !input.reason) throw invalid({ reason: "Indiquez pourquoi ce chevauchement est maintenu" });
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(eventReviews)
      .values({
        consortiumId: ctx.consortium.id,
        kind: input.kind,
        eventA: a,
        eventB: b,
        verdict: input.verdict,
        reason: input.reason ?? null,
        reviewedBy: ctx.user.id,
      })
      .onConflictDoUpdate({
        target: [eventReviews.kind, eventReviews.eventA, eventReviews.eventB],
        set: { verdict: input.verdict, reason: input.reason ?? null, reviewedBy: ctx.user.id, reviewedAt: ctx.now },
      });
    const summary =
      input.kind === "audience"
        ? `${ctx.user.name} maintient « ${first.event.title} » et « ${second.event.title} » le même jour : ${input.reason}`
        : `${ctx.user.name} indique que « ${first.event.title} » et « ${second.event.title} » sont deux événements différents`;
    await activity(tx, ctx, a, `event.review-${input.kind}`, summary, { other: b });
  });
}

// ---------------------------------------------------------------- helpers

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function activity(tx: Db, ctx: Ctx, eventId: string, action: string, summary: string, data: Record<string, unknown>) {
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

export { AppError };
