import { and, eq, gte, inArray } from "drizzle-orm";
import type { z } from "zod";
import { expandSeries, fromRRule, splitSeries } from "../../../shared/agenda/recurrence.ts";
import { instantToParisWall } from "../../../shared/agenda/time.ts";
import type { AgendaWarnings, EventDto, UpdateEventInput } from "../../../shared/contracts/agenda.ts";
import type { Db } from "../../db/client.ts";
import { calendarSubscriptions, eventExceptions, events } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { invalid, notFound } from "../../http/errors.ts";
import { eventPolicy } from "../../policies/agenda.ts";
import { authorize } from "../../policies/index.ts";
import { recordActivity } from "../activity.ts";
import { presentEvent, wallTimes } from "./agenda.presenter.ts";
import * as q from "./agenda.queries.ts";
import { slotsAround, warningsFor } from "./checks.service.ts";
import {
  type Ack,
  activity,
  type Check,
  candidateOf,
  currentFields,
  enforce,
  type Fields,
  guardSpace,
  recordReviews,
  recurrenceRule,
  resolve,
  resolveTimes,
  stripUndefined,
} from "./event-input.ts";
import {
  type EventValues,
  insertEvent,
  insertEventRow,
  materialize,
  setOrganizers,
  updateEvent as updateRow,
  upsertException,
} from "./events.store.ts";

type Update = z.output<typeof UpdateEventInput>;

// ---------------------------------------------------------------- reading

export async function loadEvent(ctx: Ctx, id: string) {
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

// ---------------------------------------------------------------- writing

export async function checkEvent(ctx: Ctx, input: Check): Promise<AgendaWarnings> {
  const rrule = recurrenceRule(input.recurrence, input.start, input.allDay);
  const resolved = await resolve(ctx, input, rrule);
  return warningsFor(ctx.db, ctx.consortium.id, candidateOf(resolved, input.eventId));
}

export async function createEvent(ctx: Ctx, input: Fields): Promise<EventDto> {
  authorize(eventPolicy.create(ctx.actor, { organizerIds: input.organizerIds }));
  const rrule = recurrenceRule(input.recurrence, input.start, input.allDay);
  // The programme around the new dates is read while the references are checked: one wait instead of two.
  const times = resolveTimes(input.allDay, input.start, input.end);
  const around = slotsAround(ctx.db, ctx.consortium.id, expandSeries({ ...times, allDay: input.allDay, rrule }));
  around.catch(() => {}); // awaited below, unless a reference is refused first
  const resolved = await resolve(ctx, input, rrule);
  const warnings = await warningsFor(ctx.db, ctx.consortium.id, candidateOf(resolved), around);
  enforce(warnings, input.acknowledge);
  const row = await guardSpace(() =>
    ctx.db.transaction(async (tx) => {
      const stored = await insertEventRow(
        tx,
        ctx.consortium.id,
        { ...resolved.values, createdBy: ctx.user.id },
        resolved.organizerIds,
      );
      await recordReviews(tx, ctx, stored.id, warnings, input.acknowledge);
      await recordActivity(tx, {
        consortiumId: ctx.consortium.id,
        actorUserId: ctx.user.id,
        action: "event.create",
        subjectType: "event",
        subjectId: stored.id,
        summary: `${ctx.user.name} publie « ${input.title} »`,
        data: input.acknowledge?.clashReason ? { clashReason: input.acknowledge.clashReason } : undefined,
      });
      return stored;
    }),
  );
  // The answer is made from the stored row and what the checks already read: nothing is read back.
  return presentEvent(ctx.actor, row, resolved.organizers, [], {
    placeName: resolved.placeName,
    partnerName: resolved.partnerName,
    subscriptionUrl: null,
  });
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
